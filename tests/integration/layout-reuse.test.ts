/**
 * The stored layout of the graph view is not computed again when nothing it depends on changed
 * (issue 28): a keeper that starts on a current layout does nothing; one that starts after
 * sources came and went, leaving the layout's inputs as they were, keeps it (same positions, same
 * computedAt) under the new stamp. After an ingestion of new stances the layout is brought up to
 * date in place: every node placed before keeps its place, the new nodes are placed next to
 * their neighbours, and the edges (or, over the node budget, the stances between communities)
 * are exactly what a reading of the whole graph gives. A new version of a source or a deletion,
 * which can change stances in place, still computes the layout afresh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app.ts';
import { resetToSeed, testLogger } from '../support/db.ts';
import { loadWorld } from '../../bench/harness.ts';
import { planWorld } from '../../bench/world.ts';
import type { Database } from '../../server/db/database.ts';
import type { SourcePayloadInput } from '../../server/contract/sourcePayload.ts';
import { ingestSource, parsePayload } from '../../server/features/sources/ingest.ts';
import { deleteSource } from '../../server/features/sources/sources.ts';
import { decodeSnapshot, GraphLayoutKeeper } from '../../server/features/graphView/layoutKeeper.ts';
import { readLayoutStamp, readStoredLayout } from '../../server/features/graphView/data.ts';
import { forEachStanceEdgeChunk, readClusterEdges, UNFILTERED } from '../../server/features/graphView/stanceEdges.ts';
import type { ViewEdge } from '../../server/features/graphView/graphLayout.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await resetToSeed(app.db);
}, 120_000);
afterAll(async () => {
  await resetToSeed(app.db);
  await app.close();
});

/** A keeper as a server start makes one: it brings the stored layout level with the graph, then stops. */
async function startKeeper(db: Database, nodeBudget = 2_000): Promise<GraphLayoutKeeper> {
  const keeper = new GraphLayoutKeeper(db, testLogger, nodeBudget);
  keeper.refresh();
  await keeper.settled();
  await keeper.close();
  return keeper;
}

async function stored(db: Database) {
  const row = await readStoredLayout(db);
  if (!row) throw new Error('no stored layout');
  return { ...row, ...decodeSnapshot(row.snapshot) };
}

const byPair = (a: ViewEdge, b: ViewEdge) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target);
async function wholeStanceEdges(db: Database): Promise<ViewEdge[]> {
  const edges: ViewEdge[] = [];
  await forEachStanceEdgeChunk(db, UNFILTERED, null, (chunk) => edges.push(...chunk));
  return edges.sort(byPair);
}

/** A source with new stances of `actor` on a new position and of a new party on `target`. */
function newStancesPayload(tag: string, actor: string, target: string): SourcePayloadInput {
  return {
    source: { id: `source:test-reuse-${tag}`, title: `Test: layout reuse ${tag}`, kind: 'news-article', publishedAt: '2025-08-01', language: 'en' },
    entities: [
      { id: `party:test-reuse-${tag}`, type: 'Party', name: `Reuse party ${tag}`, kind: 'state' },
      { id: `position:test-reuse-${tag}`, type: 'Position', name: `Reuse position ${tag}`, category: 'humanitarian', description: `A test position (${tag}).` },
    ],
    stances: [
      { id: `stance:test-reuse-${tag}-1`, actor, type: 'backed', target: `position:test-reuse-${tag}`, date: '2025-08-01', evidence: [{ summary: `Backed the test position ${tag}.`, reporting: 'second-hand' }] },
      { id: `stance:test-reuse-${tag}-2`, actor: `party:test-reuse-${tag}`, type: 'rejected', target, date: '2025-08-02', evidence: [{ summary: `Rejected ${target} (${tag}).`, reporting: 'second-hand' }] },
      { id: `stance:test-reuse-${tag}-3`, actor, type: 'rejected', target, date: '2099-01-01', evidence: [{ summary: `A later rejection (${tag}).`, reporting: 'second-hand' }] },
    ],
    relations: [],
  };
}

async function anActorAndATarget(db: Database): Promise<{ actor: string; target: string }> {
  const [row] = await db.read<{ actor: string; target: string }>(
    'MATCH (a:Party)-[:TOOK]->(:Stance)-[:ON]->(t:Position) RETURN a.id AS actor, t.id AS target ORDER BY actor, target LIMIT 1',
  );
  if (!row) throw new Error('the seed has no party with a stance on a position');
  return row;
}

describe('the stored layout within the node budget (the seed)', () => {
  it('is not computed again at start when the graph has not changed', async () => {
    const first = await startKeeper(app.db);
    expect(first.runs.computed + first.runs.updated + first.runs.kept).toBeGreaterThan(0);
    const before = await stored(app.db);
    const again = await startKeeper(app.db);
    expect(again.runs).toEqual({ computed: 0, updated: 0, kept: 0 });
    const after = await stored(app.db);
    expect(after.computedAt).toBe(before.computedAt);
    expect(after.snapshot).toBe(before.snapshot);
    // A whole server started on it answers with it at once.
    const restarted = await startTestApp();
    try {
      const view = await restarted.api.graphView();
      expect(view.layout).toEqual({ computedAt: before.computedAt, stale: false });
    } finally {
      await restarted.close();
    }
  });

  it('is kept as it was when sources came and went and its inputs are the same', async () => {
    const before = await stored(app.db);
    const { actor, target } = await anActorAndATarget(app.db);
    await ingestSource(app.db, parsePayload(newStancesPayload('gone', actor, target)));
    // As the benchmark's ingestion runs do: the stances, their evidence and what the source brought are taken out again.
    await app.db.write(
      `MATCH (s:Stance) WHERE s.id STARTS WITH 'stance:test-reuse-gone-'
       OPTIONAL MATCH (s)-[:EVIDENCED_BY]->(e)
       DETACH DELETE s, e`,
    );
    await app.db.write("MATCH (n:Entity) WHERE n.id IN ['source:test-reuse-gone', 'party:test-reuse-gone', 'position:test-reuse-gone'] DETACH DELETE n");
    expect(await readLayoutStamp(app.db)).not.toBe(before.stamp);
    const keeper = await startKeeper(app.db);
    expect(keeper.runs).toEqual({ computed: 0, updated: 0, kept: 1 });
    const after = await stored(app.db);
    expect(after.stamp).toBe(await readLayoutStamp(app.db));
    expect(after.computedAt).toBe(before.computedAt);
    expect(after.snapshot).toBe(before.snapshot);
  });

  it('is brought up to date in place after an ingestion: old nodes stay, new ones are placed by their neighbours', async () => {
    const before = await stored(app.db);
    const { actor, target } = await anActorAndATarget(app.db);
    // Written beside the app (as another server or the CLI would), so that this keeper is the one that brings the layout up to date.
    await ingestSource(app.db, parsePayload(newStancesPayload('new', actor, target)));
    const keeper = await startKeeper(app.db);
    expect(keeper.runs).toEqual({ computed: 0, updated: 1, kept: 0 });
    const after = await stored(app.db);
    expect(after.stamp).toBe(await readLayoutStamp(app.db));
    expect(after.computedAt).not.toBe(before.computedAt);
    for (const [id, place] of before.placement) expect(after.placement.get(id)).toEqual(place);
    const party = after.placement.get('party:test-reuse-new');
    const position = after.placement.get('position:test-reuse-new');
    const [actorAt, targetAt] = [before.placement.get(actor)!, before.placement.get(target)!];
    // Each new node has one placed neighbour: it sits a short step from it, in its community.
    expect(position).toBeDefined();
    expect(Math.hypot(position!.x - actorAt.x, position!.y - actorAt.y)).toBeLessThan(13);
    expect(position!.community).toBe(actorAt.community);
    expect(Math.hypot(party!.x - targetAt.x, party!.y - targetAt.y)).toBeLessThan(13);
    expect(party!.community).toBe(targetAt.community);
    // The edges are what a reading of the whole graph gives: counts added, the latest stance moved.
    expect([...after.view.stanceEdges!].sort(byPair)).toEqual(await wholeStanceEdges(app.db));
    const edge = after.view.stanceEdges!.find((e) => e.source === actor && e.target === target)!;
    expect(edge).toMatchObject({ latestType: 'rejected', latestDate: '2099-01-01', latestStance: 'stance:test-reuse-new-3' });
    // The app serves it as current, with the new nodes placed.
    const view = await app.api.graphView();
    expect(view.layout).toEqual({ computedAt: after.computedAt, stale: false });
    const at = view.nodes.id.indexOf('position:test-reuse-new');
    expect(view.nodes.x[at]).toBe(position!.x);
  });

  it('is computed afresh after a new version of a source or a deletion, which can change stances in place', async () => {
    const { actor, target } = await anActorAndATarget(app.db);
    const changed = newStancesPayload('new', actor, target);
    changed.stances![2]!.type = 'backed';
    await ingestSource(app.db, parsePayload(changed));
    const keeper = await startKeeper(app.db);
    expect(keeper.runs).toEqual({ computed: 1, updated: 0, kept: 0 });
    const edge = (await stored(app.db)).view.stanceEdges!.find((e) => e.source === actor && e.target === target)!;
    expect(edge.latestType).toBe('backed');
    await deleteSource(app.db, 'source:test-reuse-new', 'test');
    expect((await startKeeper(app.db)).runs).toEqual({ computed: 1, updated: 0, kept: 0 });
    expect([...(await stored(app.db)).view.stanceEdges!].sort(byPair)).toEqual(await wholeStanceEdges(app.db));
  });

  it('is computed afresh when a source brings a large share of the picture (its sides and spacing are laid out again)', async () => {
    const { target } = await anActorAndATarget(app.db);
    const parties = Array.from({ length: 10 }, (_, i) => `party:test-reuse-many-${i}`);
    await ingestSource(
      app.db,
      parsePayload({
        source: { id: 'source:test-reuse-many', title: 'Test: many parties', kind: 'news-article', publishedAt: '2025-08-04', language: 'en' },
        entities: parties.map((id, i) => ({ id, type: 'Party', name: `Many ${i}`, kind: 'state' })),
        stances: parties.map((actor, i) => ({ id: `stance:test-reuse-many-${i}`, actor, type: 'backed', target, date: '2025-08-04', evidence: [{ summary: `Backed it (${i}).`, reporting: 'second-hand' }] })),
        relations: [],
      }),
    );
    expect((await startKeeper(app.db)).runs).toEqual({ computed: 1, updated: 0, kept: 0 });
    expect([...(await stored(app.db)).view.stanceEdges!].sort(byPair)).toEqual(await wholeStanceEdges(app.db));
  });
});

describe('the stored layout over the node budget', () => {
  const budget = 40;

  beforeAll(async () => {
    await app.db.write('MATCH (n) DETACH DELETE n');
    await loadWorld(app.db, planWorld(3_000, { stancesPerSource: 1_000, prefix: 'lr' }), testLogger);
  }, 120_000);

  it('adds the new stances to the sums between communities, exactly', async () => {
    expect((await startKeeper(app.db, budget)).runs.computed).toBe(1);
    const before = await stored(app.db);
    expect(before.view.clusterEdges).not.toBeNull();
    await ingestSource(app.db, parsePayload(newStancesPayload('big', 'party:lr-0', 'position:lr-1')));
    // A second source of new stances between nodes of different communities.
    const far = [...before.placement].find(([id, p]) => id.startsWith('position:') && p.community !== before.placement.get('official:lr-3')!.community)![0];
    await ingestSource(
      app.db,
      parsePayload({
        source: { id: 'source:test-reuse-far', title: 'Test: far', kind: 'news-article', publishedAt: '2025-08-03', language: 'en' },
        entities: [],
        stances: [{ id: 'stance:test-reuse-far-1', actor: 'official:lr-3', type: 'proposed', target: far, date: '2025-08-03', evidence: [{ summary: 'Proposed it (test).', reporting: 'second-hand' }] }],
        relations: [],
      }),
    );
    const keeper = await startKeeper(app.db, budget);
    expect(keeper.runs).toEqual({ computed: 0, updated: 1, kept: 0 });
    const after = await stored(app.db);
    for (const [id, place] of before.placement) expect(after.placement.get(id)).toEqual(place);
    expect(after.placement.has('party:test-reuse-big')).toBe(true);
    expect(after.view.clusterEdges).not.toEqual(before.view.clusterEdges);
    expect(after.view.clusterEdges).toEqual(await readClusterEdges(app.db, UNFILTERED, after.placement));
  });
});
