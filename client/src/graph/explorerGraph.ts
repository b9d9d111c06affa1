/**
 * The graphology graph: the single source of truth for what the explorer shows. API data is
 * merged into it; filters only flip each item's `hidden` attribute, so nothing is re-fetched
 * when a filter changes and the layout keeps its positions.
 */
import { MultiDirectedGraph } from 'graphology';
import type { GraphEdge, StanceEdgeAttributes } from '../../../server/contract/common.ts';
import type { GraphResponse } from '../../../server/contract/graph.ts';
import type { GraphView } from '../../../server/contract/graphView.ts';
import { STANCE_TYPES, type NodeType, type StanceType } from '../../../server/contract/model.ts';
import type { Filters } from '../state/explorer.ts';
import { type EdgeFamily, FAMILY_STYLE, nodeSizeForDegree, nodeTypeStyle, type NodeShape } from './encoding.ts';

/** What the graph is built from: an /api/graph answer, or the nodes and edges of a console result. */
export type GraphData = Pick<GraphResponse, 'nodes' | 'edges'>;

export interface NodeAttributes {
  label: string;
  nodeType: string;
  x: number;
  y: number;
  size: number;
  color: string;
  shape: NodeShape;
  hidden: boolean;
  /** Dated nodes (events, documents) are hidden before their date on the time slider. */
  date: string | null;
  /**
   * For an undated position or delegation: the first date the graph shows it existed (its
   * earliest stance, event or related position), so an early "as of" hides it too.
   */
  knownSince: string | null;
  aliases: string[];
  /** For a cluster of a clustered view: how many entities it stands for; null for an entity. */
  members: number | null;
  data: Record<string, unknown>;
}

export interface EdgeAttributes {
  edgeType: string;
  family: EdgeFamily;
  color: string;
  size: number;
  hidden: boolean;
  /** Stances are hidden after the time slider's date; an aggregated edge carries its latest stance's. */
  date: string | null;
  /** How many stances the edge stands for: 1 for a stance, the count for an aggregated edge, 0 otherwise. */
  stanceCount: number;
  /** The edge's attributes as the server sent them; for a stance, its StanceEdgeAttributes. */
  data: GraphEdge['attributes'];
}

export interface GraphAttributes {
  /**
   * Every date the unfiltered graph carries (stances, events, documents), oldest first: the time
   * slider's stops. Kept apart from the edges because a filtered recount replaces those with
   * fewer, later-capped dates, and the slider must keep its stops whatever it filters.
   */
  timeline?: string[];
}

export type ExplorerGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export function createExplorerGraph(): ExplorerGraph {
  return new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
}

/** Adds dates to the time slider's stops. */
function recordTimeline(graph: ExplorerGraph, dates: Iterable<string | null | undefined>): void {
  const known = new Set(graph.getAttribute('timeline') ?? []);
  const size = known.size;
  for (const date of dates) if (date) known.add(date);
  if (known.size !== size || !graph.hasAttribute('timeline')) graph.setAttribute('timeline', [...known].sort());
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/**
 * Each node's neighbours in an API answer, in edge order. Built once per merge, so placing the
 * new nodes stays linear in the size of the answer (a search per node was quadratic).
 */
function neighboursById(data: { edges: readonly { source: string; target: string }[] }): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const list = neighbours.get(from);
    if (list) list.push(to);
    else neighbours.set(from, [to]);
  };
  for (const edge of data.edges) {
    add(edge.source, edge.target);
    add(edge.target, edge.source);
  }
  return neighbours;
}

/** A spot for a new node: next to an already placed neighbour, else somewhere on a disc. */
function initialPosition(graph: ExplorerGraph, neighbours: string[] | undefined): { x: number; y: number } {
  const anchorId = neighbours?.find((id) => graph.hasNode(id));
  const angle = Math.random() * 2 * Math.PI;
  if (anchorId) {
    const anchor = graph.getNodeAttributes(anchorId);
    return { x: anchor.x + Math.cos(angle) * 5, y: anchor.y + Math.sin(angle) * 5 };
  }
  const radius = 100 * Math.sqrt(Math.random());
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

/** Adds what is new and refreshes what is known; returns the ids of nodes that were added. */
export function mergeGraphData(graph: ExplorerGraph, data: GraphData): string[] {
  const added: string[] = [];
  const neighbours = neighboursById(data);
  for (const node of data.nodes) {
    const style = nodeTypeStyle(node.type);
    const common = {
      label: node.label,
      nodeType: node.type,
      color: style.color,
      shape: style.shape,
      date: text(node.attributes.date),
      aliases: Array.isArray(node.attributes.aliases) ? node.attributes.aliases.filter((a): a is string => typeof a === 'string') : [],
    };
    if (graph.hasNode(node.id)) {
      graph.mergeNodeAttributes(node.id, { ...common, data: { ...graph.getNodeAttribute(node.id, 'data'), ...node.attributes } });
    } else {
      graph.addNode(node.id, { ...common, ...initialPosition(graph, neighbours.get(node.id)), size: 4, hidden: false, knownSince: null, members: null, data: node.attributes });
      added.push(node.id);
    }
  }
  for (const edge of data.edges) {
    if (graph.hasEdge(edge.id) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    const family = edgeFamily(edge.type);
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
      edgeType: edge.type,
      family,
      color: FAMILY_STYLE[family].color,
      size: family === 'structure' ? 1 : 2,
      hidden: false,
      date: text(edge.attributes.date),
      stanceCount: family === 'structure' ? 0 : 1,
      data: edge.attributes,
    });
  }
  sizeNodes(graph);
  assignKnownSince(graph);
  recordTimeline(graph, [...data.nodes.map((n) => text(n.attributes.date)), ...data.edges.map((e) => text(e.attributes.date))]);
  return added;
}

/** The relation of a graph view's edge that stands for all the stances of one actor on one target. */
const AGGREGATED_RELATION = 'STANCES';
/** The node type of a graph view's cluster. */
export const CLUSTER_TYPE = 'Cluster';

/** A cluster grows with the area its members would take; an entity with its connections. */
function sizeNodes(graph: ExplorerGraph): void {
  graph.forEachNode((node, { members }) => graph.setNodeAttribute(node, 'size', members === null ? nodeSizeForDegree(graph.degree(node)) : Math.min(40, 6 + 2 * Math.sqrt(members))));
}

/** An aggregated edge thickens with the number of stances it stands for, slowly. */
function aggregatedEdgeSize(stanceCount: number): number {
  return Math.min(8, 1.5 + 1.5 * Math.log2(Math.max(1, stanceCount)));
}

/**
 * Adds a graph view (its columns: node i is element i of every node column, edge j of every edge
 * column) to the graph, at the positions the server stored; a node the stored layout does not
 * know yet starts next to a neighbour. Returns the ids of nodes that were added.
 */
export function mergeGraphView(graph: ExplorerGraph, view: GraphView, { filtered = false }: { filtered?: boolean } = {}): string[] {
  const { nodes, edges } = view;
  const added: string[] = [];
  const neighbours = neighboursById({ edges: edges.source.map((from, j) => ({ source: nodes.id[from]!, target: nodes.id[edges.target[j]!]! })) });
  const unplaced: number[] = [];
  nodes.id.forEach((id, i) => {
    const type = nodes.type[i]!;
    const style = nodeTypeStyle(type);
    const members = type === CLUSTER_TYPE ? nodes.size[i]! : null;
    const common = { label: nodes.label[i]!, nodeType: type, color: style.color, shape: style.shape, members };
    const [x, y] = [nodes.x[i], nodes.y[i]];
    if (graph.hasNode(id)) graph.mergeNodeAttributes(id, { ...common, ...(x != null && y != null ? { x, y } : {}) });
    else {
      graph.addNode(id, { ...common, x: x ?? 0, y: y ?? 0, size: 4, hidden: false, date: nodes.date[i] ?? null, knownSince: null, aliases: [], data: { cluster: nodes.cluster[i] } });
      added.push(id);
      if (x == null || y == null) unplaced.push(i);
    }
  });
  // Placed once every stored position is in, so a new node can sit next to a stored neighbour.
  for (const i of unplaced) graph.mergeNodeAttributes(nodes.id[i]!, initialPosition(graph, neighbours.get(nodes.id[i]!)?.filter((n) => n !== nodes.id[i])));
  edges.source.forEach((from, j) => {
    const [source, target, relation] = [nodes.id[from]!, nodes.id[edges.target[j]!]!, edges.relation[j]!];
    const stanceCount = edges.stanceCount[j]!;
    const family: EdgeFamily = relation === AGGREGATED_RELATION ? (edges.latestFamily[j] ?? 'other') : 'structure';
    const attributes = {
      edgeType: relation,
      family,
      color: FAMILY_STYLE[family].color,
      size: relation === AGGREGATED_RELATION ? aggregatedEdgeSize(stanceCount) : 1,
      hidden: false,
      date: edges.latestDate[j] ?? null,
      stanceCount,
      data: { latestType: edges.latestType[j] ?? null },
    };
    const key = `${source}|${relation}|${target}`;
    if (graph.hasEdge(key)) graph.mergeEdgeAttributes(key, attributes);
    else graph.addDirectedEdgeWithKey(key, source, target, attributes);
  });
  sizeNodes(graph);
  assignKnownSince(graph);
  // A filtered answer caps its dates by the filter: the stops come from unfiltered answers only.
  if (!filtered) recordTimeline(graph, [...nodes.date, ...edges.latestDate]);
  return added;
}

/**
 * The graph view again under other stance filters: its aggregated edges replace the old ones (their
 * counts depend on which stances are counted); nodes stay where they are.
 */
export function replaceAggregatedEdges(graph: ExplorerGraph, view: GraphView): void {
  // When a node is known from is read from the whole view: a filtered one would forget it.
  const knownSince = new Map(graph.mapNodes((node, attributes) => [node, attributes.knownSince] as const));
  graph.filterEdges((_e, attributes) => isAggregatedEdge(attributes)).forEach((edge) => graph.dropEdge(edge));
  mergeGraphView(graph, view, { filtered: true });
  for (const [node, since] of knownSince) if (graph.hasNode(node)) graph.setNodeAttribute(node, 'knownSince', since);
}

export function isAggregatedEdge(attributes: EdgeAttributes): boolean {
  return attributes.edgeType === AGGREGATED_RELATION;
}

/** The type of the latest stance behind an aggregated edge, as the graph view sent it. */
export function latestStanceType(attributes: EdgeAttributes): StanceType | null {
  const type = (attributes.data as { latestType?: unknown }).latestType;
  return typeof type === 'string' && type in STANCE_TYPES ? (type as StanceType) : null;
}

/** Undated nodes that only exist from some point on: a position once proposed, a delegation once it meets. */
const DATED_BY_CONNECTIONS = new Set(['Position', 'Delegation']);

function earliest(dates: (string | null)[]): string | null {
  return dates.reduce<string | null>((min, d) => (d && (!min || d < min) ? d : min), null);
}

/**
 * Dates each undated position and delegation by its earliest dated edge or neighbour; a second
 * pass reaches positions known only through another position (the negotiators' agreement the
 * summit depends on).
 */
function assignKnownSince(graph: ExplorerGraph): void {
  const undated = graph.filterNodes((_n, a) => !a.date && DATED_BY_CONNECTIONS.has(a.nodeType));
  for (const pass of [0, 1]) {
    for (const node of undated) {
      const dates: (string | null)[] = [];
      graph.forEachEdge(node, (_e, edge, source, _t, sourceAttributes, targetAttributes) => {
        const other = source === node ? targetAttributes : sourceAttributes;
        dates.push(edge.date, other.date, pass === 1 ? other.knownSince : null);
      });
      const since = earliest(dates);
      if (since !== graph.getNodeAttribute(node, 'knownSince')) graph.setNodeAttribute(node, 'knownSince', since);
    }
  }
}

/** A stance edge is drawn in its stance family's colour; every other relationship is structure. */
function edgeFamily(type: string): EdgeFamily {
  return type in STANCE_TYPES ? STANCE_TYPES[type as StanceType].family : 'structure';
}

export function isStanceEdge(attributes: EdgeAttributes): boolean {
  return attributes.edgeType in STANCE_TYPES;
}

/** The stance behind an edge, as the server described it; null for a structural relationship. */
export function stanceOf(attributes: EdgeAttributes): StanceEdgeAttributes | null {
  return isStanceEdge(attributes) ? (attributes.data as StanceEdgeAttributes) : null;
}

/**
 * Flips `hidden` on every node and edge to match the filters. Items are updated one by one and
 * only when their value changes: sigma 4 answers a bulk `updateEach…` with a partial repaint
 * that throws for edges it has not indexed yet (right after a merge).
 */
export function applyFilters(graph: ExplorerGraph, filters: Filters): void {
  const nodeTypes = new Set<string>(filters.nodeTypes);
  const stanceTypes = new Set<string>(filters.stanceTypes);
  const after = (date: string | null) => filters.asOf !== null && date !== null && date > filters.asOf;
  graph.forEachNode((node, attributes) => {
    // A cluster holds nodes of every type: the type filters apply to its members once it is opened.
    const typeHidden = attributes.members === null && !nodeTypes.has(attributes.nodeType as NodeType);
    const hidden = typeHidden || after(attributes.date ?? attributes.knownSince);
    if (hidden !== attributes.hidden) graph.setNodeAttribute(node, 'hidden', hidden);
  });
  graph.forEachEdge((edge, attributes) => {
    const hidden = (isStanceEdge(attributes) && !stanceTypes.has(attributes.edgeType as StanceType)) || after(attributes.date);
    if (hidden !== attributes.hidden) graph.setEdgeAttribute(edge, 'hidden', hidden);
  });
}

/**
 * Every distinct date the unfiltered graph carries on a stance or dated node, oldest first: the
 * time slider's stops. They never depend on the filters, so the slider's range stays put and
 * every date stays reachable whatever is shown.
 */
export function timelineDates(graph: ExplorerGraph): string[] {
  return graph.getAttribute('timeline') ?? [];
}

/** How much of the loaded graph the filters show. */
export interface GraphCounts {
  nodes: number;
  edges: number;
  shownNodes: number;
  shownEdges: number;
}

export function graphCounts(graph: ExplorerGraph): GraphCounts {
  return {
    nodes: graph.order,
    edges: graph.size,
    shownNodes: graph.filterNodes((_n, a) => !a.hidden).length,
    shownEdges: graph.filterEdges((e) => isVisibleEdge(graph, e)).length,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The status bar's line: what is shown, and of how much, when the filters hide some of it. */
export function describeCounts({ nodes, edges, shownNodes, shownEdges }: GraphCounts): string {
  const loaded = `${plural(nodes, 'node', 'nodes')} and ${plural(edges, 'relationship', 'relationships')}`;
  if (shownNodes === nodes && shownEdges === edges) return `${loaded} loaded, all shown.`;
  return `${plural(shownNodes, 'node', 'nodes')} and ${plural(shownEdges, 'relationship', 'relationships')} shown, of ${loaded} loaded.`;
}

/** Places nodes that have no placed neighbour evenly on a ring just outside the drawn graph, in id order. */
export function placeOnRing(graph: ExplorerGraph, nodes: readonly string[]): void {
  const others = graph.filterNodes((n) => !nodes.includes(n));
  if (!nodes.length) return;
  const xs = others.map((n) => graph.getNodeAttribute(n, 'x'));
  const ys = others.map((n) => graph.getNodeAttribute(n, 'y'));
  const [cx, cy] = xs.length ? [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2] : [0, 0];
  const radius = xs.length ? Math.max(10, ...others.map((n, i) => Math.hypot(xs[i]! - cx, ys[i]! - cy))) * 1.15 : 100;
  [...nodes].sort().forEach((node, i, all) => {
    const angle = (2 * Math.PI * i) / all.length;
    graph.mergeNodeAttributes(node, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) });
  });
}

export function isVisibleEdge(graph: ExplorerGraph, edge: string): boolean {
  return !graph.getEdgeAttribute(edge, 'hidden') && !graph.getNodeAttribute(graph.source(edge), 'hidden') && !graph.getNodeAttribute(graph.target(edge), 'hidden');
}

/** The layout community a node belongs to (its `cluster` from the graph view), if any. */
export function communityOf(graph: ExplorerGraph, node: string): number | null {
  const cluster = graph.hasNode(node) ? graph.getNodeAttribute(node, 'data').cluster : null;
  return typeof cluster === 'number' ? cluster : null;
}

/**
 * A layout community as readers call it: after its most connected member in the graph (ties by
 * name), "Russia cluster", never its number.
 */
export function communityName(graph: ExplorerGraph, community: number): string | null {
  let lead: { label: string; degree: number } | null = null;
  graph.forEachNode((node, attributes) => {
    if (attributes.members !== null || communityOf(graph, node) !== community) return;
    const degree = graph.degree(node);
    if (!lead || degree > lead.degree || (degree === lead.degree && attributes.label.localeCompare(lead.label) < 0)) lead = { label: attributes.label, degree };
  });
  return lead ? `${(lead as { label: string }).label} cluster` : null;
}
