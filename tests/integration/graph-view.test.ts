/**
 * The graph view (issue 18): actors and positions with one aggregated edge per actor → target,
 * the stances behind one edge, the layout stored on the server (after an ingestion, the same
 * for every request and across a restart), and, over the node budget, clusters within the
 * byte bound, one of which expands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TEST_WRITE_AUTHORIZATION, postSource, startTestApp } from '../support/app.ts';
import { type SpecValidator, loadSpecValidator } from '../support/openapi.ts';
import { resetToSeed, testLogger } from '../support/db.ts';
import { loadWorld } from '../../bench/harness.ts';
import { planWorld } from '../../bench/world.ts';
import type { GraphView } from '../../server/contract/graphView.ts';
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

/** The view once its stored layout is current (the layout is computed in the background). */
async function settledView(target: TestApp, query = ''): Promise<GraphView> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const res = await target.request(`/api/graph/view${query}`);
    expect(res.status).toBe(200);
    if (!res.body.layout.stale) return res.body as GraphView;
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
    const res = await app.request('/api/graph/view?include=places,documents,events');
    expect(res.status).toBe(200);
    expect(res.body.nodes.type).toContain('Place');
    expect(res.body.nodes.type).toContain('Document');
    expect((await app.request('/api/graph/view?include=people')).status).toBe(400);
  });

  it('counts only the stances of the asked types and dates', async () => {
    const res = await app.request('/api/graph/view?stanceTypes=rejected&asOf=2025-12-31');
    expect(res.status).toBe(200);
    const stanceEdges = edgesOf(res.body).filter((e) => e.relation === 'STANCES');
    expect(stanceEdges.length).toBeGreaterThan(0);
    expect(stanceEdges.every((e) => e.latestFamily === 'rejection')).toBe(true);
  });
});

describe('GET /api/graph/edges/:actor/:target/stances', () => {
  it('lists the stances behind one aggregated edge with their quotes or summaries and sources', async () => {
    const view = await settledView(app);
    const edge = edgesOf(view).find((e) => e.relation === 'STANCES' && e.source === 'party:russia')!;
    const res = await app.request(`/api/graph/edges/${edge.source}/${edge.target}/stances`);
    expect(res.status).toBe(200);
    spec.expectMatches('get', '/api/graph/edges/{actor}/{target}/stances', 200, res.body);
    expect(res.body.actor.id).toBe(edge.source);
    expect(res.body.stances).toHaveLength(edge.stanceCount);
    const latest = res.body.stances.at(-1);
    expect(latest.family).toBe(edge.latestFamily);
    for (const stance of res.body.stances) {
      expect(stance.evidence.length).toBeGreaterThan(0);
      for (const item of stance.evidence) {
        expect(item.quote ?? item.summary).toMatch(/\w+/);
        expect(item.source).toMatch(/^source:/);
      }
    }
    expect((await app.request('/api/graph/edges/party:atlantis/position:unconditional-ceasefire/stances')).status).toBe(404);
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
      const res = await restarted.request('/api/graph/view');
      expect(res.body.layout).toEqual({ computedAt: first.layout.computedAt, stale: false });
      expect(res.body.nodes.id).toEqual(first.nodes.id);
      expect(res.body.nodes.x).toEqual(first.nodes.x);
      expect(res.body.nodes.y).toEqual(first.nodes.y);
    } finally {
      await restarted.close();
    }
  });

  it('is recomputed after an ingestion and places the new nodes', async () => {
    const before = await settledView(app);
    const payload = {
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
    const rejections = '?stanceTypes=rejected';
    const rejectionsBefore = await settledView(app, rejections);
    expect(await settledView(app, rejections)).toEqual(rejectionsBefore);
    expect(rejectionsBefore.nodes.id).not.toContain('position:test-grain-corridor');
    const posted = await postSource(app.url, payload, TEST_WRITE_AUTHORIZATION);
    expect(posted.status, posted.text).toBe(201);
    // Whether or not the new layout is stored yet, the answer has the new stance.
    const justAfter = await app.request(`/api/graph/view${rejections}`);
    expect(justAfter.body.nodes.id).toContain('position:test-grain-corridor');
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
    const detail = await app.request('/api/graph/edges/party:test-freedonia/position:test-grain-corridor/stances');
    expect(detail.body.stances.map((s: { type: string }) => s.type)).toEqual(['proposed', 'rejected']);
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
    const res = await budgeted.request(`/api/graph/clusters/${view.nodes.id[0]}`);
    expect(res.status).toBe(200);
    spec.expectMatches('get', '/api/graph/clusters/{id}', 200, res.body);
    expect(res.body.mode).toBe('entities');
    expect(res.body.totals.nodes).toBe(view.nodes.size[0]);
    expect(res.body.nodes.cluster.every((c: number) => c === view.nodes.cluster[0])).toBe(true);
    expect((await budgeted.request('/api/graph/clusters/cluster:999999')).status).toBe(404);
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
