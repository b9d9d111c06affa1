/** The graph view's pure parts: the arrangement, the stored snapshot, and composing bounded answers. */
import { describe, expect, it } from 'vitest';
import { computeArrangement, initialPositions, type ViewEdge, type ViewGraph } from '../../server/domain/graphLayout.ts';
import { composeView } from '../../server/domain/graphView.ts';
import { decodeSnapshot, encodeSnapshot, placementOf } from '../../server/domain/layoutKeeper.ts';

const stance = (source: string, target: string, latestFamily: string, stanceCount = 1): ViewEdge => ({
  source,
  target,
  relation: 'STANCES',
  stanceCount,
  latestType: latestFamily === 'rejection' ? 'rejected' : 'backed',
  latestFamily,
  latestDate: '2025-06-02',
});

/** Two camps around a few positions: backers on positions 0–2, rejecters of them, one place. */
function negotiation(): ViewGraph {
  const nodes = [
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
  return { nodes, edges };
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
    const view = negotiation();
    const arrangement = computeArrangement(view);
    const { view: decoded, placement } = decodeSnapshot(encodeSnapshot(view, arrangement));
    expect(decoded).toEqual(view);
    expect(placement.get('party:r')).toEqual({ x: arrangement.x[5], y: arrangement.y[5], community: arrangement.community[5] });
  });
});

describe('composing the view', () => {
  const view = negotiation();
  const arrangement = computeArrangement(view);
  const placement = placementOf(view, arrangement);

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
    expect(answer.nodes.id.sort()).toEqual(['party:x', 'position:a']);
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
