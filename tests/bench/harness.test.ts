/**
 * Smoke run of the benchmark harness (bench/) at the tiny size against the test Neo4j, so that
 * it cannot rot: a world is generated and loaded through ingestion, every per-world suite runs
 * once, and the report renders. Structure only: no timing is asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { parsePayload } from '../../server/features/sources/ingest.ts';
import { benchWorld, loadWorld, SUITES } from '../../bench/harness.ts';
import { evaluateGoals, renderMarkdown } from '../../bench/report.ts';
import type { ResultRow } from '../../bench/stats.ts';
import { planWorld, WORLD_SIZES, worldSources } from '../../bench/world.ts';
import { resetToSeed, testDatabase, testLogger, testNeo4j } from '../support/db.ts';

const plan = planWorld(WORLD_SIZES.tiny, { stancesPerSource: 50 });
let db: Database;

beforeAll(async () => {
  db = testDatabase();
});

afterAll(async () => {
  // Other suites depend on the seed graph.
  await resetToSeed(db);
  await db.close();
});

describe('world generator', () => {
  it('is deterministic and valid under the ingestion contract', () => {
    const first = [...worldSources(plan)];
    expect(JSON.stringify(first)).toBe(JSON.stringify([...worldSources(plan)]));
    for (const payload of first) expect(() => parsePayload(payload)).not.toThrow();
    expect(first.reduce((n, p) => n + p.stances.length, 0)).toBe(WORLD_SIZES.tiny);
  });
});

describe('bench harness at the tiny size', () => {
  let rows: ResultRow[];

  it('loads the world and runs every per-world suite', async () => {
    await loadWorld(db, plan, testLogger);
    rows = await benchWorld(
      { size: 'tiny', plan, db, neo4j: testNeo4j() },
      {
        suites: SUITES.filter((s) => s !== 'client'),
        runs: 1,
        capSeconds: 10,
        requestsPerRun: 2,
        ingestStances: 50,
        load: { connections: 2, durationSeconds: 1 },
        logger: testLogger,
      },
    );
    expect(new Set(rows.map((r) => r.suite))).toEqual(new Set(['latency', 'throughput', 'ingestion', 'load', 'watches', 'layout', 'negotiations']));
    for (const row of rows) {
      expect(Number.isFinite(row.parley.median), `${row.suite} ${row.measure}`).toBe(true);
      for (const c of row.comparisons) expect(Number.isFinite(c.ratio), `${row.measure} vs ${c.baseline}`).toBe(true);
    }
    const latencyBaselines = rows.filter((r) => r.suite === 'latency').flatMap((r) => r.comparisons.map((c) => c.baseline));
    // Ask is compared with the named question on the same position, the other reads with the raw driver and HTTP.
    expect(new Set(latencyBaselines)).toEqual(new Set(['raw neo4j-driver', 'Neo4j HTTP Query API', 'Parley named question']));
    // The explorer's first request is measured beside the one it replaced, and stays small.
    const viewSize = rows.find((r) => r.measure === 'graph view answer size');
    expect(viewSize?.comparisons.map((c) => c.baseline)).toEqual(['/api/graph?limit=2000 (before)']);
    expect(viewSize!.parley.max).toBeLessThan(1);
    expect(rows.some((r) => r.measure === 'graph view errors (non-2xx, connection)')).toBe(true);
    // The load suite first waits for the graph view's stored layout, computed by the server it starts.
    // The layout suite's restarts keep the stored layout, and say so.
    const restart = rows.find((r) => r.suite === 'layout' && r.measure.startsWith('restart, nothing written since'));
    expect(restart?.note).toBe('layout recomputed in 0 of 2 restarts');
  }, 420_000);

  it('renders the report with a goals table and one section per suite', () => {
    const now = new Date();
    const machine = { cpu: 'test', cores: 1, memoryGiB: 1, loadAverage: '0', node: process.version, neo4j: 'test', java: 'test', os: 'test' };
    const markdown = renderMarkdown(
      { command: 'test', startedAt: now, finishedAt: now, machine, worlds: [{ size: 'tiny', stances: 200, entities: 90, sources: 5, loading: 'test' }], rows, notMeasured: [] },
      ['a note'],
    );
    expect(markdown).toContain('## Goals');
    expect(markdown).toMatch(/\| tiny \| trace p50/);
    expect(markdown).toContain('## 4. Client rendering (headless Chromium)\n\nNot run.');
    expect(evaluateGoals(rows).map((g) => g.status)).not.toContain(undefined);
  });
});
