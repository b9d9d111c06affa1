/**
 * The graphology graph: the single source of truth for what the explorer shows. API data is
 * merged into it; filters only flip each item's `hidden` attribute, so nothing is re-fetched
 * when a filter changes and the layout keeps its positions.
 */
import { MultiDirectedGraph } from 'graphology';
import type { GraphEdge, GraphResponse, StanceEdgeAttributes } from '../../../server/contract/api.ts';
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
  aliases: string[];
  data: Record<string, unknown>;
}

export interface EdgeAttributes {
  edgeType: string;
  family: EdgeFamily;
  color: string;
  size: number;
  hidden: boolean;
  /** Stances are hidden after the time slider's date. */
  date: string | null;
  /** The edge's attributes as the server sent them; for a stance, its StanceEdgeAttributes. */
  data: GraphEdge['attributes'];
}

export type ExplorerGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export function createExplorerGraph(): ExplorerGraph {
  return new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/**
 * Each node's neighbours in an API answer, in edge order. Built once per merge, so placing the
 * new nodes stays linear in the size of the answer (a search per node was quadratic).
 */
function neighboursById(data: GraphData): Map<string, string[]> {
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
      graph.addNode(node.id, { ...common, ...initialPosition(graph, neighbours.get(node.id)), size: 4, hidden: false, data: node.attributes });
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
      data: edge.attributes,
    });
  }
  graph.forEachNode((node) => graph.setNodeAttribute(node, 'size', nodeSizeForDegree(graph.degree(node))));
  return added;
}

/** A stance edge is drawn in its stance family's colour; every other relationship is structure. */
export function edgeFamily(type: string): EdgeFamily {
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
    const hidden = !nodeTypes.has(attributes.nodeType as NodeType) || after(attributes.date);
    if (hidden !== attributes.hidden) graph.setNodeAttribute(node, 'hidden', hidden);
  });
  graph.forEachEdge((edge, attributes) => {
    const hidden = (isStanceEdge(attributes) && !stanceTypes.has(attributes.edgeType as StanceType)) || after(attributes.date);
    if (hidden !== attributes.hidden) graph.setEdgeAttribute(edge, 'hidden', hidden);
  });
}

/** Every distinct date carried by a stance or dated node, oldest first: the time slider's stops. */
export function timelineDates(graph: ExplorerGraph): string[] {
  const dates = new Set<string>();
  graph.forEachNode((_node, attributes) => attributes.date && dates.add(attributes.date));
  graph.forEachEdge((_edge, attributes) => attributes.date && dates.add(attributes.date));
  return [...dates].sort();
}

export function isVisibleEdge(graph: ExplorerGraph, edge: string): boolean {
  return !graph.getEdgeAttribute(edge, 'hidden') && !graph.getNodeAttribute(graph.source(edge), 'hidden') && !graph.getNodeAttribute(graph.target(edge), 'hidden');
}
