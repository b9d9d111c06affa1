/**
 * `npm run backup -- file.jsonl`: writes every source as it arrived (payload, text, grade, when
 * and through which write token), one JSON line each in ingestion order, while Parley keeps
 * serving. The file appears under its name only once it is complete.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { backupLines } from '../features/sources/backup.ts';
import { runWithDatabase } from './withDatabase.ts';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run backup -- <file.jsonl>');
  process.exit(2);
}

await runWithDatabase('backup', async (db, logger) => {
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial);
  let sources = 0;
  for await (const line of backupLines(db)) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    sources += 1;
    if (sources % 100 === 0) logger.info({ sources }, 'backing up');
  }
  out.end();
  await once(out, 'finish');
  fs.renameSync(partial, file);
  logger.info({ file, sources }, 'backup written');
  return 0;
});
