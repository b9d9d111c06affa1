/**
 * Exports of the visual graph (same filters as /api/graph) in files Gephi and NetworkX open:
 * - json: the /api/graph shape (nodes with id/key, edges with source/target), streamed;
 *   NetworkX reads it with `node_link_graph(data, edges="edges")`, graphology with `import`.
 * - gexf: graphology-gexf's writer (GEXF 1.3 with its viz namespace): every node has a
 *   position, colour and size, every edge its family's colour, so Gephi opens it drawn.
 * - graphml: written with xmlbuilder2 (graphology-graphml 0.5 only parses).
 * - csv: one table per request, `part=edges` (default) or `part=nodes`, written with
 *   csv-stringify and streamed.
 * Attributes are flattened for the file formats: lists become "a | b", and the evidence list
 * becomes `quotes` (verbatim quotes only) and `summaries` (our own wording, never a quote).
 */
import { MultiDirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { circular } from 'graphology-layout';
import forceAtlas2Module, { type ForceAtlas2SynchronousLayoutParameters } from 'graphology-layout-forceatlas2';
import { stringify } from 'csv-stringify/sync';
import { create } from 'xmlbuilder2';
import type { GraphEdge, GraphNode } from '../../contract/common.ts';
import type { GraphPart } from '../graph/graph.ts';
import { FAMILY_STYLE, type EdgeFamily, nodeSizeForDegree, nodeTypeStyle } from '../../contract/style.ts';

type Flat = Record<string, string | number | boolean>;

function joined(values: unknown[]): string {
  return values.filter((v) => typeof v === 'string' && v !== '').join(' | ');
}

function flatten(attributes: Record<string, unknown>): Flat {
  const out: Flat = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    if (key === 'evidence' && Array.isArray(value)) {
      const evidence = value as Record<string, unknown>[];
      out.quotes = joined(evidence.map((e) => e.quote));
      out.summaries = joined(evidence.map((e) => e.summary));
      out.sources = joined([...new Set(evidence.map((e) => e.source))]);
    } else if (Array.isArray(value)) out[key] = value.map(String).join(' | ');
    else if (typeof value === 'object') out[key] = JSON.stringify(value);
    else out[key] = value as string | number | boolean;
  }
  return out;
}

function flatNode(node: GraphNode): Flat {
  return { ...flatten(node.attributes), label: node.label, nodeType: node.type };
}

function flatEdge(edge: GraphEdge): Flat {
  return { ...flatten(edge.attributes), edgeType: edge.type };
}

function toGraphology(nodes: GraphNode[], edges: GraphEdge[]): MultiDirectedGraph<Flat, Flat> {
  const graph = new MultiDirectedGraph<Flat, Flat>({ allowSelfLoops: true });
  for (const node of nodes) graph.addNode(node.id, flatNode(node));
  for (const edge of edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdgeWithKey(edge.id, edge.source, edge.target, flatEdge(edge));
  }
  return graph;
}

/**
 * A CommonJS module whose types say `export default`: Node hands over `module.exports` (the
 * layout function itself) as the default import, where TypeScript expects a `.default` on it.
 */
const forceAtlas2 = forceAtlas2Module as unknown as (graph: MultiDirectedGraph<Flat, Flat>, params: ForceAtlas2SynchronousLayoutParameters) => Positions;

type Positions = Record<string, { x: number; y: number }>;

/**
 * Above this many nodes ForceAtlas2 would take longer than the export itself (it is quadratic
 * without Barnes-Hut); the nodes keep their circular positions then.
 */
const FORCE_LAYOUT_MAX_NODES = 5000;
const FORCE_LAYOUT_ITERATIONS = 150;

/** Positions as the explorer arranges a graph: ForceAtlas2 from a circle, so the same graph always lands the same way. */
function layoutPositions(graph: MultiDirectedGraph<Flat, Flat>): Positions {
  const positions = circular(graph, { scale: 100 }) as Positions;
  if (graph.order === 0 || graph.order > FORCE_LAYOUT_MAX_NODES) return positions;
  const positioned = graph.copy();
  for (const [node, { x, y }] of Object.entries(positions)) positioned.mergeNodeAttributes(node, { x, y });
  return forceAtlas2(positioned, {
    iterations: FORCE_LAYOUT_ITERATIONS,
    settings: { ...forceAtlas2Module.inferSettings(positioned), barnesHutOptimize: graph.order > 300, gravity: 1, scalingRatio: 8 },
  });
}

/** "#5f3dc4" → "rgb(95,61,196)": graphology-gexf writes that as r, g and b, which every Gephi reads. */
function rgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255},${(value >> 8) & 255},${value & 255})`;
}

export function gexf(nodes: GraphNode[], edges: GraphEdge[]): string {
  const graph = toGraphology(nodes, edges);
  const positions = layoutPositions(graph);
  return writeGexf(graph, {
    version: '1.3',
    formatNode: (key, attributes) => ({
      label: String(attributes.label ?? key),
      attributes,
      viz: {
        ...positions[key],
        color: rgb(nodeTypeStyle(String(attributes.nodeType)).color),
        size: nodeSizeForDegree(graph.degree(key)),
      },
    }),
    formatEdge: (_key, attributes) => ({
      attributes,
      viz: { color: rgb(FAMILY_STYLE[(String(attributes.family ?? 'structure')) as EdgeFamily]?.color ?? FAMILY_STYLE.structure.color) },
    }),
  });
}

function graphmlType(value: string | number | boolean): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  return typeof value === 'boolean' ? 'boolean' : 'string';
}

export function graphml(nodes: GraphNode[], edges: GraphEdge[]): string {
  const graph = toGraphology(nodes, edges);
  const keys = new Map<string, { for: 'node' | 'edge'; type: string; name: string }>();
  const keyId = (scope: 'node' | 'edge', name: string) => `${scope === 'node' ? 'n' : 'e'}_${name}`;
  const declare = (scope: 'node' | 'edge', attributes: Flat) => {
    for (const [name, value] of Object.entries(attributes)) {
      const known = keys.get(keyId(scope, name));
      if (!known) keys.set(keyId(scope, name), { for: scope, type: graphmlType(value), name });
      else if (known.type !== graphmlType(value)) known.type = 'string';
    }
  };
  graph.forEachNode((_k: string, a: Flat) => declare('node', a));
  graph.forEachEdge((_k: string, a: Flat) => declare('edge', a));

  // Control characters are not allowed in XML 1.0; they are dropped rather than failing the export.
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' }).ele('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
  });
  for (const [id, k] of keys) root.ele('key', { id, for: k.for, 'attr.name': k.name, 'attr.type': k.type });
  const body = root.ele('graph', { id: 'parley', edgedefault: 'directed' });
  const data = (element: ReturnType<typeof body.ele>, scope: 'node' | 'edge', attributes: Flat) => {
    for (const [name, value] of Object.entries(attributes)) element.ele('data', { key: keyId(scope, name) }).txt(String(value));
  };
  graph.forEachNode((key: string, a: Flat) => data(body.ele('node', { id: key }), 'node', a));
  graph.forEachEdge((key: string, a: Flat, source: string, target: string) => data(body.ele('edge', { id: key, source, target }), 'edge', a));
  return `${root.end({ prettyPrint: true })}\n`;
}

const NODE_CSV_COLUMNS = ['id', 'label', 'type', 'kind', 'category', 'date', 'datePrecision', 'role', 'title', 'description', 'aliases'];
const EDGE_CSV_COLUMNS = [
  'id', 'source', 'source_label', 'target', 'target_label', 'type', 'family', 'date', 'datePrecision', 'condition', 'confidence', 'evidenceCount', 'quotes', 'summaries', 'sources',
];

function csvLine(columns: string[], record: Record<string, unknown>): string {
  return stringify([columns.map((c) => record[c] ?? '')], { record_delimiter: 'windows' });
}

/** CSV lines as the graph parts arrive: a header, then one line per node or per edge. */
export async function* csvLines(parts: AsyncIterable<GraphPart>, part: 'nodes' | 'edges'): AsyncGenerator<string> {
  const labels = new Map<string, string>();
  const columns = part === 'nodes' ? NODE_CSV_COLUMNS : EDGE_CSV_COLUMNS;
  yield csvLine(columns, Object.fromEntries(columns.map((c) => [c, c])));
  for await (const p of parts) {
    if (p.part === 'node') {
      labels.set(p.node.id, p.node.label);
      if (part !== 'nodes') continue;
      yield csvLine(columns, { ...flatNode(p.node), id: p.node.id, label: p.node.label, type: p.node.type });
    } else if (p.part === 'edge' && part === 'edges') {
      yield csvLine(columns, {
        ...flatEdge(p.edge),
        id: p.edge.id,
        source: p.edge.source,
        source_label: labels.get(p.edge.source),
        target: p.edge.target,
        target_label: labels.get(p.edge.target),
        type: p.edge.type,
      });
    }
  }
}
