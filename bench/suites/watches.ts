/**
 * 7. Watches (issue 30): with 100 watches whose webhooks call a local receiver, (a) from an
 * ingestion's commit (its 201) to the webhook's receipt, and (b) bulk ingestion throughput
 * against the same ingestion with no watches. The outbox is written in both cases (it is part of
 * every ingestion); the watches add the fan-out and the deliveries, which run beside it. The bulk
 * ingestion leaves deliveries queued; they are drained (and the rate noted) before the next block
 * and before the commit-to-receipt probes, so each probe measures its own delivery, not the queue
 * before it. Each run times both sides twice, back to back (ABBA, then BAAB), and the probes come
 * after all runs, so that the machine's drifting load weighs on both sides alike.
 */
import { execFileSync, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApi } from '../../client/src/api/client.ts';
import type { SourcePayload, SourcePayloadInput } from '../../server/contract/sourcePayload.ts';
import { ingestThroughParley, removeClaims } from '../ingestPaths.ts';
import { startParleyServer } from '../processes.ts';
import { compare, elapsedMs, type ResultRow, summarize } from '../stats.ts';
import { positionId, sourceCount, stanceSource, type WorldPlan } from '../world.ts';
import { cappedRuns, type WorldContext } from './context.ts';

const TOKEN = 'bench-watch-token';
const WATCHES = 100;
const LATENCY_SAMPLES = 20;
const DRAIN_TIMEOUT_MS = 600_000;
/** Sources of 100 stances (a long news report's worth), so that deliveries run while later ones are ingested. */
const STANCES_PER_SOURCE = 100;

/** Waits until no change event nor delivery is pending; answers the seconds it took and the deliveries made meanwhile. */
async function drain(context: WorldContext): Promise<{ seconds: number; delivered: number; drained: boolean }> {
  const started = performance.now();
  const count = async () => {
    const [row] = await context.db.read<{ pending: number; delivered: number }>(
      "CALL () { MATCH (e:PendingChange) RETURN count(e) AS events } CALL () { MATCH (d:PendingDelivery) RETURN count(d) AS deliveries } CALL () { MATCH (d:Delivery {status: 'delivered'}) RETURN count(d) AS delivered } RETURN events + deliveries AS pending, delivered",
    );
    return row!;
  };
  const before = (await count()).delivered;
  for (;;) {
    const { pending, delivered } = await count();
    const seconds = elapsedMs(started) / 1000;
    if (pending === 0 || seconds * 1000 > DRAIN_TIMEOUT_MS) return { seconds, delivered: delivered - before, drained: pending === 0 };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * A batch of new claims: the world's generator under other ids, dated on a day of its own
 * (`day` days before the world begins). Without the date, the generator repeats the world's own
 * stances, which the ingestion attaches to the held ones as more evidence: no new stance, no
 * change event a watch follows, and nothing for the watches to do.
 */
function* extraSources(world: WorldPlan, stances: number, claimPrefix: string, day: number): Generator<SourcePayload> {
  const plan: WorldPlan = { ...world, stances, claimPrefix, stancesPerSource: STANCES_PER_SOURCE };
  const date = new Date(Date.UTC(2021, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < sourceCount(plan); i++) {
    const payload = stanceSource(plan, i);
    yield { ...payload, source: { ...payload.source, publishedAt: date }, stances: payload.stances.map((s) => ({ ...s, date })), relations: [] };
  }
}

/**
 * A local receiver in a child process of its own (bench/watchReceiver.ts) that notes, for each
 * source's first delivery, the time from its change event's commit to the receipt: the event's
 * `at` is stamped inside the ingestion's transaction, just before it commits, by the same
 * machine's clock (so the figure errs long, by the commit).
 */
async function startReceiver(): Promise<{ url: string; pid: number; arrived: Map<string, number>; received(): Promise<number>; close(): Promise<void> }> {
  const arrived = new Map<string, number>();
  const child = fork(fileURLToPath(new URL('../watchReceiver.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let counted: ((n: number) => void) | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (m: { type: string; port?: number; sourceId?: string; ms?: number; received?: number }) => {
      if (m.type === 'ready') resolve(m.port!);
      else if (m.type === 'arrived' && !arrived.has(m.sourceId!)) arrived.set(m.sourceId!, m.ms!);
      else if (m.type === 'count') counted?.(m.received!);
    });
  });
  return {
    url: `http://127.0.0.1:${port}/hook`,
    pid: child.pid!,
    arrived,
    received: () => new Promise<number>((resolve) => {
      counted = resolve;
      child.send({ type: 'count' });
    }),
    close: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.disconnect();
    }),
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc; 0 when it cannot be read. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The pid of the process listening on a local TCP port (Neo4j's Bolt port), if this user can see it. */
function listenerPid(port: number): number | undefined {
  try {
    const out = execFileSync('ss', ['-Htlnp', `sport = :${port}`], { encoding: 'utf8' });
    const match = /pid=(\d+)/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

export async function watchesSuite(context: WorldContext, { stances }: { stances: number }): Promise<ResultRow[]> {
  const server = await startParleyServer(context.neo4j, context.logger, { PARLEY_WRITE_TOKEN: TOKEN, PARLEY_WEBHOOK_ALLOW_PRIVATE: 'true' });
  const receiver = await startReceiver();
  const api = createApi(server.url);
  const withoutRates: number[] = [];
  const withRates: number[] = [];
  const latencies: number[] = [];
  const drainRates: number[] = [];
  const deliveredDuring: number[] = [];
  /** Per run: the mean of its two watched blocks over the mean of its two unwatched ones. */
  const runRatios: number[] = [];
  let undrained = 0;
  const positions = Math.min(WATCHES, context.plan.counts.positions);
  // Where the CPU goes while each side's ingestion is timed: the processes sharing the machine.
  const processes: Record<string, number | undefined> = {
    bench: process.pid,
    neo4j: listenerPid(Number(new URL(context.neo4j.uri).port || 7687)),
    'watch server': server.pid,
    'world server': context.server.pid,
    receiver: receiver.pid,
  };
  const cpu = { without: new Map<string, number>(), with: new Map<string, number>() };
  const timedCpu = async <T>(side: 'without' | 'with', work: () => Promise<T>): Promise<T> => {
    const before = Object.entries(processes).map(([name, pid]) => [name, cpuSeconds(pid)] as const);
    const wall = performance.now();
    const result = await work();
    cpu[side].set('wall', (cpu[side].get('wall') ?? 0) + elapsedMs(wall) / 1000);
    for (const [name, was] of before) cpu[side].set(name, (cpu[side].get(name) ?? 0) + cpuSeconds(processes[name]) - was);
    return result;
  };
  // What a run cut short left behind (watches calling a receiver that is gone, its batches) would
  // add work and failures to this one.
  await context.db.write('MATCH (n) WHERE n:Watch OR n:Delivery DETACH DELETE n');
  await removeClaims(context.db, 'bench-latency');
  let watchIds: string[] = [];
  const setWatches = async (on: boolean) => {
    if (on && watchIds.length === 0) {
      for (let i = 0; i < WATCHES; i++) {
        const { watch } = await api.createWatch({ body: { target: positionId(context.plan, i % positions), kinds: ['new-stance'], webhook: { url: receiver.url } } }, { token: TOKEN });
        watchIds.push(watch.id);
      }
    } else if (!on) {
      for (const id of watchIds) await api.deleteWatch({ params: { id } }, { token: TOKEN });
      watchIds = [];
    }
  };
  let runsDone = 0;
  try {
    await removeClaims(context.db, 'bench-warmup');
    // One untimed batch first: the first ingestion after the world opens runs cold (caches, JIT),
    // and would penalise whichever side the first run times first.
    await ingestThroughParley(context.db, extraSources(context.plan, Math.min(stances, 2 * STANCES_PER_SOURCE), 'bench-warmup', -1), context.logger, 'watches: warm-up');
    await removeClaims(context.db, 'bench-warmup');
    for (const run of cappedRuns(context)) {
      // Each run times both sides twice, back to back in the order ABBA (BAAB in the next run):
      // the load of the machine (shared, and drifting over minutes) weighs on both sides alike,
      // and nothing else (the latency probes, below) sits between them.
      const order: ('without' | 'with')[] = run % 2 === 0 ? ['without', 'with', 'with', 'without'] : ['with', 'without', 'without', 'with'];
      const rates = { without: [] as number[], with: [] as number[] };
      for (const [k, side] of order.entries()) {
        const prefix = `bench-${side === 'with' ? 'watch' : 'nowatch'}-${run}-${k}`;
        await removeClaims(context.db, prefix);
        await setWatches(side === 'with');
        // Nothing from the block before (its deliveries) still runs when this one starts.
        await drain(context);
        const receivedBefore = await receiver.received();
        const result = await timedCpu(side, () => ingestThroughParley(context.db, extraSources(context.plan, stances, prefix, 4 * run + k), context.logger, side === 'with' ? 'watches: 100 watches' : 'watches: no watches'));
        rates[side].push(result.stances / result.seconds);
        if (side === 'with') {
          deliveredDuring.push((await receiver.received()) - receivedBefore);
          const drained = await drain(context);
          if (drained.drained) drainRates.push(drained.delivered / drained.seconds);
          else undrained += 1;
          context.logger.info({ scope: context.scope, run: run + 1, ...drained }, 'watches: delivery queue after the bulk ingestion');
        }
        // Taken out again at once, so that every block starts after the same deletion and on the
        // same graph (a first block after a run's whole removal ran slowest, whichever side it was).
        await removeClaims(context.db, prefix);
      }
      withoutRates.push(...rates.without);
      withRates.push(...rates.with);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      runRatios.push(mean(rates.with) / mean(rates.without));
      runsDone += 1;
      context.logger.info({ scope: context.scope, run: run + 1, without: rates.without.map(Math.round), with: rates.with.map(Math.round), ratio: runRatios.at(-1)!.toFixed(2) }, 'watches run done');
    }

    // Commit to receipt, after the bulk runs (so no bulk's queue is ahead of a probe): one small
    // source at a time through the API, on a watched position.
    await setWatches(true);
    for (let i = 0; i < LATENCY_SAMPLES * runsDone; i++) {
      const sourceId = `source:bench-latency-${i}`;
      const payload: SourcePayloadInput = {
        source: { id: sourceId, title: `Latency probe ${i}`, kind: 'news-article', publishedAt: '2025-01-01' },
        entities: [],
        relations: [],
        stances: [
          { id: `stance:bench-latency-${i}`, actor: `party:${context.plan.prefix}-0`, type: 'backed', target: positionId(context.plan, 0), date: '2025-01-01',
            datePrecision: 'day', evidence: [{ summary: 'A probe.', reporting: 'second-hand' }] },
        ],
      };
      const sent = performance.now();
      await api.ingest({ body: payload }, { token: TOKEN });
      while (!receiver.arrived.has(sourceId) && elapsedMs(sent) < 30_000) await new Promise((resolve) => setTimeout(resolve, 5));
      // Not received within 30 s: counted as the wait, from the request (longer than from the commit).
      latencies.push(receiver.arrived.get(sourceId) ?? elapsedMs(sent));
      await api.deleteSource({ params: { id: sourceId } }, { token: TOKEN });
    }
    await setWatches(false);
  } finally {
    await receiver.close();
    await server.stop();
  }
  const withWatches = summarize(withRates);
  const perRun = (side: 'without' | 'with', name: string) => (cpu[side].get(name) ?? 0) / Math.max(1, side === 'with' ? withRates.length : withoutRates.length);
  const cpuNote = ['wall', ...Object.keys(processes)]
    .map((name) => `${name} ${perRun('without', name).toFixed(1)} → ${perRun('with', name).toFixed(1)}`)
    .join(', ');
  const during = summarize(deliveredDuring);
  const ratios = summarize(runRatios);
  context.logger.info({ scope: context.scope, cpuNote, deliveredDuring, runRatios }, 'watches: CPU seconds per ingestion, without → with watches');
  const drainRow: ResultRow[] = drainRates.length === 0 ? [] : [
    {
      suite: 'watches',
      scope: `${context.scope}, +${stances.toLocaleString('en')} stances per run in sources of ${STANCES_PER_SOURCE}`,
      measure: `webhook deliveries after the bulk ingestion, ${WATCHES} watches`,
      unit: 'deliveries/s',
      higherIsBetter: true,
      parley: summarize(drainRates),
      comparisons: [],
      ...(undrained > 0 ? { note: `${undrained} run(s) did not drain within ${DRAIN_TIMEOUT_MS / 1000} s` } : {}),
    },
  ];
  return [
    {
      suite: 'watches',
      scope: `${context.scope}, ${WATCHES} webhook watches`,
      measure: 'commit → webhook receipt, p50',
      unit: 'ms',
      higherIsBetter: false,
      parley: summarize(latencies),
      comparisons: [],
    },
    {
      suite: 'watches',
      scope: `${context.scope}, +${stances.toLocaleString('en')} stances per run in sources of ${STANCES_PER_SOURCE}`,
      measure: `ingestion with ${WATCHES} watches`,
      unit: 'stances/s',
      higherIsBetter: true,
      parley: withWatches,
      // The ratio is the median of the runs' own ratios, each of batches timed side by side within
      // a minute: the machine's load drifts (other engineers' tests) by more than the effect over
      // the several minutes of the suite, which a ratio of the two overall medians would take in.
      comparisons: [{ ...compare('the same ingestion with no watches', withWatches, summarize(withoutRates)), ratio: ratios.median }],
      note: `seconds per batch, without → with watches (wall, then CPU by process): ${cpuNote}; webhooks received while the watched batch ingested: median ${Math.round(during.median)}; batches timed ABBA/BAAB within each run; the ratio is the median of the runs' own ratios, ${runRatios.map((r) => r.toFixed(2)).join(', ')}; of the two overall medians it would be ${(withWatches.median / summarize(withoutRates).median).toFixed(2)}×`,
    },
    ...drainRow,
  ];
}
