/** Data access for stances as every view reads them: actor, roll-up party, target, links and evidence. Plain objects only. */
import { cypher } from '../db/cypherFiles.ts';
import type { Database } from '../db/database.ts';
import type { StanceFamily, StanceType } from '../contract/model.ts';

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

interface StanceFilter {
  position?: string | null;
  actor?: string | null;
  conditionOn?: string | null;
  asOf?: string | null;
  /** The admissible sources of a grade filter; null or absent: every source. */
  sources?: string[] | null;
  /** Only the stances of this negotiation; null or absent: every negotiation. */
  negotiation?: string | null;
}

export function readStances(db: Database, filter: StanceFilter): Promise<StanceRow[]> {
  return db.read<StanceRow>(cypher('analysis/stances'), {
    position: filter.position ?? null,
    actor: filter.actor ?? null,
    conditionOn: filter.conditionOn ?? null,
    asOf: filter.asOf ?? null,
    sources: filter.sources ?? null,
    negotiation: filter.negotiation ?? null,
  });
}
