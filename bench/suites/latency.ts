/**
 * 1. Trace and named-question latency (p50, p99 per run) through Parley's API, the raw driver
 * and the HTTP Query API, with the same Cypher. Callers take turns within each run, so drift in
 * a shared machine's load hits all three alike. Ask (a plain-English question about the same
 * position) has no single Cypher twin: its baseline is the named question it reads the graph
 * like, through the same API in the same runs.
 */
import { type Caller, parleyAsk, parleyQuestion, parleyTrace, questionPlan, queryApiCaller, rawDriverCaller, tracePlan, type StatementPlan } from '../clients.ts';
import { compare, elapsedMs, percentile, type ResultRow, summarize } from '../stats.ts';
import { positionId, positionName } from '../world.ts';
import { cappedRuns, type WorldContext } from './context.ts';

export interface LatencyOptions {
  requestsPerRun: number;
}

/** A busy but not extreme position: a quarter of the way down the popularity ranking. */
export function typicalPosition(context: WorldContext): string {
  return positionId(context.plan, typicalPositionIndex(context));
}

function typicalPositionIndex(context: WorldContext): number {
  return Math.floor(context.plan.counts.positions / 4);
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
  rows.push(...(await askLatency(context, options, position, `${stanceCount?.n ?? '?'} stances`)));
  return rows;
}

/** Ask's p50 and p99 against the named question on the same position, taking turns in each run. */
async function askLatency(context: WorldContext, options: LatencyOptions, position: string, stances: string): Promise<ResultRow[]> {
  const callers: [string, () => Promise<unknown>][] = [
    ['ask', parleyAsk(context.server.url, `Who rejected ${positionName(typicalPositionIndex(context))}?`)],
    ['Parley named question', parleyQuestion(context.server.url, position)],
  ];
  for (const [, call] of callers) await latencies(call, 10);
  const samples = new Map<string, { p50: number[]; p99: number[] }>(callers.map(([name]) => [name, { p50: [], p99: [] }]));
  for (const run of cappedRuns(context)) {
    for (let turn = 0; turn < callers.length; turn++) {
      const [name, call] = callers[(run + turn) % callers.length]!;
      const { p50, p99 } = await latencies(call, options.requestsPerRun);
      samples.get(name)!.p50.push(p50);
      samples.get(name)!.p99.push(p99);
    }
    context.logger.info({ scope: context.scope, endpoint: 'ask', run: run + 1, of: context.runs }, 'latency run done');
  }
  return (['p50', 'p99'] as const).map((percentileName) => {
    const ask = summarize(samples.get('ask')![percentileName]);
    return {
      suite: 'latency',
      scope: context.scope,
      measure: `ask ${percentileName} ("Who rejected <position>?", position with ${stances})`,
      unit: 'ms',
      higherIsBetter: false,
      parley: ask,
      comparisons: [compare('Parley named question', ask, summarize(samples.get('Parley named question')![percentileName]))],
    };
  });
}
