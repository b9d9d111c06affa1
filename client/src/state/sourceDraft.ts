/**
 * The "Add source" workbench's state, pure: the form, the draft the server extracted, the
 * analyst's decision and edits per candidate stance, and merges of proposed entities into
 * existing ones. `acceptedPayload` turns it into the payload POST /api/sources takes. The whole
 * state is JSON, kept in localStorage so a reload mid-review loses nothing.
 */
import type { AliasOffer, ExtractDraft } from '../../../server/contract/extract.ts';
import type { AliasClaim, PayloadEntity, PayloadRelation, PayloadStance, PointInput, SourcePayloadInput } from '../../../server/contract/sourcePayload.ts';
import type { CandidatePoint } from '../../../server/contract/documents.ts';
import type { PointTopic } from '../../../server/contract/model.ts';

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
  /** When the text is a document: the document its kept points are ingested into. */
  pointsDocument?: { name: string; author: string };
  /** Candidate point (by order) → kept (true) or dropped (false); absent means undecided, which keeps it. */
  pointDecisions?: Record<number, boolean>;
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

export function pointsOf(state: SourceDraftState): CandidatePoint[] {
  return state.draft?.points ?? [];
}

/** Replaces one candidate point (an analyst's edit of its topic, stance, position or condition). */
export function editPoint(state: SourceDraftState, order: number, change: Partial<CandidatePoint>): SourceDraftState {
  if (!state.draft) return state;
  return { ...state, draft: { ...state.draft, points: pointsOf(state).map((p) => (p.order === order ? { ...p, ...change } : p)) } };
}

export function decidePoint(state: SourceDraftState, order: number, kept: boolean): SourceDraftState {
  return { ...state, pointDecisions: { ...state.pointDecisions, [order]: kept } };
}

export function setPointsDocument(state: SourceDraftState, document: { name: string; author: string }): SourceDraftState {
  return { ...state, pointsDocument: document };
}

/** `document:` and the name's words, then the day: the document the kept points go into. */
export function pointsDocumentId(name: string, date: string): string {
  const words = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[a-z0-9]+/g) ?? ['document'];
  return `document:${[...words.slice(0, 8), ...(date ? [date] : [])].join('-')}`;
}

const POINT_CATEGORY: Record<PointTopic, 'ceasefire' | 'territory' | 'summit' | 'humanitarian' | 'sanctions' | 'military' | 'diplomatic' | 'security'> = {
  ceasefire: 'ceasefire', withdrawal: 'territory', territory: 'territory', prisoners_missing: 'humanitarian', humanitarian: 'humanitarian',
  security_guarantees: 'security', military_limits: 'military', alliances_neutrality: 'security', sanctions: 'sanctions',
  elections_governance: 'diplomatic', rights_identity: 'diplomatic', justice_accountability: 'diplomatic', economy_reconstruction: 'diplomatic',
  implementation_monitoring: 'ceasefire', process_talks: 'summit',
};

/**
 * The kept points as payload points of one document (declared with its author and the source's
 * day), each quoting its own words, in the document's order; the positions they propose are
 * declared unless the draft already does. Nothing when no document is named or no point is kept.
 */
export function pointsPayload(state: SourceDraftState): { entities: PayloadEntity[]; points: PointInput[] } {
  const doc = state.pointsDocument;
  const kept = pointsOf(state).filter((p) => state.pointDecisions?.[p.order] !== false);
  if (!state.draft || !doc?.name.trim() || !doc.author.trim() || kept.length === 0) return { entities: [], points: [] };
  const date = state.form.publishedAt;
  const document = pointsDocumentId(doc.name, date);
  const declared = new Set(entitiesOf(state).map((e) => e.id));
  const positions = new Map<string, PayloadEntity>();
  for (const p of kept) {
    if (declared.has(p.position.id) || positions.has(p.position.id)) continue;
    positions.set(p.position.id, { id: p.position.id, type: 'Position', name: p.position.name, description: p.text, category: POINT_CATEGORY[p.topic ?? 'process_talks'], aliases: [] });
  }
  const reporting = state.draft.payload.source.kind === 'document' ? ('first-hand' as const) : ('second-hand' as const);
  return {
    entities: [{ id: document, type: 'Document', name: doc.name.trim(), kind: 'memorandum', date, author: doc.author.trim(), aliases: [], setsOut: [] }, ...positions.values()],
    points: kept.map((p) => ({
      document,
      order: p.order,
      topic: p.topic ?? 'process_talks',
      type: p.type,
      position: p.position.id,
      ...(p.condition ? { condition: p.condition } : {}),
      evidence: [{ quote: p.text, reporting }],
    })),
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
  const points = pointsPayload(state);
  for (const p of points.points) used.add(p.position);
  const entities = entitiesOf(state);
  for (const e of entities) if (used.has(e.id) && 'party' in e && typeof e.party === 'string') used.add(e.party);
  const payload = { ...state.draft.payload, stances, relations, entities: [...entities.filter((e) => used.has(e.id)), ...points.entities] };
  return points.points.length > 0 ? { ...payload, points: points.points } : payload;
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
