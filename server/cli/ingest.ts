/**
 * `npm run ingest -- file.json [file2.jsonl …]`: ingests source payloads through the same
 * domain function as POST /api/sources. A file holds one payload, an array of payloads, or one
 * payload per line (JSON Lines), or a draft from `npm run extract` (its payload is ingested). Each
 * source is its own transaction; progress goes to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { ingestSource, parsePayload } from '../features/sources/ingest.ts';
import { AppError } from '../errors.ts';
import { runWithDatabase } from './withDatabase.ts';

async function* payloadsIn(file: string): AsyncGenerator<{ payload: unknown; where: string }> {
  if (file.endsWith('.jsonl') || file.endsWith('.ndjson')) {
    let line = 0;
    for await (const text of readline.createInterface({ input: fs.createReadStream(file) })) {
      line += 1;
      if (text.trim()) yield { payload: JSON.parse(text), where: `${path.basename(file)}:${line}` };
    }
    return;
  }
  const parsed: unknown = JSON.parse(withoutNpmBanner(fs.readFileSync(file, 'utf8')));
  const all = Array.isArray(parsed) ? parsed : [isDraft(parsed) ? parsed.payload : parsed];
  for (const [i, payload] of all.entries()) yield { payload, where: `${path.basename(file)}[${i}]` };
}

/**
 * `npm run extract -- … > draft.json` (without -s) puts npm's banner ("> parley@0.1.0 extract",
 * "> node …" and a blank line) before the JSON; those lines are dropped, nothing else is.
 */
function withoutNpmBanner(text: string): string {
  const lines = text.split('\n');
  let first = 0;
  while (first < lines.length && (lines[first]!.startsWith('> ') || lines[first]!.trim() === '')) first += 1;
  return first > 0 && /^[[{]/.test(lines[first] ?? '') ? lines.slice(first).join('\n') : text;
}

/** A draft of `npm run extract` carries the payload beside its provenance. */
function isDraft(value: unknown): value is { payload: unknown } {
  return typeof value === 'object' && value !== null && 'payload' in value && 'provenance' in value;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run ingest -- <payload.json|payloads.jsonl> [more files]');
  process.exit(2);
}

await runWithDatabase('ingest', async (db, logger) => {
  let exitCode = 0;
  const started = Date.now();
  let sources = 0;
  let stances = 0;
  for (const file of files) {
    for await (const { payload, where } of payloadsIn(file)) {
      try {
        const report = await ingestSource(db, parsePayload(payload), { writer: 'cli' });
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
  return exitCode;
});
