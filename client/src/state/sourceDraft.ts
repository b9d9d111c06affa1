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
  /** Where the report was read: a web address, or empty. */
  url: string;
  /** Admiralty grade: source reliability A–F and information credibility 1–6; both or neither. */
  reliability: '' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  credibility: '' | '1' | '2' | '3' | '4' | '5' | '6';
}

/** The parts of a stance the analyst added by selecting words, and must still choose. */
export type Unchosen = 'actor' | 'type' | 'target';

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
  /** Names of the graph's entities the analyst picked by name (search), so the draft can say them. */
  names?: Record<string, string>;
  /** Added stance id → what the analyst has still to choose for it (draftCorrections.ts). */
  unchosen?: Record<string, Unchosen[]>;
  /**
   * The negotiation the source goes in, sent as the payload's `negotiation`: an existing one's id,
   * or the declaration of a new one. The draft's proposal (`draft.negotiation`) at first; the analyst
   * may change it. Absent, the server's assignment rule decides from its parties and dates.
   */
  negotiation?: DraftNegotiation;
}

/** What the payload's `negotiation` takes: an existing negotiation's id, or a declaration. */
export type DraftNegotiation = NonNullable<SourcePayloadInput['negotiation']>;

const STORAGE_KEY = 'parley.sourceDraft';

export function emptyDraftState(): SourceDraftState {
  return { form: { title: '', publishedAt: '', publisher: '', text: '', format: '', url: '', reliability: '', credibility: '' }, draft: null, decisions: {}, merges: {} };
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

/** Replaces one candidate stance (an analyst's edit); an actor, type or target it sets counts as chosen. */
export function editStance(state: SourceDraftState, id: string, change: Partial<PayloadStance>): SourceDraftState {
  if (!state.draft) return state;
  const stances = stancesOf(state).map((s) => (s.id === id ? { ...s, ...change } : s));
  const provenance = change.type && state.draft.provenance
    ? { ...state.draft.provenance, stances: state.draft.provenance.stances.map((p) => (p.stance === id ? { ...p, type: change.type! } : p)) }
    : state.draft.provenance;
  const left = state.unchosen?.[id]?.filter((field) => !(field in change));
  const unchosen = left ? { ...state.unchosen, [id]: left } : state.unchosen;
  return { ...state, draft: { ...state.draft, provenance, payload: { ...state.draft.payload, stances } }, ...(unchosen ? { unchosen } : {}) };
}

export function decide(state: SourceDraftState, id: string, accepted: boolean): SourceDraftState {
  return { ...state, decisions: { ...state.decisions, [id]: accepted } };
}

/** Every string of `value` equal to `from` made `to`, through arrays and objects (ids are whole strings, never parts of one). */
function swapId<T>(value: T, from: string, to: string): T {
  if (value === from) return to as T;
  if (Array.isArray(value)) return value.map((item) => swapId(item, from, to)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, swapId(item, from, to)])) as T;
  return value;
}

/**
 * Merges a proposed entity into an existing one: every reference follows (stances' actors,
 * targets, conditions and voices, other entities' parties and members, relations, alias claims,
 * the text's mentions and quote speakers), the proposal goes.
 */
export function mergeEntity(state: SourceDraftState, proposed: string, into: { id: string; name: string }): SourceDraftState {
  if (!state.draft) return state;
  const payload = state.draft.payload;
  const entities = entitiesOf(state).filter((e) => e.id !== proposed);
  const provenance = state.draft.provenance;
  return {
    ...state,
    draft: {
      ...state.draft,
      payload: {
        ...payload,
        entities: swapId(entities, proposed, into.id),
        stances: swapId(stancesOf(state), proposed, into.id),
        relations: swapId(relationsOf(state), proposed, into.id),
        ...(payload.aliases ? { aliases: swapId(payload.aliases, proposed, into.id) } : {}),
      },
      provenance: provenance && { ...provenance, mentions: swapId(provenance.mentions, proposed, into.id), quotes: swapId(provenance.quotes, proposed, into.id) },
    },
    merges: { ...state.merges, [proposed]: into },
    ...(state.negotiation ? { negotiation: swapId(state.negotiation, proposed, into.id) } : {}),
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
  // A stance needs its actor, target, condition, and who voiced it, where and in which document.
  for (const s of stances) [s.actor, s.target, s.conditionPosition, s.voicedBy, s.event, s.document].forEach((id) => id && used.add(id));
  for (const r of relations) [r.from, r.to].forEach((id) => used.add(id));
  const points = pointsPayload(state);
  for (const p of points.points) used.add(p.position);
  const entities = entitiesOf(state);
  // A new negotiation's parties may be entities the draft proposes.
  if (typeof state.negotiation === 'object') for (const p of state.negotiation.parties ?? []) used.add(p);
  for (const e of entities) if (used.has(e.id) && 'party' in e && typeof e.party === 'string') used.add(e.party);
  const source = withSourceFields(state.draft.payload.source, state.form);
  const payload = {
    ...state.draft.payload,
    source,
    stances,
    relations,
    entities: [...entities.filter((e) => used.has(e.id)), ...points.entities],
    ...(state.negotiation ? { negotiation: state.negotiation } : {}),
  };
  return points.points.length > 0 ? { ...payload, points: points.points } : payload;
}

/** Puts the source in this negotiation, an existing one's id or a new one's declaration (null: let the server's rule decide). */
export function setDraftNegotiation(state: SourceDraftState, negotiation: DraftNegotiation | null): SourceDraftState {
  if ((state.negotiation ?? null) === negotiation) return state;
  const { negotiation: _previous, ...rest } = state;
  return negotiation ? { ...rest, negotiation } : rest;
}

/** A new draft in the workbench, in the negotiation the server proposed for it (if any). */
export function withDraft(state: SourceDraftState, draft: ExtractDraft): SourceDraftState {
  return setDraftNegotiation({ ...state, draft, decisions: {}, merges: {}, pointDecisions: {}, unchosen: {} }, draft.negotiation?.negotiation ?? null);
}

type PayloadSource = SourcePayloadInput['source'];

/** The source as the form says: its URL, publisher and Admiralty grade (when both halves are set); an empty field drops it. */
export function withSourceFields(source: PayloadSource, form: SourceForm): PayloadSource {
  const { url: _url, publisher: _publisher, grade: _grade, ...rest } = source;
  const url = form.url.trim();
  const publisher = form.publisher.trim();
  return {
    ...rest,
    ...(url ? { url } : {}),
    ...(publisher ? { publisher } : {}),
    ...(form.reliability && form.credibility ? { grade: `${form.reliability}${form.credibility}` } : {}),
  };
}

export function loadDraftState(storage: Storage): SourceDraftState {
  try {
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as SourceDraftState | null;
    // A draft saved before a field of the form existed gets that field empty.
    return saved && typeof saved === 'object' && saved.form ? { ...emptyDraftState(), ...saved, form: { ...emptyDraftState().form, ...saved.form } } : emptyDraftState();
  } catch {
    return emptyDraftState();
  }
}

export function saveDraftState(storage: Storage, state: SourceDraftState): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(state));
}

/**
 * What a reader calls an entity a draft refers to, never its id: the name a proposed entity is
 * declared with, else the name it was picked or merged by, else the graph's name for it (`known`), else the words the article names it
 * with, else its id's slug in words ("party:russia" → "russia").
 */
export function entityName(state: SourceDraftState, id: string, known: (id: string) => string | undefined = () => undefined): string {
  const proposed = entitiesOf(state).find((entity) => entity.id === id);
  if (proposed) return proposed.name;
  const picked = state.names?.[id] ?? Object.values(state.merges).find((into) => into.id === id)?.name;
  if (picked) return picked;
  const fromGraph = known(id);
  if (fromGraph) return fromGraph;
  const mention = state.draft?.provenance?.mentions.find((m) => m.entity === id);
  if (mention) return mention.text;
  return id.replace(/^[a-z]+:/, '').replace(/-/g, ' ');
}
