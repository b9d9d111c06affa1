/** Data access for the analyst views: stances, position relations, matrix, paths. Plain objects only. */
import { cypher } from '../db/cypherFiles.ts';
import type { Database } from '../db/database.ts';
import type { NodeRef, PositionLink, Stance } from '../contract/api.ts';

export interface StanceFilter {
  position?: string | null;
  actor?: string | null;
  conditionOn?: string | null;
  asOf?: string | null;
}

export function readStances(db: Database, filter: StanceFilter): Promise<Stance[]> {
  return db.read<Stance>(cypher('explore/stances'), {
    position: filter.position ?? null,
    actor: filter.actor ?? null,
    conditionOn: filter.conditionOn ?? null,
    asOf: filter.asOf ?? null,
  });
}

export type PositionLinkRow = Omit<PositionLink, 'meaning'>;
export function readPositionLinks(db: Database, id: string): Promise<PositionLinkRow[]> {
  return db.read<PositionLinkRow>(cypher('explore/position-links'), { id });
}

export interface DatedNodeRow {
  id: string;
  kind: 'event' | 'document';
  label: string;
  date: string;
  datePrecision: string | null;
  how: string;
}
export function readPositionEvents(db: Database, id: string, asOf: string | null): Promise<DatedNodeRow[]> {
  return db.read<DatedNodeRow>(cypher('explore/position-events'), { id, asOf });
}

export interface MatrixCellRow {
  party: string;
  position: string;
  latest: { id: string; type: string; family: string; date: string; actor: NodeRef };
  stanceCount: number;
  evidenceCount: number;
}
export function readMatrix(db: Database, asOf: string | null): Promise<MatrixCellRow[]> {
  return db.read<MatrixCellRow>(cypher('explore/matrix'), { asOf });
}
export function readMatrixAxes(db: Database): Promise<NodeRef[]> {
  return db.read<NodeRef>(cypher('explore/matrix-axes'));
}

export interface PathRow {
  length: number;
  nodes: NodeRef[];
  relationships: { type: string; source: string; target: string }[];
}
export function readShortestPaths(db: Database, from: string, to: string, max: number, limit = 25): Promise<PathRow[]> {
  return db.read<PathRow>(cypher('explore/paths'), { from, to, max, limit });
}
