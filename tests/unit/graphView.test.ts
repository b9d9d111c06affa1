/** The graph view's pure parts: the arrangement, the stored snapshot, and composing bounded answers. */
import { describe, expect, it } from 'vitest';
import { computeArrangement, initialPositions, LayoutSkeleton, SKELETON_EDGES_PER_ACTOR, type ViewEdge, type ViewGraph } from '../../server/features/graphView/graphLayout.ts';
import { composeView, type ViewInput } from '../../server/features/graphView/graphView.ts';
import { chunkActors, clusterEdgesOf } from '../../server/features/graphView/stanceEdges.ts';
import { decodeSnapshot, encodeSnapshot, placementOf } from '../../server/features/graphView/layoutKeeper.ts';

const stance = (source: string, target: string, latestFamily: string, stanceCount = 1): ViewEdge => ({
  source,
  target,
  relation: 'STANCES',
  stanceCount,
  latestType: latestFamily === 'rejection' ? 'rejected' : 'backed',
  latestFamily,
  latestDate: '2025-06-02',
  latestStance: `stance:${source}-${target}`,
});

/** Two camps around a few positions: backers on positions 0–2, rejecters of them, one place. */
function negotiation(): ViewGraph {
  const drawn = [
    ...['a', 'b', 'c'].map((n) => ({ id: `position:${n}`, type: 'Position', label: `Position ${n}`, date: null, targeted: true })),
    ...['x', 'y'].map((n) => ({ id: `party:${n}`, type: 'Party', label: `Backer ${n}`, date: null, targeted: false })),
    ...['r', 's'].map((n) => ({ id: `party:${n}`, type: 'Party', label: `Rejecter ${n}`, date: null, targeted: false })),
    { id: 'place:istanbul', type: 'Place', label: 'Istanbul', date: null, targeted: false },
  ];
  const edges = [
    stance('party:x', 'position:a', 'support', 3),
    stance('party:x', 'position:b', 'proposal'),
    stance('party:y', 'position:a', 'support'),
    stance('party:r', 'position:a', 'rejection', 2),
    stance('party:s', 'position:b', 'rejection'),
    stance('party:s', 'position:c', 'rejection'),
  ];
  const stances = (id: string) => edges.filter((e) => e.source === id || e.target === id).reduce((n, e) => n + e.stanceCount, 0);
  return { nodes: drawn.map((n) => ({ ...n, stances: stances(n.id) })), edges };
}

const bounds = { nodeBudget: 100, maxEdges: 100, maxBytes: 1_000_000 };
const layoutStatus = { computedAt: '2026-12-01T00:00:00.000Z', stale: false };

describe('the arrangement', () => {
  it('puts positions in the middle, backers on one side and rejecters on the other, context outside', () => {
    const start = initialPositions(negotiation());
    const x = (id: string) => start.get(id)!.x;
    const band = Math.max(...['a', 'b', 'c'].map((n) => Math.abs(x(`position:${n}`))));
    expect(x('party:x')).toBeLessThan(-band);
    expect(x('party:y')).toBeLessThan(-band);
    expect(x('party:r')).toBeGreaterThan(band);
    expect(x('party:s')).toBeGreaterThan(band);
    const { x: px, y: py } = start.get('place:istanbul')!;
    expect(Math.hypot(px, py)).toBeGreaterThan(Math.abs(x('party:x')));
  });

  it('is the same for the same graph, keeps the sides after refinement, and numbers communities from the largest', () => {
    const first = computeArrangement(negotiation());
    expect(computeArrangement(negotiation())).toEqual(first);
    const ids = negotiation().nodes.map((n) => n.id);
    const x = (id: string) => first.x[ids.indexOf(id)]!;
    expect(x('party:x')).toBeLessThan(x('party:r'));
    expect(x('party:y')).toBeLessThan(x('party:s'));
    expect(first.community).toContain(0);
    const sizes = new Map<number, number>();
    for (const c of first.community) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    expect(sizes.get(0)).toBe(Math.max(...sizes.values()));
  });
});

describe('the stored snapshot', () => {
  it('comes back as it was stored', () => {
    const { nodes, edges } = negotiation();
    const view = { nodes, stanceEdges: edges, structuralEdges: [], clusterEdges: [{ source: 0, target: 1, stanceCount: 2, latestType: 'backed', latestFamily: 'support', latestDate: '2025-06-02', latestStance: 'stance:1' }] };
    const arrangement = computeArrangement({ nodes, edges });
    const { view: decoded, placement } = decodeSnapshot(encodeSnapshot(view, arrangement));
    expect(decoded).toEqual(view);
    expect(decodeSnapshot(encodeSnapshot({ ...view, stanceEdges: null }, arrangement)).view.stanceEdges).toBeNull();
    expect(placement.get('party:r')).toEqual({ x: arrangement.x[5], y: arrangement.y[5], community: arrangement.community[5] });
  });
});

describe('composing the view', () => {
  const graph = negotiation();
  const arrangement = computeArrangement(graph);
  const placement = placementOf(graph, arrangement);
  const view: ViewInput = { ...graph, clusterEdges: clusterEdgesOf(graph.edges, placement) };

  it('leaves places out unless included, and names nodes by index in the edge columns', () => {
    const answer = composeView(view, placement, [], bounds, layoutStatus);
    expect(answer.mode).toBe('entities');
    expect(answer.nodes.id).not.toContain('place:istanbul');
    expect(composeView(view, placement, ['places'], bounds, layoutStatus).nodes.id).toContain('place:istanbul');
    const first = answer.edges.stanceCount.indexOf(3);
    expect(answer.nodes.id[answer.edges.source[first]!]).toBe('party:x');
    expect(answer.nodes.id[answer.edges.target[first]!]).toBe('position:a');
  });

  it('opens as clusters over the node budget, sized by members, with the stances between them summed', () => {
    const answer = composeView(view, placement, [], { ...bounds, nodeBudget: 3 }, layoutStatus);
    expect(answer.mode).toBe('clusters');
    expect(answer.nodes.type.every((t) => t === 'Cluster')).toBe(true);
    expect(answer.nodes.size.reduce((a, b) => a + b, 0)).toBe(answer.totals.nodes);
    const inside = view.edges.filter((e) => placement.get(e.source)!.community === placement.get(e.target)!.community);
    const total = view.edges.reduce((n, e) => n + e.stanceCount, 0);
    expect(answer.edges.stanceCount.reduce((a, b) => a + b, 0)).toBe(total - inside.reduce((n, e) => n + e.stanceCount, 0));
  });

  it('without a layout, over the budget, keeps the best-connected entities and says it was cut', () => {
    const answer = composeView(view, null, [], { ...bounds, nodeBudget: 2 }, { computedAt: null, stale: true });
    expect(answer.mode).toBe('entities');
    expect([...answer.nodes.id].sort()).toEqual(['party:x', 'position:a']);
    expect(answer.nodes.x).toEqual([null, null]);
    expect(answer.truncated).toBe(true);
  });

  it('keeps the heaviest edges under the edge and byte bounds', () => {
    const capped = composeView(view, placement, [], { ...bounds, maxEdges: 2 }, layoutStatus);
    expect(capped.edges.stanceCount).toEqual([3, 2]);
    expect(capped.truncated).toBe(true);
    const full = composeView(view, placement, [], bounds, layoutStatus);
    const small = composeView(view, placement, [], { ...bounds, maxBytes: Buffer.byteLength(JSON.stringify(full)) - 1 }, layoutStatus);
    expect(Buffer.byteLength(JSON.stringify(small))).toBeLessThan(Buffer.byteLength(JSON.stringify(full)));
    expect(small.truncated).toBe(true);
    expect(small.edges.stanceCount[0]).toBe(3);
  });
});

describe('reading a large graph in parts', () => {
  it('packs actors in order into chunks of at most the given stances, a heavy actor alone', () => {
    const actors = [
      { id: 'a', stances: 30 },
      { id: 'b', stances: 30 },
      { id: 'c', stances: 50 },
      { id: 'd', stances: 120 },
      { id: 'e', stances: 10 },
    ];
    expect(chunkActors(actors, 100)).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
    expect(chunkActors([], 100)).toEqual([]);
  });

  it("lays out a skeleton: each actor's heaviest edges and each target's heaviest, the same whatever the chunks", () => {
    const edges: ViewEdge[] = [];
    for (let t = 0; t < 12; t++) edges.push(stance('party:x', `position:${String(t).padStart(2, '0')}`, 'support', t + 1));
    edges.push(stance('party:y', 'position:00', 'rejection', 5), stance('party:y', 'position:01', 'rejection', 1));
    const whole = new LayoutSkeleton();
    whole.add(edges);
    const parts = new LayoutSkeleton();
    parts.add(edges.filter((e) => e.source === 'party:y'));
    parts.add(edges.filter((e) => e.source === 'party:x'));
    const kept = whole.edges();
    expect(parts.edges()).toEqual(kept);
    const ofX = kept.filter((e) => e.source === 'party:x').map((e) => e.stanceCount);
    // x keeps its eight heaviest (12 to 5), and the heaviest edges into positions 01 to 03 are
    // x's too (4, 3, and 2 over y's 1); into position 00, y's 5 beats x's 1, which goes.
    expect(ofX.slice().sort((a, b) => b - a)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    expect(SKELETON_EDGES_PER_ACTOR).toBe(8);
    expect(kept.filter((e) => e.source === 'party:y')).toHaveLength(2);
    expect(new Set(kept.map((e) => e.target)).size).toBe(12);
  });
});
