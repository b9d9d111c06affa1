/**
 * Conflicting reports: where different sources give one actor opposite stances on one target at
 * the same moment (docs/model.md, "Many reports of one stance"), both sides with their evidence.
 */
import type { Database } from '../../db/database.ts';
import { type ConflictRow, type ConflictSideRow, readConflicts } from './conflictsData.ts';
import type { Conflict, ConflictsResponse } from '../../contract/analysis.ts';
import type { Page } from '../sources/sources.ts';
import { admissibleSources } from '../../core/grading.ts';
import { scopedRead } from '../../core/negotiations.ts';
import type { GradeFilter } from '../../contract/common.ts';

/**
 * A page of conflicts. Under a grade filter each side keeps only the reports of admissible
 * sources, and a conflict one of whose sides has none left is no conflict any more.
 */
export async function listConflicts(db: Database, page: Page, grading: GradeFilter = {}, scope?: string): Promise<ConflictsResponse> {
  // Scoped, the Cypher keeps the conflicts both of whose stances are in the negotiation (read from
  // it, so a conflict read shows that it exists; with none, it is checked).
  const [, [sources, read]] = await scopedRead(
    db,
    scope,
    (negotiation) => Promise.all([admissibleSources(db, grading), readConflicts(db, null, negotiation)]),
    ([, rows]) => rows.length > 0,
  );
  const rows = sources === null ? read : admissibleOnly(read, new Set(sources));
  return { total: rows.length, ...page, conflicts: rows.slice(page.offset, page.offset + page.limit).map(toConflict) };
}

function admissibleOnly(rows: ConflictRow[], admitted: ReadonlySet<string>): ConflictRow[] {
  const keep = (side: ConflictSideRow): ConflictSideRow => ({ ...side, reports: side.reports.filter((r) => admitted.has(r.source.id)) });
  return rows.map((row) => ({ ...row, a: keep(row.a), b: keep(row.b) })).filter((row) => row.a.reports.length > 0 && row.b.reports.length > 0);
}

function toConflict(row: ConflictRow): Conflict {
  return {
    id: `${row.a.stanceId}|${row.b.stanceId}`,
    actor: { id: row.actorId, label: row.actorName, type: row.actorType },
    target: { id: row.targetId, label: row.target, type: row.targetType },
    a: toSide(row.a),
    b: toSide(row.b),
  };
}

/** One side as the answer shows it: the stance, then each report with its source. */
function toSide({ reports, ...step }: ConflictSideRow) {
  return { ...step, reports: reports.map(({ evidenceId: _evidenceId, date: _date, ...report }) => report) };
}
