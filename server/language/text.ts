/**
 * Sentences and tokens with character offsets, from wink-nlp and its shipped English model
 * (loaded once, in process). wink reports spans in token indices; offsets into the original
 * text are recovered by walking the tokens through it, since wink keeps each token's text.
 */
import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model);
const its = nlp.its;
/** wink's types declare `its.lemma` with an add-on signature that `out` does not accept; it works at run time. */
const lemmaOf = (token: ItemToken): string => String(token.out(its.lemma as never)).toLowerCase();

export interface Token {
  text: string;
  /** Lower-case base form ("demanded" → "demand", "told" → "tell"). */
  lemma: string;
  /** Universal part of speech: VERB, NOUN, PROPN, AUX, PART, ADP, PUNCT … */
  pos: string;
  start: number;
  end: number;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  tokens: Token[];
}

/**
 * Splits text into sentences of tokens; every offset is a [start, end) into `text`. A blank
 * line always ends a sentence (headlines, datelines and paragraphs carry no full stop).
 */
export function readSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
    if (block[0].trim()) sentences.push(...sentencesOfBlock(block[0], block.index));
  }
  return sentences;
}

function sentencesOfBlock(block: string, offset: number): Sentence[] {
  const text = block;
  const doc = nlp.readDoc(text);
  const tokens: Token[] = [];
  let cursor = 0;
  doc.tokens().each((token: ItemToken) => {
    const value = token.out();
    const at = text.indexOf(value, cursor);
    // wink may normalise a token it cannot find verbatim; it then keeps the previous cursor.
    const start = at < 0 ? cursor : at;
    const end = at < 0 ? cursor : at + value.length;
    cursor = end;
    tokens.push({ text: value, lemma: lemmaOf(token), pos: String(token.out(its.pos)), start: start + offset, end: end + offset });
  });
  const sentences: Sentence[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number];
    const own = tokens.slice(first, last + 1).filter((t) => t.end > t.start && t.text.trim() !== '');
    if (own.length === 0) return;
    const start = own[0]!.start;
    const end = own[own.length - 1]!.end;
    sentences.push({ text: text.slice(start - offset, end - offset), start, end, tokens: own });
  });
  return sentences;
}

/** Lemma of a single word, for matching target phrases ("withdrawals" → "withdrawal"). */
export function lemmasOf(phrase: string): string[] {
  const lemmas: string[] = [];
  nlp.readDoc(phrase).tokens().each((token: ItemToken) => {
    if (token.out(its.type) === 'word') lemmas.push(lemmaOf(token));
  });
  return lemmas;
}

/** Whether a word is a stop word in wink's model (the, of, its …). */
export function isStopWord(word: string): boolean {
  return Boolean(nlp.readDoc(word).tokens().itemAt(0)?.out(its.stopWordFlag));
}
