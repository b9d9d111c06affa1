/** Building the explorer's graph from API answers, and the filters that hide parts of it. */
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../server/contract/common.ts';
import { STANCE_TYPES, type StanceType } from '../../server/contract/model.ts';
import {
  applyFilters,
  communityName,
  createExplorerGraph,
  describeCounts,
  graphCounts,
  isVisibleEdge,
  mergeGraphData,
  mergeGraphView,
  placeOnRing,
  replaceAggregatedEdges,
  stanceOf,
  timelineDates,
} from '../../client/src/graph/explorerGraph.ts';
import { FAMILY_STYLE, propertyLabel } from '../../client/src/graph/encoding.ts';
import type { GraphView } from '../../server/contract/graphView.ts';
import { initialState, setAsOf, setStanceTypes, toggleNodeType } from '../../client/src/state/explorer.ts';

const node = (id: string, type: string, attributes: Record<string, unknown> = {}): GraphNode => ({ id, key: id, label: `${type} ${id}`, type, attributes: { id, ...attributes } });

function stance(id: string, source: string, target: string, type: StanceType, date: string): GraphEdge {
  return {
    id,
    key: id,
    source,
    target,
    type,
    attributes: {
      stanceId: id,
      stanceType: type,
      family: STANCE_TYPES[type].family,
      date,
      datePrecision: 'day',
      condition: null,
      conditionPosition: null,
      confidence: 0.9,
      event: null,
      voicedBy: null,
      evidenceCount: 1,
      evidence: [{ quote: 'a short quote', summary: null, reporting: 'first-hand', via: null, source: 'source:s', sourceTitle: 'S' }],
    },
  };
}

const answer = {
  nodes: [node('party:a', 'Party', { aliases: ['A-land', 7] }), node('party:b', 'Party'), node('position:p', 'Position'), node('event:e', 'Event', { date: '2025-06-02' })],
  edges: [
    stance('stance:1', 'party:a', 'position:p', 'proposed', '2025-06-01'),
    stance('stance:2', 'party:b', 'position:p', 'rejected', '2025-06-03'),
    { id: 'party:a|PARTICIPANT|event:e', key: 'party:a|PARTICIPANT|event:e', source: 'party:a', target: 'event:e', type: 'PARTICIPANT', attributes: {} },
  ],
};

describe('mergeGraphData', () => {
  it('adds every node and edge with its style, family and the attributes as sent', () => {
    const graph = createExplorerGraph();
    expect(mergeGraphData(graph, answer).sort()).toEqual(['event:e', 'party:a', 'party:b', 'position:p']);
    expect(graph.getNodeAttributes('party:a')).toMatchObject({ label: 'Party party:a', nodeType: 'Party', aliases: ['A-land'], hidden: false });
    expect(graph.getNodeAttribute('event:e', 'date')).toBe('2025-06-02');
    const rejected = graph.getEdgeAttributes('stance:2');
    expect(rejected).toMatchObject({ edgeType: 'rejected', family: 'rejection', color: FAMILY_STYLE.rejection.color, date: '2025-06-03' });
    expect(stanceOf(rejected)).toEqual(answer.edges[1]!.attributes);
    const structural = graph.getEdgeAttributes('party:a|PARTICIPANT|event:e');
    expect(structural).toMatchObject({ family: 'structure', size: 1 });
    expect(stanceOf(structural)).toBeNull();
  });

  it('sizes nodes by degree, so the best-connected node is the largest', () => {
    const graph = createExplorerGraph();
    mergeGraphData(graph, answer);
    expect(graph.getNodeAttribute('position:p', 'size')).toBeGreaterThan(graph.getNodeAttribute('event:e', 'size'));
  });

  it('adds only what is new on a second merge, refreshes known nodes and keeps their place', () => {
    const graph = createExplorerGraph();
    mergeGraphData(graph, answer);
    const { x, y } = graph.getNodeAttributes('party:a');
    const added = mergeGraphData(graph, { nodes: [node('party:a', 'Party', { description: 'new' }), node('party:c', 'Party')], edges: [stance('stance:3', 'party:c', 'position:p', 'backed', '2025-06-04')] });
    expect(added).toEqual(['party:c']);
    expect(graph.getNodeAttributes('party:a')).toMatchObject({ x, y });
    expect(graph.getNodeAttribute('party:a', 'data')).toMatchObject({ description: 'new' });
    expect(graph.size).toBe(4);
  });

  it('places a new node beside a neighbour already drawn', () => {
    const graph = createExplorerGraph();
    mergeGraphData(graph, answer);
    mergeGraphData(graph, { nodes: [node('party:c', 'Party')], edges: [stance('stance:3', 'party:c', 'position:p', 'backed', '2025-06-04')] });
    const p = graph.getNodeAttributes('position:p');
    const c = graph.getNodeAttributes('party:c');
    expect(Math.hypot(c.x - p.x, c.y - p.y)).toBeCloseTo(5, 5);
  });

  it('skips edges whose ends are not in the graph', () => {
    const graph = createExplorerGraph();
    mergeGraphData(graph, { nodes: [node('party:a', 'Party')], edges: [stance('stance:9', 'party:a', 'position:missing', 'proposed', '2025-06-01')] });
    expect(graph.size).toBe(0);
  });
});

describe('applyFilters', () => {
  it('hides nodes of unchecked types, and the edges that touch them stop being visible', () => {
    const graph = createExplorerGraph();
    mergeGraphData(graph, answer);
    applyFilters(graph, toggleNodeType(initialState(), 'Event').filters);
    expect(graph.getNodeAttribute('event:e', 'hidden')).toBe(true);
    expect(isVisibleEdge(graph, 'party:a|PARTICIPANT|event:e')).toBe(false);
    expect(isVisibleEdge(graph, 'stance:1')).toBe(true);
  });

  it('hides stances of unchecked types but never structural relationships', () => {
    const graph = createExplorerGraph();
    mergeGraphData(graph, answer);
    applyFilters(graph, setStanceTypes(initialState(), ['proposed']).filters);
    expect(graph.getEdgeAttribute('stance:1', 'hidden')).toBe(false);
    expect(graph.getEdgeAttribute('stance:2', 'hidden')).toBe(true);
    expect(graph.getEdgeAttribute('party:a|PARTICIPANT|event:e', 'hidden')).toBe(false);
  });

  it('hides what is dated after the time filter, and shows it again when the filter is cleared', () => {
    const graph = createExplorerGraph();
    mergeGraphData(graph, answer);
    const asOf = setAsOf(initialState(), '2025-06-02');
    applyFilters(graph, asOf.filters);
    expect(graph.getEdgeAttribute('stance:1', 'hidden')).toBe(false);
    expect(graph.getEdgeAttribute('stance:2', 'hidden')).toBe(true);
    expect(graph.getNodeAttribute('event:e', 'hidden')).toBe(false);
    applyFilters(graph, setAsOf(asOf, '2025-06-01').filters);
    expect(graph.getNodeAttribute('event:e', 'hidden')).toBe(true);
    applyFilters(graph, initialState().filters);
    expect(graph.someEdge((_e, a) => a.hidden) || graph.someNode((_n, a) => a.hidden)).toBe(false);
  });

  it('lists every distinct date once, oldest first, as the time slider stops', () => {
    const graph = createExplorerGraph();
    mergeGraphData(graph, answer);
    expect(timelineDates(graph)).toEqual(['2025-06-01', '2025-06-02', '2025-06-03']);
  });
});

/** A graph view answer: nodes [id, type, date?, cluster?] and aggregated edges [source, target, latest type, latest date]. */
function view(nodes: [string, string, (string | null)?, number?][], edges: [string, string, StanceType, string][]): GraphView {
  const index = (id: string) => nodes.findIndex(([n]) => n === id);
  return {
    mode: 'entities',
    nodes: {
      id: nodes.map(([id]) => id),
      label: nodes.map(([id]) => id.split(':')[1]!.replace(/^./, (c) => c.toUpperCase())),
      type: nodes.map(([, type]) => type),
      size: nodes.map(() => 1),
      cluster: nodes.map(([, , , cluster]) => cluster ?? null),
      x: nodes.map((_n, i) => i * 10),
      y: nodes.map((_n, i) => (i % 2) * 10),
      date: nodes.map(([, , date]) => date ?? null),
    },
    edges: {
      source: edges.map(([from]) => index(from)),
      target: edges.map(([, to]) => index(to)),
      relation: edges.map(() => 'STANCES'),
      stanceCount: edges.map(() => 1),
      latestType: edges.map(([, , type]) => type),
      latestFamily: edges.map(([, , type]) => STANCE_TYPES[type].family),
      latestDate: edges.map(([, , , date]) => date),
    },
    layout: { computedAt: '2026-01-01T00:00:00Z', stale: false },
    totals: { nodes: nodes.length, edges: edges.length },
    truncated: false,
  };
}

const seedLike: [string, string, (string | null)?, number?][] = [
  ['party:ukraine', 'Party', null, 0],
  ['party:russia', 'Party', null, 1],
  ['position:truce', 'Position', null, 0],
  ['event:talks', 'Event', '2025-06-02', 1],
];

describe('the time slider (issue 26)', () => {
  it('keeps the unfiltered stops when a filtered recount replaces the edges, so its range never jumps', () => {
    const graph = createExplorerGraph();
    mergeGraphView(graph, view(seedLike, [
      ['party:ukraine', 'event:talks', 'open_to', '2025-05-28'],
      ['party:ukraine', 'position:truce', 'rejected', '2025-06-04'],
      ['party:russia', 'position:truce', 'offered', '2025-06-02'],
    ]));
    const stops = timelineDates(graph);
    expect(stops).toEqual(['2025-05-28', '2025-06-02', '2025-06-04']);
    // As of 2025-06-02 the server counts fewer stances, with earlier latest dates.
    replaceAggregatedEdges(graph, view(seedLike, [['party:russia', 'position:truce', 'offered', '2025-06-02']]));
    expect(timelineDates(graph)).toEqual(stops);
    replaceAggregatedEdges(graph, view(seedLike, []));
    expect(timelineDates(graph)).toEqual(stops);
  });
});

describe('the status bar counts (issue 26)', () => {
  it('follow the filters: shown of loaded', () => {
    const graph = createExplorerGraph();
    mergeGraphData(graph, answer);
    applyFilters(graph, initialState().filters);
    expect(describeCounts(graphCounts(graph))).toBe('4 nodes and 3 relationships loaded, all shown.');
    applyFilters(graph, setStanceTypes(initialState(), ['rejected']).filters);
    expect(describeCounts(graphCounts(graph))).toBe('4 nodes and 2 relationships shown, of 4 nodes and 3 relationships loaded.');
    applyFilters(graph, toggleNodeType(initialState(), 'Event').filters);
    expect(graphCounts(graph)).toEqual({ nodes: 4, edges: 3, shownNodes: 3, shownEdges: 2 });
  });
});

describe('words on screen (issue 26)', () => {
  it('name a layout community after its most connected member, never its number', () => {
    const graph = createExplorerGraph();
    mergeGraphView(graph, view(seedLike, [
      ['party:russia', 'event:talks', 'stated', '2025-06-02'],
      ['party:russia', 'position:truce', 'offered', '2025-06-02'],
      ['party:ukraine', 'position:truce', 'rejected', '2025-06-04'],
    ]));
    expect(communityName(graph, 1)).toBe('Russia cluster');
    // Ukraine and the truce both have degree... the truce has two stances on it: it leads.
    expect(communityName(graph, 0)).toBe('Truce cluster');
    expect(communityName(graph, 7)).toBeNull();
  });

  it('give property keys words', () => {
    expect(propertyLabel('datePrecision')).toBe('date precision');
    expect(propertyLabel('country_code')).toBe('country code');
    expect(propertyLabel('date')).toBe('date');
  });
});

describe('placeOnRing', () => {
  it('sets nodes with no neighbour around the drawn graph, apart from each other and from it', () => {
    const graph = createExplorerGraph();
    mergeGraphView(graph, view(seedLike, []));
    mergeGraphData(graph, { nodes: [node('source:a', 'Source'), node('source:b', 'Source')], edges: [] });
    placeOnRing(graph, ['source:a', 'source:b']);
    const [a, b] = ['source:a', 'source:b'].map((n) => graph.getNodeAttributes(n));
    expect(Math.hypot(a!.x - b!.x, a!.y - b!.y)).toBeGreaterThan(30);
    for (const id of seedLike.map(([id]) => id)) {
      const { x, y } = graph.getNodeAttributes(id);
      expect(Math.hypot(a!.x - x, a!.y - y)).toBeGreaterThan(3);
    }
  });
});
