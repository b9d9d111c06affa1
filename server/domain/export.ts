/**
 * Exports of the visual graph (same filters as /api/graph) in files Gephi and NetworkX open:
 * - json: the /api/graph shape (nodes with id/key, edges with source/target), streamed;
 *   NetworkX reads it with `node_link_graph(data, edges="edges")`, graphology with `import`.
 * - gexf: graphology-gexf's writer over a graphology graph.
 * - graphml: written here (graphology-graphml 0.5 only parses); round-trips through its parser.
 * - csv: one table per request, `part=edges` (default) or `part=nodes`, streamed.
 * Attributes are flattened for the file formats: lists become "a | b", the evidence list
 * becomes `quotes` (the quotes or summaries joined) next to `evidenceCount`.
 */
import { MultiDirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import type { GraphEdge, GraphNode } from '../contract/api.ts';
import type { GraphPart } from './graph.ts';

type Flat = Record<string, string | number | boolean>;

function flatten(attributes: Record<string, unknown>): Flat {
  const out: Flat = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    if (key === 'evidence' && Array.isArray(value)) {
      out.quotes = value.map((e: Record<string, unknown>) => String(e.quote ?? e.summary ?? '')).join(' | ');
      out.sources = [...new Set(value.map((e: Record<string, unknown>) => String(e.source ?? '')))].join(' | ');
    } else if (Array.isArray(value)) out[key] = value.map(String).join(' | ');
    else if (typeof value === 'object') out[key] = JSON.stringify(value);
    else out[key] = value as string | number | boolean;
  }
  return out;
}

export function flatNode(node: GraphNode): Flat {
  return { ...flatten(node.attributes), label: node.label, nodeType: node.type };
}

export function flatEdge(edge: GraphEdge): Flat {
  return { ...flatten(edge.attributes), edgeType: edge.type };
}

export function toGraphology(nodes: GraphNode[], edges: GraphEdge[]): MultiDirectedGraph<Flat, Flat> {
  const graph = new MultiDirectedGraph<Flat, Flat>({ allowSelfLoops: true });
  for (const node of nodes) graph.addNode(node.id, flatNode(node));
  for (const edge of edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdgeWithKey(edge.id, edge.source, edge.target, flatEdge(edge));
  }
  return graph;
}

export function gexf(nodes: GraphNode[], edges: GraphEdge[]): string {
  return writeGexf(toGraphology(nodes, edges), { formatNode: (key, attributes) => ({ label: String(attributes.label ?? key), attributes }) });
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

export function graphml(nodes: GraphNode[], edges: GraphEdge[]): string {
  const graph = toGraphology(nodes, edges);
  const keys = new Map<string, { for: 'node' | 'edge'; type: string; name: string }>();
  const declare = (scope: 'node' | 'edge', attributes: Flat) => {
    for (const [name, value] of Object.entries(attributes)) {
      const id = `${scope === 'node' ? 'n' : 'e'}_${name}`;
      const type = typeof value === 'number' ? (Number.isInteger(value) ? 'long' : 'double') : typeof value === 'boolean' ? 'boolean' : 'string';
      const known = keys.get(id);
      if (!known) keys.set(id, { for: scope, type, name });
      else if (known.type !== type) known.type = 'string';
    }
  };
  graph.forEachNode((_k: string, a: Flat) => declare('node', a));
  graph.forEachEdge((_k: string, a: Flat) => declare('edge', a));
  const data = (scope: 'node' | 'edge', attributes: Flat) =>
    Object.entries(attributes)
      .map(([name, value]) => `<data key="${xml(`${scope === 'node' ? 'n' : 'e'}_${name}`)}">${xml(String(value))}</data>`)
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...[...keys.entries()].map(([id, k]) => `  <key id="${xml(id)}" for="${k.for}" attr.name="${xml(k.name)}" attr.type="${k.type}"/>`),
    '  <graph id="parley" edgedefault="directed">',
  ];
  graph.forEachNode((key: string, a: Flat) => lines.push(`    <node id="${xml(key)}">${data('node', a)}</node>`));
  graph.forEachEdge((key: string, a: Flat, source: string, target: string) =>
    lines.push(`    <edge id="${xml(key)}" source="${xml(source)}" target="${xml(target)}">${data('edge', a)}</edge>`),
  );
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const NODE_CSV_COLUMNS = ['id', 'label', 'type', 'kind', 'category', 'date', 'datePrecision', 'role', 'title', 'description', 'aliases'];
export const EDGE_CSV_COLUMNS = [
  'id', 'source', 'source_label', 'target', 'target_label', 'type', 'family', 'date', 'datePrecision', 'condition', 'confidence', 'evidenceCount', 'quotes', 'sources',
];

/** CSV lines as the graph parts arrive: a header, then one line per node or per edge. */
export async function* csvLines(parts: AsyncIterable<GraphPart>, part: 'nodes' | 'edges'): AsyncGenerator<string> {
  const labels = new Map<string, string>();
  yield `${(part === 'nodes' ? NODE_CSV_COLUMNS : EDGE_CSV_COLUMNS).join(',')}\r\n`;
  for await (const p of parts) {
    if (p.part === 'node') {
      labels.set(p.node.id, p.node.label);
      if (part !== 'nodes') continue;
      const flat: Record<string, unknown> = { ...flatNode(p.node), id: p.node.id, label: p.node.label, type: p.node.type };
      yield `${NODE_CSV_COLUMNS.map((c) => csvCell(flat[c])).join(',')}\r\n`;
    } else if (p.part === 'edge' && part === 'edges') {
      const flat: Record<string, unknown> = {
        ...flatEdge(p.edge),
        id: p.edge.id,
        source: p.edge.source,
        source_label: labels.get(p.edge.source),
        target: p.edge.target,
        target_label: labels.get(p.edge.target),
        type: p.edge.type,
      };
      yield `${EDGE_CSV_COLUMNS.map((c) => csvCell(flat[c])).join(',')}\r\n`;
    }
  }
}
