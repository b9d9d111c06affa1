import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';

export async function countEntities(db: Database): Promise<number> {
  const [row] = await db.read<{ count: number }>(cypher('stats/count-entities'));
  return row?.count ?? 0;
}
