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
import {
  type ActorLoadRow,
  type ClusterEdgeRow,
  readAggregatedStanceEdges,
  readClusterStanceEdges,
  readStanceActors,
  readStructuralEdges,
  readViewNodes,
  type StanceFilterRow,
  type ViewNodeRow,
} from './data.ts';
import { readStances } from '../../core/stancesData.ts';
import { readNodesById } from '../../core/nodesData.ts';
import { NotFoundError } from '../../errors.ts';
import { STANCE_TYPE_NAMES } from '../../contract/model.ts';
import type { EdgeStances, GraphView, GraphViewQuery } from '../../contract/graphView.ts';
import { GRAPH_VIEW_EXTRAS } from '../../contract/graphView.ts';
import { STANCES_RELATION, type ViewEdge, stanceEdge, structuralEdge } from './graphLayout.ts';
import type { GraphLayoutKeeper, LaidOutView, Placement, StoredLayout } from './layoutKeeper.ts';

interface ViewBounds {
  /** Above this many nodes the view opens as clusters. */
  nodeBudget: number;
  maxEdges: number;
  maxBytes: number;
}

type Extra = (typeof GRAPH_VIEW_EXTRAS)[number];
const EXTRA_OF_TYPE: Record<string, Extra> = { Place: 'places', Document: 'documents', Event: 'events' };

/**
 * Actors are read in chunks of about this many stances: one read transaction then aggregates a
 * bounded share of a large world (a million stances at once pass Neo4j's per-transaction memory).
 */
const STANCES_PER_READ = 50_000;

/** Actors packed in order into chunks of at most `maxStances` stances (an actor with more has a chunk of its own). */
export function chunkActors(actors: readonly ActorLoadRow[], maxStances: number): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let load = 0;
  for (const actor of actors) {
    if (current.length > 0 && load + actor.stances > maxStances) {
      chunks.push(current);
      current = [];
      load = 0;
    }
    current.push(actor.id);
    load += actor.stances;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The aggregated actor → target edges, read chunk by chunk and handed over one chunk at a time:
 * of every actor (`among` null), or among the given nodes only (a cluster, the best-connected).
 */
export async function forEachStanceEdgeChunk(
  db: Database,
  filter: StanceFilterRow,
  among: readonly string[] | null,
  take: (edges: ViewEdge[]) => void,
  stancesPerRead = STANCES_PER_READ,
): Promise<void> {
  for (const actors of chunkActors(await readStanceActors(db, among), stancesPerRead)) {
    take((await readAggregatedStanceEdges(db, filter, actors, among)).map(stanceEdge));
  }
}

/** The edges among the given nodes: their aggregated stances and structural relationships. */
async function readEdgesAmong(db: Database, filter: StanceFilterRow, ids: readonly string[], structural?: readonly ViewEdge[]): Promise<ViewEdge[]> {
  const edges: ViewEdge[] = [];
  await forEachStanceEdgeChunk(db, filter, ids, (chunk) => edges.push(...chunk));
  const members = new Set(ids);
  for (const edge of structural ?? (await readStructuralEdges(db)).map(structuralEdge)) {
    if (members.has(edge.source) && members.has(edge.target)) edges.push(edge);
  }
  return edges;
}

/** Stances aggregated per community → community of a placement (the clustered view), all actors in chunks. */
export async function readClusterEdges(db: Database, filter: StanceFilterRow, placement: Placement, stancesPerRead = STANCES_PER_READ): Promise<ClusterEdgeRow[]> {
  const communityOf = Object.fromEntries([...placement].map(([id, place]) => [id, place.community]));
  const sums = new Map<string, ClusterEdgeRow>();
  for (const actors of chunkActors(await readStanceActors(db, null), stancesPerRead)) {
    for (const row of await readClusterStanceEdges(db, filter, actors, communityOf)) addClusterEdge(sums, row);
  }
  return sortedClusterEdges(sums);
}

/** The stances between communities of a placement, summed from actor → target edges held in memory. */
export function clusterEdgesOf(edges: readonly ViewEdge[], placement: Placement): ClusterEdgeRow[] {
  const sums = new Map<string, ClusterEdgeRow>();
  for (const edge of edges) {
    const source = placement.get(edge.source)?.community;
    const target = placement.get(edge.target)?.community;
    if (edge.relation !== STANCES_RELATION || source === undefined || target === undefined || source === target) continue;
    addClusterEdge(sums, { source, target, stanceCount: edge.stanceCount, latestType: edge.latestType!, latestFamily: edge.latestFamily!, latestDate: edge.latestDate!, latestStance: edge.latestStance! });
  }
  return sortedClusterEdges(sums);
}

const sortedClusterEdges = (sums: Map<string, ClusterEdgeRow>) => [...sums.values()].sort((a, b) => a.source - b.source || a.target - b.target);

/** Adds one community → community row into the sums: counts add up, the latest stance wins (latest date, then highest id, as each row's own). */
function addClusterEdge(sums: Map<string, ClusterEdgeRow>, row: ClusterEdgeRow): void {
  const key = `${row.source}>${row.target}`;
  const sum = sums.get(key);
  if (!sum) sums.set(key, { ...row });
  else {
    sum.stanceCount += row.stanceCount;
    const later = row.latestDate > sum.latestDate || (row.latestDate === sum.latestDate && row.latestStance > sum.latestStance);
    if (later) Object.assign(sum, { latestType: row.latestType, latestFamily: row.latestFamily, latestDate: row.latestDate, latestStance: row.latestStance });
  }
}

/** Every stance type, at any date, from every source. */
export const UNFILTERED: StanceFilterRow = { stanceTypes: STANCE_TYPE_NAMES, asOf: null, sources: null };

/**
 * The first answer of the explorer. Without filters it is composed once per stored layout and
 * served from memory; with filters (or when the stored layout lacks what the answer needs) the
 * stances are aggregated live, in chunks, and placed by the stored layout. A live answer depends
 * on the graph, the filter and the sources' grades (the admissible sources, in the key): while
 * the layout is current the graph has not changed, so the answer is kept with the layout and the
 * same filter asked again (a million stances take seconds to read) is served from memory.
 */
export async function viewGraph(db: Database, keeper: GraphLayoutKeeper, query: GraphViewQuery, bounds: ViewBounds): Promise<GraphView> {
  const include = [...(query.include ?? [])].sort();
  const filtered = query.stanceTypes !== undefined || query.asOf !== undefined || isGradeFilterSet(query);
  const { layout, stale } = await keeper.current();
  if (layout && !filtered) {
    // Composed (or found unservable) once per layout and include, not on every request.
    const composed = keeper.memoized(layout, include.join(','), () =>
      servesFromMemory(layout, include, bounds) ? composeView(inputOf(layout.view), layout.placement, include, bounds, status(layout, false)) : null,
    );
    if (composed) return { ...composed, layout: status(layout, stale) };
  }
  const filter: StanceFilterRow = { stanceTypes: query.stanceTypes ?? STANCE_TYPE_NAMES, asOf: query.asOf ?? null, sources: await admissibleSources(db, query) };
  if (layout && !stale) return keeper.memoized(layout, JSON.stringify([include, filter]), () => liveView(db, layout, filter, include, bounds, status(layout, false)));
  return liveView(db, layout, filter, include, bounds, status(layout, true));
}

async function liveView(db: Database, layout: StoredLayout | null, filter: StanceFilterRow, include: readonly string[], bounds: ViewBounds, answerStatus: GraphView['layout']): Promise<GraphView> {
  const nodes = (await readViewNodes(db, filter.asOf)).filter((n) => isVisible(n, include));
  if (layout && nodes.length > bounds.nodeBudget) {
    const clusterEdges = await readClusterEdges(db, filter, layout.placement);
    return composeView({ nodes, edges: [], clusterEdges }, layout.placement, include, bounds, answerStatus);
  }
  // Within the budget, or over it with no layout yet: the best-connected nodes and the edges among them.
  const kept = strongest(nodes, bounds.nodeBudget);
  const edges = await readEdgesAmong(db, filter, kept.map((n) => n.id));
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
