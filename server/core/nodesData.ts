/** Nodes by id, as plain rows: what every feature reads to check an id or show a node. */
import { cypher } from '../db/cypherFiles.ts';
import type { Database } from '../db/database.ts';

export interface NodeRow {
  id: string;
  type: string;
  label: string;
  properties: Record<string, unknown>;
}

export function readNodesById(db: Database, ids: string[]): Promise<NodeRow[]> {
  return db.read<NodeRow>(cypher('graph/nodes-by-id'), { ids });
}
