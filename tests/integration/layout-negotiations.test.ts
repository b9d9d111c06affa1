/**
 * "All negotiations" draws each negotiation as its own cluster in the stored layout (issue 27):
 * on a world of three negotiations (the bench generator's: own parties, positions, events and
 * documents each, the most popular positions shared), the stored positions of each negotiation's
 * own nodes gather apart from the others', and the shared positions sit between them. An
 * ingestion into one negotiation still brings the layout up to date in place, nobody moving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app.ts';
import { resetToSeed, testLogger } from '../support/db.ts';
import { createLogger } from '../../server/logger.ts';
import { loadWorld } from '../../bench/harness.ts';
import { negotiationId, planWorld, sharedPositionCount, stanceSource } from '../../bench/world.ts';
import type { Database } from '../../server/db/database.ts';
import { ingestSource, parsePayload } from '../../server/features/sources/ingest.ts';
import { decodeSnapshot, GraphLayoutKeeper } from '../../server/features/graphView/layoutKeeper.ts';
import { readNodeNegotiations, readStoredLayout } from '../../server/features/graphView/data.ts';

const plan = planWorld(1_500, { stancesPerSource: 500, prefix: 'ln' });
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await app.db.write('MATCH (n) DETACH DELETE n');
  await loadWorld(app.db, plan, testLogger);
}, 300_000);
afterAll(async () => {
  await resetToSeed(app.db);
  await app.close();
});

async function startKeeper(db: Database): Promise<GraphLayoutKeeper> {
  const keeper = new GraphLayoutKeeper(db, createLogger('warn'), 2_000);
  keeper.refresh();
  await keeper.settled();
  await keeper.close();
  return keeper;
}

async function storedPlacement(db: Database) {
  const row = await readStoredLayout(db);
  if (!row) throw new Error('no stored layout');
  return decodeSnapshot(row.snapshot).placement;
}

type Point = { x: number; y: number };
const centroid = (points: Point[]): Point => ({ x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length });
const distance = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);
/** Root mean square distance of the points from their centroid. */
const spread = (points: Point[]) => {
  const c = centroid(points);
  return Math.sqrt(points.reduce((s, p) => s + distance(p, c) ** 2, 0) / points.length);
};

describe('the stored layout of several negotiations', () => {
  let tracks: { id: string; points: Point[] }[];

  it('gathers each negotiation apart: its centroid farther from every other than the spread of both', async () => {
    expect((await startKeeper(app.db)).runs.computed).toBe(1);
    const placement = await storedPlacement(app.db);
    const memberships = new Map<string, Set<string>>();
    for (const row of await readNodeNegotiations(app.db)) memberships.set(row.id, (memberships.get(row.id) ?? new Set()).add(row.negotiation));
    // Each negotiation's own nodes: drawn, and in it alone.
    tracks = Array.from({ length: plan.negotiations }, (_, k) => negotiationId(plan, k)).map((id) => ({
      id,
      points: [...placement].filter(([node]) => memberships.get(node)?.size === 1 && memberships.get(node)!.has(id)).map(([, p]) => p),
    }));
    expect(tracks).toHaveLength(3);
    for (const track of tracks) expect(track.points.length, track.id).toBeGreaterThan(10);
    for (const a of tracks) {
      for (const b of tracks) {
        if (a === b) continue;
        expect(distance(centroid(a.points), centroid(b.points)), `${a.id} to ${b.id}`).toBeGreaterThan(spread(a.points) + spread(b.points));
      }
    }
  });

  it('puts the positions every negotiation shares between them, nearer the middle than any negotiation', async () => {
    const placement = await storedPlacement(app.db);
    const centres = tracks.map((t) => centroid(t.points));
    const middle = centroid(centres);
    for (let i = 0; i < sharedPositionCount(plan); i++) {
      const shared = placement.get(`position:ln-${i}`)!;
      expect(distance(shared, middle)).toBeLessThan(Math.min(...centres.map((c) => distance(shared, c))));
    }
  });

  it('brings the layout up to date in place after an ingestion, no placed node moving', async () => {
    const before = await storedPlacement(app.db);
    // 40 new stances over the world's actors and positions (under 3% of its stances): placed in place.
    await ingestSource(app.db, parsePayload(stanceSource({ ...plan, stances: 40, stancesPerSource: 40, seed: plan.seed + 7, claimPrefix: 'ln-more' }, 0)));
    expect((await startKeeper(app.db)).runs).toEqual({ computed: 0, updated: 1, kept: 0 });
    const after = await storedPlacement(app.db);
    for (const [id, place] of before) expect(after.get(id), id).toEqual(place);
  });
});
