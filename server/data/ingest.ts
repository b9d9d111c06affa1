import { cypher } from '../db/cypherFiles.ts';
import type { Database } from '../db/database.ts';

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
] as const;

export interface LinkRow {
  from: string;
  type: (typeof LINK_TYPES)[number];
  to: string;
  props: Record<string, unknown>;
}

export interface IngestionPlan {
  sourceId: string;
  source: Record<string, unknown>;
  entities: { id: string; type: string; date: string | null; props: Record<string, unknown> }[];
  links: LinkRow[];
  stances: { id: string; actor: string; target: string; date: string; props: Record<string, unknown> }[];
  evidence: { id: string; stance: string; props: Record<string, unknown> }[];
  /** Ids the payload declares, with their node type. */
  declared: Map<string, string>;
}

export async function findEntityTypes(db: Database, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.read<{ id: string; type: string }>(cypher('ingest/existing-ids'), { ids });
  return new Map(rows.map((r) => [r.id, r.type]));
}

/** Writes a whole source in one transaction: all of it or nothing. */
export async function writeSourceGraph(db: Database, plan: IngestionPlan): Promise<{ removedStances: number; removedEvidence: number }> {
  for (const link of plan.links) {
    if (!(LINK_TYPES as readonly string[]).includes(link.type)) throw new Error(`Refusing relationship type ${link.type}`);
  }
  return db.writeTransaction(async (tx) => {
    await tx.run(cypher('ingest/source'), { source: plan.source });
    await tx.run(cypher('ingest/entities'), { rows: plan.entities, sourceId: plan.sourceId });
    await tx.run(cypher('ingest/stances'), { rows: plan.stances });
    await tx.run(cypher('ingest/links'), { rows: plan.links });
    await tx.run(cypher('ingest/evidence'), { rows: plan.evidence, sourceId: plan.sourceId });
    const [removed] = await tx.run<{ removedStances: number; removedEvidence: number }>(cypher('ingest/prune'), {
      sourceId: plan.sourceId,
      evidenceIds: plan.evidence.map((e) => e.id),
    });
    return removed ?? { removedStances: 0, removedEvidence: 0 };
  }, { metadata: { app: 'parley', operation: 'ingest-source', sourceId: plan.sourceId } });
}
