/**
 * Quotes and their speakers. A quote is the words between quotation marks (straight or
 * curly, double, or single curly as headlines use them). Its speaker is the subject of a verb
 * of speech in the same or the next segment, outside the quote ("…,” Pashinyan said), or a
 * pronoun resolved to one; a quote that opens a paragraph after another by the same speaker
 * keeps that speaker when a verb of speech with a pronoun follows ("he added").
 */
import type { ParsedDoc } from '../../../nlp/parsedDoc.ts';
import { SPEECH_LEMMAS } from './lexicon.ts';
import { mentionAt } from './mentions.ts';
import type { Mention, QuoteSpan } from './types.ts';

const QUOTE = /["“]([^"“”\n]{2,4000}?)["”]|‘([^‘’\n]{2,600}?)’(?![\p{L}])/gu;

export function findQuotes(doc: ParsedDoc, mentions: readonly Mention[], segments: readonly number[]): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  for (const m of doc.text.matchAll(QUOTE)) {
    const inner = m[1] ?? m[2]!;
    const start = m.index + 1;
    // A comma before the closing mark is the reporter's punctuation.
    const end = start + inner.replace(/[,\s]+$/u, '').length;
    if (!/\p{L}/u.test(doc.text.slice(start, end))) continue;
    quotes.push({ start, end, ...speakerOf(doc, start, end, mentions, segments) });
  }
  return quotes;
}

function speakerOf(doc: ParsedDoc, start: number, end: number, mentions: readonly Mention[], segments: readonly number[]): { speaker?: string; cue: string; confidence: number } {
  const first = doc.tokens.findIndex((t) => t.end > start);
  const last = findLastIndex(doc, end);
  if (first < 0 || last < 0) return { cue: 'no speaker', confidence: 0.3 };
  const segs = new Set([segments[first]!, segments[last]!, segments[Math.min(last + 2, doc.tokens.length - 1)]!]);
  const inside = (i: number) => doc.token(i).start >= start - 1 && doc.token(i).end <= end + 1;
  const verbs = doc.tokens.filter((t) => segs.has(segments[t.i]!) && !inside(t.i) && SPEECH_LEMMAS.has(t.lemma.toLowerCase()) && (t.pos === 'VERB'));
  // The nearest verb of speech after the quote first, then before it.
  verbs.sort((a, b) => distance(a.start, start, end) - distance(b.start, start, end));
  for (const verb of verbs) {
    for (const c of doc.children(verb.i)) {
      const child = doc.token(c);
      if (child.dep !== 'nsubj' || inside(c)) continue;
      const who = mentionAt(mentions, c);
      if (who) return { speaker: who.entity, cue: `${child.text} ${verb.text}`, confidence: who.confidence };
    }
  }
  // "according to X"
  for (let i = last + 1; i < doc.tokens.length && segments[i] === segments[last]; i += 1) {
    if (doc.token(i).text.toLowerCase() === 'according' && doc.tokens[i + 1]?.text.toLowerCase() === 'to') {
      const who = mentionAt(mentions, i + 2) ?? mentionAt(mentions, i + 3);
      if (who) return { speaker: who.entity, cue: 'according to', confidence: 0.7 };
    }
  }
  return { cue: 'no speaker', confidence: 0.3 };
}

function findLastIndex(doc: ParsedDoc, end: number): number {
  for (let i = doc.tokens.length - 1; i >= 0; i -= 1) if (doc.token(i).start < end) return i;
  return -1;
}

function distance(at: number, start: number, end: number): number {
  return at >= end ? at - end : (start - at) * 1.5;
}
