/** Data access for documents and their points. Plain objects only. */
import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';
import type { PointTopic, StanceFamily, StanceType } from '../../contract/model.ts';
import type { EvidenceRow, NodeRefRow } from '../../core/stancesData.ts';

export interface DocumentRow {
  id: string;
  label: string;
  kind: string | null;
  date: string | null;
  author: NodeRefRow | null;
  points: number;
}

/** The documents among `ids` that the graph holds (absent ones are left out). */
export function readDocuments(db: Database, ids: string[], sources: string[] | null): Promise<DocumentRow[]> {
  return db.read<DocumentRow>(cypher('documents/documents'), { ids, sources });
}

export interface PointRow {
  document: string;
  stance: string;
  order: number;
  topic: PointTopic;
  type: StanceType;
  family: StanceFamily;
  condition: string | null;
  section: string | null;
  position: NodeRefRow;
  evidence: EvidenceRow[];
}

/** The points of the documents, each document's in its order. */
export function readPoints(db: Database, ids: string[], sources: string[] | null): Promise<PointRow[]> {
  return db.read<PointRow>(cypher('documents/points'), { ids, sources });
}

/** Pairs among `positions` that the graph sets against each other (cypher/rules/opposed.cypher). */
export async function readOpposedPositions(db: Database, positions: string[]): Promise<[string, string][]> {
  if (positions.length < 2) return [];
  const rows = await db.read<{ a: string; b: string }>(cypher('documents/opposed-positions'), { positions });
  return rows.map((r) => [r.a, r.b]);
}
