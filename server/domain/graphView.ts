/**
 * The graph view: actors and positions (and the events stances target), one edge per actor →
 * target standing for all its stances, placed where the stored layout put them. Over the node
 * budget the view opens as the layout's communities, each a cluster node sized by its members,
 * joined by the stances between them; one cluster expands into its members. Every answer is
 * bounded in nodes, edges and bytes and sent as columns.
 */
import { admissibleSources, isGradeFilterSet } from './grading.ts';
import type { Database } from '../db/database.ts';
import { withCorroboration } from './explore.ts';
import { readAggregatedStanceEdges, readStructuralEdges, readViewNodes, type ViewNodeRow } from '../data/graphView.ts';
import { readStances } from '../data/explore.ts';
import { readNodesById } from '../data/graph.ts';
import { NotFoundError } from '../errors.ts';
import { STANCE_TYPE_NAMES } from '../contract/model.ts';
import type { EdgeStances, GraphView, GraphViewQuery } from '../contract/api.ts';
import { GRAPH_VIEW_EXTRAS } from '../contract/api.ts';
import { STANCES_RELATION, type ViewEdge, type ViewGraph, stanceEdge } from './graphLayout.ts';
import type { GraphLayoutKeeper, Placement } from './layoutKeeper.ts';

export interface ViewBounds {
  /** Above this many nodes the view opens as clusters. */
  nodeBudget: number;
  maxEdges: number;
  maxBytes: number;
}

type Extra = (typeof GRAPH_VIEW_EXTRAS)[number];
const EXTRA_OF_TYPE: Record<string, Extra> = { Place: 'places', Document: 'documents', Event: 'events' };

/** The whole view graph read live: every drawable node, aggregated stances, structural relationships. */
export async function readViewGraph(db: Database, stanceTypes: readonly string[], asOf: string | null, sources: readonly string[] | null = null): Promise<ViewGraph> {
  const [nodes, stances, structural] = await Promise.all([
    readViewNodes(db, asOf),
    readAggregatedStanceEdges(db, { stanceTypes, asOf, sources }),
    readStructuralEdges(db),
  ]);
  const edges: ViewEdge[] = [
    ...stances.map(stanceEdge),
    ...structural.map((e) => ({ ...e, stanceCount: 0, latestType: null, latestFamily: null, latestDate: null })),
  ];
  return { nodes, edges };
}

/**
 * The first answer of the explorer. Without filters it is composed once per stored layout and
 * served from memory; with filters the stances are aggregated live and placed by the stored layout.
 */
export async function viewGraph(db: Database, keeper: GraphLayoutKeeper, query: GraphViewQuery, bounds: ViewBounds): Promise<GraphView> {
  const include = [...(query.include ?? [])].sort();
  const filtered = query.stanceTypes !== undefined || query.asOf !== undefined || isGradeFilterSet(query);
  const { layout, stale } = await keeper.current();
  if (layout && !filtered) {
    const composed = keeper.memoized(layout, include.join(','), () => composeView(layout.view, layout.placement, include, bounds, status(layout, false)));
    return { ...composed, layout: status(layout, stale) };
  }
  const view = await readViewGraph(db, query.stanceTypes ?? STANCE_TYPE_NAMES, query.asOf ?? null, await admissibleSources(db, query));
  return composeView(view, layout?.placement ?? null, include, bounds, status(layout, stale || !layout));
}

/** One cluster of the stored layout, as entities: its members and the edges among them. */
export async function expandCluster(keeper: GraphLayoutKeeper, clusterId: string, include: Extra[], bounds: ViewBounds): Promise<GraphView> {
  const { layout, stale } = await keeper.current();
  const community = Number(clusterId.slice('cluster:'.length));
  const members = layout?.view.nodes.filter((n) => layout.placement.get(n.id)?.community === community && isVisible(n, include)) ?? [];
  if (!layout || members.length === 0) throw new NotFoundError(`No cluster with id ${clusterId} in the current layout`);
  const memberIds = new Set(members.map((n) => n.id));
  const view = { nodes: members, edges: layout.view.edges.filter((e) => memberIds.has(e.source) && memberIds.has(e.target)) };
  // A cluster never opens as clusters again: past the budget its best-connected members are kept.
  return composeView(view, layout.placement, include, bounds, status(layout, stale), { cluster: false });
}

/** Every stance one aggregated edge stands for, with its evidence, oldest first. */
export async function edgeStances(db: Database, actor: string, target: string): Promise<EdgeStances> {
  const nodes = await readNodesById(db, [actor, target]);
  const ref = (id: string) => {
    const row = nodes.find((n) => n.id === id);
    if (!row) throw new NotFoundError(`No node with id ${id}`);
    return { id: row.id, label: row.label, type: row.type };
  };
  const [actorRef, targetRef] = [ref(actor), ref(target)];
  const stances = (await readStances(db, { position: target })).filter((s) => s.actor.id === actor);
  return { actor: actorRef, target: targetRef, stances: stances.map(withCorroboration) };
}

function status(layout: { computedAt: string } | null, stale: boolean): GraphView['layout'] {
  return { computedAt: layout?.computedAt ?? null, stale };
}

function isVisible(node: ViewNodeRow, include: readonly string[]): boolean {
  const extra = EXTRA_OF_TYPE[node.type];
  if (!extra) return true;
  return include.includes(extra) || (node.type === 'Event' && node.targeted);
}

/**
 * The view as columns, within the bounds: entities when they fit the node budget, otherwise the
 * layout's communities as clusters (or, with no layout yet, the best-connected entities).
 */
export function composeView(
  view: ViewGraph,
  placement: Placement | null,
  include: readonly string[],
  bounds: ViewBounds,
  layout: GraphView['layout'],
  { cluster = true }: { cluster?: boolean } = {},
): GraphView {
  const nodes = view.nodes.filter((n) => isVisible(n, include));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = view.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const totals = { nodes: nodes.length, edges: edges.length };
  const answer =
    nodes.length > bounds.nodeBudget && placement && cluster
      ? clusterView(nodes, edges, placement, bounds, layout, totals)
      : entityView(nodes, edges, placement, bounds, layout, totals);
  return withinBytes(answer, bounds.maxBytes);
}

function emptyColumns(): Pick<GraphView, 'nodes' | 'edges'> {
  return {
    nodes: { id: [], label: [], type: [], size: [], cluster: [], x: [], y: [], date: [] },
    edges: { source: [], target: [], relation: [], stanceCount: [], latestType: [], latestFamily: [], latestDate: [] },
  };
}

/** Heaviest first (most stances), so a cut keeps what matters most; ties keep the graph's order. */
const byWeight = (a: ViewEdge, b: ViewEdge) => b.stanceCount - a.stanceCount;

function entityView(
  allNodes: ViewNodeRow[],
  allEdges: ViewEdge[],
  placement: Placement | null,
  bounds: ViewBounds,
  layout: GraphView['layout'],
  totals: GraphView['totals'],
): GraphView {
  let nodes = allNodes;
  if (nodes.length > bounds.nodeBudget) {
    const weight = stanceWeights(allEdges);
    const kept = new Set(
      [...nodes].sort((a, b) => (weight.get(b.id) ?? 0) - (weight.get(a.id) ?? 0) || a.id.localeCompare(b.id)).slice(0, bounds.nodeBudget).map((n) => n.id),
    );
    nodes = nodes.filter((n) => kept.has(n.id));
  }
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const among = allEdges.filter((e) => index.has(e.source) && index.has(e.target));
  const edges = among.length > bounds.maxEdges ? [...among].sort(byWeight).slice(0, bounds.maxEdges) : among;
  const answer: GraphView = { mode: 'entities', ...emptyColumns(), layout, totals, truncated: nodes.length < allNodes.length || edges.length < among.length };
  for (const node of nodes) {
    const place = placement?.get(node.id);
    pushNode(answer, { id: node.id, label: node.label, type: node.type, size: 1, cluster: place?.community ?? null, x: place?.x ?? null, y: place?.y ?? null, date: node.date });
  }
  for (const edge of edges) pushEdge(answer, index.get(edge.source)!, index.get(edge.target)!, edge);
  return answer;
}

function clusterView(
  nodes: ViewNodeRow[],
  edges: ViewEdge[],
  placement: Placement,
  bounds: ViewBounds,
  layout: GraphView['layout'],
  totals: GraphView['totals'],
): GraphView {
  const weight = stanceWeights(edges);
  const clusters = new Map<number, { members: ViewNodeRow[]; x: number; y: number }>();
  for (const node of nodes) {
    const place = placement.get(node.id);
    // A node added since the layout was computed has no community yet; it appears once the layout is refreshed.
    if (!place) continue;
    const entry = clusters.get(place.community) ?? { members: [], x: 0, y: 0 };
    entry.members.push(node);
    entry.x += place.x;
    entry.y += place.y;
    clusters.set(place.community, entry);
  }
  const ranked = [...clusters.entries()].sort(([a], [b]) => a - b);
  const kept = ranked.slice(0, bounds.nodeBudget);
  const index = new Map(kept.map(([community], i) => [community, i]));
  const answer: GraphView = { mode: 'clusters', ...emptyColumns(), layout, totals, truncated: kept.length < ranked.length };
  for (const [community, { members, x, y }] of kept) {
    const lead = members.reduce((best, n) => ((weight.get(n.id) ?? 0) > (weight.get(best.id) ?? 0) ? n : best));
    const label = members.length === 1 ? lead.label : `${lead.label} and ${members.length - 1} more`;
    const round = (v: number) => Math.round((v / members.length) * 10) / 10;
    pushNode(answer, { id: `cluster:${community}`, label, type: 'Cluster', size: members.length, cluster: community, x: round(x), y: round(y), date: null });
  }
  const between = new Map<string, ViewEdge & { from: number; to: number }>();
  for (const edge of edges) {
    if (edge.relation !== STANCES_RELATION) continue;
    const from = index.get(placement.get(edge.source)?.community ?? -1);
    const to = index.get(placement.get(edge.target)?.community ?? -1);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}>${to}`;
    const sum = between.get(key);
    if (!sum) between.set(key, { ...edge, from, to });
    else {
      sum.stanceCount += edge.stanceCount;
      if ((edge.latestDate ?? '') > (sum.latestDate ?? '')) Object.assign(sum, { latestType: edge.latestType, latestFamily: edge.latestFamily, latestDate: edge.latestDate });
    }
  }
  const aggregated = [...between.values()].sort(byWeight);
  if (aggregated.length > bounds.maxEdges) answer.truncated = true;
  for (const edge of aggregated.slice(0, bounds.maxEdges)) pushEdge(answer, edge.from, edge.to, edge);
  return answer;
}

function stanceWeights(edges: ViewEdge[]): Map<string, number> {
  const weight = new Map<string, number>();
  for (const e of edges) {
    weight.set(e.source, (weight.get(e.source) ?? 0) + e.stanceCount);
    weight.set(e.target, (weight.get(e.target) ?? 0) + e.stanceCount);
  }
  return weight;
}

type NodeColumns = GraphView['nodes'];
function pushNode(answer: GraphView, node: { [K in keyof NodeColumns]: NodeColumns[K][number] }): void {
  for (const key of Object.keys(node) as (keyof NodeColumns)[]) (answer.nodes[key] as unknown[]).push(node[key]);
}

function pushEdge(answer: GraphView, source: number, target: number, edge: ViewEdge): void {
  const e = answer.edges;
  e.source.push(source);
  e.target.push(target);
  e.relation.push(edge.relation);
  e.stanceCount.push(edge.stanceCount);
  e.latestType.push(edge.latestType as GraphView['edges']['latestType'][number]);
  e.latestFamily.push(edge.latestFamily as GraphView['edges']['latestFamily'][number]);
  e.latestDate.push(edge.latestDate);
}

/**
 * The byte bound: while the JSON is too large, the lighter half of the edges goes (they are
 * heaviest first), then the later half of the nodes with their edges.
 */
export function withinBytes(answer: GraphView, maxBytes: number): GraphView {
  let current = answer;
  while (Buffer.byteLength(JSON.stringify(current)) >= maxBytes) {
    const edgeCount = current.edges.source.length;
    const nodeCount = current.nodes.id.length;
    if (edgeCount === 0 && nodeCount === 0) break;
    current = edgeCount > 0 ? sliceEdges(current, Math.floor(edgeCount / 2)) : sliceNodes(current, Math.floor(nodeCount / 2));
  }
  return current;
}

function sliceEdges(answer: GraphView, keep: number): GraphView {
  const edges = Object.fromEntries(Object.entries(answer.edges).map(([k, v]) => [k, v.slice(0, keep)])) as GraphView['edges'];
  return { ...answer, edges, truncated: true };
}

function sliceNodes(answer: GraphView, keep: number): GraphView {
  const nodes = Object.fromEntries(Object.entries(answer.nodes).map(([k, v]) => [k, v.slice(0, keep)])) as GraphView['nodes'];
  return { ...answer, nodes, truncated: true };
}
