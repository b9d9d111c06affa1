/**
 * A console result drawn on its own: only the nodes and relationships it returned, in a graph of
 * their own with the explorer's encoding, renderer and layout. The main graph is left alone.
 */
import { createExplorerGraph, type GraphData, mergeGraphData } from '../graph/explorerGraph.ts';
import { createLayout } from '../render/layout.ts';
import { createRenderer } from '../render/sigmaRenderer.ts';
import { h } from '../views/dom.ts';

const LAYOUT_MS = 1500;

export interface ResultGraph {
  element: HTMLElement;
  /** Called once the element is visible, so sigma can measure it. */
  show(): void;
  kill(): void;
}

export function createResultGraph(data: GraphData, onNodeClick: (node: string) => void): ResultGraph {
  const graph = createExplorerGraph();
  mergeGraphData(graph, data);
  const canvas = h('div', { class: 'sigma-container result-graph', role: 'img', 'aria-label': `The query's ${graph.order} nodes and ${graph.size} relationships, drawn on their own` });
  const renderer = createRenderer(graph, canvas, {
    onNodeClick: (node) => {
      renderer.setSelected(node);
      onNodeClick(node);
    },
    onStageClick: () => renderer.setSelected(null),
  });
  const layout = createLayout(graph);
  let laidOut = false;
  return {
    element: canvas,
    show() {
      renderer.sigma.resize();
      renderer.refresh();
      if (!laidOut) layout.runFor(LAYOUT_MS);
      laidOut = true;
    },
    kill() {
      layout.kill();
      renderer.kill();
    },
  };
}
