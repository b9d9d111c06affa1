/** Data access for the start migrations (migrations.ts). Plain rows only. */
import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';

export interface EvidenceTextRow {
  id: string;
  summary: string | null;
  via: string | null;
}

export function readEvidenceTextToMigrate(db: Database): Promise<EvidenceTextRow[]> {
  return db.read<EvidenceTextRow>(cypher('sources/evidence-text-to-migrate'));
}

export function readSourceTitles(db: Database, ids: string[]): Promise<Array<{ id: string; title: string | null }>> {
  return db.read(cypher('sources/source-titles'), { ids });
}

export async function writeEvidenceText(db: Database, rows: EvidenceTextRow[]): Promise<number> {
  const [result] = await db.write<{ updated: number }>(cypher('sources/set-evidence-text'), { rows });
  return result?.updated ?? 0;
}
