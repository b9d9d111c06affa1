/** Data access for the analyst views: position relations, dated events, the matrix, paths. Plain objects only. */
import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';
import type { PositionRelation, StanceFamily, StanceType } from '../../contract/model.ts';
import type { NodeRefRow } from '../../core/stancesData.ts';

export interface PositionLinkRow {
  relation: PositionRelation;
  direction: 'outgoing' | 'incoming';
  position: NodeRefRow;
  stance: string | null;
  note: string | null;
}
export function readPositionLinks(db: Database, id: string): Promise<PositionLinkRow[]> {
  return db.read<PositionLinkRow>(cypher('analysis/position-links'), { id });
}

export interface DatedNodeRow {
  id: string;
  kind: 'event' | 'document';
  label: string;
  date: string;
  datePrecision: string | null;
  how: string;
}
export function readPositionEvents(db: Database, id: string, asOf: string | null, negotiation: string | null = null): Promise<DatedNodeRow[]> {
  return db.read<DatedNodeRow>(cypher('analysis/position-events'), { id, asOf, negotiation });
}

export interface MatrixStanceRow {
  id: string;
  type: StanceType;
  family: StanceFamily;
  date: string;
  datePrecision: string;
  actor: NodeRefRow;
  /** The admissible evidence behind the stance: its source and how it was reported. */
  evidence: { source: string | null; reporting: string | null }[];
}
interface MatrixCellRow {
  party: string;
  position: string;
  /** Every stance of the cell, latest first. */
  stances: MatrixStanceRow[];
}
export function readMatrix(db: Database, asOf: string | null, sources: string[] | null, stanceTypes: readonly string[] | null = null, negotiation: string | null = null): Promise<MatrixCellRow[]> {
  return db.read<MatrixCellRow>(cypher('analysis/matrix'), { asOf, sources, stanceTypes, negotiation });
}
export function readMatrixAxes(db: Database, negotiation: string | null = null): Promise<NodeRefRow[]> {
  return db.read<NodeRefRow>(cypher('analysis/matrix-axes'), { negotiation });
}

interface PathRow {
  length: number;
  nodes: NodeRefRow[];
  relationships: { type: string; source: string; target: string }[];
}
export function readShortestPaths(db: Database, from: string, to: string, max: number, limit = 25): Promise<PathRow[]> {
  return db.read<PathRow>(cypher('analysis/paths'), { from, to, max, limit });
}
