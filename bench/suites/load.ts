/**
 * 5. Sustained load with autocannon on loopback: many connections for a fixed time on the
 * trace, ask and graph view endpoints. Requests per second are summarised over autocannon's
 * one-second samples; p99 latency, errors (non-2xx, connection errors) and timeouts are over the
 * whole window. Before the load, the explorer's first request (the graph view) is measured on
 * its own, bytes and latency, beside the request it replaces (/api/graph capped at 2000 nodes),
 * and the explorer itself is opened on the whole world in headless Chromium and timed to its
 * first drawn frame.
 */
import autocannon from 'autocannon';
import { buildClientIfNeeded } from '../../server/clientBuild.ts';
import { compare, elapsedMs, type ResultRow, type Summary, summarize } from '../stats.ts';
import { positionName } from '../world.ts';
import type { WorldContext } from './context.ts';
import { typicalPosition } from './latency.ts';
import { timeMarks } from './client.ts';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
}

const single = (value: number): Summary => ({ median: value, min: value, max: value, runs: 1 });

export async function loadSuite(context: WorldContext, options: LoadOptions): Promise<ResultRow[]> {
  const position = typicalPosition(context);
  const positionIndex = Math.floor(context.plan.counts.positions / 4);
  const targets: { name: string; path: string; method?: 'POST'; body?: string }[] = [
    { name: 'trace', path: `/api/positions/${position}/trace` },
    { name: 'ask', path: '/api/ask', method: 'POST', body: JSON.stringify({ question: `Who rejected ${positionName(positionIndex)}?` }) },
    // The explorer's own first request.
    { name: 'graph view', path: GRAPH_VIEW },
  ];
  const rows: ResultRow[] = await firstRequestRows(context);
  for (const target of targets) {
    context.logger.info({ scope: context.scope, endpoint: target.name, seconds: options.durationSeconds, connections: options.connections }, 'load run starting');
    const result = await autocannon({
      url: `${context.server.url}${target.path}`,
      connections: options.connections,
      duration: options.durationSeconds,
      ...(target.method ? { method: target.method, body: target.body, headers: { 'content-type': 'application/json' } } : {}),
    });
    const scope = `${context.scope}, ${options.connections} connections × ${options.durationSeconds} s`;
    const rps: Summary = { median: result.requests.p50, min: result.requests.min, max: result.requests.max, runs: Math.round(result.duration) };
    // autocannon counts its timeouts (no answer within 10 s) among `errors`; they are shown apart.
    const failures = result.errors - result.timeouts + result.non2xx;
    rows.push(
      { suite: 'load', scope, measure: `${target.name} requests/s`, unit: 'req/s', higherIsBetter: true, parley: rps, comparisons: [] },
      { suite: 'load', scope, measure: `${target.name} p99 latency`, unit: 'ms', higherIsBetter: false, parley: single(result.latency.p99), comparisons: [] },
      { suite: 'load', scope, measure: `${target.name} errors (non-2xx, connection)`, unit: 'count', higherIsBetter: false, parley: single(failures), comparisons: [] },
      { suite: 'load', scope, measure: `${target.name} timeouts (no answer in 10 s)`, unit: 'count', higherIsBetter: false, parley: single(result.timeouts), comparisons: [] },
    );
  }
  return rows;
}

const GRAPH_VIEW = '/api/graph/view';
const PAGE_CAP_MS = 60_000;

/** The explorer opened on the world's server in a fresh browser each run, timed to `parley:first-frame`. */
async function firstFrames(context: WorldContext): Promise<number[]> {
  await buildClientIfNeeded(context.logger);
  const times: number[] = [];
  for (let run = 0; run < FIRST_REQUEST_RUNS; run++) {
    const [frame] = await timeMarks(`${context.server.url}/`, ['parley:first-frame'], PAGE_CAP_MS, false);
    if (frame === undefined) throw new Error(`the explorer drew no frame within ${PAGE_CAP_MS / 1000} s on the ${context.scope} world`);
    times.push(frame);
  }
  return times;
}
/** The explorer's first request before the graph view: every stance among the first 2000 nodes. */
const OLD_FIRST_REQUEST = '/api/graph?limit=2000';
const FIRST_REQUEST_RUNS = 5;
/** The large world's layout takes minutes on two cores; past this the rows say it never settled. */
const LAYOUT_WAIT_MS = 30 * 60_000;

/**
 * How long after the server's start the stored layout was current (0 when a layout stored by an
 * earlier run still matches), then the graph view's bytes and latency beside the old first
 * request's, on the same world in the same run.
 */
async function firstRequestRows(context: WorldContext): Promise<ResultRow[]> {
  const started = performance.now();
  for (;;) {
    const res = await fetch(`${context.server.url}${GRAPH_VIEW}`);
    const body = (await res.json()) as { layout?: { stale: boolean } };
    if (res.ok && body.layout?.stale === false) break;
    if (elapsedMs(started) > LAYOUT_WAIT_MS) throw new Error(`the graph view's layout did not settle within ${LAYOUT_WAIT_MS / 60_000} min`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const layoutSeconds = elapsedMs(started) / 1000;
  const measure = async (path: string) => {
    const times: number[] = [];
    const bytes: number[] = [];
    for (let run = 0; run < FIRST_REQUEST_RUNS; run++) {
      const start = performance.now();
      const res = await fetch(`${context.server.url}${path}`);
      const body = await res.arrayBuffer();
      times.push(elapsedMs(start));
      bytes.push(body.byteLength / 1e6);
    }
    return { latency: summarize(times), megabytes: summarize(bytes) };
  };
  const view = await measure(GRAPH_VIEW);
  const old = await measure(OLD_FIRST_REQUEST);
  const scope = `${context.scope}, explorer's first request`;
  const baseline = `${OLD_FIRST_REQUEST} (before)`;
  const opened = await firstFrames(context);
  return [
    {
      suite: 'load',
      scope: `${context.scope}, explorer opened on the whole world`,
      measure: 'first drawn frame after navigation (headless Chromium, real server)',
      unit: 'ms',
      higherIsBetter: false,
      parley: summarize(opened),
      comparisons: [],
    },
    { suite: 'load', scope, measure: 'graph view: stored layout current after start', unit: 's', higherIsBetter: false, parley: single(layoutSeconds), comparisons: [] },
    { suite: 'load', scope, measure: 'graph view answer size', unit: 'MB', higherIsBetter: false, parley: view.megabytes, comparisons: [compare(baseline, view.megabytes, old.megabytes)] },
    { suite: 'load', scope, measure: 'graph view latency', unit: 'ms', higherIsBetter: false, parley: view.latency, comparisons: [compare(baseline, view.latency, old.latency)] },
  ];
}
