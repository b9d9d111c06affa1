/**
 * `npm run extract -- article.txt --published 2025-06-03 --title "…" > draft.json`: the same draft
 * as POST /api/extract, against the graph's names (a running local Neo4j is reused; NEO4J_URI
 * points elsewhere), or against none with --no-graph. The draft goes to stdout, a summary to
 * stderr; `npm run ingest -- draft.json` ingests its payload.
 *
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
  },
});

const file = positionals[0];
if (!file || !values.published) {
  console.error('usage: npm run extract -- <article.txt|.md|.html> --published YYYY-MM-DD [--title "…"] [--publisher …] [--url …] [--no-graph] > draft.json');
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
  process.stdout.write(`${JSON.stringify(draft, null, 2)}\n`);
  logger.info({ file, ...draft.summary }, 'draft written');
} catch (err) {
  exitCode = 1;
  if (err instanceof AppError) console.error(`extract: ${err.message}`);
  else if (err instanceof SetupError) console.error(`extract: ${err.message}`);
  else logger.fatal({ err }, 'extraction failed');
} finally {
  await nlp.stop();
}
process.exit(exitCode);
