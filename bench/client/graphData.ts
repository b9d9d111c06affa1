/**
 * Synthetic visual graphs for the client suite, in the exact shapes /api/graph (neovis.js's page)
 * and /api/graph/view (the explorer) answer with: n nodes (parties, officials, positions, events)
 * and five stance edges per node, seeded.
 */
import type { GraphView } from '../../server/contract/api.ts';
import { STANCE_TYPES, STANCE_TYPE_NAMES } from '../../server/contract/model.ts';
import { seededRandom } from '../world.ts';

export const EDGES_PER_NODE = 5;
const NODE_TYPES = ['Party', 'Official', 'Position', 'Event'] as const;

export function syntheticGraph(nodeCount: number, seed = 7) {
  const random = seededRandom(seed + nodeCount);
  const nodes = Array.from({ length: nodeCount }, (_, i) => {
    const type = NODE_TYPES[i % NODE_TYPES.length]!;
    const id = `${type.toLowerCase()}:n-${i}`;
    return { id, key: id, label: `${type} ${i}`, type, attributes: { name: `${type} ${i}`, aliases: [] } };
  });
  const edges = Array.from({ length: nodeCount * EDGES_PER_NODE }, (_, i) => {
    const stanceType = STANCE_TYPE_NAMES[Math.floor(random() * STANCE_TYPE_NAMES.length)]!;
    const id = `stance:e-${i}`;
    return {
      id,
      key: id,
      source: nodes[Math.floor(random() * nodeCount)]!.id,
      target: nodes[Math.floor(random() * nodeCount)]!.id,
      type: stanceType,
      attributes: { stanceId: id, stanceType, family: STANCE_TYPES[stanceType].family, date: '2024-05-01', datePrecision: 'day', confidence: 0.9, evidenceCount: 0, evidence: [] },
    };
  });
  return { nodes, edges, truncated: false };
}
export type SyntheticGraph = ReturnType<typeof syntheticGraph>;

/**
 * The same graph as /api/graph/view answers it: columns, one aggregated edge per source → target
 * counting its stances, and stored positions (here seeded on a disc, as a layout would spread them).
 */
export function syntheticGraphView(graph: SyntheticGraph, seed = 7): GraphView {
  const random = seededRandom(seed + graph.nodes.length + 1);
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const pairs = new Map<string, { source: number; target: number; count: number; latest: (typeof graph.edges)[number] }>();
  for (const edge of graph.edges) {
    const key = `${edge.source}|${edge.target}`;
    const pair = pairs.get(key);
    if (pair) pair.count++;
    else pairs.set(key, { source: index.get(edge.source)!, target: index.get(edge.target)!, count: 1, latest: edge });
  }
  const radius = Math.sqrt(graph.nodes.length) * 20;
  const spots = graph.nodes.map(() => {
    const [angle, distance] = [random() * 2 * Math.PI, radius * Math.sqrt(random())];
    return { x: Math.cos(angle) * distance, y: Math.sin(angle) * distance };
  });
  const edges = [...pairs.values()];
  return {
    mode: 'entities',
    nodes: {
      id: graph.nodes.map((n) => n.id),
      label: graph.nodes.map((n) => n.label),
      type: graph.nodes.map((n) => n.type),
      size: graph.nodes.map(() => 1),
      cluster: graph.nodes.map(() => null),
      x: spots.map((s) => s.x),
      y: spots.map((s) => s.y),
    },
    edges: {
      source: edges.map((e) => e.source),
      target: edges.map((e) => e.target),
      relation: edges.map(() => 'STANCES'),
      stanceCount: edges.map((e) => e.count),
      latestType: edges.map((e) => e.latest.attributes.stanceType),
      latestFamily: edges.map((e) => e.latest.attributes.family),
      latestDate: edges.map((e) => e.latest.attributes.date),
    },
    layout: { computedAt: '2024-05-01T00:00:00.000Z', stale: false },
    totals: { nodes: graph.nodes.length, edges: edges.length },
    truncated: false,
  };
}
