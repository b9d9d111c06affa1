/**
 * neovis.js (vis-network underneath) drawing the same /api/graph answer the explorer draws.
 * neovis reads Neo4j records; `dataFunction` hands it the graph as records shaped like the
 * driver's (one per edge: start node, relationship, end node). Marks the first drawn frame and
 * the end of vis-network's stabilisation for the harness.
 */
import { NeoVis, NeoVisEvents } from 'neovis.js';
import type { SyntheticGraph } from './graphData.ts';

const graph = (await (await fetch('/api/graph')).json()) as SyntheticGraph;
const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
const integer = (value: number) => ({ low: value, high: 0 });
const node = (i: number) => {
  const n = graph.nodes[i]!;
  return { identity: integer(i), labels: [n.type], properties: { name: n.label }, elementId: n.id };
};
const records = graph.edges.map((e, i) => {
  const start = index.get(e.source)!;
  const end = index.get(e.target)!;
  const relationship = { identity: integer(i), start: integer(start), end: integer(end), type: e.type, properties: {}, elementId: e.id, startNodeElementId: e.source, endNodeElementId: e.target };
  return { keys: ['n', 'r', 'm'], length: 3, _fields: [node(start), relationship, node(end)], _fieldLookup: { n: 0, r: 1, m: 2 } };
});

const viz = new NeoVis({
  containerId: 'viz',
  dataFunction: () => records as never,
  labels: Object.fromEntries([...new Set(graph.nodes.map((n) => n.type))].map((type) => [type, { label: 'name' }])),
  relationships: Object.fromEntries([...new Set(graph.edges.map((e) => e.type))].map((type) => [type, {}])),
});
viz.registerOnEvent(NeoVisEvents.CompletionEvent, () => {
  const network = viz.network!;
  network.once('afterDrawing', () => performance.mark('bench:first-frame'));
  network.once('stabilized', () => performance.mark('bench:layout-settled'));
});
viz.render();
