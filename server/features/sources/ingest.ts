/**
 * Ingestion of a source and its claims: validate the shape, resolve every reference (in the
 * payload or already in the graph), then write it all in one transaction, together with what the
 * source arrived as (payload and text) and an audit line. MERGE on stable ids makes the same
 * payload twice a no-op; re-ingesting a changed source replaces what it gave: its stored previous
 * payload says which relationships it no longer claims.
 */
import crypto from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { type EntityRow, findEntityTypes, readHeldStances, writeSourceGraph, type IngestionPlan, type LinkKey, type LinkRow, type SourceNegotiation } from './ingestData.ts';
import { forgetNames } from '../../core/namesData.ts';
import { readStoredPayload } from './data.ts';
import { NotFoundError, UnprocessableError, ValidationError } from '../../errors.ts';
import { existingNegotiations, type NegotiationRow } from '../../core/negotiationsData.ts';
import { zodIssues } from '../../core/validation.ts';
import { ACTOR_TYPES, ENTITY_TYPES, STANCE_TARGET_TYPES, STANCE_TYPES, type NodeType, type StanceFamily } from '../../contract/model.ts';
import { type EntityInput, type NegotiationDeclaration, type SourcePayload, sourcePayloadSchema } from '../../contract/sourcePayload.ts';
import { type HeldStance, type ReportedStance, groupBy, placeReportedStances } from '../../core/reports.ts';
import type { StanceMatch } from '../../contract/extract.ts';
import { NO_CHANGES, ingestionChanges } from '../../core/outbox.ts';

export interface IngestReport {
  sourceId: string;
  entities: number;
  stances: number;
  attachedStances: number;
  evidence: number;
  relations: number;
  /** Points of documents among the stances. */
  points: number;
  removedStances: number;
  removedEvidence: number;
  removedRelations: number;
  removedEntities: number;
}

/** Who sends a source, and for a restore, the times and grade it originally had. */
export interface IngestContext {
  /** Label of the write token, or of the tool (seed, cli), that sends it. */
  writer: string;
  action?: 'ingest' | 'restore';
  ingestedAt?: string;
  firstIngestedAt?: string;
  /** Overrides the payload's grade (null: ungraded). */
  grade?: string | null;
}

/** What a reference may name: a node type of the model, or a source's publisher. */
type ReferenceType = NodeType | 'Publisher';

interface Reference {
  path: string;
  id: string;
  allowed: readonly ReferenceType[];
}

/** Writes a validated payload (`parsePayload`, or the route's parser), recording who sent it. */
export async function ingestSource(db: Database, payload: SourcePayload, context: IngestContext = { writer: 'system' }): Promise<IngestReport> {
  const { plan: planned, references } = planIngestion(payload);
  if (context.grade !== undefined) planned.source.grade = context.grade;
  await assertReferencesResolve(db, planned, references);
  const negotiation = await negotiationOf(db, payload);
  const stored = await readStoredPayload(db, planned.sourceId);
  const previous = stored === undefined ? undefined : storedPlan(stored);
  // A stance the graph already holds gets this source's evidence; the previous version's
  // stances are placed too, so what it claimed through them can be taken back.
  const placed = await placeStances(db, planned.sourceId, previous === undefined ? [planned] : [planned, previous]);
  const plan = attachToHeldStances(planned, placed);
  const retiredLinks = previous === undefined ? [] : linksNoLongerClaimed(attachToHeldStances(previous, placed).links, plan.links);
  const now = new Date().toISOString();
  const { text, ...source } = payload.source;
  const written = {
    entities: plan.entities.length,
    stances: plan.stances.length,
    attachedStances: planned.stances.length - plan.stances.length,
    evidence: plan.evidence.length,
    relations: payload.relations.length,
    points: payload.points?.length ?? 0,
  };
  const removed = await writeSourceGraph(db, plan, {
    record: {
      sourceId: plan.sourceId,
      payload: JSON.stringify({ ...payload, source }),
      text: text ?? null,
      textBytes: text === undefined ? 0 : Buffer.byteLength(text, 'utf8'),
      ingestedAt: context.ingestedAt ?? now,
      firstIngestedAt: context.firstIngestedAt ?? null,
      writer: context.writer,
    },
    retiredLinks,
    negotiation,
    audit: { at: now, action: context.action ?? 'ingest', sourceId: plan.sourceId, writer: context.writer, changes: written },
    // A restore rebuilds what was there: it writes no change events, only its audit line.
    changes: context.action === 'restore' ? NO_CHANGES : ingestionChanges(plan.sourceId, plan.stances.map((s) => s.id)),
  });
  forgetNames(db);
  return { sourceId: payload.source.id, ...written, ...removed };
}

/** The negotiation a payload names (it must exist: a 404 otherwise) or declares; null: the assignment rule places what it reports. */
async function negotiationOf(db: Database, payload: SourcePayload): Promise<SourceNegotiation> {
  const named = payload.negotiation;
  if (named === undefined) return { id: null, declared: null };
  if (typeof named === 'string') {
    if (!(await existingNegotiations(db, [named])).has(named)) {
      throw new NotFoundError(`negotiation: no negotiation ${named}; name one GET /api/negotiations lists, or declare it in the payload`, [
        { path: 'negotiation', message: `unknown negotiation ${named}` },
      ]);
    }
    return { id: named, declared: null };
  }
  return { id: named.id, declared: negotiationRow(named) };
}

/** A declared negotiation as it is written (absent fields null). */
export function negotiationRow({ description, start, end, ...declared }: NegotiationDeclaration): NegotiationRow {
  return { ...declared, description: description ?? null, start: start ?? null, end: end ?? null };
}

/** The plan of a stored payload (it was valid when it was accepted). */
function storedPlan(storedPayload: string): IngestionPlan {
  return planIngestion(parsePayload(JSON.parse(storedPayload))).plan;
}

/** The relationships a stored source claims, from its stances where the graph holds them. */
export async function claimedLinks(db: Database, sourceId: string, storedPayload: string): Promise<LinkKey[]> {
  const plan = storedPlan(storedPayload);
  return attachToHeldStances(plan, await placeStances(db, sourceId, [plan])).links;
}

/** Reads the stances held for the plans' (actor, target) pairs and decides where each stance goes. */
async function placeStances(db: Database, sourceId: string, plans: IngestionPlan[]): Promise<Map<string, string>> {
  const { reports, held } = await readCandidates(db, plans);
  return placeReportedStances(sourceId, reports, held);
}

/** The payload's stances, and the stances the graph holds with the same actor and target. */
async function readCandidates(db: Database, plans: IngestionPlan[]): Promise<{ reports: ReportedStance[]; held: HeldStance[] }> {
  // Of two versions' stances with one id, the first plan's (the current version) counts.
  const byId = new Map(plans.flatMap((p) => p.stances).reverse().map((s) => [s.id, s]));
  const reports = [...byId.values()].map((s) => ({
    id: s.id,
    actor: s.actor,
    target: s.target,
    date: s.date,
    family: s.props.family as StanceFamily,
    datePrecision: (s.props.datePrecision as string | undefined) ?? 'day',
  }));
  const pairs = [...new Map(reports.map((s) => [`${s.actor}\u0000${s.target}`, { actor: s.actor, target: s.target }])).values()];
  return { reports, held: await readHeldStances(db, pairs) };
}

/**
 * The stances of a draft that the graph already holds, with how many other sources report each:
 * a stance placed on a held one, or held under its own id by other sources.
 */
export async function stancesAlreadyHeld(db: Database, payload: SourcePayload): Promise<StanceMatch[]> {
  const { plan } = planIngestion(payload);
  const { reports, held } = await readCandidates(db, [plan]);
  const placed = placeReportedStances(plan.sourceId, reports, held);
  return reports.flatMap((stance) => {
    const existing = held.find((h) => h.id === (placed.get(stance.id) ?? stance.id));
    const others = existing?.sources.filter((s) => s !== plan.sourceId) ?? [];
    return existing && others.length > 0 ? [{ stance: stance.id, existing: existing.id, sources: others.length }] : [];
  });
}

/** The plan with the stances the graph already holds left out, their evidence and links moved onto the held ones. */
export function attachToHeldStances(plan: IngestionPlan, placed: Map<string, string>): IngestionPlan {
  if (placed.size === 0) return plan;
  const at = (id: string) => placed.get(id) ?? id;
  return {
    ...plan,
    stances: plan.stances.filter((s) => !placed.has(s.id)),
    evidence: plan.evidence.map((e) => ({ ...e, stance: at(e.stance) })),
    links: plan.links.map((l) => ({
      ...l,
      from: at(l.from),
      props: typeof l.props.stance === 'string' ? { ...l.props, stance: at(l.props.stance) } : l.props,
    })),
  };
}

/** Relationships the previous version of a source claimed and the new one does not. */
export function linksNoLongerClaimed(previous: LinkKey[], current: LinkKey[]): LinkKey[] {
  const key = (l: LinkKey) => `${l.from}\u0000${l.type}\u0000${l.to}`;
  const kept = new Set(current.map(key));
  const retired = new Map(previous.filter((l) => !kept.has(key(l))).map((l) => [key(l), { from: l.from, type: l.type, to: l.to }]));
  return [...retired.values()];
}

export function parsePayload(body: unknown): SourcePayload {
  const parsed = sourcePayloadSchema.safeParse(body);
  if (!parsed.success) {
    const details = zodIssues(parsed.error);
    throw new ValidationError(`The source payload is not valid: ${details[0]?.path || '(root)'}: ${details[0]?.message}`, details);
  }
  return parsed.data;
}

/** Turns the payload into the rows the data layer writes, and lists what must resolve. */
export function planIngestion(payload: SourcePayload): { plan: IngestionPlan; references: Reference[] } {
  const references: Reference[] = [];
  const links: LinkRow[] = [];
  const ref = (path: string, id: string, allowed: readonly ReferenceType[]) => references.push({ path, id, allowed });
  /** Links `from` to `to`; the id named at `path` (by default `to`) must resolve to an allowed type. */
  const link: LinkFn = (path, from, type, to, allowed, props = {}, checked = to) => {
    ref(path, checked, allowed);
    links.push({ from, type, to, props });
  };

  const seen = new Map<string, string>();
  const claimId = (id: string, path: string) => {
    const first = seen.get(id);
    if (first !== undefined) throw new ValidationError(`Duplicate id ${id} at ${path}`, [{ path, message: `id ${id} is already used at ${first}` }]);
    seen.set(id, path);
  };

  const entities: EntityRow[] = payload.entities.map((entity, i) => {
    const at = `entities.${i}`;
    claimId(entity.id, `${at}.id`);
    linksOf(entity, at, link);
    return { id: entity.id, type: entity.type, date: 'date' in entity ? entity.date : null, keepExisting: false, props: entityProps(entity) };
  });

  const publisher = publisherOf(payload.source, link);
  if (publisher) {
    claimId(publisher.id, 'source.publishedBy');
    entities.push(publisher);
  }

  const recorded = [...payload.stances.map((stance, i) => ({ stance, at: `stances.${i}`, point: undefined })), ...pointsAsStances(payload)];
  const stances = recorded.map(({ stance, at, point }) => {
    claimId(stance.id, `${at}.id`);
    ref(`${at}.actor`, stance.actor, ACTOR_TYPES);
    ref(`${at}.target`, stance.target, STANCE_TARGET_TYPES);
    if (stance.event) link(`${at}.event`, stance.id, 'AT', stance.event, ['Event']);
    if (stance.document) link(`${at}.document`, stance.id, 'RECORDED_IN', stance.document, ['Document'], point ?? {});
    if (stance.voicedBy) link(`${at}.voicedBy`, stance.id, 'VOICED_BY', stance.voicedBy, ['Official']);
    if (stance.conditionPosition) link(`${at}.conditionPosition`, stance.id, 'CONDITIONAL_ON', stance.conditionPosition, ['Position']);
    const { family, cameo } = STANCE_TYPES[stance.type];
    return {
      id: stance.id,
      actor: stance.actor,
      target: stance.target,
      date: stance.date,
      props: compact({
        name: `${stance.actor} ${stance.type} ${stance.target}`,
        type: stance.type,
        family,
        cameo,
        datePrecision: stance.datePrecision,
        condition: stance.condition,
        confidence: stance.confidence,
      }),
    };
  });

  const evidence = recorded.flatMap(({ stance }) =>
    stance.evidence.map((item) => ({
      id: evidenceId(payload.source.id, stance.id, item.quote ?? item.summary ?? ''),
      stance: stance.id,
      props: compact({ quote: item.quote, summary: item.summary, reporting: item.reporting, via: item.via, note: item.note }),
    })),
  );

  const stanceIds = new Set(recorded.map((r) => r.stance.id));
  payload.relations.forEach((relation, i) => {
    const at = `relations.${i}`;
    ref(`${at}.from`, relation.from, ['Position']);
    if (relation.stance && !stanceIds.has(relation.stance)) {
      throw new UnprocessableError('dangling_reference', `${at}.stance: ${relation.stance} is not a stance of this source`, [
        { path: `${at}.stance`, message: `unknown stance ${relation.stance}` },
      ]);
    }
    link(`${at}.to`, relation.from, relation.type, relation.to, ['Position'], compact({ stance: relation.stance, note: relation.note }));
  });

  const declared = typeof payload.negotiation === 'object' ? payload.negotiation : undefined;
  declared?.parties.forEach((id, i) => ref(`negotiation.parties.${i}`, id, ACTOR_TYPES));
  declared?.mediators.forEach((id, i) => ref(`negotiation.mediators.${i}`, id, ACTOR_TYPES));

  const claims = payload.aliases ?? [];
  claims.forEach((claim, i) => ref(`aliases.${i}.entity`, claim.entity, ENTITY_TYPES));
  const aliasClaims = [...groupBy(claims, (claim) => claim.entity)].map(([entity, named]) => ({
    entity,
    aliases: [...new Set(named.map((claim) => claim.alias))].sort(),
  }));

  // The original text is kept in the source's record, not on the node every read returns.
  const { text: _text, publishedBy: _publishedBy, ...sourceFields } = payload.source;
  const source: Record<string, unknown> = compact({ ...sourceFields, name: payload.source.title });
  return {
    plan: { source, sourceId: payload.source.id, entities, links, stances, evidence, aliasClaims, declared: new Map(entities.map((e) => [e.id, e.type])) },
    references,
  };
}

type PayloadStanceRow = SourcePayload['stances'][number];

/**
 * A document's points as the stances they are: the author's stance on the position, dated like
 * the document and RECORDED_IN it; the relationship carries the point's order, topic, condition
 * and section (docs/model.md, "A document's points"). Author and date come from the document when
 * the payload declares it; otherwise the point must name them.
 */
export function pointsAsStances(payload: SourcePayload): { stance: PayloadStanceRow; at: string; point: Record<string, unknown> }[] {
  const documents = new Map(payload.entities.flatMap((e) => (e.type === 'Document' ? [[e.id, e] as const] : [])));
  return (payload.points ?? []).map((point, i) => {
    const at = `points.${i}`;
    const document = documents.get(point.document);
    const actor = point.actor ?? document?.author;
    const date = point.date ?? document?.date;
    const problems: { path: string; message: string }[] = [];
    if (actor === undefined) problems.push({ path: `${at}.actor`, message: `name the author of ${point.document}, or declare the document in this payload` });
    if (date === undefined) problems.push({ path: `${at}.date`, message: `give the date of ${point.document}, or declare the document in this payload` });
    if (document && actor !== document.author) problems.push({ path: `${at}.actor`, message: `a point is a stance of the document's author, ${document.author}` });
    if (problems.length > 0) throw new ValidationError(`${problems[0]!.path}: ${problems[0]!.message}`, problems);
    return {
      at,
      point: compact({ order: point.order, topic: point.topic, condition: point.condition, section: point.section }),
      stance: {
        id: point.id ?? pointStanceId(point.document, point.position),
        actor: actor!,
        type: point.type,
        target: point.position,
        date: date!,
        datePrecision: point.datePrecision ?? (point.date === undefined ? document?.datePrecision : undefined) ?? 'day',
        condition: point.condition,
        confidence: point.confidence,
        document: point.document,
        evidence: point.evidence,
      },
    };
  });
}

/** `stance:point-<document>-<position>`, or a hash of both when that would be too long for an id. */
export function pointStanceId(document: string, position: string): string {
  const id = `stance:point-${document.slice('document:'.length)}-${position.slice('position:'.length)}`;
  return id.length <= 200 ? id : `stance:point-${crypto.createHash('sha256').update(`${document}\n${position}`).digest('hex').slice(0, 24)}`;
}

/** Every reference must name a node declared in the payload or already in the graph, of an allowed type. */
async function assertReferencesResolve(db: Database, plan: IngestionPlan, references: Reference[]): Promise<void> {
  const external = [...new Set(references.map((r) => r.id).filter((id) => !plan.declared.has(id)))];
  const known = external.length > 0 ? await findEntityTypes(db, external) : new Map<string, string>();
  const problems: { path: string; message: string }[] = [];
  for (const { path, id, allowed } of references) {
    const type = plan.declared.get(id) ?? known.get(id);
    if (type === undefined) problems.push({ path, message: `unknown id ${id}: declare it in entities or ingest it first` });
    else if (!(allowed as readonly string[]).includes(type)) problems.push({ path, message: `${id} is a ${type}; expected ${allowed.join(' or ')}` });
  }
  if (problems.length > 0) {
    throw new UnprocessableError('dangling_reference', `${problems[0]!.path}: ${problems[0]!.message}`, problems);
  }
}

type LinkFn = (
  path: string,
  from: string,
  type: LinkRow['type'],
  to: string,
  allowed: readonly ReferenceType[],
  props?: Record<string, unknown>,
  checked?: string,
) => void;

function linksOf(entity: EntityInput, at: string, link: LinkFn): void {
  switch (entity.type) {
    case 'Official':
      link(`${at}.party`, entity.id, 'REPRESENTS', entity.party, ['Party']);
      break;
    case 'Delegation':
      link(`${at}.party`, entity.id, 'DELEGATION_OF', entity.party, ['Party']);
      if (entity.head) link(`${at}.head`, entity.head, 'MEMBER_OF', entity.id, ['Official'], { head: true }, entity.head);
      entity.members.forEach((member, j) => {
        if (member !== entity.head) link(`${at}.members.${j}`, member, 'MEMBER_OF', entity.id, ['Official'], { head: false }, member);
      });
      break;
    case 'Event':
      if (entity.place) link(`${at}.place`, entity.id, 'LOCATED_IN', entity.place, ['Place']);
      entity.participants.forEach((p, j) => link(`${at}.participants.${j}.id`, entity.id, 'PARTICIPANT', p.id, ACTOR_TYPES, { role: p.role }));
      entity.outcomes.forEach((o, j) => link(`${at}.outcomes.${j}`, entity.id, 'OUTCOME', o, ['Position']));
      break;
    case 'Document':
      link(`${at}.author`, entity.id, 'AUTHORED_BY', entity.author, ['Party']);
      if (entity.recipient) link(`${at}.recipient`, entity.id, 'ADDRESSED_TO', entity.recipient, ['Party']);
      if (entity.event) link(`${at}.event`, entity.id, 'PRODUCED_AT', entity.event, ['Event']);
      entity.setsOut.forEach((p, j) => link(`${at}.setsOut.${j}`, entity.id, 'SETS_OUT', p, ['Position']));
      break;
    case 'Place':
      if (entity.within) link(`${at}.within`, entity.id, 'WITHIN', entity.within, ['Place']);
      break;
    case 'Party':
      if (entity.partOf) link(`${at}.partOf`, entity.id, 'PART_OF', entity.partOf, ['Party']);
      break;
    case 'Position':
      break;
  }
}

/**
 * The source's publisher: declared with it (written like any entity, with its affiliation),
 * named by id (it must exist), or derived from the free-text `publisher` name. A derived one is
 * only created when new, so it never overwrites a publisher someone declared under that id.
 */
function publisherOf(source: SourcePayload['source'], link: LinkFn): EntityRow | undefined {
  const { publishedBy } = source;
  const publishes = (id: string) => link('source.publishedBy', source.id, 'PUBLISHED_BY', id, ['Publisher']);
  if (typeof publishedBy === 'string') {
    publishes(publishedBy);
    return undefined;
  }
  if (publishedBy !== undefined) {
    const { id, affiliation, aliases, ...fields } = publishedBy;
    publishes(id);
    if (affiliation) link('source.publishedBy.affiliation', id, 'AFFILIATED_WITH', affiliation, ['Party']);
    return { id, type: 'Publisher', date: null, keepExisting: false, props: compact({ ...fields, aliases, aliasText: aliases.join(' | ') }) };
  }
  if (source.publisher === undefined) return undefined;
  const id = derivedPublisherId(source.publisher);
  publishes(id);
  return { id, type: 'Publisher', date: null, keepExisting: true, props: { name: source.publisher, aliases: [], aliasText: '' } };
}

/** `publisher:` and the name's words folded to ASCII ("Agence France-Presse" → publisher:agence-france-presse); a hash when none are left. */
export function derivedPublisherId(name: string): string {
  const words = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[a-z0-9]+/g);
  return `publisher:${words ? words.join('-').slice(0, 150).replace(/-$/, '') : crypto.createHash('sha256').update(name).digest('hex').slice(0, 12)}`;
}

function entityProps(entity: EntityInput): Record<string, unknown> {
  const { id: _id, type: _type, aliases, ...rest } = entity;
  const props: Record<string, unknown> = { aliases, aliasText: aliases.join(' | ') };
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined || key === 'date') continue;
    // Links are relationships, not properties.
    if (['party', 'partOf', 'head', 'members', 'place', 'participants', 'outcomes', 'author', 'recipient', 'event', 'setsOut', 'within'].includes(key)) continue;
    if (key === 'casualties') props.killed = (value as { killed?: number }).killed ?? null;
    else props[key] = value;
  }
  return props;
}

/** Evidence ids derive from what they say, so the same evidence twice is one node. */
function evidenceId(sourceId: string, stanceId: string, text: string): string {
  const hash = crypto.createHash('sha256').update(`${sourceId}\n${stanceId}\n${text}`).digest('hex').slice(0, 16);
  return `evidence:${hash}`;
}

function compact<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;
}
