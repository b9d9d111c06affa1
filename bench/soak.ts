/**
 * `npm run soak [-- --seconds 120 --warmup-requests 6000 --connections 8]`: mixed read traffic (graph,
 * trace, actor stances, search, node, neighbours, matrix, questions, ask, console) against a
 * Parley child process with its own seeded Neo4j, on loopback, for a bounded time.
 *
 * It passes only with zero errors (connection errors, timeouts and non-2xx answers all count)
 * and with the server's resident memory at the end of the run at most 1.2 times what it was at
 * the end of the warm-up. Memory is the app process's own (VmRSS), not Neo4j's, sampled every
 * two seconds; each reading is the median of the last 20 s of its phase, because RSS swings by a
 * fifth with every major GC. The warm-up is counted in requests, not seconds: V8 keeps growing
 * its heap for the first few thousand requests before RSS levels off, and on a busy machine a
 * minute may hold only a third of them.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startIsolatedApp } from '../tests/support/processes/appProcess.ts';

const MAX_MEMORY_GROWTH = 1.2;

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '120' },
    'warmup-requests': { type: 'string', default: '6000' },
    connections: { type: 'string', default: '8' },
  },
});
const seconds = Number(values.seconds);
const warmupRequests = Number(values['warmup-requests']);
const connections = Number(values.connections);

const json = { 'content-type': 'application/json' };
/** One round of what an analyst's explorer asks; every connection cycles through it. */
const MIX: autocannon.Request[] = [
  { method: 'GET', path: '/api/graph' },
  { method: 'GET', path: '/api/positions/position:unconditional-ceasefire/trace' },
  { method: 'GET', path: '/api/search?q=erdogan' },
  { method: 'GET', path: '/api/actors/party:russia/stances' },
  { method: 'GET', path: '/api/nodes/official:dmitry-peskov' },
  { method: 'GET', path: '/api/nodes/party:ukraine/neighbors?depth=2' },
  { method: 'GET', path: '/api/matrix' },
  { method: 'GET', path: '/api/questions' },
  { method: 'POST', path: '/api/questions/who-stands-where', headers: json, body: JSON.stringify({ params: { position: 'position:unconditional-ceasefire' } }) },
  { method: 'POST', path: '/api/ask', headers: json, body: JSON.stringify({ question: 'Who rejected the unconditional ceasefire?' }) },
  { method: 'POST', path: '/api/cypher', headers: json, body: JSON.stringify({ query: 'MATCH (p:Party)-[:TOOK]->(s:Stance)-[:ON]->(x) RETURN p.name AS party, s.type AS type, x.name AS target LIMIT 50' }) },
  { method: 'GET', path: '/api/graph?nodeTypes=Party,Position&stanceTypes=rejected,proposed&asOf=2025-06-02' },
];

const SAMPLE_EVERY_MS = 2_000;
const READING_WINDOW_MS = 20_000;

/** Runs the mix for a number of seconds or of requests, sampling the server's RSS as it goes. */
async function load(bound: { duration: number } | { amount: number }): Promise<{ result: autocannon.Result; rss: number[] }> {
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(parley.rssMb()), SAMPLE_EVERY_MS);
  try {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      autocannon({ url: parley.url, connections, ...bound, requests: MIX }, (err, res) => (err ? reject(err) : resolve(res)));
    });
    return { result, rss };
  } finally {
    clearInterval(sampler);
  }
}

/** The median of the samples in the last READING_WINDOW_MS of a phase. */
function reading(rss: number[]): number {
  const last = rss.slice(-READING_WINDOW_MS / SAMPLE_EVERY_MS).sort((a, b) => a - b);
  return last[Math.floor(last.length / 2)]!;
}

const mb = (megabytes: number) => Math.round(megabytes * 10) / 10;

console.log(`Soak: ${connections} connections, ${warmupRequests} requests of warm-up, then ${seconds} s of mixed reads cycling through ${MIX.length} requests.`);
// No rate limits: a soak measures the server, not the limiter.
const parley = await startIsolatedApp({ PARLEY_RATE_LIMIT_REQUESTS: '0', PARLEY_RATE_LIMIT_QUERIES: '0', PARLEY_RATE_LIMIT_WRITES: '0' });
let failed = true;
try {
  const warmup = await load({ amount: warmupRequests });
  const run = await load({ duration: seconds });
  const rssAfterWarmup = reading(warmup.rss);
  const rssAfterRun = reading(run.rss);
  const errorsOf = (r: autocannon.Result) => r.errors + r.timeouts + r.non2xx;
  const errors = errorsOf(warmup.result) + errorsOf(run.result);
  const requests = warmup.result.requests.total + run.result.requests.total;
  const growth = rssAfterRun / rssAfterWarmup;
  console.table({
    requests: run.result.requests.total,
    'requests/s (mean)': Math.round(run.result.requests.average),
    errors: errorsOf(run.result),
    'warm-up requests': warmup.result.requests.total,
    'warm-up errors': errorsOf(warmup.result),
    'p50 latency (ms)': run.result.latency.p50,
    'p99 latency (ms)': run.result.latency.p99,
    'max latency (ms)': run.result.latency.max,
    'RSS after warm-up (MB)': mb(rssAfterWarmup),
    'RSS after run (MB)': mb(rssAfterRun),
    'RSS peak (MB)': mb(Math.max(...warmup.rss, ...run.rss)),
    'RSS after / after warm-up': Math.round(growth * 1000) / 1000,
  });
  console.log(`RSS every ${SAMPLE_EVERY_MS / 1000} s during the run (MB): ${run.rss.map(mb).join(' ')}`);
  for (const [phase, { result }] of [['warm-up', warmup], ['run', run]] as const) {
    if (errorsOf(result)) console.log(`${phase}: ${result.errors} connection errors, ${result.timeouts} timeouts, statuses ${JSON.stringify(result.statusCodeStats)}`);
  }
  failed = errors > 0 || growth > MAX_MEMORY_GROWTH;
  console.log(
    failed
      ? `FAILED: ${errors} errors, memory ×${growth.toFixed(3)} of its size after warm-up (limit ×${MAX_MEMORY_GROWTH}).`
      : `Passed: zero errors over ${requests} requests; memory ×${growth.toFixed(3)} of its size after warm-up (limit ×${MAX_MEMORY_GROWTH}).`,
  );
} finally {
  await parley.stop();
}
process.exit(failed ? 1 : 0);
