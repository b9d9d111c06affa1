/**
 * Sigma 4 on the explorer graph. The graph's `hidden` attribute (filters), the hovered or
 * selected node (highlight) and the label placement are applied in the reducers, so the graph
 * itself is never touched for display purposes.
 *
 * Settings follow sigma's advice for large graphs: edges (and, on big graphs, labels) are hidden
 * while the camera moves, edge events are only listened to on graphs small enough to pick edges
 * cheaply, and labels are culled by our own placement (labelPlacement.ts) instead of sigma's grid.
 */
import Sigma from 'sigma';
import { DEFAULT_EDGE_PRIMITIVES, DEFAULT_NODE_PRIMITIVES, DEFAULT_PRIMITIVES } from 'sigma/primitives';
import { extremityArrow, sdfCircle, sdfDiamond, sdfSquare, sdfTriangle } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { createExplorerGraph, type EdgeAttributes, type ExplorerGraph, type NodeAttributes } from '../graph/explorerGraph.ts';
import { declutter, type Footprint } from './declutter.ts';
import { type Box, type LabelCandidate, type LabelSide, placeLabels } from './labelPlacement.ts';

const FADED_NODE = '#e6e8eb';
const FADED_EDGE = '#f1f3f5';
/**
 * Beyond this many edges, picking edges under the mouse costs more than it is worth (sigma's
 * advice): every still frame then draws each edge a second time, into the picking buffer.
 */
const EDGE_EVENTS_MAX_EDGES = 2000;
/**
 * Beyond this many nodes, labels are hidden while the camera moves too: they are placed again
 * once it rests anyway, and drawing them in every frame of a pan is most of its cost.
 */
const HIDE_LABELS_ON_MOVE_NODES = 500;
/** Labels considered per placement, highest priority first: more could not be read anyway. */
const MAX_LABEL_CANDIDATES = 600;
/** Beyond this many visible nodes, nodes are not moved apart for their labels (declutter.ts): most labels are left out anyway. */
const DECLUTTER_MAX_NODES = MAX_LABEL_CANDIDATES;
/** The camera at rest, as the first screen frames the graph: the picture nodes are moved apart in. */
const RESTING_CAMERA = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
/**
 * How long the camera must rest before the labels are placed again, and the pointer before its
 * node is highlighted: while the analyst pans, zooms or sweeps the pointer, frames only move the
 * picture.
 */
const SETTLE_MS = 120;
/** Which labels win a crowded spot: positions always, then the actors who hold them. */
const LABEL_PRIORITY: Record<string, number> = { Position: 0, Party: 1, Official: 2, Delegation: 3 };
const OTHER_LABEL_PRIORITY = 4;

/** A drawn label or node in viewport pixels, for the test hook (window.__parley). */
export interface DrawnBox extends Box {
  node: string;
  nodeType: string;
}

/**
 * Sigma's label geometry: the box its label shader draws for a node's label, relative to the node
 * centre. It is internal to sigma (its own label fitting uses it); reading it here keeps our
 * placement and the drawn labels from ever disagreeing about a label's size.
 */
interface SigmaLabelGeometry {
  labelRenderer: { nodeLabelBox(data: NodeDisplayData, radius: number): Box | null };
}

export interface GraphRenderer {
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  /** The node whose neighbourhood stays highlighted while nothing is hovered. */
  setSelected(node: string | null): void;
  /** Nodes to stand out (a console result), the rest faded, while nothing is hovered or selected; null clears. */
  setMarked(nodes: ReadonlySet<string> | null): void;
  refresh(): void;
  /**
   * Makes a bulk change to the graph (a loaded view, recounted edges) with sigma detached from it,
   * then indexes and draws the result once, instead of once per added or changed item.
   */
  rebuild(change: () => void): void;
  focusNode(node: string): void;
  /**
   * Moves visible nodes apart, in the graph, until each node and its label have a spot of their
   * own in the canvas as the resting camera frames it (declutter.ts); a hidden canvas waits.
   */
  declutter(): void;
  /** Frames the graph by its extent again (declutter holds the frame it moved nodes in): a layout is about to move them. */
  releaseFrame(): void;
  /** The labels sigma drew in its last frame, in viewport pixels. */
  drawnLabelBoxes(): DrawnBox[];
  /** The visible nodes' discs, in viewport pixels. */
  drawnNodeBoxes(): DrawnBox[];
  kill(): void;
}

interface RendererEvents {
  onNodeClick(node: string): void;
  onStageClick(): void;
  /** An edge was clicked (edge events are only on for graphs small enough to pick edges). */
  onEdgeClick?(edge: string): void;
  /** The pointer entered an edge, or left it (null). */
  onEdgeHover?(edge: string | null): void;
}

export function createRenderer(graph: ExplorerGraph, container: HTMLElement, events: RendererEvents): GraphRenderer {
  /** The node under the pointer, and the one the picture highlights (once the pointer rests). */
  let hovered: string | null = null;
  let shownHover: string | null = null;
  let selected: string | null = null;
  let marked: ReadonlySet<string> | null = null;
  let labelSides = new Map<string, LabelSide>();
  /** The side declutter made room on, per node: the label placement tries it first. */
  const preferredSides = new Map<string, LabelSide>();
  /**
   * The node whose neighbourhood is emphasised: hover wins over selection. A node dropped under the
   * pointer (an expanded cluster) sends no leaveNode, so a hover or selection counts only while its node is in the graph.
   */
  const present = (node: string | null) => (node !== null && graph.hasNode(node) ? node : null);
  const focus = () => present(shownHover) ?? present(selected);
  const isNeighbourhood = (node: string, center: string) => node === center || graph.areNeighbors(node, center);
  const placedLabel = (node: string): Partial<NodeDisplayData> => {
    const side = labelSides.get(node);
    return side ? { labelVisibility: 'visible', labelPosition: side } : { labelVisibility: 'hidden' };
  };

  const sigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    primitives: {
      ...DEFAULT_PRIMITIVES,
      nodes: { ...DEFAULT_NODE_PRIMITIVES, shapes: [sdfCircle(), sdfSquare(), sdfDiamond(), sdfTriangle()] },
      edges: { ...DEFAULT_EDGE_PRIMITIVES, extremities: [extremityArrow()], defaultHead: 'arrow' },
    },
    settings: {
      // The container is hidden while another mode is shown.
      allowInvalidContainer: true,
      hideEdgesOnMove: true,
      // Sigma's label grid shows nothing by itself: every drawn label is one placeLabels chose.
      labelDensity: 0,
      // The default view frames the nodes; labels then pick a side inside the canvas. (Framing the
      // labels too would make the frame depend on the placement, and the placement on the frame.)
      autoRescaleContent: 'nodes',
      minEdgeThickness: 1,
      stagePadding: 32,
      // Node sizes are pixels, whatever the layout's extent: refining the layout (which shrinks or
      // grows it) must not swell or shrink the nodes, and labels are pixels too.
      itemSizesReference: 'screen',
    },
    nodeReducer(node, _data, attributes): Partial<NodeDisplayData> {
      const display: Partial<NodeDisplayData> = { shape: attributes.shape };
      if (attributes.hidden) return { ...display, visibility: 'hidden' };
      const center = focus();
      if (!center && marked) return marked.has(node) ? { ...display, highlighted: true, labelVisibility: 'visible', zIndex: 2 } : { ...display, color: FADED_NODE, label: null, zIndex: 0 };
      if (!center) return { ...display, ...placedLabel(node) };
      if (node === center) return { ...display, highlighted: true, labelVisibility: 'visible', zIndex: 2 };
      if (isNeighbourhood(node, center)) return { ...display, ...placedLabel(node), zIndex: 1 };
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
  const geometry = sigma as unknown as SigmaLabelGeometry;
  /** What sigma draws while `rebuild` changes the graph: nothing, and nothing to listen to. */
  const detached: ExplorerGraph = createExplorerGraph();
  /** True while sigma draws `detached`: labels are placed for the graph once it is back. */
  let rebuilding = false;

  /** A node's disc and its display data, in viewport pixels; null for a hidden node. */
  const drawnNode = (node: string) => {
    const data = sigma.getNodeDisplayData(node);
    if (!data || data.visibility === 'hidden') return null;
    const center = sigma.framedGraphToViewport(data);
    const radius = sigma.scaleSize(data.size);
    return { data, center, radius, box: { minX: center.x - radius, maxX: center.x + radius, minY: center.y - radius, maxY: center.y + radius } };
  };
  const offset = (box: Box, by: { x: number; y: number }): Box => ({ minX: box.minX + by.x, maxX: box.maxX + by.x, minY: box.minY + by.y, maxY: box.maxY + by.y });
  const union = (a: Box, b: Box): Box => ({ minX: Math.min(a.minX, b.minX), maxX: Math.max(a.maxX, b.maxX), minY: Math.min(a.minY, b.minY), maxY: Math.max(a.maxY, b.maxY) });

  /**
   * Declutters at the resting camera; returns how many nodes moved. The graph is first
   * stretched to fill the canvas both ways (the framing fills it only one way, and labels need the
   * room), then nodes move apart until each one and its label have a spot of their own.
   */
  function declutterOnce(): number {
    const { width, height } = sigma.getDimensions();
    const visible: { node: string; x: number; y: number; radius: number; data: NodeDisplayData; label: string }[] = [];
    graph.forEachNode((node, attributes) => {
      const data = attributes.hidden ? undefined : sigma.getNodeDisplayData(node);
      if (!data) return;
      visible.push({ node, ...sigma.framedGraphToViewport(data, { cameraState: RESTING_CAMERA }), radius: sigma.scaleSize(data.size, 1), data, label: attributes.label });
    });
    if (visible.length < 2 || visible.length > DECLUTTER_MAX_NODES) return 0;
    // The framing leaves this much room on the side where the graph fills the canvas; node centres
    // may spread that far on every side, so the framing's scale stays.
    const margin = Math.max(0, Math.min(...visible.flatMap((v) => [v.x, width - v.x, v.y, height - v.y])));
    const centres = { minX: margin, maxX: width - margin, minY: margin, maxY: height - margin };
    const [minX, maxX, minY, maxY] = [Math.min(...visible.map((v) => v.x)), Math.max(...visible.map((v) => v.x)), Math.min(...visible.map((v) => v.y)), Math.max(...visible.map((v) => v.y))];
    const stretch = (v: number, lo: number, hi: number, toLo: number, toHi: number) => (hi - lo > 1 ? toLo + ((v - lo) / (hi - lo)) * (toHi - toLo) : v);
    const footprints: (Footprint & { sides: LabelSide[] })[] = visible.map(({ node, x: x0, y: y0, radius, data, label }) => {
      const [x, y] = [stretch(x0, minX, maxX, centres.minX, centres.maxX), stretch(y0, minY, maxY, centres.minY, centres.maxY)];
      const disc = { minX: -radius, maxX: radius, minY: -radius, maxY: radius };
      const labelBox = (side: LabelSide) => geometry.labelRenderer.nodeLabelBox({ ...data, label, labelVisibility: 'visible', labelPosition: side }, radius);
      // The label outwards first: to the right on the right half, to the left on the left half;
      // below or above where neither side has room.
      const sides: LabelSide[] = x > width / 2 ? ['right', 'left', 'below', 'above'] : ['left', 'right', 'below', 'above'];
      const boxes = sides.map((side) => labelBox(side)).map((b) => (b ? union(disc, b) : disc));
      return { node, x, y, boxes, sides };
    });
    const at = new Map(footprints.map((f) => [f.node, { x: f.x, y: f.y }]));
    const settled = declutter(footprints, { area: { minX: 0, maxX: width, minY: 0, maxY: height }, centres });
    for (const f of footprints) {
      const spot = settled.get(f.node)!;
      at.set(f.node, spot);
      preferredSides.set(f.node, f.sides[spot.side]!);
    }
    let moved = 0;
    for (const v of visible) {
      const to = at.get(v.node)!;
      if (Math.abs(to.x - v.x) <= 0.5 && Math.abs(to.y - v.y) <= 0.5) continue;
      graph.mergeNodeAttributes(v.node, sigma.viewportToGraph(to, { cameraState: RESTING_CAMERA }));
      moved++;
    }
    if (moved) sigma.refresh();
    return moved;
  }

  /** Chooses the labels to draw at the current camera; returns the nodes whose label changed. */
  function placeVisibleLabels(): string[] {
    const { width, height } = sigma.getDimensions();
    const candidates: (LabelCandidate & { priority: number; size: number })[] = [];
    graph.forEachNode((node, attributes) => {
      const drawn = drawnNode(node);
      if (!drawn || drawn.center.x < 0 || drawn.center.x > width || drawn.center.y < 0 || drawn.center.y > height) return;
      const data = { ...drawn.data, label: attributes.label, labelVisibility: 'visible' as const };
      candidates.push({
        node,
        required: attributes.nodeType === 'Position',
        priority: LABEL_PRIORITY[attributes.nodeType] ?? OTHER_LABEL_PRIORITY,
        size: attributes.size,
        nodeBox: drawn.box,
        preferred: preferredSides.get(node),
        labelBox(side) {
          const box = geometry.labelRenderer.nodeLabelBox({ ...data, labelPosition: side }, drawn.radius);
          return box && offset(box, drawn.center);
        },
      });
    });
    candidates.sort((a, b) => a.priority - b.priority || b.size - a.size || (a.node < b.node ? -1 : 1));
    const next = placeLabels(candidates.slice(0, MAX_LABEL_CANDIDATES), { minX: 0, maxX: width, minY: 0, maxY: height });
    const changed = new Set([...next].filter(([node, side]) => labelSides.get(node) !== side).map(([node]) => node));
    for (const node of labelSides.keys()) if (!next.has(node)) changed.add(node);
    labelSides = next;
    return [...changed].filter((node) => graph.hasNode(node));
  }

  // A highlight redraws every node and edge (the others fade), so it is drawn only once the
  // pointer rests on a node: sweeping the pointer across the graph, or nodes passing under it
  // while the camera moves, costs nothing.
  const refreshHighlight = () => sigma.refresh({ skipIndexation: true });
  const highlightDue = () => shownHover !== hovered;
  const showHover = () => {
    shownHover = hovered;
    refreshHighlight();
  };

  // Labels are placed again once the graph was re-processed (merged, filtered, resized) and once
  // the camera rests; a changed placement reprocesses the nodes whose label changed, and draws.
  let placementDue = true;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let cameraMovedAt = -Infinity;
  const cameraMoving = () => performance.now() - cameraMovedAt < SETTLE_MS;
  const settle = () => {
    const changed = placeVisibleLabels();
    if (highlightDue()) showHover();
    else if (changed.length) sigma.refresh({ partialGraph: { nodes: changed } });
  };
  // Each setting call schedules a refresh, so a setting is only written when its value changes.
  const setScaleSetting = (key: 'enableEdgeEvents' | 'hideLabelsOnMove', value: boolean) => {
    if (sigma.getSetting(key) !== value) sigma.setSetting(key, value);
  };
  sigma.on('afterProcess', () => {
    placementDue = true;
    setScaleSetting('enableEdgeEvents', graph.size <= EDGE_EVENTS_MAX_EDGES);
    setScaleSetting('hideLabelsOnMove', graph.order > HIDE_LABELS_ON_MOVE_NODES);
  });
  sigma.on('afterRender', () => {
    if (!placementDue || rebuilding) return;
    placementDue = false;
    settle();
  });
  sigma.getCamera().on('updated', () => {
    cameraMovedAt = performance.now();
    clearTimeout(settleTimer);
    settleTimer = setTimeout(settle, SETTLE_MS);
  });

  /** While the camera moves, the highlight waits for its rest (`settle`). */
  const hover = (node: string | null) => {
    hovered = node;
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(() => !cameraMoving() && highlightDue() && showHover(), SETTLE_MS);
  };
  sigma.on('enterNode', ({ node }) => hover(node));
  sigma.on('leaveNode', () => hover(null));
  // The canvas's size can settle after the first view was drawn (the page's layout, a resized
  // window): the room each label needs is measured again at the new size.
  // (After the frame that noticed it: sigma resizes while it renders.)
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  sigma.on('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => renderer.declutter(), SETTLE_MS);
  });
  sigma.on('clickNode', ({ node }) => events.onNodeClick(node));
  sigma.on('clickStage', () => events.onStageClick());
  sigma.on('clickEdge', ({ edge }) => events.onEdgeClick?.(edge));
  sigma.on('enterEdge', ({ edge }) => events.onEdgeHover?.(edge));
  sigma.on('leaveEdge', () => events.onEdgeHover?.(null));

  const renderer: GraphRenderer = {
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
    rebuild(change) {
      rebuilding = true;
      sigma.setGraph(detached);
      try {
        change();
      } finally {
        rebuilding = false;
        sigma.setGraph(graph);
      }
      renderer.declutter();
    },
    focusNode(node) {
      const display = sigma.getNodeDisplayData(node);
      if (!display) return;
      sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.6 }, { duration: 400 });
    },
    declutter() {
      const { width, height } = sigma.getDimensions();
      if (!width || !height || rebuilding) return;
      // Sigma frames the graph by its extent and its nodes' sizes, so moving a node at the edge
      // would re-frame (and squeeze) the whole picture the nodes were just moved apart in: the
      // frame of the graph as it is now is held while they move (and until a layout runs).
      sigma.setCustomBBox(null);
      sigma.refresh();
      const { x, y } = sigma.getBBox();
      sigma.setCustomBBox({ x: [x[0], x[1]], y: [y[0], y[1]] });
      // Held, the frame draws every node where declutter put it: one step is the picture.
      declutterOnce();
    },
    releaseFrame() {
      if (sigma.getCustomBBox()) sigma.setCustomBBox(null);
    },
    drawnLabelBoxes() {
      return [...sigma.getNodeDisplayedLabels()].flatMap((node) => {
        const drawn = drawnNode(node);
        const box = drawn && geometry.labelRenderer.nodeLabelBox(drawn.data, drawn.radius);
        return box ? [{ node, nodeType: graph.getNodeAttribute(node, 'nodeType'), ...offset(box, drawn.center) }] : [];
      });
    },
    drawnNodeBoxes() {
      return graph.nodes().flatMap((node) => {
        const drawn = drawnNode(node);
        return drawn ? [{ node, nodeType: graph.getNodeAttribute(node, 'nodeType'), ...drawn.box }] : [];
      });
    },
    kill() {
      clearTimeout(settleTimer);
      clearTimeout(hoverTimer);
      clearTimeout(resizeTimer);
      sigma.kill();
    },
  };
  return renderer;
}
