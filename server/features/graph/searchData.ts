import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';

export interface SearchHit {
  id: string;
  label: string;
  type: string;
  aliases: string[];
  score: number;
}

export function searchEntityNames(db: Database, lucene: string, types: string[] | null, limit: number): Promise<SearchHit[]> {
  return db.read<SearchHit>(cypher('analysis/search'), { lucene, types, limit });
}
