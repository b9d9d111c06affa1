/** Data access for the analyst views: stances, position relations, matrix, paths. Plain objects only. */
import { cypher } from '../db/cypherFiles.ts';
import type { Database } from '../db/database.ts';
import type { PositionRelation, StanceFamily, StanceType } from '../contract/model.ts';

/** A node named by id, display label and type. */
export interface NodeRefRow {
  id: string;
  label: string;
  type: string;
}

export interface EvidenceRow {
  quote: string | null;
  summary: string | null;
  reporting: string | null;
  via: string | null;
  source: string | null;
  sourceTitle: string | null;
  sourceGrade: string | null;
  sourcePublisher: string | null;
}

/** A stance with its actor, the party it rolls up to, target, links and evidence (analysis/stances). */
export interface StanceRow {
  id: string;
  type: StanceType;
  family: StanceFamily;
  actor: NodeRefRow;
  party: NodeRefRow | null;
  target: NodeRefRow;
  date: string;
  datePrecision: string;
  condition: string | null;
  conditionPosition: NodeRefRow | null;
  confidence: number | null;
  event: NodeRefRow | null;
  voicedBy: NodeRefRow | null;
  evidence: EvidenceRow[];
}

export interface StanceFilter {
  position?: string | null;
  actor?: string | null;
  conditionOn?: string | null;
  asOf?: string | null;
  /** The admissible sources of a grade filter; null or absent: every source. */
  sources?: string[] | null;
}

export function readStances(db: Database, filter: StanceFilter): Promise<StanceRow[]> {
  return db.read<StanceRow>(cypher('analysis/stances'), {
    position: filter.position ?? null,
    actor: filter.actor ?? null,
    conditionOn: filter.conditionOn ?? null,
    asOf: filter.asOf ?? null,
    sources: filter.sources ?? null,
  });
}

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
export function readPositionEvents(db: Database, id: string, asOf: string | null): Promise<DatedNodeRow[]> {
  return db.read<DatedNodeRow>(cypher('analysis/position-events'), { id, asOf });
}

export interface MatrixCellRow {
  party: string;
  position: string;
  latest: { id: string; type: StanceType; family: StanceFamily; date: string; actor: NodeRefRow };
  /** Every stance of the cell, for reversals. */
  history: { id: string; type: StanceType; family: StanceFamily; date: string; datePrecision: string }[];
  stanceCount: number;
  evidenceCount: number;
}
export function readMatrix(db: Database, asOf: string | null, sources: string[] | null): Promise<MatrixCellRow[]> {
  return db.read<MatrixCellRow>(cypher('analysis/matrix'), { asOf, sources });
}
export function readMatrixAxes(db: Database): Promise<NodeRefRow[]> {
  return db.read<NodeRefRow>(cypher('analysis/matrix-axes'));
}

export interface PathRow {
  length: number;
  nodes: NodeRefRow[];
  relationships: { type: string; source: string; target: string }[];
}
export function readShortestPaths(db: Database, from: string, to: string, max: number, limit = 25): Promise<PathRow[]> {
  return db.read<PathRow>(cypher('analysis/paths'), { from, to, max, limit });
}
