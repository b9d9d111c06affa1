/**
 * Reading a question, without the database: wink-nlp gives tokens, lemmas, parts of speech and
 * negation; the graph's names (longest match first, diacritics folded) give the entities;
 * askVocabulary gives the intent; chrono-node gives the time window. The result says what was
 * asked, which `ask.ts` then answers.
 */
import * as chrono from 'chrono-node';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { NameRow } from '../data/names.ts';
import type { StanceType } from './model.ts';
import { fold } from './search.ts';
import {
  ANY_STANCE_LEMMAS, BOTH_LEMMAS, COMPARE_LEMMAS, CONDITION_LEMMAS, CONTESTED_LEMMAS, DIFFER_LEMMAS, EARLIEST_LEMMAS, INSTEAD_PHRASES,
  LATEST_LEMMAS, NEGATION_LEMMAS, ONLY_LEMMAS, QUESTION_WORDS, SAYING_LEMMAS, STANCE_LEMMAS, STANCE_PHRASES, STRUCTURE_LEMMAS,
  type StructureCue, TIMELINE_LEMMAS,
} from './askVocabulary.ts';

const nlp = winkNLP(model);
const its = nlp.its;

const ACTOR_TYPES = new Set(['Party', 'Official', 'Delegation']);
/** When one name belongs to several nodes (Russia the party and the place), the first type here wins. */
const TYPE_PRIORITY = ['Party', 'Official', 'Delegation', 'Position', 'Event', 'Document', 'Place'];

/** Matching units of a text: folded, possessive "'s" dropped, split at anything but letters and digits. */
export function nameWords(text: string): string[] {
  return fold(text)
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export interface NameIndex {
  byPhrase: Map<string, NameRow[]>;
  maxWords: number;
  /** Names that are also common words ("US", "who") count only when written in capitals. */
  capitalsOnly: Set<string>;
}

export function buildNameIndex(names: NameRow[]): NameIndex {
  const byPhrase = new Map<string, NameRow[]>();
  const capitalsOnly = new Set<string>();
  let maxWords = 1;
  for (const entity of names) {
    for (const name of entity.names) {
      const words = nameWords(name);
      if (words.length === 0) continue;
      const phrase = words.join(' ');
      if (words.length === 1 && nlp.readDoc(phrase).tokens().out(its.stopWordFlag)[0]) capitalsOnly.add(phrase);
      const list = byPhrase.get(phrase) ?? [];
      if (!list.some((e) => e.id === entity.id)) list.push(entity);
      byPhrase.set(phrase, list);
      maxWords = Math.max(maxWords, words.length);
    }
  }
  for (const list of byPhrase.values()) list.sort((a, b) => TYPE_PRIORITY.indexOf(a.type) - TYPE_PRIORITY.indexOf(b.type));
  return { byPhrase, maxWords, capitalsOnly };
}

interface Token {
  value: string;
  lemma: string;
  pos: string;
  stopWord: boolean;
  negated: boolean;
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
  structure: StructureCue | null;
  negated: boolean;
  passive: boolean;
  both: boolean;
  only: boolean;
  compare: boolean;
  condition: boolean;
  time: TimeWindow;
  /** Content words that neither named an entity nor carried the intent; `replaced` after "instead of". */
  leftover: { word: string; replaced: boolean }[];
  /** Whether the question reads as English at all (it has English function words or known names). */
  english: boolean;
}

function tokensOf(question: string): Token[] {
  // Diacritics off before tokenizing (wink-nlp splits "Erdoğan"); letter case stays, it carries meaning.
  const doc = nlp.readDoc(question.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/ı/g, 'i'));
  const tokens = doc.tokens();
  const values = tokens.out(its.value);
  // wink-nlp's typings declare lemma's addons argument narrower than `out` passes; the call is the documented one.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value);
  const pos = tokens.out(its.pos);
  const stop = tokens.out(its.stopWordFlag);
  const negation = tokens.out(its.negationFlag);
  const types = tokens.out(its.type);
  return values.flatMap((value, i) =>
    types[i] === 'punctuation' || types[i] === 'emoji' || types[i] === 'symbol'
      ? []
      : [{ value, lemma: fold(lemmas[i] ?? value), pos: pos[i] ?? '', stopWord: Boolean(stop[i]), negated: Boolean(negation[i]) }],
  );
}

interface Span {
  start: number;
  end: number;
  entity: NameRow;
}

/** Longest-first, non-overlapping matches of names and aliases, over the tokens' matching units. */
function findNames(tokens: Token[], index: NameIndex): Span[] {
  const units = tokens.flatMap((token, i) => nameWords(token.value).map((word) => ({ word, token: i, raw: token.value })));
  const spans: Span[] = [];
  let u = 0;
  while (u < units.length) {
    let matched = 0;
    for (let n = Math.min(index.maxWords, units.length - u); n >= 1 && !matched; n--) {
      const slice = units.slice(u, u + n);
      const phrase = slice.map((x) => x.word).join(' ');
      const found = index.byPhrase.get(phrase);
      if (!found) continue;
      if (n === 1 && index.capitalsOnly.has(phrase) && slice[0]!.raw !== slice[0]!.raw.toUpperCase()) continue;
      spans.push({ start: slice[0]!.token, end: slice.at(-1)!.token + 1, entity: found[0]! });
      matched = n;
    }
    u += matched || 1;
  }
  return spans;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, days: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

/** "before June", "after 2 June", "since May 30", "in January", "latest": a window on stance dates. */
function readTime(question: string, cueWords: string[], referenceDate: string | null): TimeWindow {
  const window: TimeWindow = { after: null, before: null, order: null };
  if (cueWords.some((w) => LATEST_LEMMAS.has(w))) window.order = 'latest';
  else if (cueWords.some((w) => EARLIEST_LEMMAS.has(w))) window.order = 'earliest';
  const reference = referenceDate ? new Date(`${referenceDate}T12:00:00Z`) : new Date();
  for (const parsed of chrono.parse(question, reference, { forwardDate: false })) {
    const day = isoDay(parsed.start.date());
    const unit = parsed.start.isCertain('day') ? 'day' : parsed.start.isCertain('month') ? 'month' : 'year';
    const end = parsed.end ? addDays(isoDay(parsed.end.date()), 1) : unit === 'day' ? addDays(day, 1) : nextPeriod(day, unit);
    const before = question.slice(0, parsed.index).trim().split(/\s+/).at(-1)?.toLowerCase() ?? '';
    if (before === 'before' || before === 'prior') window.before = day;
    else if (before === 'after') window.after = end;
    else if (before === 'since' || before === 'from') window.after = day;
    else if (before === 'until' || before === 'by' || before === 'till') window.before = end;
    else {
      window.after = day;
      window.before = end;
    }
  }
  return window;
}

function nextPeriod(day: string, unit: 'month' | 'year'): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return unit === 'year' ? `${y + 1}-01-01` : m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Reads one question against the graph's names. Pure: same question, same names, same reading. */
export function readQuestion(question: string, index: NameIndex, referenceDate: string | null): Reading {
  const tokens = tokensOf(question);
  // A cue counts as its lemma or as written ("latest" lemmatizes to "late").
  const lemmas = tokens.map((t) => t.lemma);
  const written = tokens.map((t) => fold(t.value));
  const hasCue = (cues: Set<string>, i: number) => cues.has(lemmas[i]!) || cues.has(written[i]!);
  const spans = findNames(tokens, index);
  const named = new Set(spans.flatMap((s) => Array.from({ length: s.end - s.start }, (_, k) => s.start + k)));
  const free = (i: number) => !named.has(i);

  // A two-word verb ("turned down") wins over its first word alone.
  const phraseAt = tokens.findIndex((t, i) => free(i) && STANCE_PHRASES.some(([verb, particle]) => t.lemma === verb && lemmas[i + 1] === particle));
  const phrase = phraseAt >= 0 ? STANCE_PHRASES.find(([verb, particle]) => lemmas[phraseAt] === verb && lemmas[phraseAt + 1] === particle)! : null;
  const verbAt = phraseAt >= 0 ? phraseAt : tokens.findIndex((t, i) => free(i) && STANCE_LEMMAS[t.lemma] !== undefined);
  const verb = verbAt >= 0 ? tokens[verbAt]! : null;
  const sayingAt = tokens.findIndex((t, i) => free(i) && i !== phraseAt && SAYING_LEMMAS.has(t.lemma));
  const anyStance = tokens.some((_, i) => free(i) && hasCue(ANY_STANCE_LEMMAS, i));
  const structureAt = tokens.findIndex((t, i) => free(i) && STRUCTURE_LEMMAS[t.lemma] !== undefined);
  // "take part in" asks for participants; "part of" for membership.
  const structure = structureAt < 0 ? null : tokens[structureAt]!.lemma === 'part' && lemmas[structureAt - 1] === 'take' ? 'participants' : STRUCTURE_LEMMAS[tokens[structureAt]!.lemma]!;
  const insteadAt = tokens.findIndex((t, i) => INSTEAD_PHRASES.some(([a, b]) => t.lemma === a && lemmas[i + 1] === b));
  const firstWord = tokens[0]?.lemma ?? '';
  const asks = tokens.find((t) => QUESTION_WORDS.has(t.lemma.toLowerCase()))?.lemma.toLowerCase() ?? null;

  // Passive: a form of "be" before the stance verb and "by" after it ("was rejected by whom").
  const passive = verb !== null && tokens.slice(0, verbAt).some((t) => t.lemma === 'be') && tokens.slice(verbAt + 1).some((t) => t.lemma === 'by');
  const byAt = passive ? tokens.findIndex((t, i) => i > verbAt && t.lemma === 'by') : -1;
  const pivot = verbAt >= 0 ? verbAt : structureAt >= 0 ? structureAt : sayingAt;

  const mentions: Mention[] = [];
  for (const span of spans) {
    let role: MentionRole;
    if (!ACTOR_TYPES.has(span.entity.type)) role = insteadAt >= 0 && span.start > insteadAt ? 'replaced' : 'object';
    else if (passive) role = span.start > byAt ? 'agent' : 'object';
    else role = pivot < 0 || span.start < pivot ? 'agent' : 'object';
    if (mentions.some((m) => m.entity.id === span.entity.id)) continue;
    mentions.push({ entity: span.entity, text: tokens.slice(span.start, span.end).map((t) => t.value).join(' '), role });
  }

  const cueAt = new Set([verbAt, phraseAt >= 0 ? phraseAt + 1 : -1, sayingAt, structureAt, structure === 'participants' ? structureAt - 1 : -1, insteadAt, insteadAt >= 0 ? insteadAt + 1 : -1]);
  const cueSets = [BOTH_LEMMAS, ONLY_LEMMAS, COMPARE_LEMMAS, CONDITION_LEMMAS, ANY_STANCE_LEMMAS, LATEST_LEMMAS, EARLIEST_LEMMAS, NEGATION_LEMMAS, CONTESTED_LEMMAS, TIMELINE_LEMMAS];
  const isCue = (i: number) => cueSets.some((cues) => hasCue(cues, i));
  const dateWords = new Set(chrono.parse(question).flatMap((p) => nameWords(p.text)));
  const leftover = tokens
    .flatMap((t, i) =>
      free(i) && !cueAt.has(i) && !t.stopWord && !isCue(i) && !QUESTION_WORDS.has(t.lemma) && t.pos !== 'AUX' && t.pos !== 'NUM'
        ? nameWords(t.value).map((word) => ({ word, replaced: insteadAt >= 0 && i > insteadAt }))
        : [],
    )
    .filter((l) => l.word.length > 1 && !dateWords.has(l.word));

  const agents = mentions.filter((m) => m.role === 'agent' && ACTOR_TYPES.has(m.entity.type));
  const stanceTypes = phrase ? phrase[2] : verb ? STANCE_LEMMAS[verb.lemma]! : null;
  const englishWords = tokens.filter((t) => t.stopWord && t.value.length > 1).length;
  return {
    question,
    asks: asks ?? (tokens[0]?.pos === 'AUX' ? 'yes/no' : null),
    mentions,
    stanceTypes,
    stanceWord: phrase ? `${verb!.value} ${tokens[phraseAt + 1]!.value}` : (verb?.value ?? null),
    saying: sayingAt >= 0,
    anyStance: anyStance && !verb,
    contested: tokens.some((_, i) => hasCue(CONTESTED_LEMMAS, i)),
    timeline: tokens.some((_, i) => hasCue(TIMELINE_LEMMAS, i)),
    differ: tokens.some((_, i) => hasCue(DIFFER_LEMMAS, i)),
    structure,
    negated: tokens.some((_, i) => i !== phraseAt + 1 && hasCue(NEGATION_LEMMAS, i)) || (verb?.negated ?? false),
    passive,
    both: agents.length >= 2 && (tokens.some((_, i) => hasCue(BOTH_LEMMAS, i)) || (stanceTypes !== null && !mentions.some((m) => m.role === 'object'))),
    only: lemmas.some((l, i) => ONLY_LEMMAS.has(l) && !CONDITION_LEMMAS.has(lemmas[i + 1] ?? '') && i < Math.max(verbAt, 0) + 1),
    compare: agents.length >= 2 && tokens.some((_, i) => hasCue(COMPARE_LEMMAS, i)),
    condition: tokens.some((_, i) => hasCue(CONDITION_LEMMAS, i)) || firstWord === 'if',
    time: readTime(question, [...lemmas, ...written], referenceDate),
    leftover,
    english: englishWords > 0 || spans.length > 0,
  };
}
