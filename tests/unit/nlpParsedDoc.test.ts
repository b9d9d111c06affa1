import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeParseAnswer, NLP_PROTOCOL, offsetMap, type WireDoc, type WireParseAnswer } from '../../server/nlp/parsedDoc.ts';

/** The UTF-16 offset of each code point, counted the slow, obvious way. */
function slowOffsets(text: string): number[] {
  const offsets = [0];
  for (const char of text) offsets.push(offsets.at(-1)! + char.length);
  return offsets;
}

describe('offsetMap', () => {
  it('is the identity for text without astral characters, lone surrogates included', () => {
    const text = 'Caf\u00e9 \u4e2d\u6587 \ud800 ok';
    const map = offsetMap(text);
    for (let i = 0; i <= text.length; i += 1) expect(map.toUtf16(i)).toBe(i);
    expect(() => map.toUtf16(text.length + 1)).toThrow(RangeError);
  });

  it('shifts every offset after an emoji, a flag or a mathematical letter by one unit per astral character', () => {
    const text = 'Talks 🤝 in Doha 🇶🇦 after 𝒳 delays';
    const map = offsetMap(text);
    const expected = slowOffsets(text);
    expected.forEach((unit, codePoint) => expect(map.toUtf16(codePoint)).toBe(unit));
    // "Doha" starts at code point 11 (after one emoji), which is UTF-16 unit 12.
    expect(map.toUtf16(11)).toBe(text.indexOf('Doha'));
    expect(() => map.toUtf16(expected.length)).toThrow(RangeError);
  });

  it('agrees with iterating the string by code points, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const map = offsetMap(text);
        const expected = slowOffsets(text);
        return expected.every((unit, codePoint) => map.toUtf16(codePoint) === unit);
      }),
    );
  });
});

/** An answer holding one document. */
function answerOf(doc: WireDoc, strings: string[]): WireParseAnswer {
  return { protocol: NLP_PROTOCOL, model: 'test', strings, docs: [doc], timing: { spacy_ms: 1, queue_ms: 0, batch_texts: 1 } };
}

/** A document whose string columns all point at string 0: for tests of offsets and spans only. */
function plainDoc(idx: number[], ws: number[], head: number[], sents: number[]): WireDoc {
  const zeros = idx.map(() => 0);
  return { idx, ws, lemma: zeros, pos: zeros, tag: zeros, dep: zeros, morph: zeros, head, sents, ents: [], chunks: [] };
}

/** A wire answer for "Kyiv 🤝 rejected it." as spaCy would tokenise it (code-point offsets). */
function answerFor(): { text: string; answer: WireParseAnswer } {
  const text = 'Kyiv 🤝 rejected it.';
  const strings = ['Kyiv', '🤝', 'reject', 'it', '.', 'PROPN', 'VERB', 'PRON', 'PUNCT', 'NNP', 'VBD', 'PRP', 'nsubj', 'ROOT', 'dobj', 'punct', '', 'Tense=Past|VerbForm=Fin', 'GPE', 'NFP', 'dep', 'SYM'];
  const doc: WireDoc = {
    idx: [0, 5, 7, 16, 18],
    ws: [1, 1, 1, 0, 0],
    lemma: [0, 1, 2, 3, 4],
    pos: [5, 21, 6, 7, 8],
    tag: [9, 19, 10, 11, 4],
    dep: [12, 20, 13, 14, 15],
    morph: [16, 16, 17, 16, 16],
    head: [2, 2, 2, 2, 2],
    sents: [0],
    ents: [0, 1, 18],
    chunks: [0, 1, 0, 3, 4, 3],
  };
  return { text, answer: answerOf(doc, strings) };
}

describe('decodeParseAnswer', () => {
  it('turns columns into tokens whose offsets slice the JavaScript text', () => {
    const { text, answer } = answerFor();
    const [doc] = decodeParseAnswer([text], answer);
    expect(doc!.tokens.map((t) => t.text)).toEqual(['Kyiv', '🤝', 'rejected', 'it', '.']);
    for (const token of doc!.tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(doc!.tokens.map((t) => t.whitespace).join('|')).toBe(' | | ||');
    expect(doc!.tokens.map((t) => t.text + t.whitespace).join('')).toBe(text);
    const rejected = doc!.token(2);
    expect(rejected).toMatchObject({ lemma: 'reject', pos: 'VERB', tag: 'VBD', dep: 'ROOT', head: 2, start: 8, end: 16, isSentStart: false });
    expect(rejected.morph).toEqual({ Tense: 'Past', VerbForm: 'Fin' });
    expect(doc!.token(0).morph).toEqual({});
    expect(doc!.token(0).isSentStart).toBe(true);
  });

  it('derives entity marks, sentences, noun chunks and children from the spans and heads', () => {
    const { text, answer } = answerFor();
    const [doc] = decodeParseAnswer([text], answer);
    expect(doc!.tokens.map((t) => t.entIob)).toEqual(['B', 'O', 'O', 'O', 'O']);
    expect(doc!.tokens.map((t) => t.entType)).toEqual(['GPE', '', '', '', '']);
    expect(doc!.entities).toEqual([{ start: 0, end: 1, charStart: 0, charEnd: 4, text: 'Kyiv', label: 'GPE' }]);
    expect(doc!.sentences).toEqual([{ start: 0, end: 5, charStart: 0, charEnd: text.length, text }]);
    expect(doc!.nounChunks.map((c) => [c.text, c.root])).toEqual([['Kyiv', 0], ['it', 3]]);
    expect(doc!.children(2)).toEqual([0, 1, 3, 4]);
    expect(doc!.children(0)).toEqual([]);
    expect(doc!.sentenceOf(4).start).toBe(0);
    expect(Object.isFrozen(doc!.tokens)).toBe(true);
    expect(Object.isFrozen(doc!.token(0))).toBe(true);
  });

  it('marks no token B/I/O when the pipeline ran no entity recogniser', () => {
    const { text, answer } = answerFor();
    answer.docs[0]!.ents = null;
    const [doc] = decodeParseAnswer([text], answer);
    expect(doc!.entities).toEqual([]);
    expect(new Set(doc!.tokens.map((t) => t.entIob))).toEqual(new Set(['']));
  });

  it('finds the sentence of a token by binary search over several sentences', () => {
    const text = 'No. Yes. Maybe';
    const [parsed] = decodeParseAnswer([text], answerOf(plainDoc([0, 2, 4, 7, 9], [0, 1, 0, 1, 0], [0, 0, 2, 2, 4], [0, 2, 4]), ['x']));
    expect(parsed!.sentences.map((s) => s.text)).toEqual(['No.', 'Yes.', 'Maybe']);
    expect([0, 1, 2, 3, 4].map((i) => parsed!.sentenceOf(i).start)).toEqual([0, 0, 2, 2, 4]);
    expect(parsed!.tokens.map((t) => t.isSentStart)).toEqual([true, false, true, false, true]);
  });

  it('decodes an empty text as a document without tokens', () => {
    const [doc] = decodeParseAnswer([''], answerOf(plainDoc([], [], [], []), []));
    expect(doc!.tokens).toEqual([]);
    expect(doc!.sentences).toEqual([]);
    expect(() => doc!.token(0)).toThrow(RangeError);
  });

  it('refuses an answer that does not fit its texts', () => {
    const { text, answer } = answerFor();
    expect(() => decodeParseAnswer([text, text], answer)).toThrow(/expected 2 documents, got 1/);
    expect(() => decodeParseAnswer([text], { ...answer, protocol: 2 })).toThrow(/expected protocol 1/);
    const short = { ...answer, docs: [{ ...answer.docs[0]!, lemma: [0] }] };
    expect(() => decodeParseAnswer([text], short)).toThrow(/column lemma/);
    const unknown = { ...answer, strings: answer.strings.slice(0, 3) };
    expect(() => decodeParseAnswer([text], unknown)).toThrow(/missing from the answer's table/);
    // Offsets past the end of the text (another text's answer, say) are caught.
    expect(() => decodeParseAnswer(['Kyiv'], answer)).toThrow(RangeError);
  });
});
