/**
 * "All negotiations" draws each negotiation as its own cluster in the stored layout (issue 27):
 * the arrangement starts each negotiation's nodes around a centre of their own, a node shared by
 * two between them, and the short ForceAtlas2 run and noverlap that follow keep them apart. With
 * one negotiation the picture is the one it was before negotiations.
 */
import { describe, expect, it } from 'vitest';
import { computeArrangement, initialPositions, stanceEdge, type ViewGraph } from '../../server/features/graphView/graphLayout.ts';
import type { NodeNegotiationRow, ViewNodeRow } from '../../server/features/graphView/data.ts';

const node = (id: string, type: string): ViewNodeRow => ({ id, type, label: id, date: null, targeted: type === 'Position', stances: 1 });
const edge = (source: string, target: string, stanceCount: number, latestFamily: string) =>
  stanceEdge({ source, target, stanceCount, latestType: latestFamily === 'rejection' ? 'rejected' : 'backed', latestFamily, latestDate: '2025-01-01', latestStance: `stance:${source}-${target}` });

/** One track: 4 parties and 6 positions, each party with stances on 3 positions, some backing, some rejecting. */
function track(name: string): { nodes: ViewNodeRow[]; edges: ReturnType<typeof edge>[]; members: NodeNegotiationRow[] } {
  const parties = [0, 1, 2, 3].map((i) => node(`party:${name}-${i}`, 'Party'));
  const positions = [0, 1, 2, 3, 4, 5].map((i) => node(`position:${name}-${i}`, 'Position'));
  const edges = parties.flatMap((p, i) => [0, 1, 2].map((j) => edge(p.id, positions[(i + j * 2) % 6]!.id, 1 + j, i % 2 === 0 ? 'support' : 'rejection')));
  const members = [...parties, ...positions].map((n) => ({ id: n.id, negotiation: `negotiation:${name}`, weight: 3 }));
  return { nodes: [...parties, ...positions], edges, members };
}

/** Two tracks and one position both take stances on, as much in one as in the other. */
function twoTracks(): { view: ViewGraph; a: string[]; b: string[] } {
  const [a, b] = [track('a'), track('b')];
  const shared = node('position:shared', 'Position');
  const view: ViewGraph = {
    nodes: [...a.nodes, ...b.nodes, shared],
    edges: [...a.edges, ...b.edges, edge('party:a-0', shared.id, 2, 'support'), edge('party:b-1', shared.id, 2, 'rejection')],
    negotiations: [
      ...a.members,
      ...b.members,
      { id: shared.id, negotiation: 'negotiation:a', weight: 2 },
      { id: shared.id, negotiation: 'negotiation:b', weight: 2 },
    ],
  };
  return { view, a: a.nodes.map((n) => n.id), b: b.nodes.map((n) => n.id) };
}

type Point = { x: number; y: number };
const centroid = (points: Point[]): Point => ({ x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length });
const distance = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);
/** The farthest any of the points is from their centroid. */
const spread = (points: Point[]) => Math.max(...points.map((p) => distance(p, centroid(points))));

describe('clusters per negotiation in the stored layout', () => {
  it('lays out two negotiations apart, each farther from the other than its own nodes are spread, after the force run', () => {
    const { view, a, b } = twoTracks();
    const arrangement = computeArrangement(view);
    const at = (id: string): Point => {
      const i = view.nodes.findIndex((n) => n.id === id);
      return { x: arrangement.x[i]!, y: arrangement.y[i]! };
    };
    const [pa, pb] = [a.map(at), b.map(at)];
    const gap = distance(centroid(pa), centroid(pb));
    expect(gap).toBeGreaterThan(spread(pa) + spread(pb));
    // Every node is nearer its own negotiation's centre than the other's.
    for (const p of pa) expect(distance(p, centroid(pa))).toBeLessThan(distance(p, centroid(pb)));
    for (const p of pb) expect(distance(p, centroid(pb))).toBeLessThan(distance(p, centroid(pa)));
    // The shared position lies between them: nearer the midpoint than either centre.
    const shared = at('position:shared');
    const middle = centroid([centroid(pa), centroid(pb)]);
    expect(distance(shared, middle)).toBeLessThan(Math.min(distance(shared, centroid(pa)), distance(shared, centroid(pb))));
  });

  it('pulls a node mostly in one negotiation to that one', () => {
    const { view, a, b } = twoTracks();
    view.negotiations = view.negotiations!.map((row) => (row.id === 'position:shared' && row.negotiation === 'negotiation:b' ? { ...row, weight: 98 } : row));
    const start = initialPositions(view);
    const shared = start.get('position:shared')!;
    const [pa, pb] = [a.map((id) => start.get(id)!), b.map((id) => start.get(id)!)];
    // Within b's picture, and nowhere near a's.
    expect(distance(shared, centroid(pb))).toBeLessThanOrEqual(spread(pb));
    expect(distance(shared, centroid(pa))).toBeGreaterThan(spread(pa) + spread(pb));
  });

  it('keeps the picture of one negotiation (or of none) as it was', () => {
    const { view } = twoTracks();
    const alone: ViewGraph = { nodes: view.nodes, edges: view.edges };
    const oneTrack: ViewGraph = { ...alone, negotiations: view.nodes.map((n) => ({ id: n.id, negotiation: 'negotiation:a', weight: 1 })) };
    expect(initialPositions(oneTrack)).toEqual(initialPositions(alone));
    expect(computeArrangement(oneTrack)).toEqual(computeArrangement(alone));
  });

  it('puts nodes in no negotiation on a ring outside the clusters, and is the same for the same graph', () => {
    const { view } = twoTracks();
    view.nodes.push(node('place:nowhere', 'Place'));
    const start = initialPositions(view);
    const outside = start.get('place:nowhere')!;
    const farthest = Math.max(...view.nodes.filter((n) => n.id !== 'place:nowhere').map((n) => Math.hypot(start.get(n.id)!.x, start.get(n.id)!.y)));
    expect(Math.hypot(outside.x, outside.y)).toBeGreaterThan(farthest);
    expect(computeArrangement(view)).toEqual(computeArrangement(view));
  });
});
