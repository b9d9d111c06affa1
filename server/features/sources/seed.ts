/**
 * The seed graph: the JSON source payloads in cypher/seed/, loaded through the same ingestion
 * path as any new source, in file-name order, when the database holds no Parley data yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';
import { countEntities } from './statsData.ts';
import type { Logger } from '../../logger.ts';
import { ingestSource, parsePayload } from './ingest.ts';

const SEED_DIR = path.join(CYPHER_DIR, 'seed');

export function seedFiles(): string[] {
  return fs
    .readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(SEED_DIR, f));
}

export async function loadSeed(db: Database, logger: Logger): Promise<void> {
  for (const file of seedFiles()) {
    const report = await ingestSource(db, parsePayload(JSON.parse(fs.readFileSync(file, 'utf8'))), { writer: 'seed' });
    logger.info({ file: path.basename(file), ...report }, 'seed source loaded');
  }
}

export async function loadSeedIfEmpty(db: Database, logger: Logger): Promise<void> {
  const existing = await countEntities(db);
  if (existing > 0) {
    logger.info({ nodes: existing }, 'graph already holds data; seed not loaded');
    return;
  }
  await loadSeed(db, logger);
}
