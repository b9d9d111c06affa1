/**
 * The "Add source" workbench's state, pure: the form, the draft the server extracted, the
 * analyst's decision and edits per candidate stance, and merges of proposed entities into
 * existing ones. `acceptedPayload` turns it into the payload POST /api/sources takes. The whole
 * state is JSON, kept in localStorage so a reload mid-review loses nothing.
 */
import type { AliasOffer, ExtractDraft } from '../../../server/contract/extract.ts';
import type { AliasClaim, PayloadEntity, PayloadRelation, PayloadStance, SourcePayloadInput } from '../../../server/contract/sourcePayload.ts';

export interface SourceForm {
  title: string;
  publishedAt: string;
  publisher: string;
  text: string;
  format: 'text' | 'markdown' | 'html' | '';
}

export interface SourceDraftState {
  form: SourceForm;
  draft: ExtractDraft | null;
  /** Stance id → accepted (true) or rejected (false); absent means undecided, which ingests. */
  decisions: Record<string, boolean>;
  /** Proposed entity id → the existing entity it was merged into. */
  merges: Record<string, { id: string; name: string }>;
}

const STORAGE_KEY = 'parley.sourceDraft';

export function emptyDraftState(): SourceDraftState {
  return { form: { title: '', publishedAt: '', publisher: '', text: '', format: '' }, draft: null, decisions: {}, merges: {} };
}

export function stancesOf(state: SourceDraftState): PayloadStance[] {
  return state.draft?.payload.stances ?? [];
}

export function entitiesOf(state: SourceDraftState): PayloadEntity[] {
  return state.draft?.payload.entities ?? [];
}

function relationsOf(state: SourceDraftState): PayloadRelation[] {
  return state.draft?.payload.relations ?? [];
}

/** Replaces one candidate stance (an analyst's edit). */
export function editStance(state: SourceDraftState, id: string, change: Partial<PayloadStance>): SourceDraftState {
  if (!state.draft) return state;
  const stances = stancesOf(state).map((s) => (s.id === id ? { ...s, ...change } : s));
  return { ...state, draft: { ...state.draft, payload: { ...state.draft.payload, stances } } };
}

export function decide(state: SourceDraftState, id: string, accepted: boolean): SourceDraftState {
  return { ...state, decisions: { ...state.decisions, [id]: accepted } };
}

/** Merges a proposed entity into an existing one: every reference follows, the proposal goes. */
export function mergeEntity(state: SourceDraftState, proposed: string, into: { id: string; name: string }): SourceDraftState {
  if (!state.draft) return state;
  const swap = (id: string) => (id === proposed ? into.id : id);
  const payload = state.draft.payload;
  const stances = stancesOf(state).map((s) => ({ ...s, actor: swap(s.actor), target: swap(s.target), ...(s.conditionPosition ? { conditionPosition: swap(s.conditionPosition) } : {}) }));
  const entities = entitiesOf(state).filter((e) => e.id !== proposed).map((e) => ('party' in e && e.party ? { ...e, party: swap(e.party) } : e));
  const relations = relationsOf(state).map((r) => ({ ...r, from: swap(r.from), to: swap(r.to) }));
  return {
    ...state,
    draft: { ...state.draft, payload: { ...payload, stances, entities, relations } },
    merges: { ...state.merges, [proposed]: into },
  };
}

function aliasesOf(state: SourceDraftState): AliasClaim[] {
  return state.draft?.payload.aliases ?? [];
}

export function isAliasKept(state: SourceDraftState, offer: AliasOffer): boolean {
  return aliasesOf(state).some((a) => a.entity === offer.entity && a.alias === offer.text);
}

/** The analyst keeps (or drops) a new spelling as an alias of the existing entity; ingesting stores the choice. */
export function keepAlias(state: SourceDraftState, offer: AliasOffer, keep: boolean): SourceDraftState {
  if (!state.draft || isAliasKept(state, offer) === keep) return state;
  const others = aliasesOf(state).filter((a) => !(a.entity === offer.entity && a.alias === offer.text));
  const aliases = keep ? [...others, { entity: offer.entity, alias: offer.text }] : others;
  return { ...state, draft: { ...state.draft, payload: { ...state.draft.payload, aliases } } };
}

/** The payload to ingest: accepted stances, the entities they need, relations between kept positions. */
export function acceptedPayload(state: SourceDraftState): SourcePayloadInput | null {
  if (!state.draft) return null;
  const stances = stancesOf(state).filter((s) => state.decisions[s.id] !== false);
  const kept = new Set(stances.map((s) => s.id));
  const relations = relationsOf(state).filter((r) => r.stance === undefined || kept.has(r.stance));
  const used = new Set<string>();
  for (const s of stances) [s.actor, s.target, s.conditionPosition].forEach((id) => id && used.add(id));
  for (const r of relations) [r.from, r.to].forEach((id) => used.add(id));
  const entities = entitiesOf(state);
  for (const e of entities) if (used.has(e.id) && 'party' in e && typeof e.party === 'string') used.add(e.party);
  return { ...state.draft.payload, stances, relations, entities: entities.filter((e) => used.has(e.id)) };
}

export function loadDraftState(storage: Storage): SourceDraftState {
  try {
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as SourceDraftState | null;
    return saved && typeof saved === 'object' && saved.form ? { ...emptyDraftState(), ...saved } : emptyDraftState();
  } catch {
    return emptyDraftState();
  }
}

export function saveDraftState(storage: Storage, state: SourceDraftState): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(state));
}

/**
 * What a reader calls an entity a draft refers to, never its id: the name a proposed entity is
 * declared with, else the graph's name for it (`known`), else the words the article names it
 * with, else its id's slug in words ("party:russia" → "russia").
 */
export function entityName(state: SourceDraftState, id: string, known: (id: string) => string | undefined = () => undefined): string {
  const proposed = entitiesOf(state).find((entity) => entity.id === id);
  if (proposed) return proposed.name;
  const fromGraph = known(id);
  if (fromGraph) return fromGraph;
  const mention = state.draft?.provenance?.mentions.find((m) => m.entity === id);
  if (mention) return mention.text;
  return id.replace(/^[a-z]+:/, '').replace(/-/g, ' ');
}
