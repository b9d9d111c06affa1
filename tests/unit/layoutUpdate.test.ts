/**
 * Bringing a stored layout up to date in place (issue 28): new nodes placed by their neighbours
 * without moving anyone else, new stances added to the edges and to the sums between
 * communities by the rule a whole reading uses, and the stamp read back into its parts.
 */
import { describe, expect, it } from 'vitest';
import { placeAddedNodes, type Placement, stanceEdge, type ViewEdge } from '../../server/features/graphView/graphLayout.ts';
import { parseStamp, withClusterStances, withStances } from '../../server/features/graphView/layoutKeeper.ts';
import { clusterEdgesOf } from '../../server/features/graphView/stanceEdges.ts';
import type { AggregatedEdgeRow } from '../../server/features/graphView/data.ts';

const row = (source: string, target: string, stanceCount: number, latestDate: string, latestStance: string, latestType = 'backed', latestFamily = 'support'): AggregatedEdgeRow => ({
  source,
  target,
  stanceCount,
  latestType,
  latestFamily,
  latestDate,
  latestStance,
});

describe('placeAddedNodes', () => {
  const placement: Placement = new Map([
    ['a', { x: 0, y: 0, community: 0 }],
    ['b', { x: 100, y: 0, community: 1 }],
    ['c', { x: 100, y: 100, community: 1 }],
  ]);
  const edge = (source: string, target: string, stanceCount = 1) => stanceEdge(row(source, target, stanceCount, '2025-01-01', `stance:${source}-${target}`));

  it('leaves every placed node where it was and puts a new one next to the centre of its neighbours, in their heaviest community', () => {
    const result = placeAddedNodes(placement, ['n'], [edge('n', 'a', 1), edge('n', 'b', 2), edge('n', 'c', 2)]);
    for (const [id, place] of placement) expect(result.get(id)).toEqual(place);
    const n = result.get('n')!;
    const centre = { x: (0 * 1 + 100 * 2 + 100 * 2) / 5, y: (0 + 0 + 100 * 2) / 5 };
    expect(Math.hypot(n.x - centre.x, n.y - centre.y)).toBeCloseTo(12, 0);
    expect(n.community).toBe(1);
    expect(placement.has('n')).toBe(false);
  });

  it('places new nodes next to other new ones, and one with no neighbour on a ring outside, in a community of its own', () => {
    const result = placeAddedNodes(placement, ['far', 'n', 'm'], [edge('n', 'a'), edge('m', 'n')]);
    expect(result.get('n')!.community).toBe(0);
    expect(result.get('m')!.community).toBe(0);
    const far = result.get('far')!;
    expect(Math.hypot(far.x, far.y)).toBeGreaterThan(Math.hypot(100, 100));
    expect(far.community).toBe(2);
  });

  it('gives the same places for the same additions, whatever their order', () => {
    const edges = [edge('n', 'a'), edge('m', 'b'), edge('m', 'n')];
    expect([...placeAddedNodes(placement, ['m', 'n'], edges)]).toEqual([...placeAddedNodes(placement, ['n', 'm'], [...edges].reverse())]);
  });
});

describe('adding new stances to a stored layout', () => {
  const before: ViewEdge[] = [stanceEdge(row('a', 'x', 2, '2025-01-02', 'stance:a-2')), stanceEdge(row('b', 'x', 1, '2025-01-05', 'stance:b-1'))];
  const delta = [row('a', 'x', 1, '2025-01-02', 'stance:a-3', 'rejected', 'rejection'), row('b', 'x', 1, '2025-01-01', 'stance:b-0'), row('c', 'y', 3, '2025-02-01', 'stance:c-9')];

  it('adds counts, lets the latest stance (by date, then id) win and appends new pairs, leaving the stored edges as they were', () => {
    const after = withStances(before, delta);
    expect(after).toEqual([
      { ...before[0], stanceCount: 3, latestType: 'rejected', latestFamily: 'rejection', latestStance: 'stance:a-3' },
      { ...before[1], stanceCount: 2 },
      stanceEdge(delta[2]!),
    ]);
    expect(before[0]!.stanceCount).toBe(2);
  });

  it('sums the stances between communities exactly as a whole reading of the edges does', () => {
    const placement: Placement = new Map([
      ['a', { x: 0, y: 0, community: 0 }],
      ['b', { x: 0, y: 0, community: 1 }],
      ['c', { x: 0, y: 0, community: 1 }],
      ['x', { x: 0, y: 0, community: 2 }],
      ['y', { x: 0, y: 0, community: 1 }],
    ]);
    expect(withClusterStances(clusterEdgesOf(before, placement), delta, placement)).toEqual(clusterEdgesOf(withStances(before, delta), placement));
  });
});

describe('parseStamp', () => {
  it('reads the parts of graph-view/layout-stamp and refuses other shapes', () => {
    expect(parseStamp('12|2025-01-01T10:00:00.000Z|340|900')).toEqual({ sources: 12, lastIngestedAt: '2025-01-01T10:00:00.000Z', stances: 340, entities: 900 });
    expect(parseStamp('0|-|0|0')).toEqual({ sources: 0, lastIngestedAt: null, stances: 0, entities: 0 });
    expect(parseStamp('12|x|340')).toBeNull();
    expect(parseStamp('a|x|1|2')).toBeNull();
  });
});
