import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';

interface KnownNameRow {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  party: string | null;
  partOf: string | null;
}

/** Every entity's names, except those the source `ownSourceId` itself declares. */
export function readKnownNames(db: Database, ownSourceId: string): Promise<KnownNameRow[]> {
  return db.read<KnownNameRow>(cypher('extract/known-names'), { ownSourceId });
}
