/**
 * Reading a question, without the database, on the language layer that article extraction uses
 * (server/language): wink-nlp tokens and lemmas, the stance-verb lexicon, the name matcher
 * (aliases, diacritics folded, longest match first) and chrono-node dates. askVocabulary adds
 * what only questions need. The result says what was asked, which `ask.ts` then answers.
 */
import type { NameRow } from '../../core/namesData.ts';
import { NameMatcher, type Token, findDates, findStanceCues, fold, isStopWord, readSentences, shiftDay } from '../../language/index.ts';
import type { StanceType } from '../../contract/model.ts';
import {
  ANY_STANCE_LEMMAS, ASKED_TYPES, ATTRIBUTION_WORDS, BOTH_LEMMAS, COMPARE_LEMMAS, CONDITION_LEMMAS, CONFLICT_LEMMAS, CONTESTED_LEMMAS, DIFFER_LEMMAS, EARLIEST_LEMMAS,
  INSTEAD_PHRASES, LATEST_LEMMAS, NEGATION_LEMMAS, ONLY_LEMMAS, QUESTION_CUES, QUESTION_WORDS, REPORT_LEMMAS, SAYING_LEMMAS, STRUCTURE_LEMMAS,
  type StructureCue, TIME_UNITS, TIMELINE_LEMMAS,
} from './vocabulary.ts';

const ACTOR_TYPES = new Set(['Party', 'Official', 'Delegation']);

/** Matching units of a text: folded, possessive "'s" dropped, split at anything but letters and digits. */
export function nameWords(text: string): string[] {
  return fold(text)
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The graph's names as the language layer's matcher; built once per set of names (see ask.ts). */
export type NameIndex = { matcher: NameMatcher; byId: Map<string, NameRow> };

export function buildNameIndex(names: NameRow[]): NameIndex {
  const matcher = new NameMatcher(names.map((n) => ({ id: n.id, type: n.type, name: n.label, aliases: n.names, ...(n.party ? { party: n.party } : {}) })));
  return { matcher, byId: new Map(names.map((n) => [n.id, n])) };
}

export type MentionRole = 'agent' | 'object' | 'replaced';

export interface Mention {
  entity: NameRow;
  /** The words of the question that named it. */
  text: string;
  role: MentionRole;
}

export interface TimeWindow {
  /** Stances dated on or after this day. */
  after: string | null;
  /** Stances dated before this day. */
  before: string | null;
  order: 'latest' | 'earliest' | null;
}

export interface Reading {
  question: string;
  /** The question word (who, what, when, …), or null for a yes/no or bare question. */
  asks: string | null;
  mentions: Mention[];
  /** Stance types the verb asks about; null when no stance verb was found. */
  stanceTypes: StanceType[] | null;
  /** The word that gave the stance types, as the question wrote it. */
  stanceWord: string | null;
  /** The question asks what was said (quotes), about any stance. */
  saying: boolean;
  /** The question asks about stances without naming one ("Where does Türkiye stand?"). */
  anyStance: boolean;
  /** Positions some back and others reject. */
  contested: boolean;
  /** Stances in date order. */
  timeline: boolean;
  /** A comparison that asks only where the actors differ. */
  differ: boolean;
  /** Asks where the sources disagree: conflicting reports. */
  sourcesDisagree: boolean;
  structure: StructureCue | null;
  negated: boolean;
  passive: boolean;
  both: boolean;
  only: boolean;
  compare: boolean;
  condition: boolean;
  time: TimeWindow;
  /** Content words that neither named an entity nor carried the intent; `replaced` after "instead of". */
  /** Words of the question no name, cue or date accounts for; `name`: a proper name the graph does not know ("Gaza"). */
  leftover: { word: string; replaced: boolean; name: boolean }[];
  /** Whether the question reads as English at all (it has English function words or known names). */
  english: boolean;
}

/** The question's words (punctuation dropped), with wink-nlp's lemma and part of speech. */
function tokensOf(question: string): Token[] {
  return readSentences(question).flatMap((sentence) => sentence.tokens).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
}

/**
 * A question moves its verb behind "do" or "have" and the subject ("What did the delegation offer?",
 * "Who did not back …"), where the tagger often reads it as a noun or adverb: the first word after
 * the auxiliary, its negation and its subject is taken as the verb it is.
 */
function asVerbs(tokens: Token[], named: Set<number>): Token[] {
  const verbs = new Set<number>();
  const subjectLike = (j: number) => named.has(j) || ['PROPN', 'PRON', 'CCONJ', 'DET', 'ADV'].includes(tokens[j]!.pos) || NEGATION_LEMMAS.has(tokens[j]!.lemma);
  tokens.forEach((t, i) => {
    if (t.pos !== 'AUX' || (t.lemma !== 'do' && t.lemma !== 'have')) return;
    // Every noun, adverb or adjective among the words that follow, up to the first that follows a
    // subject; a retagged word that is no stance verb changes nothing.
    for (let j = i + 1; j < Math.min(tokens.length, i + 7); j += 1) {
      if (['NOUN', 'ADV', 'ADJ'].includes(tokens[j]!.pos)) verbs.add(j);
      if (!subjectLike(j) && !named.has(j)) break;
    }
  });
  return tokens.map((t, i) => (verbs.has(i) ? { ...t, pos: 'VERB' } : t));
}

/** "before June", "after 2 June", "since May 30", "in January", "latest": a window on stance dates. */
function readTime(question: string, tokens: Token[], cueWords: string[], referenceDate: string | null): TimeWindow {
  const window: TimeWindow = { after: null, before: null, order: null };
  if (cueWords.some((w) => LATEST_LEMMAS.has(w))) window.order = 'latest';
  else if (cueWords.some((w) => EARLIEST_LEMMAS.has(w))) window.order = 'earliest';
  const reference = referenceDate ?? new Date().toISOString().slice(0, 10);
  for (const written of findDates(question, reference)) {
    // A day or month named without its year ("2 June", asked in December) is the last one the
    // sources can hold, not the nearest: never after where they end.
    const found = written.date > reference && !/\b\d{4}\b/.test(written.text) ? { ...written, date: shiftYear(written.date, -1) } : written;
    const end = found.precision === 'day' ? shiftDay(found.date, 1) : found.precision === 'week' ? shiftDay(found.date, 7) : nextPeriod(found.date, found.precision);
    const before = tokens.filter((t) => t.end <= found.start).at(-1)?.lemma ?? '';
    if (before === 'before' || before === 'prior') window.before = found.date;
    else if (before === 'after') window.after = end;
    else if (before === 'since' || before === 'from') window.after = found.date;
    else if (before === 'until' || before === 'by' || before === 'till') window.before = end;
    else {
      window.after = found.date;
      window.before = end;
    }
  }
  return window;
}

function shiftYear(day: string, years: number): string {
  const [y, rest] = [Number(day.slice(0, 4)), day.slice(4)];
  return `${y + years}${rest === '-02-29' ? '-02-28' : rest}`;
}

function nextPeriod(day: string, unit: 'month' | 'year'): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return unit === 'year' || m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

interface Span {
  start: number;
  end: number;
  entity: NameRow;
}

/** The names in the question, as token spans; the matcher works on characters. */
function findNames(question: string, tokens: Token[], index: NameIndex): Span[] {
  return index.matcher.find(question).flatMap((mention) => {
    const entity = index.byId.get(mention.entities[0]!.id);
    const covered = tokens.flatMap((t, i) => (t.start < mention.end && t.end > mention.start ? [i] : []));
    return entity && covered.length ? [{ start: covered[0]!, end: covered.at(-1)! + 1, entity }] : [];
  });
}

/** The stance the question asks about: the language layer's cue, else a question-only wording. */
function findStance(tokens: Token[], named: Set<number>): { at: number; end: number; type: StanceType } | null {
  // Negation is read apart: "who did not agree" asks about agreeing, it does not report a rejection.
  const kept = asVerbs(tokens, named).flatMap((t, i) => (NEGATION_LEMMAS.has(t.lemma) ? [] : [{ t, i }]));
  const cue = findStanceCues(kept.map((k) => k.t)).find((c) => !named.has(kept[c.head]!.i));
  if (cue) return { at: kept[cue.head]!.i, end: kept[cue.objectFrom - 1]!.i + 1, type: cue.type };
  for (const [i, t] of tokens.entries()) {
    const match = QUESTION_CUES.find(([lemma, next]) => t.lemma === lemma && (next === null || tokens[i + 1]?.lemma === next));
    if (match && !named.has(i)) return { at: i, end: i + (match[1] ? 2 : 1), type: match[2] };
  }
  return null;
}

/** Reads one question against the graph's names. Pure: same question, same names, same reading. */
export function readQuestion(question: string, index: NameIndex, referenceDate: string | null): Reading {
  const tokens = tokensOf(question);
  // A cue counts as its lemma or as written ("latest" lemmatizes to "late").
  const lemmas = tokens.map((t) => t.lemma);
  const written = tokens.map((t) => fold(t.text));
  const hasCue = (cues: Set<string>, i: number) => cues.has(lemmas[i]!) || cues.has(written[i]!);
  const spans = findNames(question, tokens, index);
  const named = new Set(spans.flatMap((s) => Array.from({ length: s.end - s.start }, (_, k) => s.start + k)));
  const free = (i: number) => !named.has(i);

  const stance = findStance(tokens, named);
  const verbAt = stance?.at ?? -1;
  const stanceWords = stance ? Array.from({ length: stance.end - stance.at }, (_, k) => stance.at + k) : [];
  const sayingAt = tokens.findIndex((t, i) => free(i) && !stanceWords.includes(i) && SAYING_LEMMAS.has(t.lemma));
  const anyStance = tokens.some((_, i) => free(i) && hasCue(ANY_STANCE_LEMMAS, i));
  const structureAt = tokens.findIndex((t, i) => free(i) && STRUCTURE_LEMMAS[t.lemma] !== undefined);
  // "take part in" asks for participants; "part of" for membership.
  const structure = structureAt < 0 ? null : lemmas[structureAt] === 'part' && lemmas[structureAt - 1] === 'take' ? 'participants' : STRUCTURE_LEMMAS[lemmas[structureAt]!]!;
  const insteadAt = tokens.findIndex((t, i) => INSTEAD_PHRASES.some(([a, b]) => t.lemma === a && lemmas[i + 1] === b));
  const askedAt = tokens.findIndex((t) => QUESTION_WORDS.has(t.lemma));
  // "On what date …", "which day …" ask when, as "when" does.
  const timeWordAt = askedAt >= 0 && ['what', 'which'].includes(lemmas[askedAt]!) && TIME_UNITS.has(lemmas[askedAt + 1] ?? '') ? askedAt + 1 : -1;
  const asks = timeWordAt >= 0 ? 'when' : (tokens[askedAt]?.lemma ?? null);

  // Passive: a form of "be" before the stance verb and "by" after it ("was rejected by whom").
  const passive = stance !== null && tokens.slice(0, verbAt).some((t) => t.lemma === 'be') && tokens.slice(verbAt + 1).some((t) => t.lemma === 'by');
  const byAt = passive ? tokens.findIndex((t, i) => i > verbAt && t.lemma === 'by') : -1;
  const pivot = verbAt >= 0 ? verbAt : structureAt >= 0 ? structureAt : sayingAt;

  // "Ukraine's SBU", "Russia's Medinsky": an actor named as the owner of its own people is
  // not a second actor; the one it owns is meant.
  const owners = new Set(
    spans.flatMap((span, k) => {
      const next = spans[k + 1];
      const possessive = next && /^\s*['’]s?\s+$/u.test(question.slice(tokens[span.end - 1]!.end, tokens[next.start]!.start));
      return possessive && next.entity.party === span.entity.id && next.entity.id !== span.entity.id ? [k] : [];
    }),
  );
  const mentions: Mention[] = [];
  for (const [k, span] of spans.entries()) {
    if (owners.has(k)) continue;
    let role: MentionRole;
    if (!ACTOR_TYPES.has(span.entity.type)) role = insteadAt >= 0 && span.start > insteadAt ? 'replaced' : 'object';
    else if (passive) role = span.start > byAt ? 'agent' : 'object';
    else role = pivot < 0 || span.start < pivot ? 'agent' : 'object';
    if (mentions.some((m) => m.entity.id === span.entity.id)) continue;
    mentions.push({ entity: span.entity, text: question.slice(tokens[span.start]!.start, tokens[span.end - 1]!.end), role });
  }

  const cueAt = new Set([...stanceWords, sayingAt, structureAt, timeWordAt, structure === 'participants' ? structureAt - 1 : -1, insteadAt, insteadAt >= 0 ? insteadAt + 1 : -1]);
  const sourcesDisagree = tokens.some((_, i) => free(i) && hasCue(REPORT_LEMMAS, i)) && tokens.some((_, i) => hasCue(CONFLICT_LEMMAS, i));
  const cueSets = [BOTH_LEMMAS, ONLY_LEMMAS, COMPARE_LEMMAS, CONDITION_LEMMAS, ANY_STANCE_LEMMAS, LATEST_LEMMAS, EARLIEST_LEMMAS, NEGATION_LEMMAS, CONTESTED_LEMMAS, TIMELINE_LEMMAS,
    ...(sourcesDisagree ? [REPORT_LEMMAS, CONFLICT_LEMMAS] : [])];
  const isCue = (i: number) => cueSets.some((cues) => hasCue(cues, i));
  const reference = referenceDate ?? new Date().toISOString().slice(0, 10);
  const dates = findDates(question, reference);
  const inDate = (t: Token) => dates.some((d) => t.start < d.end && t.end > d.start);
  const stopWords = tokens.map((t) => isStopWord(t.text.toLowerCase()));
  const leftover = tokens
    .flatMap((t, i) =>
      free(i) && !cueAt.has(i) && !stopWords[i] && !isCue(i) && !QUESTION_WORDS.has(t.lemma) && !ATTRIBUTION_WORDS.has(written[i]!) && t.pos !== 'AUX' && t.pos !== 'NUM' && !inDate(t)
        ? nameWords(t.text).map((word) => ({ word, replaced: insteadAt >= 0 && i > insteadAt, name: i > 0 && (t.pos === 'PROPN' || /^\p{Lu}/u.test(t.text)) }))
        : [],
    )
    .filter((l) => l.word.length > 1);

  const agents = mentions.filter((m) => m.role === 'agent' && ACTOR_TYPES.has(m.entity.type));
  const stanceTypes = stance ? ASKED_TYPES[stance.type] : null;
  const englishWords = tokens.filter((t, i) => stopWords[i] && t.text.length > 1).length;
  return {
    question,
    asks: asks ?? (tokens[0]?.pos === 'AUX' ? 'yes/no' : null),
    mentions,
    stanceTypes,
    stanceWord: stance ? tokens.slice(stance.at, stance.end).map((t) => t.text).join(' ') : null,
    saying: sayingAt >= 0,
    anyStance: anyStance && !stance,
    contested: tokens.some((_, i) => hasCue(CONTESTED_LEMMAS, i)),
    timeline: tokens.some((_, i) => hasCue(TIMELINE_LEMMAS, i)),
    differ: tokens.some((_, i) => hasCue(DIFFER_LEMMAS, i)),
    sourcesDisagree,
    structure,
    negated: tokens.some((_, i) => !stanceWords.includes(i) && hasCue(NEGATION_LEMMAS, i)),
    passive,
    both: agents.length >= 2 && (tokens.some((_, i) => hasCue(BOTH_LEMMAS, i)) || (stanceTypes !== null && !mentions.some((m) => m.role === 'object'))),
    only: lemmas.some((l, i) => ONLY_LEMMAS.has(l) && !CONDITION_LEMMAS.has(lemmas[i + 1] ?? '') && i < Math.max(verbAt, 0) + 1),
    compare: agents.length >= 2 && tokens.some((_, i) => hasCue(COMPARE_LEMMAS, i)),
    condition: tokens.some((_, i) => hasCue(CONDITION_LEMMAS, i)) || lemmas[0] === 'if',
    time: readTime(question, tokens, [...lemmas, ...written], reference),
    leftover,
    english: englishWords > 0 || spans.length > 0,
  };
}
