/**
 * Shapes of the Parley API (issue 4) as the client uses them. The normalisers below accept
 * small variations (wrapped or bare arrays, `key` instead of `id`, a source given as an id or an
 * object) so the explorer keeps working while the server evolves.
 */
import type { StanceFamily } from '../../../server/domain/model.ts';

export type EdgeFamily = StanceFamily | 'structure';

export interface ApiNode {
  id: string;
  label: string;
  type: string;
  attributes: Record<string, unknown>;
}

export interface ApiEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  attributes: Record<string, unknown>;
}

export interface GraphData {
  nodes: ApiNode[];
  edges: ApiEdge[];
  truncated: boolean;
}

export interface Evidence {
  quote: string | null;
  summary: string | null;
  source: string | null;
  sourceId: string | null;
  url: string | null;
  reporting: string | null;
  via: string | null;
  date: string | null;
}

export interface SearchHit {
  id: string;
  name: string;
  type: string;
  /** The alias that matched, when it was not the name. */
  matched: string | null;
}

export interface NamedRef {
  id: string;
  name: string;
  type: string | null;
}

export interface TraceStance {
  stanceId: string;
  type: string;
  family: EdgeFamily;
  actor: NamedRef;
  party: NamedRef | null;
  date: string | null;
  condition: string | null;
  evidence: Evidence[];
}

export interface RelatedPosition extends NamedRef {
  /** What the relation means here, in words ("X was put forward instead of it"). */
  meaning: string | null;
}

export interface TimelineEntry {
  date: string | null;
  kind: string | null;
  text: string;
}

export interface Trace {
  position: NamedRef & { description: string | null };
  stances: TraceStance[];
  preconditions: RelatedPosition[];
  preconditionOf: RelatedPosition[];
  alternatives: RelatedPosition[];
  conditions: RelatedPosition[];
  conditionOf: RelatedPosition[];
  timeline: TimelineEntry[];
}

export interface MatrixCell {
  party: string;
  position: string;
  type: string;
  family: EdgeFamily;
  date: string | null;
  evidenceCount: number;
}

export interface Matrix {
  parties: NamedRef[];
  positions: NamedRef[];
  cells: MatrixCell[];
}

export interface QuestionParam {
  name: string;
  type: string;
  description: string | null;
  required: boolean;
}

export interface NamedQuestion {
  id: string;
  title: string;
  description: string | null;
  params: QuestionParam[];
}

export interface TabularResult {
  columns: string[];
  rows: unknown[][];
  evidence: Evidence[];
}

export interface AskAnswer extends TabularResult {
  answer: string;
  cypher: string | null;
  interpretation: string | null;
}

export interface CypherResult extends TabularResult {
  graph: GraphData;
  summary: { queryType: string | null; resultAvailableAfterMs: number | null; truncated: boolean };
}
