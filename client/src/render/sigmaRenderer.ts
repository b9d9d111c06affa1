/**
 * Sigma 4 on the explorer graph. The graph's `hidden` attribute (filters) and the hovered or
 * selected node (highlight) are applied in the reducers, so the graph itself is never touched
 * for display purposes.
 */
import Sigma from 'sigma';
import { DEFAULT_EDGE_PRIMITIVES, DEFAULT_NODE_PRIMITIVES, DEFAULT_PRIMITIVES } from 'sigma/primitives';
import { extremityArrow, sdfCircle, sdfDiamond, sdfSquare, sdfTriangle } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from '../graph/explorerGraph.ts';

const FADED_NODE = '#e6e8eb';
const FADED_EDGE = '#f1f3f5';

export interface GraphRenderer {
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  /** The node whose neighbourhood stays highlighted while nothing is hovered. */
  setSelected(node: string | null): void;
  /** Nodes to stand out (a console result), the rest faded, while nothing is hovered or selected; null clears. */
  setMarked(nodes: ReadonlySet<string> | null): void;
  refresh(): void;
  focusNode(node: string): void;
  kill(): void;
}

export interface RendererEvents {
  onNodeClick(node: string): void;
  onStageClick(): void;
}

export function createRenderer(graph: ExplorerGraph, container: HTMLElement, events: RendererEvents): GraphRenderer {
  let hovered: string | null = null;
  let selected: string | null = null;
  let marked: ReadonlySet<string> | null = null;
  /** The node whose neighbourhood is emphasised: hover wins over selection. */
  const focus = () => hovered ?? (selected && graph.hasNode(selected) ? selected : null);
  const isNeighbourhood = (node: string, center: string) => node === center || graph.areNeighbors(node, center);

  const sigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    primitives: {
      ...DEFAULT_PRIMITIVES,
      nodes: { ...DEFAULT_NODE_PRIMITIVES, shapes: [sdfCircle(), sdfSquare(), sdfDiamond(), sdfTriangle()] },
      edges: { ...DEFAULT_EDGE_PRIMITIVES, extremities: [extremityArrow()], defaultHead: 'arrow' },
    },
    settings: {
      // The container is hidden while another mode is shown.
      allowInvalidContainer: true,
      // Few labels at a glance; zooming in or hovering reveals the rest.
      labelDensity: 0.3,
      labelGridCellSize: 120,
      labelRenderedSizeThreshold: 7,
      minEdgeThickness: 1,
      stagePadding: 40,
    },
    nodeReducer(node, _data, attributes): Partial<NodeDisplayData> {
      const display: Partial<NodeDisplayData> = { shape: attributes.shape };
      if (attributes.hidden) return { ...display, visibility: 'hidden' };
      const center = focus();
      if (!center && marked) return marked.has(node) ? { ...display, highlighted: true, labelVisibility: 'visible', zIndex: 2 } : { ...display, color: FADED_NODE, label: null, zIndex: 0 };
      if (!center) return display;
      if (node === center) return { ...display, highlighted: true, labelVisibility: 'visible', zIndex: 2 };
      if (isNeighbourhood(node, center)) return { ...display, labelVisibility: 'visible', zIndex: 1 };
      return { ...display, color: FADED_NODE, label: null, zIndex: 0 };
    },
    edgeReducer(edge, _data, attributes): Partial<EdgeDisplayData> {
      if (attributes.hidden) return { visibility: 'hidden' };
      const center = focus();
      if (!center && marked) return marked.has(graph.source(edge)) && marked.has(graph.target(edge)) ? { zIndex: 1 } : { color: FADED_EDGE, zIndex: 0 };
      if (!center) return {};
      const touches = graph.source(edge) === center || graph.target(edge) === center;
      return touches ? { zIndex: 1, size: attributes.size + 1 } : { color: FADED_EDGE, zIndex: 0 };
    },
  });

  const refreshHighlight = () => sigma.refresh({ skipIndexation: true });
  sigma.on('enterNode', ({ node }) => {
    hovered = node;
    refreshHighlight();
  });
  sigma.on('leaveNode', () => {
    hovered = null;
    refreshHighlight();
  });
  sigma.on('clickNode', ({ node }) => events.onNodeClick(node));
  sigma.on('clickStage', () => events.onStageClick());

  return {
    sigma,
    setSelected(node) {
      selected = node;
      refreshHighlight();
    },
    setMarked(nodes) {
      marked = nodes;
      refreshHighlight();
    },
    refresh() {
      sigma.refresh();
    },
    focusNode(node) {
      const display = sigma.getNodeDisplayData(node);
      if (!display) return;
      sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.6 }, { duration: 400 });
    },
    kill() {
      sigma.kill();
    },
  };
}
