/**
 * Data access for the visual graph: nodes and collapsed stance edges as plain objects, streamed
 * so that large answers never sit whole in memory.
 */
import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';
import type { NodeRow } from '../../core/nodesData.ts';

export interface EdgeRow {
  id: string;
  source: string;
  target: string;
  type: string;
  attributes: Record<string, unknown>;
}

interface GraphNodeQuery {
  nodeTypes: string[];
  stanceTypes: string[];
  actor: string | null;
  position: string | null;
  asOf: string | null;
  limit: number;
  /** The admissible sources of a grade filter; null: every source. */
  sources: string[] | null;
  /** Only what this negotiation involves; null: every negotiation. */
  negotiation: string | null;
}

/** The visual graph's nodes query: every node of the types, or (`filtered`) those of the matching stances. */
export const graphNodesCypher = (filtered: boolean) => cypher(filtered ? 'graph/nodes-of-stances' : 'graph/nodes') + cypher('graph/node-row');

export function streamGraphNodes(db: Database, query: GraphNodeQuery): AsyncGenerator<NodeRow> {
  const filtered = query.actor !== null || query.position !== null;
  return db.stream<NodeRow>(graphNodesCypher(filtered), { ...query });
}

/** A stance as the data layer reads it: the flat columns of graph/stance-edge-row. */
interface StanceColumns {
  id: string;
  source: string;
  target: string;
  type: string;
  family: string | null;
  date: string | null;
  datePrecision: string;
  condition: string | null;
  confidence: number | null;
  links: [string, string][];
  evidence: [string, string | null, string | null, string | null, string | null, string | null, string | null, string | null, string | null][];
}

function toStanceEdge(row: StanceColumns): EdgeRow {
  const evidence = row.evidence
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .map(([, quote, summary, reporting, via, source, sourceTitle, sourceGrade, sourcePublisher]) => ({
      quote,
      summary,
      reporting,
      via,
      source,
      sourceTitle,
      sourceGrade,
      sourcePublisher,
    }));
  const linked = (type: string) => row.links.find(([linkType]) => linkType === type)?.[1] ?? null;
  return {
    id: row.id,
    source: row.source,
    target: row.target,
    type: row.type,
    attributes: {
      stanceId: row.id,
      stanceType: row.type,
      family: row.family,
      date: row.date,
      datePrecision: row.datePrecision,
      condition: row.condition,
      conditionPosition: linked('CONDITIONAL_ON'),
      confidence: row.confidence,
      event: linked('AT'),
      voicedBy: linked('VOICED_BY'),
      evidenceCount: evidence.length,
      evidence,
    },
  };
}

/** The stances among a set of nodes, as edge rows (also the bench's raw-driver baseline). */
export const stancesAmongCypher = () => cypher('graph/stances-among') + cypher('graph/stance-edge-row');
const stancesByIdCypher = () => cypher('graph/stances-by-id') + cypher('graph/stance-edge-row');

/** Stance edges between the given nodes first (with evidence from the admissible `sources`; null: all; of the `negotiation`, null: all), then their structural relationships. */
export async function* streamGraphEdges(
  db: Database,
  ids: string[],
  stanceTypes: string[],
  asOf: string | null,
  sources: string[] | null,
  negotiation: string | null = null,
): AsyncGenerator<EdgeRow> {
  for await (const row of db.stream<StanceColumns>(stancesAmongCypher(), { ids, stanceTypes, asOf, sources, negotiation })) yield toStanceEdge(row);
  yield* db.stream<EdgeRow>(cypher('graph/structural-edges'), { ids });
}

export async function readGraphEdges(db: Database, ids: string[], stanceTypes: string[], asOf: string | null): Promise<EdgeRow[]> {
  const edges: EdgeRow[] = [];
  for await (const edge of streamGraphEdges(db, ids, stanceTypes, asOf, null)) edges.push(edge);
  return edges;
}

export async function readNodeDegree(db: Database, id: string): Promise<{ stances: number; relationships: number }> {
  const [row] = await db.read<{ stances: number; relationships: number }>(cypher('graph/degree'), { id });
  return row ?? { stances: 0, relationships: 0 };
}

export async function readNeighborIds(db: Database, frontier: string[], seen: string[], nodeTypes: string[], limit: number): Promise<string[]> {
  const rows = await db.read<{ id: string }>(cypher('graph/neighbor-ids'), { frontier, seen, nodeTypes, limit });
  return rows.map((r) => r.id);
}

export async function readStanceEdgesById(db: Database, ids: string[]): Promise<EdgeRow[]> {
  return (await db.read<StanceColumns>(stancesByIdCypher(), { ids, sources: null })).map(toStanceEdge);
}
