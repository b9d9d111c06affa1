/**
 * `npm run ingest -- file.json [file2.jsonl …]`: ingests source payloads through the same
 * domain function as POST /api/sources. A file holds one payload, an array of payloads, or one
 * payload per line (JSON Lines). Each source is its own transaction; progress goes to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { loadConfig } from '../config.ts';
import { applySchema } from '../db/schema.ts';
import { ingestSource, parsePayload } from '../domain/ingest.ts';
import { AppError, SetupError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { openDatabase } from '../db/openDatabase.ts';

async function* payloadsIn(file: string): AsyncGenerator<{ payload: unknown; where: string }> {
  if (file.endsWith('.jsonl') || file.endsWith('.ndjson')) {
    let line = 0;
    for await (const text of readline.createInterface({ input: fs.createReadStream(file) })) {
      line += 1;
      if (text.trim()) yield { payload: JSON.parse(text), where: `${path.basename(file)}:${line}` };
    }
    return;
  }
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const all = Array.isArray(parsed) ? parsed : [parsed];
  for (const [i, payload] of all.entries()) yield { payload, where: `${path.basename(file)}[${i}]` };
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run ingest -- <payload.json|payloads.jsonl> [more files]');
  process.exit(2);
}

const config = loadConfig();
const logger = createLogger(config.logLevel);
let exitCode = 0;
try {
  const { db, localNeo4j } = await openDatabase(config, logger, { reuseRunning: true });
  try {
    await applySchema(db, logger);
    const started = Date.now();
    let sources = 0;
    let stances = 0;
    for (const file of files) {
      for await (const { payload, where } of payloadsIn(file)) {
        try {
          const report = await ingestSource(db, parsePayload(payload));
          sources += 1;
          stances += report.stances;
          const seconds = (Date.now() - started) / 1000;
          logger.info({ where, ...report, sources, stances, stancesPerSecond: Math.round(stances / Math.max(seconds, 0.001)) }, 'ingested');
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          exitCode = 1;
          logger.error({ where, code: err.code, details: err.details }, err.message);
        }
      }
    }
    logger.info({ sources, stances, seconds: (Date.now() - started) / 1000, failed: exitCode !== 0 }, 'ingestion finished');
  } finally {
    await db.close();
    await localNeo4j?.stop();
  }
} catch (err) {
  exitCode = 1;
  if (err instanceof SetupError) console.error(`ingest: ${err.message}`);
  else logger.fatal({ err }, 'ingestion failed');
}
process.exit(exitCode);
