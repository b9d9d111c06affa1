/**
 * The graph view: actors and positions (and the events stances target), one edge per actor →
 * target standing for all its stances, placed where the stored layout put them. Over the node
 * budget the view opens as the layout's communities, each a cluster node sized by its members,
 * joined by the stances between them; one cluster expands into its members. Every answer is
 * bounded in nodes, edges and bytes and sent as columns.
 */
import { admissibleSources, isGradeFilterSet } from '../../core/grading.ts';
import type { Database } from '../../db/database.ts';
import { withCorroboration } from '../analysis/analysis.ts';
import { type ClusterEdgeRow, readNegotiationStanceEdges, readStructuralEdges, readViewNodes, type StanceFilterRow, type ViewNodeRow } from './data.ts';
import { readClusterEdges, readEdgesAmong, UNFILTERED } from './stanceEdges.ts';
import { readStances } from '../../core/stancesData.ts';
import { readNodesById } from '../../core/nodesData.ts';
import { NotFoundError } from '../../errors.ts';
import { scopedRead } from '../../core/negotiations.ts';
import { STANCE_TYPE_NAMES } from '../../contract/model.ts';
import type { EdgeStances, GraphView, GraphViewQuery } from '../../contract/graphView.ts';
import { GRAPH_VIEW_EXTRAS } from '../../contract/graphView.ts';
import { type Placement, STANCES_RELATION, structuralEdge, type ViewEdge } from './graphLayout.ts';
import type { GraphLayoutKeeper, LaidOutView, StoredLayout } from './layoutKeeper.ts';

interface ViewBounds {
  /** Above this many nodes the view opens as clusters. */
  nodeBudget: number;
  maxEdges: number;
  maxBytes: number;
}

type Extra = (typeof GRAPH_VIEW_EXTRAS)[number];
const EXTRA_OF_TYPE: Record<string, Extra> = { Place: 'places', Document: 'documents', Event: 'events' };

/**
 * The first answer of the explorer. Without filters it is composed once per stored layout and
 * served from memory; with filters (or when the stored layout lacks what the answer needs) the
 * stances are aggregated live, in chunks, and placed by the stored layout. A live answer depends
 * on the graph, the filter and the sources' grades (the admissible sources, in the key): while
 * the layout is current the graph has not changed, so the answer is kept with the layout and the
 * same filter asked again (a million stances take seconds to read) is served from memory.
 */
export async function viewGraph(db: Database, keeper: GraphLayoutKeeper, query: GraphViewQuery, bounds: ViewBounds): Promise<GraphView> {
  // Scoped, the negotiation is checked only when the answer does not show it (`scopedRead`): a view
  // read from it, or kept with the layout after such a read, holds its nodes.
  const [, view] = await scopedRead(db, query.negotiation, (negotiation) => viewIn(db, keeper, query, negotiation, bounds), (answer) => answer.totals.nodes > 0);
  return view;
}

async function viewIn(db: Database, keeper: GraphLayoutKeeper, query: GraphViewQuery, negotiation: string | null, bounds: ViewBounds): Promise<GraphView> {
  const include = [...(query.include ?? [])].sort();
  const { layout, stale } = await keeper.current();
  const filtered = query.stanceTypes !== undefined || query.asOf !== undefined || isGradeFilterSet(query) || negotiation !== null;
  if (layout && !filtered) {
    // Composed (or found unservable) once per layout and include, not on every request.
    const composed = keeper.memoized(layout, include.join(','), () =>
      servesFromMemory(layout, include, bounds) ? composeView(inputOf(layout.view), layout.placement, include, bounds, status(layout, false)) : null,
    );
    if (composed) return { ...composed, layout: status(layout, stale) };
  }
  const filter: StanceFilterRow = { stanceTypes: query.stanceTypes ?? STANCE_TYPE_NAMES, asOf: query.asOf ?? null, sources: await admissibleSources(db, query), negotiation };
  if (layout && !stale) return keeper.memoized(layout, JSON.stringify([include, filter]), () => liveView(db, layout, filter, include, bounds, status(layout, false)));
  return liveView(db, layout, filter, include, bounds, status(layout, true));
}

async function liveView(db: Database, layout: StoredLayout | null, filter: StanceFilterRow, include: readonly string[], bounds: ViewBounds, answerStatus: GraphView['layout']): Promise<GraphView> {
  // Scoped, the negotiation's stances are read once, from it: their ends are its actors and
  // targets, and their edges all the stance edges the view can draw (bench suite negotiations).
  const scoped = filter.negotiation === null ? null : await readNegotiationStanceEdges(db, { ...filter, negotiation: filter.negotiation });
  const ends = scoped && [...new Set(scoped.flatMap((row) => [row.source, row.target]))];
  const nodes = (await readViewNodes(db, filter.asOf, filter.negotiation, ends)).filter((n) => isVisible(n, include));
  if (layout && nodes.length > bounds.nodeBudget) {
    const clusterEdges = await readClusterEdges(db, filter, layout.placement);
    return composeView({ nodes, edges: [], clusterEdges }, layout.placement, include, bounds, answerStatus);
  }
  // Within the budget, or over it with no layout yet: the best-connected nodes and the edges among them.
  const kept = strongest(nodes, bounds.nodeBudget);
  const edges = scoped
    ? [...scoped.filter((row) => row.stanceCount > 0).map((row) => ({ ...row, relation: STANCES_RELATION })), ...(await readStructuralEdges(db, kept.map((n) => n.id))).map(structuralEdge)]
    : await readEdgesAmong(db, filter, kept.map((n) => n.id));
  return composeView({ nodes: kept, edges, clusterEdges: null }, layout?.placement ?? null, include, bounds, answerStatus, { cluster: false, totalNodes: nodes.length });
}

/** A stored layout answers an unfiltered request when it holds the edges that answer needs. */
function servesFromMemory(layout: StoredLayout, include: readonly string[], bounds: ViewBounds): boolean {
  const visible = layout.view.nodes.filter((n) => isVisible(n, include)).length;
  return visible > bounds.nodeBudget ? layout.view.clusterEdges !== null : layout.view.stanceEdges !== null;
}

function inputOf(view: LaidOutView): ViewInput {
  return { nodes: view.nodes, edges: [...(view.stanceEdges ?? []), ...view.structuralEdges], clusterEdges: view.clusterEdges };
}

/** One cluster of the stored layout, as entities: its best-connected members and the edges among them. */
export async function expandCluster(db: Database, keeper: GraphLayoutKeeper, clusterId: string, include: Extra[], bounds: ViewBounds): Promise<GraphView> {
  const { layout, stale } = await keeper.current();
  const community = Number(clusterId.slice('cluster:'.length));
  const members = layout?.view.nodes.filter((n) => layout.placement.get(n.id)?.community === community && isVisible(n, include)) ?? [];
  if (!layout || members.length === 0) throw new NotFoundError(`No cluster with id ${clusterId} in the current layout`);
  // A cluster never opens as clusters again: past the budget its best-connected members are kept.
  const kept = strongest(members, bounds.nodeBudget);
  const edges = await readEdgesAmong(db, UNFILTERED, kept.map((n) => n.id), layout.view.structuralEdges);
  return composeView({ nodes: kept, edges, clusterEdges: null }, layout.placement, include, bounds, status(layout, stale), { cluster: false, totalNodes: members.length });
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

/** What one answer is composed from: nodes, the edges among them, and (clustered) the edges between communities. */
export interface ViewInput {
  nodes: ViewNodeRow[];
  edges: ViewEdge[];
  clusterEdges: ClusterEdgeRow[] | null;
}

/** The best-connected nodes (most stances), at most `budget`, in their given order. */
function strongest(nodes: ViewNodeRow[], budget: number): ViewNodeRow[] {
  if (nodes.length <= budget) return nodes;
  const kept = new Set([...nodes].sort((a, b) => b.stances - a.stances || a.id.localeCompare(b.id)).slice(0, budget).map((n) => n.id));
  return nodes.filter((n) => kept.has(n.id));
}

/**
 * The view as columns, within the bounds: entities when they fit the node budget, otherwise the
 * layout's communities as clusters (or, with no layout yet, the best-connected entities).
 */
export function composeView(
  input: ViewInput,
  placement: Placement | null,
  include: readonly string[],
  bounds: ViewBounds,
  layout: GraphView['layout'],
  { cluster = true, totalNodes }: { cluster?: boolean; totalNodes?: number } = {},
): GraphView {
  const nodes = input.nodes.filter((n) => isVisible(n, include));
  const total = totalNodes ?? nodes.length;
  const answer =
    nodes.length > bounds.nodeBudget && placement && cluster && input.clusterEdges
      ? clusterView(nodes, input.clusterEdges, placement, bounds, layout)
      : entityView(strongest(nodes, bounds.nodeBudget), input.edges, placement, bounds, layout);
  answer.totals.nodes = total;
  if (total > nodes.length || (answer.mode === 'entities' && answer.nodes.id.length < nodes.length)) answer.truncated = true;
  return withinBytes(answer, bounds.maxBytes);
}

function emptyColumns(): Pick<GraphView, 'nodes' | 'edges'> {
  return {
    nodes: { id: [], label: [], type: [], size: [], cluster: [], x: [], y: [], date: [] },
    edges: { source: [], target: [], relation: [], stanceCount: [], latestType: [], latestFamily: [], latestDate: [] },
  };
}

/** Heaviest first (most stances), so a cut keeps what matters most; ties keep the graph's order. */
const byWeight = (a: { stanceCount: number }, b: { stanceCount: number }) => b.stanceCount - a.stanceCount;

function entityView(nodes: ViewNodeRow[], allEdges: ViewEdge[], placement: Placement | null, bounds: ViewBounds, layout: GraphView['layout']): GraphView {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const among = allEdges.filter((e) => index.has(e.source) && index.has(e.target));
  const edges = among.length > bounds.maxEdges ? [...among].sort(byWeight).slice(0, bounds.maxEdges) : among;
  const answer: GraphView = { mode: 'entities', ...emptyColumns(), layout, totals: { nodes: nodes.length, edges: among.length }, truncated: edges.length < among.length };
  for (const node of nodes) {
    const place = placement?.get(node.id);
    pushNode(answer, { id: node.id, label: node.label, type: node.type, size: 1, cluster: place?.community ?? null, x: place?.x ?? null, y: place?.y ?? null, date: node.date });
  }
  for (const edge of edges) pushEdge(answer, index.get(edge.source)!, index.get(edge.target)!, edge);
  return answer;
}

function clusterView(nodes: ViewNodeRow[], clusterEdges: ClusterEdgeRow[], placement: Placement, bounds: ViewBounds, layout: GraphView['layout']): GraphView {
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
  const between = clusterEdges.filter((e) => index.has(e.source) && index.has(e.target)).sort(byWeight);
  const answer: GraphView = { mode: 'clusters', ...emptyColumns(), layout, totals: { nodes: nodes.length, edges: between.length }, truncated: kept.length < ranked.length };
  for (const [community, { members, x, y }] of kept) {
    const lead = members.reduce((best, n) => (n.stances > best.stances ? n : best));
    const label = members.length === 1 ? lead.label : `${lead.label} and ${members.length - 1} more`;
    const round = (v: number) => Math.round((v / members.length) * 10) / 10;
    pushNode(answer, { id: `cluster:${community}`, label, type: 'Cluster', size: members.length, cluster: community, x: round(x), y: round(y), date: null });
  }
  if (between.length > bounds.maxEdges) answer.truncated = true;
  for (const edge of between.slice(0, bounds.maxEdges)) pushEdge(answer, index.get(edge.source)!, index.get(edge.target)!, { ...edge, relation: STANCES_RELATION });
  return answer;
}

type NodeColumns = GraphView['nodes'];
function pushNode(answer: GraphView, node: { [K in keyof NodeColumns]: NodeColumns[K][number] }): void {
  for (const key of Object.keys(node) as (keyof NodeColumns)[]) (answer.nodes[key] as unknown[]).push(node[key]);
}

function pushEdge(answer: GraphView, source: number, target: number, edge: Omit<ViewEdge, 'source' | 'target'>): void {
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
function withinBytes(answer: GraphView, maxBytes: number): GraphView {
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
