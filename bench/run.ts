/**
 * `npm run bench [-- options]`: runs every benchmark and writes bench/RESULTS.md.
 *
 *   --sizes small,medium,large  worlds to run (tiny, small, medium, large); default all but tiny
 *   --suites latency,...        suites to run (latency, throughput, ingestion, client, load, extraction, watches, layout, negotiations); default all
 *   --runs 5                    runs per row (at least 5 for the published results)
 *   --cap 900                   seconds after which a suite starts no new run (a whole large
 *                               world takes about 3 min per throughput run)
 *   --requests 100              sequential requests per latency run
 *   --ingest-stances 5000       stances per ingestion run
 *   --load-seconds 30 --connections 50
 *   --client-nodes 1000,10000,50000 --page-cap 120
 *   --out bench/RESULTS.md
 *
 * Progress goes to stderr as JSON lines (pipe through `npx pino-pretty` to read them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { type BenchOptions, runBench, SUITES, type SuiteName } from './harness.ts';
import { REPO_ROOT } from './processes.ts';
import { renderMarkdown } from './report.ts';
import { isWorldSize } from './world.ts';
import { BENCH_FINDINGS, BENCH_NOTES } from './notes.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'small,medium,large' },
    suites: { type: 'string', default: SUITES.join(',') },
    runs: { type: 'string', default: '5' },
    cap: { type: 'string', default: '900' },
    requests: { type: 'string', default: '100' },
    'ingest-stances': { type: 'string', default: '5000' },
    'load-seconds': { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    'client-nodes': { type: 'string', default: '1000,10000,50000' },
    'page-cap': { type: 'string', default: '120' },
    out: { type: 'string', default: path.join('bench', 'RESULTS.md') },
  },
});

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);
const positive = (name: string, text: string) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number, got ${text}`);
  return n;
};

const sizes = list(values.sizes);
const badSize = sizes.find((s) => !isWorldSize(s));
if (badSize) throw new Error(`Unknown size ${badSize}; use tiny, small, medium or large`);
const suites = list(values.suites);
const badSuite = suites.find((s) => !(SUITES as readonly string[]).includes(s));
if (badSuite) throw new Error(`Unknown suite ${badSuite}; use ${SUITES.join(', ')}`);

const options: BenchOptions = {
  sizes: sizes.filter(isWorldSize),
  suites: suites as SuiteName[],
  runs: positive('runs', values.runs),
  capSeconds: positive('cap', values.cap),
  requestsPerRun: positive('requests', values.requests),
  ingestStances: positive('ingest-stances', values['ingest-stances']),
  load: { durationSeconds: positive('load-seconds', values['load-seconds']), connections: positive('connections', values.connections) },
  client: { nodeCounts: list(values['client-nodes']).map((n) => positive('client-nodes', n)), pageCapSeconds: positive('page-cap', values['page-cap']) },
  logger: pino({ level: process.env.LOG_LEVEL ?? 'info', base: { app: 'parley-bench' } }, pino.destination(2)),
};

const command = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
const report = await runBench(options, command);
const out = path.resolve(REPO_ROOT, values.out);
fs.writeFileSync(out, renderMarkdown(report, [...BENCH_NOTES, ...BENCH_FINDINGS]));
options.logger.info({ out, rows: report.rows.length }, 'results written');
