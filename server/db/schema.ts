import type { Logger } from '../logger.ts';
import { cypher, statements } from './cypherFiles.ts';
import type { Database } from './database.ts';

/** Applies cypher/schema.cypher; safe to run at every start. */
export async function applySchema(db: Database, logger: Logger): Promise<void> {
  const schema = statements(cypher('schema'));
  // Schema statements cannot share a transaction with each other in Neo4j.
  for (const statement of schema) await db.write(statement);
  await db.write('CALL db.awaitIndexes(60)');
  logger.info({ statements: schema.length }, 'schema applied');
}
