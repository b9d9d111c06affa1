/**
 * spaCy's analysis of one text, as TypeScript reads it: tokens, sentences, entities and noun
 * chunks, with character offsets that slice the JavaScript string exactly.
 *
 * The service sends columns (one integer array per attribute, strings by index into one table
 * per answer; docs/nlp.md describes the format), because an object per token would make a
 * 10,000-word article several times larger. Python counts code points where JavaScript counts
 * UTF-16 code units, so every offset is converted here.
 */

/** The protocol version this client speaks (`protocol` in /health and /parse answers). */
export const NLP_PROTOCOL = 1;

/** One document of a /parse answer, as sent. Token columns all have one entry per token. */
export interface WireDoc {
  /** Start of each token, in code points. */
  idx: number[];
  /** 1 when a single space follows the token. */
  ws: number[];
  lemma: number[];
  pos: number[];
  tag: number[];
  dep: number[];
  morph: number[];
  /** Index of each token's syntactic head (the root is its own head). */
  head: number[];
  /** Index of each sentence's first token. */
  sents: number[];
  /** Entities as flat triples: first token, end token (exclusive), label; null when no NER ran. */
  ents: number[] | null;
  /** Noun chunks as flat triples: first token, end token (exclusive), root token. */
  chunks: number[];
}

export interface WireParseAnswer {
  protocol: number;
  model: string;
  strings: string[];
  docs: WireDoc[];
  timing: { spacy_ms: number; queue_ms: number; batch_texts: number };
}

export type EntityIob = 'B' | 'I' | 'O' | '';

export interface Token {
  /** Position in the document. */
  readonly i: number;
  readonly text: string;
  readonly lemma: string;
  /** Universal part of speech (NOUN, VERB, PROPN…). */
  readonly pos: string;
  /** Fine-grained tag (VBD, NNP…). */
  readonly tag: string;
  /** Dependency label to the head (nsubj, dobj, ROOT…). */
  readonly dep: string;
  /** Index of the syntactic head; the sentence root points at itself. */
  readonly head: number;
  readonly isSentStart: boolean;
  /** UTF-16 offsets: `doc.text.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
  /** The whitespace after the token: '' or ' '. */
  readonly whitespace: string;
  /** Morphological features, such as Tense, VerbForm, Mood, Number. */
  readonly morph: Readonly<Record<string, string>>;
  /** Entity label of the entity this token is in, or ''. */
  readonly entType: string;
  /** B: begins an entity, I: inside one, O: outside, '': no entity recogniser ran. */
  readonly entIob: EntityIob;
}

/** A run of tokens `[start, end)` with its UTF-16 character span. */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly charStart: number;
  readonly charEnd: number;
  readonly text: string;
}

export interface Entity extends TokenSpan {
  readonly label: string;
}

export interface NounChunk extends TokenSpan {
  /** The chunk's head noun. */
  readonly root: number;
}

/** Converts a text's code-point offsets to UTF-16 offsets. */
export interface OffsetMap {
  /** The offset in UTF-16 code units of code point `codePoint` (the text's length at its end). */
  toUtf16(codePoint: number): number;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/**
 * Code points and UTF-16 units differ only after a character outside the Basic Multilingual
 * Plane (emoji, some CJK, mathematical letters), which JavaScript stores as a surrogate pair and
 * Python as one character. Texts without one, nearly all, get the identity map. A lone surrogate
 * is one unit on both sides.
 */
export function offsetMap(text: string): OffsetMap {
  if (!SURROGATE_PAIR.test(text)) {
    return {
      toUtf16(codePoint) {
        if (!(codePoint >= 0 && codePoint <= text.length)) throw new RangeError(`offset ${codePoint} is outside the text`);
        return codePoint;
      },
    };
  }
  const units = new Uint32Array(text.length + 1);
  let codePoints = 0;
  for (let unit = 0; unit < text.length; codePoints += 1) {
    units[codePoints] = unit;
    unit += isPairAt(text, unit) ? 2 : 1;
  }
  units[codePoints] = text.length;
  return {
    toUtf16(codePoint) {
      if (!(codePoint >= 0 && codePoint <= codePoints)) throw new RangeError(`offset ${codePoint} is outside the text`);
      return units[codePoint]!;
    },
  };
}

function isPairAt(text: string, unit: number): boolean {
  const high = text.charCodeAt(unit);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = text.charCodeAt(unit + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}

/** Parses `Tense=Past|VerbForm=Fin` once per distinct string of an answer. */
class MorphCache {
  private readonly parsed = new Map<string, Readonly<Record<string, string>>>();

  get(features: string): Readonly<Record<string, string>> {
    let morph = this.parsed.get(features);
    if (!morph) {
      const entries = features === '' ? [] : features.split('|').map((pair) => pair.split('=', 2) as [string, string]);
      morph = Object.freeze(Object.fromEntries(entries));
      this.parsed.set(features, morph);
    }
    return morph;
  }
}

/** The decoded answer of one /parse request, in the order of its texts. */
export function decodeParseAnswer(texts: readonly string[], answer: WireParseAnswer): ParsedDoc[] {
  if (answer?.protocol !== NLP_PROTOCOL) throw new TypeError(`expected protocol ${NLP_PROTOCOL}, got ${String(answer?.protocol)}`);
  if (!Array.isArray(answer.docs) || answer.docs.length !== texts.length) {
    throw new TypeError(`expected ${texts.length} documents, got ${Array.isArray(answer.docs) ? answer.docs.length : 'none'}`);
  }
  const strings = new Strings(answer.strings);
  const morphs = new MorphCache();
  return texts.map((text, n) => new ParsedDoc(text, answer.docs[n]!, strings, morphs));
}

class Strings {
  constructor(private readonly table: readonly string[]) {
    if (!Array.isArray(table)) throw new TypeError('the answer has no string table');
  }

  at(index: number): string {
    const value = this.table[index];
    if (value === undefined) throw new TypeError(`string ${index} is missing from the answer's table`);
    return value;
  }
}

const TOKEN_COLUMNS = ['idx', 'ws', 'lemma', 'pos', 'tag', 'dep', 'morph', 'head'] as const;

/** One text as spaCy analysed it. Read-only: every list is frozen when the answer is decoded. */
export class ParsedDoc {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly TokenSpan[];
  /** Named entities, in order; empty when the pipeline has no entity recogniser. */
  readonly entities: readonly Entity[];
  /** Base noun phrases, in order; empty when the pipeline has no parser. */
  readonly nounChunks: readonly NounChunk[];
  private childLists: (readonly number[])[] | undefined;

  constructor(text: string, wire: WireDoc, strings: Strings, morphs: MorphCache) {
    this.text = text;
    const count = wire.idx?.length ?? -1;
    for (const column of TOKEN_COLUMNS) {
      if (!Array.isArray(wire[column]) || wire[column].length !== count) throw new TypeError(`token column ${column} does not match idx`);
    }
    const offsets = offsetMap(text);
    const starts = wire.idx.map((codePoint) => offsets.toUtf16(codePoint));
    // A token ends where the next begins, less its one trailing space: spaCy's text is the tokens' texts and spaces joined.
    const ends = starts.map((_, i) => (i + 1 < count ? starts[i + 1]! : text.length) - wire.ws[i]!);
    const sentenceStarts = new Set(wire.sents);
    const entityOf = entityColumns(count, wire.ents, strings);

    this.tokens = Object.freeze(
      starts.map((start, i): Token => {
        const end = ends[i]!;
        if (end < start) throw new TypeError(`token ${i} ends before it starts`);
        return Object.freeze({
          i,
          text: text.slice(start, end),
          lemma: strings.at(wire.lemma[i]!),
          pos: strings.at(wire.pos[i]!),
          tag: strings.at(wire.tag[i]!),
          dep: strings.at(wire.dep[i]!),
          head: wire.head[i]!,
          isSentStart: sentenceStarts.has(i),
          start,
          end,
          whitespace: wire.ws[i] ? ' ' : '',
          morph: morphs.get(strings.at(wire.morph[i]!)),
          entType: entityOf.type[i]!,
          entIob: entityOf.iob[i]!,
        });
      }),
    );
    this.sentences = Object.freeze(wire.sents.map((first, k) => this.span(first, wire.sents[k + 1] ?? count)));
    this.entities = Object.freeze(
      triples(wire.ents ?? []).map(([first, end, label]) => Object.freeze({ ...this.span(first, end), label: strings.at(label) })),
    );
    this.nounChunks = Object.freeze(triples(wire.chunks).map(([first, end, root]) => Object.freeze({ ...this.span(first, end), root })));
  }

  token(i: number): Token {
    const token = this.tokens[i];
    if (!token) throw new RangeError(`token ${i} is outside the document (${this.tokens.length} tokens)`);
    return token;
  }

  /** The tokens whose head is token `i`, in order. */
  children(i: number): readonly number[] {
    this.token(i);
    if (!this.childLists) {
      const lists: number[][] = this.tokens.map(() => []);
      for (const token of this.tokens) if (token.head !== token.i) lists[token.head]?.push(token.i);
      this.childLists = lists.map((list) => Object.freeze(list));
    }
    return this.childLists[i]!;
  }

  /** The sentence holding token `i`. */
  sentenceOf(i: number): TokenSpan {
    this.token(i);
    let low = 0;
    let high = this.sentences.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.sentences[middle]!.start <= i) low = middle;
      else high = middle - 1;
    }
    return this.sentences[low]!;
  }

  private span(first: number, end: number): TokenSpan {
    if (!(first >= 0 && first < end && end <= this.tokens.length)) throw new TypeError(`span ${first}–${end} is outside the document`);
    const charStart = this.tokens[first]!.start;
    const charEnd = this.tokens[end - 1]!.end;
    return Object.freeze({ start: first, end, charStart, charEnd, text: this.text.slice(charStart, charEnd) });
  }
}

function triples(flat: readonly number[]): [number, number, number][] {
  if (flat.length % 3 !== 0) throw new TypeError('a span list is not made of triples');
  const out: [number, number, number][] = [];
  for (let k = 0; k < flat.length; k += 3) out.push([flat[k]!, flat[k + 1]!, flat[k + 2]!]);
  return out;
}

/** Each token's entity label and IOB mark, from the entity spans. */
function entityColumns(count: number, ents: readonly number[] | null, strings: Strings): { type: string[]; iob: EntityIob[] } {
  const type = new Array<string>(count).fill('');
  const iob = new Array<EntityIob>(count).fill(ents === null ? '' : 'O');
  for (const [first, end, label] of triples(ents ?? [])) {
    for (let i = first; i < end && i < count; i += 1) {
      type[i] = strings.at(label);
      iob[i] = i === first ? 'B' : 'I';
    }
  }
  return { type, iob };
}
