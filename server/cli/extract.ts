/**
 * `npm run extract -- article.txt --published 2025-06-03 --title "…" -o draft.json`: the same draft
 * as POST /api/extract, against the graph's names (a running local Neo4j is reused; NEO4J_URI
 * points elsewhere), or against none with --no-graph. The draft goes to the file given with -o,
 * else to stdout (`npm run -s extract -- … > draft.json`: -s keeps npm's banner out of the file);
 * a summary goes to stderr. `npm run ingest -- draft.json` ingests its payload.
 *
 *   -o, --out draft.json    write the draft to this file instead of stdout
 *   --published YYYY-MM-DD  publication day (required)
 *   --title "…"             headline (default: the file's first line)
 *   --publisher, --url, --kind, --format text|markdown|html
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { extractRequestSchema } from '../contract/extract.ts';
import { extractFromArticle, extractWithNames } from '../features/extract/extract.ts';
import { zodIssues } from '../core/validation.ts';
import { AppError, SetupError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { createNlp } from '../nlp/client.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    published: { type: 'string' },
    title: { type: 'string' },
    publisher: { type: 'string' },
    url: { type: 'string' },
    kind: { type: 'string' },
    format: { type: 'string' },
    'no-graph': { type: 'boolean', default: false },
    out: { type: 'string', short: 'o' },
  },
});

const file = positionals[0];
if (!file || !values.published) {
  console.error('usage: npm run extract -- <article.txt|.md|.html> --published YYYY-MM-DD [--title "…"] [--publisher …] [--url …] [--no-graph] -o draft.json');
  process.exit(2);
}

const text = fs.readFileSync(file, 'utf8');
const parsed = extractRequestSchema.safeParse({
  text,
  title: values.title ?? text.split('\n').find((line) => line.trim())?.trim().slice(0, 500),
  publishedAt: values.published,
  ...(values.publisher ? { publisher: values.publisher } : {}),
  ...(values.url ? { url: values.url } : {}),
  ...(values.kind ? { kind: values.kind } : {}),
  ...(values.format ? { format: values.format } : {}),
});
if (!parsed.success) {
  const [first] = zodIssues(parsed.error);
  console.error(`extract: ${first?.path || '(arguments)'}: ${first?.message}`);
  process.exit(2);
}

const config = loadConfig();
const logger = createLogger(config.logLevel, pino.destination(2));
let exitCode = 0;
const nlp = createNlp(config.nlp, logger);
try {
  let draft;
  if (values['no-graph']) {
    draft = await extractWithNames(nlp, parsed.data, []);
  } else {
    const { db, localNeo4j } = await openDatabase(config, logger, { reuseRunning: true });
    try {
      draft = await extractFromArticle(db, nlp, parsed.data);
    } finally {
      await db.close();
      await localNeo4j?.stop();
    }
  }
  const json = `${JSON.stringify(draft, null, 2)}\n`;
  if (values.out) {
    // Written whole or not at all: a failed run leaves no half draft behind.
    fs.writeFileSync(`${values.out}.partial`, json);
    fs.renameSync(`${values.out}.partial`, values.out);
  } else {
    process.stdout.write(json);
  }
  logger.info({ file, ...(values.out ? { out: values.out } : {}), ...draft.summary }, 'draft written');
} catch (err) {
  exitCode = 1;
  if (err instanceof AppError) console.error(`extract: ${err.message}`);
  else if (err instanceof SetupError) console.error(`extract: ${err.message}`);
  else logger.fatal({ err }, 'extraction failed');
} finally {
  await nlp.stop();
}
process.exit(exitCode);
