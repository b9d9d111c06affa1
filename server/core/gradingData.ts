/** Data access for source grading: what each source's admissibility depends on, and changing a grade. */
import { cypher } from '../db/cypherFiles.ts';
import type { Database } from '../db/database.ts';

export interface SourceStandingRow {
  id: string;
  grade: string | null;
  /** Parties the publisher is affiliated with, and the parties those are part of. */
  affiliations: string[];
}

export function readSourceStandings(db: Database): Promise<SourceStandingRow[]> {
  return db.read<SourceStandingRow>(cypher('grading/standings'));
}

/** Sets the grade and writes the audit line together; `undefined` when there is no such source. */
export async function writeSourceGrade(
  db: Database,
  sourceId: string,
  grade: string | null,
  entry: { at: string; action: 'grade'; sourceId: string; writer: string; changes: string },
): Promise<{ previous: string | null } | undefined> {
  const [row] = await db.transaction('WRITE', 
    (tx) => tx.run<{ previous: string | null }>(cypher('grading/set-grade'), { sourceId, grade, entry }),
    { metadata: { app: 'parley', operation: 'grade-source', sourceId } },
  );
  return row;
}
