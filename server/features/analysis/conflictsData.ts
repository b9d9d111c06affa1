/** Data access for conflicting reports (cypher/questions/source-conflicts.cypher). Plain objects only. */
import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';
import type { StanceFamily, StanceType } from '../../contract/model.ts';

export interface ConflictReportRow {
  quote: string | null;
  summary: string | null;
  reporting: string | null;
  via: string | null;
  evidenceId: string;
  /** The stance's date, for ask's citations. */
  date: string;
  source: { id: string; title: string | null; publisher: string | null; url: string | null };
}

export interface ConflictSideRow {
  stanceId: string;
  type: StanceType;
  family: StanceFamily;
  date: string;
  datePrecision: string;
  reports: ConflictReportRow[];
}

export interface ConflictRow {
  actorName: string;
  actorId: string;
  actorType: string;
  target: string;
  targetId: string;
  targetType: string;
  a: ConflictSideRow;
  b: ConflictSideRow;
}

/** Every pair of stances that different sources give one actor, disagreeing about one moment (both in `negotiation`; null: any). */
export async function readConflicts(db: Database, asOf: string | null, negotiation: string | null = null): Promise<ConflictRow[]> {
  const rows = await db.read<ConflictRow>(cypher('questions/source-conflicts'), { asOf, negotiation });
  // A pattern comprehension keeps no order: each side's reports in source order, then evidence id.
  for (const side of rows.flatMap((row) => [row.a, row.b])) {
    side.reports.sort((x, y) => x.source.id.localeCompare(y.source.id) || x.evidenceId.localeCompare(y.evidenceId));
  }
  return rows;
}
