/**
 * What a stance is about: an object phrase ("a full and unconditional ceasefire") matched to a
 * known position or event by the content words they share, or a new position named from the
 * phrase. The same closeness decides, in the eval, whether a proposed target is the gold one.
 */
import { fold, lemmasOf, isStopWord } from '../../language/index.ts';
import type { PositionCategory } from '../../contract/sourcePayload.ts';

export interface TargetCandidate {
  id: string;
  type: string;
  names: string[];
}

const lemmaCache = new Map<string, string[]>();

/** Content lemmas of a phrase: lower case, base forms, no function words or punctuation. */
export function contentLemmas(phrase: string): Set<string> {
  const key = fold(phrase);
  let lemmas = lemmaCache.get(key);
  if (!lemmas) {
    lemmas = lemmasOf(key.replace(/["'`]/g, ' ')).filter((l) => /\p{L}{2}/u.test(l) && !isStopWord(l));
    if (lemmaCache.size > 50_000) lemmaCache.clear();
    lemmaCache.set(key, lemmas);
  }
  return new Set(lemmas);
}

/**
 * How close two phrases are, 0..1: the share of the shorter phrase's content words found in the
 * longer. One shared word counts only when it is all of a one- or two-word phrase.
 */
export function closeness(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  const shorter = Math.min(a.size, b.size);
  if (shared < 2 && !(shared === 1 && shorter === 1)) return 0;
  return shared / shorter;
}

/** Closeness of a phrase to the best of a candidate's names. */
export function closenessTo(phrase: Set<string>, candidate: TargetCandidate): number {
  return Math.max(0, ...candidate.names.map((name) => closeness(phrase, contentLemmas(name))));
}

/** The candidate a phrase names, if any is close enough. */
export function bestMatch(phrase: string, candidates: Iterable<TargetCandidate>, threshold = 0.6): { candidate: TargetCandidate; score: number } | undefined {
  const lemmas = contentLemmas(phrase);
  let best: { candidate: TargetCandidate; score: number } | undefined;
  for (const candidate of candidates) {
    const score = closenessTo(lemmas, candidate);
    if (score >= threshold && (!best || score > best.score)) best = { candidate, score };
  }
  return best;
}

const CATEGORY_WORDS: Array<[PositionCategory, RegExp]> = [
  ['ceasefire', /\b(ceasefire|cease-fire|truce|armistice|halt|pause)/],
  ['summit', /\b(summit|meeting|talks|negotiation|round)/],
  ['sanctions', /\b(sanction|penalt|embargo|tariff)/],
  ['humanitarian', /\b(prisoner|swap|exchange|humanitarian|civilian|children|refugee|evacuat|grain|aid)/],
  ['territory', /\b(withdraw|territor|region|border|annex|land|occupied)/],
  ['security', /\b(security|guarantee|neutral|nato|membership)/],
  ['military', /\b(troop|weapon|arms|military|defen[cs]e|offensive|army|missile|drone)/],
];

/** The model's position category a phrase most plausibly belongs to. */
export function categoryOf(phrase: string): PositionCategory {
  const folded = fold(phrase);
  return CATEGORY_WORDS.find(([, pattern]) => pattern.test(folded))?.[0] ?? 'diplomatic';
}

/** `type:lower-case-words` from a name, at most `max` characters of words. */
export function slugId(prefix: string, name: string, max = 60): string {
  const words = fold(name).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  let slug = '';
  for (const word of words) {
    if (slug && slug.length + word.length + 1 > max) break;
    slug = slug ? `${slug}-${word}` : word.slice(0, max);
  }
  return `${prefix}:${slug || 'unnamed'}`;
}
