/**
 * `npm run restore -- file.jsonl [--allow-non-empty]`: replays a backup into the database named
 * by the configuration (an empty one, unless told otherwise), one source per transaction in the
 * file's order, with progress. Cut short, it leaves each source whole or absent; run it again with
 * --allow-non-empty to finish: sources already restored are skipped.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { prepareRestore, restoreLine } from '../features/sources/backup.ts';
import { migrateNegotiations } from '../features/sources/migrations.ts';
import { runWithDatabase } from './withDatabase.ts';

const args = process.argv.slice(2);
const allowNonEmpty = args.includes('--allow-non-empty');
const [file, ...rest] = args.filter((a) => a !== '--allow-non-empty');
if (!file || rest.length > 0) {
  console.error('usage: npm run restore -- <file.jsonl> [--allow-non-empty]');
  process.exit(2);
}

async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const text of readline.createInterface({ input: fs.createReadStream(path) })) if (text.trim()) lines += 1;
  return lines;
}

await runWithDatabase('restore', async (db, logger) => {
  const total = await countLines(file);
  const restored = await prepareRestore(db, { allowNonEmpty });
  const started = Date.now();
  let done = 0;
  let skipped = 0;
  let line = 0;
  for await (const text of readline.createInterface({ input: fs.createReadStream(file) })) {
    line += 1;
    if (!text.trim()) continue;
    const report = await restoreLine(db, text, restored).catch((err: Error) => {
      throw Object.assign(err, { message: `line ${line}: ${err.message}` });
    });
    done += 1;
    if (report === 'skipped') skipped += 1;
    logger.info(
      { line, done, total, skipped, ...(report === 'skipped' ? {} : { sourceId: report.sourceId, stances: report.stances }), seconds: (Date.now() - started) / 1000 },
      report === 'skipped' ? 'already restored' : 'restored',
    );
  }
  // A backup from before negotiations holds no membership: it is upgraded as a start upgrades a graph.
  await migrateNegotiations(db, logger, { reconsider: true });
  logger.info({ sources: done, skipped, seconds: (Date.now() - started) / 1000 }, 'restore finished');
  return 0;
});
