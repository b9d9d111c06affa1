/**
 * 8. The graph view's stored layout (issue 28): how long after the server starts it is current
 * when nothing it depends on changed (a plain restart, and a restart after sources were ingested
 * and taken out again while the server was down, as the ingestion suite's runs do), and how long
 * after one source's ingestion is committed. The baseline, in the same run on the same world, is
 * computing the layout afresh: a server started with no stored layout. Each run uses servers of
 * its own (the harness's is stopped first: two servers would both keep the one stored layout).
 */
import { ingestThroughParley, removeClaims } from '../ingestPaths.ts';
import { type AppProcess } from '../../tests/support/processes/appProcess.ts';
import { startParleyServer } from '../processes.ts';
import { compare, elapsedMs, type ResultRow, summarize } from '../stats.ts';
import { stanceSource } from '../world.ts';
import { cappedRuns, type WorldContext } from './context.ts';

const TOKEN = 'bench-layout-token';
const WAIT_MS = 30 * 60_000;
type LayoutStatus = { computedAt: string | null; stale: boolean };

/** Polls the graph view until its layout is current (and, when given, no longer computed at `not`); ms since `since`. */
async function untilCurrent(server: AppProcess, since: number, not?: string | null): Promise<{ ms: number; layout: LayoutStatus }> {
  for (;;) {
    const res = await fetch(`${server.url}/api/graph/view`);
    const body = (await res.json()) as { layout?: LayoutStatus };
    if (res.ok && body.layout && !body.layout.stale && body.layout.computedAt !== not) return { ms: elapsedMs(since), layout: body.layout };
    if (elapsedMs(since) > WAIT_MS) throw new Error(`the stored layout was not current within ${WAIT_MS / 60_000} min`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A server started now, and how long after its process was spawned the layout was current. */
async function startAndWait(context: WorldContext): Promise<{ server: AppProcess; ms: number; upMs: number; layout: LayoutStatus }> {
  const spawned = performance.now();
  const server = await startParleyServer(context.neo4j, context.logger, { PARLEY_WRITE_TOKEN: TOKEN });
  const upMs = elapsedMs(spawned);
  return { server, upMs, ...(await untilCurrent(server, spawned)) };
}

export async function layoutSuite(context: WorldContext): Promise<ResultRow[]> {
  await context.server.stop();
  const afresh: number[] = [];
  const afreshAfterUp: number[] = [];
  const restart: number[] = [];
  const churn: number[] = [];
  const ingest: number[] = [];
  let recomputedAtRestart = 0;
  const stances = Math.min(context.plan.stancesPerSource, context.plan.stances);
  for (const run of cappedRuns(context)) {
    const prefix = `bench-layout-${Date.now()}-${run}`;
    // Baseline: no stored layout, so the server computes it afresh.
    await context.db.write("MATCH (l:GraphLayout {key: 'graph-view'}) DELETE l");
    const first = await startAndWait(context);
    afresh.push(first.ms);
    afreshAfterUp.push(first.ms - first.upMs);
    // One news source of new stances over the world's entities (another seed: other pairs, dates and types).
    const payload = { ...stanceSource({ ...context.plan, stances, seed: context.plan.seed + 1_000 + run, claimPrefix: prefix }, 0), relations: [] };
    const res = await fetch(`${first.server.url}/api/sources`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(payload) });
    if (res.status !== 201) throw new Error(`ingesting the bench source answered ${res.status}: ${await res.text()}`);
    const committed = performance.now();
    const updated = await untilCurrent(first.server, committed, first.layout.computedAt);
    ingest.push(updated.ms);
    // Taken out again through the API (a deletion computes the layout afresh), then the server stops.
    const deleted = await fetch(`${first.server.url}/api/sources/${encodeURIComponent(payload.source.id)}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    if (!deleted.ok) throw new Error(`deleting the bench source answered ${deleted.status}`);
    const settled = await untilCurrent(first.server, performance.now(), updated.layout.computedAt);
    await first.server.stop();
    // A plain restart: nothing written since.
    const again = await startAndWait(context);
    restart.push(again.ms);
    if (again.layout.computedAt !== settled.layout.computedAt) recomputedAtRestart++;
    await again.server.stop();
    // While the server is down a source comes and goes (as the ingestion suite's runs leave the world): the history moves, the layout's inputs do not.
    await ingestThroughParley(context.db, [{ ...stanceSource({ ...context.plan, stances, seed: context.plan.seed + 2_000 + run, claimPrefix: `${prefix}-gone` }, 0), relations: [] }], context.logger, 'layout churn');
    await removeClaims(context.db, `${prefix}-gone`);
    const afterChurn = await startAndWait(context);
    churn.push(afterChurn.ms);
    if (afterChurn.layout.computedAt !== settled.layout.computedAt) recomputedAtRestart++;
    await afterChurn.server.stop();
    context.logger.info({ scope: context.scope, run: run + 1, afresh: first.ms, restart: again.ms, churn: afterChurn.ms, ingest: updated.ms }, 'layout run done');
  }
  const baseline = 'computed afresh at start (no stored layout), from process spawn';
  const scope = `${context.scope}, server process spawned to layout current`;
  const row = (measure: string, values: number[], base: number[], baselineName: string, note?: string): ResultRow => {
    const parley = summarize(values.map((ms) => ms / 1000));
    return { suite: 'layout', scope, measure, unit: 's', higherIsBetter: false, parley, comparisons: [compare(baselineName, parley, summarize(base.map((ms) => ms / 1000)))], ...(note ? { note } : {}) };
  };
  const kept = `layout recomputed in ${recomputedAtRestart} of ${restart.length + churn.length} restarts`;
  return [
    row('restart, nothing written since', restart, afresh, baseline, kept),
    row('restart after a source was ingested and taken out again while the server was down', churn, afresh, baseline),
    {
      ...row(`one source of ${stances.toLocaleString('en')} stances ingested through the API: from its 201 to layout current`, ingest, afreshAfterUp, 'computing the layout afresh (from server up)'),
      scope: `${context.scope}, ingestion committed to layout current`,
    },
  ];
}
