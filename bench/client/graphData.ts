/**
 * Synthetic visual graphs for the client suite, in the exact shape /api/graph answers with: n
 * nodes (parties, officials, positions, events) and five stance edges per node, seeded.
 */
import { STANCE_TYPES, STANCE_TYPE_NAMES } from '../../server/contract/model.ts';
import { loadConfig } from '../../server/config.ts';
import { type ViewEdge, computeArrangement } from '../../server/features/graphView/graphLayout.ts';
import { composeView } from '../../server/features/graphView/graphView.ts';
import { clusterEdgesOf } from '../../server/features/graphView/stanceEdges.ts';
import { placementOf } from '../../server/features/graphView/layoutKeeper.ts';
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
 * The same graph as the server's graph view answers it (/api/graph/view): stances aggregated per
 * actor → target, arranged and clustered as the server's stored layout would be, within the
 * default bounds (over 2,000 nodes: clusters).
 */
export function syntheticView(graph: SyntheticGraph): string {
  const aggregated = new Map<string, ViewEdge>();
  for (const edge of graph.edges) {
    const key = `${edge.source}>${edge.target}`;
    const sum = aggregated.get(key);
    if (sum) sum.stanceCount += 1;
    else {
      const { stanceType, family, date } = edge.attributes;
      aggregated.set(key, { source: edge.source, target: edge.target, relation: 'STANCES', stanceCount: 1, latestType: stanceType, latestFamily: family, latestDate: date, latestStance: edge.id });
    }
  }
  const edges = [...aggregated.values()];
  const stances = new Map<string, number>();
  for (const e of edges) for (const id of [e.source, e.target]) stances.set(id, (stances.get(id) ?? 0) + e.stanceCount);
  const view = { nodes: graph.nodes.map((n) => ({ id: n.id, type: n.type, label: n.label, date: null, targeted: true, stances: stances.get(n.id) ?? 0 })), edges };
  const placement = placementOf(view, computeArrangement(view));
  const input = { ...view, clusterEdges: clusterEdgesOf(edges, placement) };
  return JSON.stringify(composeView(input, placement, [], loadConfig({}).graphView, { computedAt: 'bench', stale: false }));
}
