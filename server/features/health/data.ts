import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';

interface Neo4jComponent {
  name: string;
  version: string;
  edition: string;
}

export async function readComponents(db: Database): Promise<Neo4jComponent[]> {
  return db.read<Neo4jComponent>(cypher('health/components'), {}, { timeoutMs: 3_000, once: true });
}
