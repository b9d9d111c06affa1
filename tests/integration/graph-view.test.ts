/**
 * The graph view (issue 18): actors and positions with one aggregated edge per actor → target,
 * the stances behind one edge, the layout stored on the server (after an ingestion, the same
 * for every request and across a restart), and, over the node budget, clusters within the
 * byte bound, one of which expands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TEST_WRITE_TOKEN, failureOf, startTestApp } from '../support/app.ts';
import { type SpecValidator, loadSpecValidator } from '../support/openapi.ts';
import { resetToSeed, testLogger } from '../support/db.ts';
import { loadWorld } from '../../bench/harness.ts';
import { planWorld } from '../../bench/world.ts';
import type { GraphView } from '../../server/contract/graphView.ts';
import type { SourcePayloadInput } from '../../server/contract/sourcePayload.ts';
import { clusterEdgesOf, forEachStanceEdgeChunk, readClusterEdges, UNFILTERED } from '../../server/features/graphView/stanceEdges.ts';
import type { ViewEdge } from '../../server/features/graphView/graphLayout.ts';
import { decodeSnapshot } from '../../server/features/graphView/layoutKeeper.ts';
import { readStoredLayout } from '../../server/features/graphView/data.ts';

let app: TestApp;
let spec: SpecValidator;

beforeAll(async () => {
  app = await startTestApp();
  await resetToSeed(app.db);
  spec = await loadSpecValidator(app);
});
afterAll(async () => {
  await resetToSeed(app.db);
  await app.close();
});

/** A graph view query as the client sends it. */
type ViewQuery = NonNullable<NonNullable<Parameters<TestApp['api']['graphView']>[0]>['query']>;

/** The view once its stored layout is current (the layout is computed in the background). */
async function settledView(target: TestApp, query: ViewQuery = {}): Promise<GraphView> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const view = await target.api.graphView({ query });
    if (!view.layout.stale) return view;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the layout never settled');
}

const edgesOf = (view: GraphView) =>
  view.edges.source.map((s, i) => ({
    source: view.nodes.id[s]!,
    target: view.nodes.id[view.edges.target[i]!]!,
    relation: view.edges.relation[i]!,
    stanceCount: view.edges.stanceCount[i]!,
    latestFamily: view.edges.latestFamily[i]!,
    latestDate: view.edges.latestDate[i]!,
  }));

describe('GET /api/graph/view on the seed', () => {
  it('answers actors, positions and targeted events, one edge per actor → target with its count and latest family', async () => {
    const view = await settledView(app);
    spec.expectMatches('get', '/api/graph/view', 200, view);
    expect(view.mode).toBe('entities');
    expect(new Set(view.nodes.type)).not.toContain('Place');
    expect(new Set(view.nodes.type)).not.toContain('Document');
    expect(view.nodes.type).toContain('Position');

    const expected = await app.db.read<{ source: string; target: string; stances: number; latestFamily: string }>(
      `MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
       WITH a.id AS source, t.id AS target, s ORDER BY s.date DESC, s.id DESC
       RETURN source, target, count(s) AS stances, collect(s.family)[0] AS latestFamily ORDER BY source, target`,
    );
    const stanceEdges = edgesOf(view).filter((e) => e.relation === 'STANCES');
    const got = stanceEdges.map((e) => ({ source: e.source, target: e.target, stances: e.stanceCount, latestFamily: e.latestFamily }));
    const visible = new Set(view.nodes.id);
    expect(got.sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target))).toEqual(
      expected.filter((e) => visible.has(e.source) && visible.has(e.target)),
    );
    expect(stanceEdges.length).toBeGreaterThan(10);
    // Every edge joins two answered nodes, and every node has a stored position.
    expect(view.edges.source.every((i) => i < view.nodes.id.length)).toBe(true);
    expect(view.nodes.x.every((x) => typeof x === 'number')).toBe(true);
    expect(view.nodes.cluster.every((c) => Number.isInteger(c))).toBe(true);
  });

  it('adds places, documents and other events on request', async () => {
    const res = await app.api.graphView({ query: { include: ['places', 'documents', 'events'] } });
    expect(res.nodes.type).toContain('Place');
    expect(res.nodes.type).toContain('Document');
    expect((await failureOf(app.api.graphView({ query: { include: 'people' } }))).status).toBe(400);
  });

  it('counts only the stances of the asked types and dates', async () => {
    const res = await app.api.graphView({ query: { stanceTypes: ['rejected'], asOf: '2025-12-31' } });
    const stanceEdges = edgesOf(res).filter((e) => e.relation === 'STANCES');
    expect(stanceEdges.length).toBeGreaterThan(0);
    expect(stanceEdges.every((e) => e.latestFamily === 'rejection')).toBe(true);
  });
});

describe('GET /api/graph/edges/:actor/:target/stances', () => {
  it('lists the stances behind one aggregated edge with their quotes or summaries and sources', async () => {
    const view = await settledView(app);
    const edge = edgesOf(view).find((e) => e.relation === 'STANCES' && e.source === 'party:russia')!;
    const res = await app.api.edgeStances({ params: { actor: edge.source, target: edge.target } });
    spec.expectMatches('get', '/api/graph/edges/{actor}/{target}/stances', 200, res);
    expect(res.actor.id).toBe(edge.source);
    expect(res.stances).toHaveLength(edge.stanceCount);
    const latest = res.stances.at(-1);
    expect(latest?.family).toBe(edge.latestFamily);
    for (const stance of res.stances) {
      expect(stance.evidence.length).toBeGreaterThan(0);
      for (const item of stance.evidence) {
        expect(item.quote ?? item.summary).toMatch(/\w+/);
        expect(item.source).toMatch(/^source:/);
      }
    }
    expect((await failureOf(app.api.edgeStances({ params: { actor: 'party:atlantis', target: 'position:unconditional-ceasefire' } }))).status).toBe(404);
  });
});

describe('the stored layout', () => {
  it('is the same for two requests and after a restart', async () => {
    const first = await settledView(app);
    const second = await settledView(app);
    expect(second.nodes.x).toEqual(first.nodes.x);
    expect(second.nodes.y).toEqual(first.nodes.y);
    const restarted = await startTestApp();
    try {
      const res = await restarted.api.graphView();
      expect(res.layout).toEqual({ computedAt: first.layout.computedAt, stale: false });
      expect(res.nodes.id).toEqual(first.nodes.id);
      expect(res.nodes.x).toEqual(first.nodes.x);
      expect(res.nodes.y).toEqual(first.nodes.y);
    } finally {
      await restarted.close();
    }
  });

  it('is recomputed after an ingestion and places the new nodes', async () => {
    const before = await settledView(app);
    const payload: SourcePayloadInput = {
      source: { id: 'source:test-layout-grain-talks', title: 'Test: grain corridor talks', kind: 'news-article', publishedAt: '2025-07-01', language: 'en' },
      entities: [
        { id: 'party:test-freedonia', type: 'Party', name: 'Freedonia', kind: 'state' },
        { id: 'position:test-grain-corridor', type: 'Position', name: 'A test grain corridor', category: 'humanitarian', description: 'A corridor for grain ships (test).' },
      ],
      stances: [
        {
          id: 'stance:test-freedonia-proposed-grain-corridor',
          actor: 'party:test-freedonia',
          type: 'proposed',
          target: 'position:test-grain-corridor',
          date: '2025-07-01',
          evidence: [{ summary: 'Freedonia put forward a grain corridor (test summary).', reporting: 'second-hand' }],
        },
        {
          id: 'stance:test-freedonia-rejected-grain-corridor',
          actor: 'party:test-freedonia',
          type: 'rejected',
          target: 'position:test-grain-corridor',
          date: '2025-07-05',
          evidence: [{ summary: 'Freedonia later turned the corridor down (test summary).', reporting: 'second-hand' }],
        },
      ],
    };
    // A filtered answer is kept with the current layout; the ingestion must not leave it behind.
    const rejections: ViewQuery = { stanceTypes: ['rejected'] };
    const rejectionsBefore = await settledView(app, rejections);
    expect(await settledView(app, rejections)).toEqual(rejectionsBefore);
    expect(rejectionsBefore.nodes.id).not.toContain('position:test-grain-corridor');
    await app.api.ingest({ body: payload }, { token: TEST_WRITE_TOKEN });
    // Whether or not the new layout is stored yet, the answer has the new stance.
    const justAfter = await app.api.graphView({ query: rejections });
    expect(justAfter.nodes.id).toContain('position:test-grain-corridor');
    const rejectionsAfter = await settledView(app, rejections);
    const rejected = edgesOf(rejectionsAfter).find((e) => e.target === 'position:test-grain-corridor');
    expect(rejected).toMatchObject({ source: 'party:test-freedonia', stanceCount: 1, latestFamily: 'rejection' });
    const after = await settledView(app);
    expect(after.layout.computedAt).not.toBe(before.layout.computedAt);
    const at = after.nodes.id.indexOf('position:test-grain-corridor');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(typeof after.nodes.x[at]).toBe('number');
    const edge = edgesOf(after).find((e) => e.target === 'position:test-grain-corridor')!;
    expect(edge).toMatchObject({ source: 'party:test-freedonia', relation: 'STANCES', stanceCount: 2, latestFamily: 'rejection', latestDate: '2025-07-05' });
    const detail = await app.api.edgeStances({ params: { actor: 'party:test-freedonia', target: 'position:test-grain-corridor' } });
    expect(detail.stances.map((s) => s.type)).toEqual(['proposed', 'rejected']);
  });
});

describe('a world above the node budget', () => {
  let budgeted: TestApp;
  const budget = 40;

  beforeAll(async () => {
    await app.db.write('MATCH (n) DETACH DELETE n');
    await loadWorld(app.db, planWorld(4_000, { stancesPerSource: 1_000, prefix: 'gv' }), testLogger);
    budgeted = await startTestApp({ PARLEY_GRAPH_NODE_BUDGET: String(budget), PARLEY_GRAPH_VIEW_MAX_BYTES: '20000' });
  }, 120_000);
  afterAll(() => budgeted.close());

  it('opens as clusters within the node and byte bounds', async () => {
    const view = await settledView(budgeted);
    spec.expectMatches('get', '/api/graph/view', 200, view);
    expect(view.totals.nodes).toBeGreaterThan(budget);
    expect(view.mode).toBe('clusters');
    expect(view.nodes.id.length).toBeLessThanOrEqual(budget);
    expect(view.nodes.type.every((t) => t === 'Cluster')).toBe(true);
    expect(view.nodes.size.reduce((a, b) => a + b, 0)).toBe(view.totals.nodes);
    expect(Buffer.byteLength(JSON.stringify(view))).toBeLessThan(20_000);
    expect(view.edges.stanceCount.every((n) => n > 0)).toBe(true);
  });

  it('expands one cluster into its members', async () => {
    const view = await settledView(budgeted);
    const first = view.nodes.id[0];
    if (first === undefined) throw new Error('the clustered view has no node');
    const res = await budgeted.api.cluster({ params: { id: first } });
    spec.expectMatches('get', '/api/graph/clusters/{id}', 200, res);
    expect(res.mode).toBe('entities');
    expect(res.totals.nodes).toBe(view.nodes.size[0]);
    expect(res.nodes.cluster.every((c) => c === view.nodes.cluster[0])).toBe(true);
    expect((await failureOf(budgeted.api.cluster({ params: { id: 'cluster:999999' } }))).status).toBe(404);
  });

  it('reads the same stances in chunks of actors as in one read, and sums the same stances between communities', async () => {
    await settledView(budgeted);
    const byPair = (a: ViewEdge, b: ViewEdge) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target);
    const whole: ViewEdge[] = [];
    await forEachStanceEdgeChunk(app.db, UNFILTERED, null, (edges) => whole.push(...edges));
    const parts: ViewEdge[] = [];
    let chunks = 0;
    await forEachStanceEdgeChunk(app.db, UNFILTERED, null, (edges) => parts.push(...edges) && chunks++, 300);
    expect(chunks).toBeGreaterThan(5);
    expect(parts.sort(byPair)).toEqual(whole.sort(byPair));
    const [{ stances }] = (await app.db.read<{ stances: number }>('MATCH (:Entity)-[:TOOK]->(s:Stance)-[:ON]->(:Entity) RETURN count(s) AS stances')) as [{ stances: number }];
    expect(whole.reduce((n, e) => n + e.stanceCount, 0)).toBe(stances);

    const { placement, view } = decodeSnapshot((await readStoredLayout(app.db))!.snapshot);
    // Over the budget the stored layout keeps the stances between communities, not every edge.
    expect(view.stanceEdges).toBeNull();
    expect(view.clusterEdges).toEqual(clusterEdgesOf(whole, placement));
    expect(await readClusterEdges(app.db, UNFILTERED, placement, 300)).toEqual(view.clusterEdges);
  });
});
