import fs from 'node:fs';
import { inject } from 'vitest';
import { type Config, loadConfig } from '../../server/config.ts';
import { Database } from '../../server/db/database.ts';
import { applySchema } from '../../server/db/schema.ts';
import { loadSeed, seedFiles } from '../../server/features/sources/seed.ts';
import { createLogger } from '../../server/logger.ts';

export const testLogger = createLogger('silent');

export function testNeo4j() {
  return inject('neo4j');
}

/** Configuration pointing at the run's throwaway Neo4j. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const neo4j = testNeo4j();
  return loadConfig({
    PORT: '0',
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    PARLEY_WRITE_TOKEN: 'test-write-token',
    LOG_LEVEL: 'silent',
    // Suites fire requests far faster than a person; the rate-limit tests set their own budgets.
    PARLEY_RATE_LIMIT_REQUESTS: '0',
    PARLEY_RATE_LIMIT_QUERIES: '0',
    PARLEY_RATE_LIMIT_WRITES: '0',
    // The language parser the run was given (the shared install, or a shared service).
    ...Object.fromEntries(['PARLEY_NLP_DIR', 'PARLEY_NLP_URL', 'PARLEY_NLP_PYTHON', 'PARLEY_SPACY_MODEL'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : []))),
    ...overrides,
  });
}

export function testDatabase(): Database {
  const neo4j = testNeo4j();
  return new Database({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database });
}

/** Empties the graph and loads the seed through the ingestion path, as a fresh start does. */
export async function resetToSeed(db: Database): Promise<void> {
  await db.write('MATCH (n) DETACH DELETE n');
  await applySchema(db, testLogger);
  await loadSeed(db, testLogger);
}

/** The seed's source ids in the order the seed loads them. */
export function seedSourceIds(): string[] {
  return seedFiles().map((file) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { source: { id: string } }).source.id);
}
