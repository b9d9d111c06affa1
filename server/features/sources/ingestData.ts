import { cypher } from '../../db/cypherFiles.ts';
import type { Database, Transaction, WriteHook } from '../../db/database.ts';
import type { StanceFamily } from '../../contract/model.ts';
import { type NegotiationRow, assignByRule, assignSourceMembership, declareNegotiation, retractSourceMembership } from '../../core/negotiationsData.ts';

/** The negotiation a source names (`id`), declaring it when `declared`; id null: the assignment rule places what it reports. */
export interface SourceNegotiation {
  id: string | null;
  declared: NegotiationRow | null;
}

/** Relationship types ingestion writes; the only values that reach `$(row.type)`. */
export const LINK_TYPES = [
  'REPRESENTS',
  'PART_OF',
  'DELEGATION_OF',
  'MEMBER_OF',
  'LOCATED_IN',
  'PARTICIPANT',
  'OUTCOME',
  'AUTHORED_BY',
  'ADDRESSED_TO',
  'PRODUCED_AT',
  'SETS_OUT',
  'WITHIN',
  'AT',
  'RECORDED_IN',
  'VOICED_BY',
  'CONDITIONAL_ON',
  'HAS_PRECONDITION',
  'ALTERNATIVE_TO',
  'PUBLISHED_BY',
  'AFFILIATED_WITH',
] as const;

export interface LinkRow {
  from: string;
  type: (typeof LINK_TYPES)[number];
  to: string;
  props: Record<string, unknown>;
}

export interface EntityRow {
  id: string;
  type: string;
  date: string | null;
  /** Create with `props` when new, leave as it is when it exists (a publisher derived from a name). */
  keepExisting: boolean;
  props: Record<string, unknown>;
}

export interface IngestionPlan {
  sourceId: string;
  source: Record<string, unknown>;
  entities: EntityRow[];
  links: LinkRow[];
  stances: { id: string; actor: string; target: string; date: string; props: Record<string, unknown> }[];
  evidence: { id: string; stance: string; props: Record<string, unknown> }[];
  /** Spellings the source keeps as other names of entities the graph holds, by entity. */
  aliasClaims: { entity: string; aliases: string[] }[];
  /** Ids the payload declares, with their node type. */
  declared: Map<string, string>;
}

export async function findEntityTypes(db: Database, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.read<{ id: string; type: string }>(cypher('ingest/existing-ids'), { ids });
  return new Map(rows.map((r) => [r.id, r.type]));
}

interface HeldStanceRow {
  id: string;
  actor: string;
  target: string;
  family: StanceFamily;
  date: string;
  datePrecision: string;
  sources: string[];
}

/** The stances the graph holds for each (actor, target) pair, with the sources behind them. */
export function readHeldStances(db: Database, pairs: { actor: string; target: string }[]): Promise<HeldStanceRow[]> {
  if (pairs.length === 0) return Promise.resolve([]);
  return db.read<HeldStanceRow>(cypher('ingest/stance-candidates'), { pairs });
}

/** What a source arrived as, kept with it (cypher/ingest/record.cypher). */
interface SourceRecordRow {
  sourceId: string;
  /** The accepted payload as JSON, without its text. */
  payload: string;
  text: string | null;
  textBytes: number;
  ingestedAt: string;
  /** When the source first arrived; set by the first ingestion unless a restore carries it. */
  firstIngestedAt: string | null;
  /** Label of the write token (or the tool) that sent it. */
  writer: string;
}

/** One line of the audit trail; `changes` are counts, merged with what the write removed. */
interface AuditDraft {
  at: string;
  action: 'ingest' | 'restore' | 'delete';
  sourceId: string;
  writer: string;
  changes: Record<string, number>;
}

interface RemovedCounts {
  removedStances: number;
  removedEvidence: number;
  removedRelations: number;
  removedEntities: number;
}

export interface LinkKey {
  from: string;
  type: string;
  to: string;
}

/**
 * Writes a whole source in one transaction, all of it or nothing: its graph, what it no longer
 * claims taken back (`retiredLinks`, entities it stopped declaring, evidence it no longer gives),
 * its record, the audit line, and its change events (`changes`, the outbox).
 */
export async function writeSourceGraph(
  db: Database,
  plan: IngestionPlan,
  { record, retiredLinks, negotiation, audit, changes }: { record: SourceRecordRow; retiredLinks: LinkKey[]; negotiation: SourceNegotiation; audit: AuditDraft; changes: WriteHook },
): Promise<RemovedCounts> {
  for (const link of plan.links) {
    if (!(LINK_TYPES as readonly string[]).includes(link.type)) throw new Error(`Refusing relationship type ${link.type}`);
  }
  const { sourceId } = plan;
  return db.transaction('WRITE', async (tx) => {
    await changes.before(tx);
    // What the previous version said about its negotiation is taken back first, while its evidence still shows what it reported.
    const released = await retractSourceMembership(tx, sourceId);
    await tx.run(cypher('ingest/source'), { source: plan.source });
    await tx.run(cypher('ingest/entities'), { rows: plan.entities, sourceId });
    await tx.run(cypher('ingest/alias-claims'), { rows: plan.aliasClaims, sourceId });
    await tx.run(cypher('ingest/stances'), { rows: plan.stances });
    await tx.run(cypher('ingest/links'), { rows: plan.links, sourceId });
    await tx.run(cypher('ingest/evidence'), { rows: plan.evidence, sourceId });
    const removed = await retract(tx, sourceId, {
      evidenceIds: plan.evidence.map((e) => e.id),
      links: retiredLinks,
      keepEntities: [...plan.entities.map((e) => e.id), ...plan.aliasClaims.map((c) => c.entity)],
    });
    if (negotiation.declared) await declareNegotiation(tx, negotiation.declared);
    await assignSourceMembership(tx, sourceId, negotiation.id, released);
    await tx.run(cypher('ingest/record'), { record });
    await tx.run(cypher('audit/record'), { entry: auditEntry(audit, removed) });
    await changes.after(tx);
    return removed;
  }, { metadata: { app: 'parley', operation: 'ingest-source', sourceId } });
}

/**
 * Deletes a source in one transaction: its evidence, the stances left without evidence, its
 * claim on each relationship (`links`, from its stored payload) and on each entity, whatever no
 * other source still needs, then the source and its record. Nothing to delete changes nothing.
 */
export async function deleteSourceGraph(
  db: Database,
  sourceId: string,
  links: LinkKey[],
  audit: AuditDraft,
  changes: WriteHook,
): Promise<RemovedCounts & { existed: boolean }> {
  return db.transaction('WRITE', async (tx) => {
    await changes.before(tx);
    const released = await retractSourceMembership(tx, sourceId);
    const removed = await retract(tx, sourceId, { evidenceIds: [], links, keepEntities: [] });
    // What the source alone placed in a negotiation and outlives it is placed by the rule.
    await assignByRule(tx, released, released);
    const [gone] = await tx.run<{ existed: boolean }>(cypher('sources/delete'), { sourceId });
    const existed = gone?.existed ?? false;
    if (existed) {
      await tx.run(cypher('audit/record'), { entry: auditEntry(audit, removed) });
      await changes.after(tx);
    }
    return { ...removed, existed };
  }, { metadata: { app: 'parley', operation: 'delete-source', sourceId } });
}

/** Takes back what a source claimed beyond what it keeps; shared by re-ingestion and deletion. */
async function retract(
  tx: Transaction,
  sourceId: string,
  keep: { evidenceIds: string[]; links: LinkKey[]; keepEntities: string[] },
): Promise<RemovedCounts> {
  const [pruned] = await tx.run<{ removedStances: number; removedEvidence: number }>(cypher('ingest/prune'), { sourceId, evidenceIds: keep.evidenceIds });
  const [links] = await tx.run<{ removedRelations: number }>(cypher('ingest/retract-links'), { sourceId, links: keep.links });
  const letGo = await tx.run<{ id: string }>(cypher('ingest/retract-mentions'), { sourceId, keep: keep.keepEntities });
  const [orphans] = await tx.run<{ removedEntities: number }>(cypher('ingest/remove-orphans'), { ids: letGo.map((r) => r.id) });
  await tx.run(cypher('ingest/reported-aliases'), { ids: [...new Set([...keep.keepEntities, ...letGo.map((r) => r.id)])] });
  return {
    removedStances: pruned?.removedStances ?? 0,
    removedEvidence: pruned?.removedEvidence ?? 0,
    removedRelations: links?.removedRelations ?? 0,
    removedEntities: orphans?.removedEntities ?? 0,
  };
}

/** Neo4j properties cannot hold maps: the counts are kept as JSON. */
function auditEntry({ changes, ...audit }: AuditDraft, removed: RemovedCounts): Record<string, unknown> {
  return { ...audit, changes: JSON.stringify({ ...changes, ...removed }) };
}
