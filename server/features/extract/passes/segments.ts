/**
 * Segments: spaCy's sentences, further cut at line breaks. A report's headline, photo caption
 * and paragraphs are separate even when the parser runs them together.
 */
import type { ParsedDoc } from '../../../nlp/parsedDoc.ts';

/** The segment number of every token. */
export function segmentsOf(doc: ParsedDoc): number[] {
  const out = new Array<number>(doc.tokens.length);
  let segment = -1;
  let broken = true;
  for (const token of doc.tokens) {
    if (token.isSentStart || broken) segment += 1;
    broken = token.pos === 'SPACE' && token.text.includes('\n');
    out[token.i] = segment;
  }
  return out;
}
