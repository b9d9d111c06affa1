/**
 * 5. Sustained load with autocannon on loopback: many connections for a fixed time on the
 * trace, ask and graph endpoints. Requests per second are summarised over autocannon's
 * one-second samples; p99 latency, errors (non-2xx, connection errors) and timeouts are over the
 * whole window.
 */
import autocannon from 'autocannon';
import type { ResultRow, Summary } from '../stats.ts';
import { positionName } from '../world.ts';
import type { WorldContext } from './context.ts';
import { typicalPosition } from './latency.ts';

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
    // The explorer's own first request: the graph capped at 2000 nodes.
    { name: 'graph (limit 2000)', path: '/api/graph?limit=2000' },
  ];
  const rows: ResultRow[] = [];
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
