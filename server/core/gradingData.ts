/** Data access for source grading: what each source's admissibility depends on, and changing a grade. */
import { cypher } from '../db/cypherFiles.ts';
import type { Database, WriteHook } from '../db/database.ts';

export interface SourceStandingRow {
  id: string;
  grade: string | null;
  /** Parties the publisher is affiliated with, and the parties those are part of. */
  affiliations: string[];
}

export function readSourceStandings(db: Database): Promise<SourceStandingRow[]> {
  return db.read<SourceStandingRow>(cypher('grading/standings'));
}

/** Sets the grade and writes the audit line and the change events together; `undefined` when there is no such source. */
export async function writeSourceGrade(
  db: Database,
  sourceId: string,
  grade: string | null,
  entry: { at: string; action: 'grade'; sourceId: string; writer: string; changes: string },
  changes: WriteHook,
): Promise<{ previous: string | null } | undefined> {
  const [row] = await db.transaction(
    'WRITE',
    async (tx) => {
      await changes.before(tx);
      const rows = await tx.run<{ previous: string | null }>(cypher('grading/set-grade'), { sourceId, grade, entry });
      // The change events commit with the grade (the outbox); a grade set to what it was changes nothing.
      if (rows[0] && rows[0].previous !== grade) await changes.after(tx);
      return rows;
    },
    { metadata: { app: 'parley', operation: 'grade-source', sourceId } },
  );
  return row;
}
