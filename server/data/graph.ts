/**
 * Data access for the visual graph: nodes and collapsed stance edges as plain objects, streamed
 * so that large answers never sit whole in memory.
 */
import { cypher } from '../db/cypherFiles.ts';
import type { Database } from '../db/database.ts';

export interface NodeRow {
  id: string;
  type: string;
  label: string;
  properties: Record<string, unknown>;
}

export interface EdgeRow {
  id: string;
  source: string;
  target: string;
  type: string;
  attributes: Record<string, unknown>;
}

export interface GraphNodeQuery {
  nodeTypes: string[];
  stanceTypes: string[];
  actor: string | null;
  position: string | null;
  asOf: string | null;
  limit: number;
}

export function streamGraphNodes(db: Database, query: GraphNodeQuery): AsyncGenerator<NodeRow> {
  return db.stream<NodeRow>(cypher('graph/nodes'), { ...query });
}

export function streamGraphEdges(db: Database, ids: string[], stanceTypes: string[], asOf: string | null): AsyncGenerator<EdgeRow> {
  return db.stream<EdgeRow>(cypher('graph/edges'), { ids, stanceTypes, asOf });
}

export function readGraphEdges(db: Database, ids: string[], stanceTypes: string[], asOf: string | null): Promise<EdgeRow[]> {
  return db.read<EdgeRow>(cypher('graph/edges'), { ids, stanceTypes, asOf });
}

export function readNodesById(db: Database, ids: string[]): Promise<NodeRow[]> {
  return db.read<NodeRow>(cypher('graph/nodes-by-id'), { ids });
}

export async function readNodeDegree(db: Database, id: string): Promise<{ stances: number; relationships: number }> {
  const [row] = await db.read<{ stances: number; relationships: number }>(cypher('graph/degree'), { id });
  return row ?? { stances: 0, relationships: 0 };
}

export async function readNeighborIds(db: Database, frontier: string[], seen: string[], nodeTypes: string[], limit: number): Promise<string[]> {
  const rows = await db.read<{ id: string }>(cypher('graph/neighbor-ids'), { frontier, seen, nodeTypes, limit });
  return rows.map((r) => r.id);
}

export function readStanceEdgesById(db: Database, ids: string[]): Promise<EdgeRow[]> {
  return db.read<EdgeRow>(cypher('graph/stance-edges-by-id'), { ids });
}
