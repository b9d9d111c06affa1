/**
 * 1. Trace and named-question latency (p50, p99 per run) through Parley's API, the raw driver
 * and the HTTP Query API, with the same Cypher. Callers take turns within each run, so drift in
 * a shared machine's load hits all three alike.
 */
import { type Caller, parleyQuestion, parleyTrace, questionPlan, queryApiCaller, rawDriverCaller, tracePlan, type StatementPlan } from '../clients.ts';
import { compare, elapsedMs, percentile, type ResultRow, summarize } from '../stats.ts';
import { positionId } from '../world.ts';
import { cappedRuns, type WorldContext } from './context.ts';

export interface LatencyOptions {
  requestsPerRun: number;
}

/** A busy but not extreme position: a quarter of the way down the popularity ranking. */
export function typicalPosition(context: WorldContext): string {
  return positionId(context.plan, Math.floor(context.plan.counts.positions / 4));
}

async function latencies(call: () => Promise<unknown>, requests: number): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    await call();
    times.push(elapsedMs(start));
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

export async function latencySuite(context: WorldContext, options: LatencyOptions): Promise<ResultRow[]> {
  const position = typicalPosition(context);
  const raw = rawDriverCaller(context.db);
  const queryApi = queryApiCaller(context.neo4j);
  const [stanceCount] = await context.db.read<{ n: number }>('MATCH (:Position {id: $position})<-[:ON]-(s:Stance) RETURN count(s) AS n', { position });
  const endpoints: { name: string; parley: () => Promise<unknown>; plan: StatementPlan }[] = [
    { name: 'trace', parley: parleyTrace(context.server.url, position), plan: tracePlan(position) },
    { name: 'named question', parley: parleyQuestion(context.server.url, position), plan: questionPlan(position) },
  ];
  const rows: ResultRow[] = [];
  for (const endpoint of endpoints) {
    const via = (caller: Caller) => () => caller(endpoint.plan);
    const callers: [string, () => Promise<unknown>][] = [
      ['Parley API', endpoint.parley],
      ['raw neo4j-driver', via(raw)],
      ['Neo4j HTTP Query API', via(queryApi)],
    ];
    // Warm-up: plans cached, connections open, JIT done, for every caller.
    for (const [, call] of callers) await latencies(call, 10);
    const p50s = new Map<string, number[]>(callers.map(([name]) => [name, []]));
    const p99s = new Map<string, number[]>(callers.map(([name]) => [name, []]));
    for (const run of cappedRuns(context)) {
      for (let turn = 0; turn < callers.length; turn++) {
        const [name, call] = callers[(run + turn) % callers.length]!;
        const { p50, p99 } = await latencies(call, options.requestsPerRun);
        p50s.get(name)!.push(p50);
        p99s.get(name)!.push(p99);
      }
      context.logger.info({ scope: context.scope, endpoint: endpoint.name, run: run + 1, of: context.runs }, 'latency run done');
    }
    for (const [percentileName, samples] of [['p50', p50s], ['p99', p99s]] as const) {
      const parley = summarize(samples.get('Parley API')!);
      rows.push({
        suite: 'latency',
        scope: context.scope,
        measure: `${endpoint.name} ${percentileName} (position with ${stanceCount?.n ?? '?'} stances)`,
        unit: 'ms',
        higherIsBetter: false,
        parley,
        comparisons: callers.slice(1).map(([name]) => compare(name, parley, summarize(samples.get(name)!))),
      });
    }
  }
  return rows;
}
