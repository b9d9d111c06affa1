/**
 * Conflicting reports: where different sources give one actor opposite stances on one target at
 * the same moment (docs/model.md, "Many reports of one stance"), both sides with their evidence.
 */
import type { Database } from '../../db/database.ts';
import { type ConflictRow, type ConflictSideRow, readConflicts } from './conflictsData.ts';
import type { Conflict, ConflictsResponse } from '../../contract/analysis.ts';
import type { Page } from '../sources/sources.ts';

export async function listConflicts(db: Database, page: Page): Promise<ConflictsResponse> {
  const rows = await readConflicts(db, null);
  return { total: rows.length, ...page, conflicts: rows.slice(page.offset, page.offset + page.limit).map(toConflict) };
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
