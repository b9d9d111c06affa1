/**
 * The analyst's corrections of a draft, pure: a stance the extractor missed, added from words
 * selected in the text (its quote and offsets exactly as the text holds them); the actors and
 * targets a candidate can be given, by name; a proposed entity renamed; the source's URL and
 * grade fields prefilled from the draft and checked before ingesting.
 */
import { ACTOR_TYPES, STANCE_TARGET_TYPES, type NodeType } from '../../../server/contract/model.ts';
import type { StanceProvenance } from '../../../server/contract/extract.ts';
import type { PayloadStance } from '../../../server/contract/sourcePayload.ts';
import { type SourceDraftState, type SourceForm, type Unchosen, entitiesOf, stancesOf } from './sourceDraft.ts';

/** Who can take a stance, and what a stance can be on. */
export type Role = 'actor' | 'target';
export const ROLE_TYPES: Record<Role, readonly NodeType[]> = { actor: ACTOR_TYPES, target: STANCE_TARGET_TYPES };
const plays = (role: Role, type: string) => (ROLE_TYPES[role] as readonly string[]).includes(type);

const ADDED_PREFIX = 'stance:added-';
export const ADDED_CUE = 'selected by the analyst';

/** The selected words without the blanks around them, with their own offsets; null when nothing but blanks is selected. */
export function selectedSpan(text: string, start: number, end: number): { start: number; end: number; quote: string } | null {
  const [from, to] = [Math.max(0, Math.min(start, end)), Math.min(text.length, Math.max(start, end))];
  const slice = text.slice(from, to);
  const lead = slice.length - slice.trimStart().length;
  const quote = slice.trim();
  if (!quote) return null;
  return { start: from + lead, end: from + lead + quote.length, quote };
}

/** The sentence around a span: from the end of the previous sentence (. ! ? or a line break) to the end of the span's last one. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && !/[.!?\n]/.test(text[from - 1]!)) from--;
  while (from < start && /\s/.test(text[from]!)) from++;
  let to = end;
  while (to < text.length && !/[.!?\n]/.test(text[to - 1] ?? '')) to++;
  return { start: from, end: Math.max(to, end) };
}

export function isAdded(id: string): boolean {
  return id.startsWith(ADDED_PREFIX);
}

/**
 * A stance the extractor missed, from words the analyst selected in the draft's text: its quote
 * is exactly those words (blanks around them left out) and its provenance their offsets, as an
 * extracted candidate's. Its actor and target come from what the extractor recognised inside the
 * words (a speaker whose quote holds them, a named actor, a position or event), and are left to
 * choose otherwise; its type is always the analyst's choice. Accepted once added.
 */
export function addStanceFromSelection(state: SourceDraftState, start: number, end: number): { state: SourceDraftState; id: string | null } {
  const draft = state.draft;
  if (!draft) return { state, id: null };
  const span = selectedSpan(draft.text, start, end);
  if (!span) return { state, id: null };
  const taken = new Set(stancesOf(state).map((s) => s.id));
  let n = 1;
  while (taken.has(`${ADDED_PREFIX}${n}`)) n++;
  const id = `${ADDED_PREFIX}${n}`;

  const declared = new Set(entitiesOf(state).map((e) => e.id));
  // A mention names an entity the payload may use: one the graph holds, or one the draft declares.
  const usable = (entity: string, proposed: boolean) => !proposed || declared.has(entity);
  const inside = draft.provenance.mentions.filter((m) => m.start >= span.start && m.end <= span.end && usable(m.entity, m.proposed));
  const speaker = draft.provenance.quotes.find((q) => q.speaker && q.start <= span.start && q.end >= span.end)?.speaker;
  const actor = speaker ?? inside.find((m) => plays('actor', m.type))?.entity;
  const target = inside.find((m) => plays('target', m.type))?.entity;
  const unchosen: Unchosen[] = ['type', ...(actor ? [] : ['actor' as const]), ...(target ? [] : ['target' as const])];

  const source = draft.payload.source;
  const stance: PayloadStance = {
    id,
    actor: actor ?? '',
    // A placeholder only: the type stays unchosen until the analyst picks one, and nothing unchosen ingests.
    type: 'backed',
    target: target ?? '',
    date: state.form.publishedAt || source.publishedAt || '',
    confidence: 1,
    evidence: [{ quote: span.quote, reporting: source.kind === 'document' || source.kind === 'official-statement' ? 'first-hand' : 'second-hand' }],
  };
  const provenance: StanceProvenance = {
    stance: id,
    type: stance.type,
    start: span.start,
    end: span.end,
    cue: ADDED_CUE,
    confidence: 1,
    sentence: sentenceAround(draft.text, span.start, span.end),
    quote: { start: span.start, end: span.end },
  };
  const next: SourceDraftState = {
    ...state,
    draft: {
      ...draft,
      payload: { ...draft.payload, stances: [...stancesOf(state), stance] },
      provenance: { ...draft.provenance, stances: [...draft.provenance.stances, provenance] },
    },
    decisions: { ...state.decisions, [id]: true },
    unchosen: { ...state.unchosen, [id]: unchosen },
  };
  return { state: next, id };
}

/** An added stance taken back: gone from the payload, its provenance and its decision. */
export function removeAddedStance(state: SourceDraftState, id: string): SourceDraftState {
  if (!state.draft || !isAdded(id)) return state;
  const { [id]: _decision, ...decisions } = state.decisions;
  const { [id]: _unchosen, ...unchosen } = state.unchosen ?? {};
  return {
    ...state,
    draft: {
      ...state.draft,
      payload: { ...state.draft.payload, stances: stancesOf(state).filter((s) => s.id !== id) },
      provenance: { ...state.draft.provenance, stances: state.draft.provenance.stances.filter((p) => p.stance !== id) },
    },
    decisions,
    unchosen,
  };
}

export function unchosenOf(state: SourceDraftState, id: string): Unchosen[] {
  return state.unchosen?.[id] ?? [];
}

/** A graph entity picked by name: its name is kept, so the draft says it even when the explorer has not loaded it. */
export function rememberName(state: SourceDraftState, id: string, name: string): SourceDraftState {
  return state.names?.[id] === name ? state : { ...state, names: { ...state.names, [id]: name } };
}

/** Folded for matching names: no case, no diacritics, no punctuation. */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export interface Choice {
  id: string;
  name: string;
  type: string;
  /** Declared by this draft (a new entity), or one the graph holds that the text names. */
  from: 'draft' | 'text';
}

/**
 * What the draft offers for a stance's actor or target, by name: the entities it proposes, then
 * the graph's entities the text names (as the extractor recognised them), each once, whose name
 * (or the text's words for it) holds every word of the query; all of them for an empty query.
 */
export function draftChoices(state: SourceDraftState, role: Role, query: string, known: (id: string) => string | undefined = () => undefined): Choice[] {
  const words = fold(query).split(' ').filter(Boolean);
  const matches = (...names: string[]) => words.every((word) => names.some((name) => fold(name).split(' ').some((part) => part.startsWith(word))));
  const choices = new Map<string, Choice>();
  for (const entity of entitiesOf(state)) {
    if (plays(role, entity.type) && matches(entity.name, ...(entity.aliases ?? []))) choices.set(entity.id, { id: entity.id, name: entity.name, type: entity.type, from: 'draft' });
  }
  for (const mention of state.draft?.provenance.mentions ?? []) {
    if (mention.proposed || choices.has(mention.entity) || !plays(role, mention.type)) continue;
    const name = known(mention.entity) ?? mention.text;
    if (matches(name, mention.text)) choices.set(mention.entity, { id: mention.entity, name, type: mention.type, from: 'text' });
  }
  return [...choices.values()];
}

/**
 * A proposed entity renamed by the analyst. Its id stays (nothing that refers to it moves, and no
 * existing entity of the graph is taken over: merging is for that); the name the text gave it is
 * kept as an alias when the text holds those words, so the next report spelled that way finds it.
 */
export function renameEntity(state: SourceDraftState, id: string, name: string): SourceDraftState {
  const draft = state.draft;
  const wanted = name.trim().replace(/\s+/g, ' ');
  const entity = entitiesOf(state).find((e) => e.id === id);
  if (!draft || !entity || !wanted || wanted === entity.name) return state;
  const aliases = (entity.aliases ?? []).filter((alias) => fold(alias) !== fold(wanted));
  const keepOld = draft.text.includes(entity.name) && fold(entity.name) !== fold(wanted) && !aliases.some((alias) => fold(alias) === fold(entity.name));
  const renamed = { ...entity, name: wanted, aliases: keepOld ? [...aliases, entity.name] : aliases };
  const entities = entitiesOf(state).map((e) => (e.id === id ? renamed : e));
  return { ...state, draft: { ...draft, payload: { ...draft.payload, entities } } };
}

/** After an extraction: the form's URL, publisher and grade, where still empty, as the draft knows them. */
export function prefillSourceFields(form: SourceForm, source: NonNullable<SourceDraftState['draft']>['payload']['source']): SourceForm {
  const grade = typeof source.grade === 'string' ? source.grade.trim().toUpperCase() : source.grade ? `${source.grade.reliability}${source.grade.credibility}` : '';
  const graded = /^[A-F][1-6]$/.test(grade) && !form.reliability && !form.credibility;
  return {
    ...form,
    url: form.url || source.url || '',
    publisher: form.publisher || source.publisher || '',
    ...(graded ? { reliability: grade[0] as SourceForm['reliability'], credibility: grade[1] as SourceForm['credibility'] } : {}),
  };
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Why the draft cannot be ingested as it stands, in the analyst's words; empty when it can. */
export function ingestProblems(state: SourceDraftState, name: (id: string) => string): string[] {
  const problems: string[] = [];
  const { url, reliability, credibility } = state.form;
  if (url.trim() && !isWebAddress(url.trim())) problems.push('The URL is not a web address (http:// or https://).');
  if (Boolean(reliability) !== Boolean(credibility)) problems.push('The grade needs both its reliability (A–F) and its credibility (1–6), or neither.');
  for (const stance of stancesOf(state)) {
    if (state.decisions[stance.id] === false) continue;
    const missing = unchosenOf(state, stance.id);
    if (missing.length) {
      const quote = stance.evidence[0]?.quote ?? name(stance.id);
      problems.push(`Choose the ${missing.join(', ')} of the stance “${quote.length > 60 ? `${quote.slice(0, 57)}…` : quote}”.`);
    }
  }
  return problems;
}
