/**
 * PNG of the whole graph for a report: every visible node, edge and label (not just what the
 * camera shows), spread over the canvas's size above the legend (bottom-left), each label on a
 * side of its node where it touches no other label or node (declutter.ts, labelPlacement.ts),
 * at a chosen scale. It is drawn on a 2D canvas from the graph itself:
 * sigma 4 draws into one WebGL stage that holds only the viewport and the labels its density
 * setting lets through, and @sigma/export-image 3 expects sigma 3.
 */
import { NODE_TYPES } from '../../../server/contract/model.ts';
import { type EdgeFamily, FAMILY_STYLE, NODE_TYPE_STYLE, type NodeShape } from '../graph/encoding.ts';
import { isVisibleEdge, type ExplorerGraph } from '../graph/explorerGraph.ts';
import { declutter, type Footprint } from './declutter.ts';
import { type Box, type LabelSide, placeLabels } from './labelPlacement.ts';
import type { DrawnBox } from './sigmaRenderer.ts';

const PADDING = 16;
const FONT = '11px system-ui, sans-serif';
/** A label's height at FONT, and its distance from its node. */
const LABEL_HEIGHT = 14;
const LABEL_GAP = 3;
const LEGEND_FONT = '12px system-ui, sans-serif';
const LEGEND_LINE = 16;
const LEGEND_FAMILIES: EdgeFamily[] = ['proposal', 'support', 'rejection', 'other', 'structure'];
/** Line styles, so a stance's family reads without its colour too. */
const FAMILY_DASH: Record<EdgeFamily, number[]> = { proposal: [], support: [], rejection: [6, 3], other: [2, 3], structure: [] };

interface PngOptions {
  /** The image's size in CSS pixels at scale 1 (the graph view's size). */
  width: number;
  height: number;
  /** Pixel ratio of the image: 2 gives an image twice as wide and high. */
  scale: number;
}

function drawShape(context: CanvasRenderingContext2D, shape: NodeShape, x: number, y: number, r: number): void {
  context.beginPath();
  if (shape === 'square') context.rect(x - r, y - r, 2 * r, 2 * r);
  else if (shape === 'diamond') {
    context.moveTo(x, y - r);
    context.lineTo(x + r, y);
    context.lineTo(x, y + r);
    context.lineTo(x - r, y);
    context.closePath();
  } else if (shape === 'triangle') {
    context.moveTo(x, y - r);
    context.lineTo(x + r, y + r);
    context.lineTo(x - r, y + r);
    context.closePath();
  } else context.arc(x, y, r, 0, 2 * Math.PI);
  context.fill();
}

/** The key, two columns (node types, stance families), drawn with its top-left corner at (x, y). */
function drawLegend(context: CanvasRenderingContext2D, x: number, y: number, width: number, height: number): void {
  context.fillStyle = 'rgba(255, 255, 255, 0.95)';
  context.strokeStyle = '#ced4da';
  context.fillRect(x, y, width, height);
  context.strokeRect(x, y, width, height);
  context.font = LEGEND_FONT;
  context.textBaseline = 'middle';
  const row = (i: number) => y + 8 + LEGEND_LINE * (i + 0.5);
  context.fillStyle = '#495057';
  context.fillText('Nodes', x + 10, row(0));
  context.fillText('Stances', x + 120, row(0));
  NODE_TYPES.forEach((type, i) => {
    context.fillStyle = NODE_TYPE_STYLE[type].color;
    drawShape(context, NODE_TYPE_STYLE[type].shape, x + 16, row(i + 1), 4.5);
    context.fillStyle = '#212529';
    context.fillText(type, x + 26, row(i + 1));
  });
  LEGEND_FAMILIES.forEach((family, i) => {
    const style = FAMILY_STYLE[family];
    context.strokeStyle = style.color;
    context.lineWidth = 2;
    context.setLineDash(FAMILY_DASH[family]);
    context.beginPath();
    context.moveTo(x + 120, row(i + 1));
    context.lineTo(x + 142, row(i + 1));
    context.stroke();
    context.setLineDash([]);
    context.fillStyle = style.color;
    context.fillText(style.glyph, x + 146, row(i + 1));
    context.fillStyle = '#212529';
    context.fillText(style.label, x + 160, row(i + 1));
  });
}

/** What the export drew, in the image's own pixels: for the browser tests (window.__parley). */
export interface PngDrawing {
  width: number;
  height: number;
  nodes: DrawnBox[];
  labels: DrawnBox[];
  legend: Box;
}

/** A label's box on one side of a node at (x, y) with radius r, and where its text starts. */
function labelAt(side: LabelSide, x: number, y: number, r: number, width: number): Box {
  if (side === 'right') return { minX: x + r + LABEL_GAP, maxX: x + r + LABEL_GAP + width, minY: y - LABEL_HEIGHT / 2, maxY: y + LABEL_HEIGHT / 2 };
  if (side === 'left') return { minX: x - r - LABEL_GAP - width, maxX: x - r - LABEL_GAP, minY: y - LABEL_HEIGHT / 2, maxY: y + LABEL_HEIGHT / 2 };
  const top = side === 'below' ? y + r + LABEL_GAP : y - r - LABEL_GAP - LABEL_HEIGHT;
  return { minX: x - width / 2, maxX: x + width / 2, minY: top, maxY: top + LABEL_HEIGHT };
}

function drawGraph(graph: ExplorerGraph, canvas: HTMLCanvasElement, { width, height, scale }: PngOptions): PngDrawing {
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a 2D canvas.');
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);

  const legendWidth = Math.min(width - 2 * PADDING, 330);
  const legendHeight = 16 + LEGEND_LINE * (NODE_TYPES.length + 1);
  const nodes = graph.filterNodes((_n, a) => !a.hidden);
  context.font = FONT;
  const labelWidth = new Map(nodes.map((n) => [n, context.measureText(graph.getNodeAttribute(n, 'label')).width]));
  const radius = (node: string) => graph.getNodeAttribute(node, 'size') / 2 + 1;
  const maxRadius = Math.max(1, ...nodes.map(radius));
  const xs = nodes.map((n) => graph.getNodeAttribute(n, 'x'));
  const ys = nodes.map((n) => graph.getNodeAttribute(n, 'y'));
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // The graph takes the whole space above the legend: each axis is stretched to fill it (a
  // negotiation's picture has no scale to keep), then nodes move apart until every label has room.
  const area: Box = { minX: PADDING, maxX: width - PADDING, minY: PADDING, maxY: height - legendHeight - 2 * PADDING };
  const centres: Box = { minX: area.minX + maxRadius, maxX: area.maxX - maxRadius, minY: area.minY + maxRadius, maxY: area.maxY - maxRadius };
  const spread = (v: number, lo: number, hi: number, to: { lo: number; hi: number }) => (hi > lo ? to.lo + ((v - lo) / (hi - lo)) * (to.hi - to.lo) : (to.lo + to.hi) / 2);
  const footprints: (Footprint & { sides: LabelSide[] })[] = nodes.map((node) => {
    const x = spread(graph.getNodeAttribute(node, 'x'), minX, maxX, { lo: centres.minX, hi: centres.maxX });
    // Sigma's y axis points up; the canvas's points down.
    const y = spread(graph.getNodeAttribute(node, 'y'), minY, maxY, { lo: centres.maxY, hi: centres.minY });
    const r = radius(node);
    // The label outwards first, as on screen.
    const sides: LabelSide[] = x > width / 2 ? ['right', 'left', 'below', 'above'] : ['left', 'right', 'below', 'above'];
    const boxes = sides.map((side) => {
      const label = labelAt(side, 0, 0, r, labelWidth.get(node)!);
      return { minX: Math.min(-r, label.minX), maxX: Math.max(r, label.maxX), minY: Math.min(-r, label.minY), maxY: Math.max(r, label.maxY) };
    });
    return { node, x, y, boxes, sides };
  });
  const settled = declutter(footprints, { area, centres });
  const at = new Map(footprints.map((f) => [f.node, settled.get(f.node)!]));
  const preferred = new Map(footprints.map((f) => [f.node, f.sides[settled.get(f.node)!.side]!]));
  const nodeBox = (node: string): Box => {
    const { x, y } = at.get(node)!;
    const r = radius(node);
    return { minX: x - r, maxX: x + r, minY: y - r, maxY: y + r };
  };
  // Every node's label is drawn: each takes a side clear of the others where it can.
  const sides = placeLabels(
    nodes.map((node) => ({ node, required: true, nodeBox: nodeBox(node), preferred: preferred.get(node), labelBox: (side: LabelSide) => labelAt(side, at.get(node)!.x, at.get(node)!.y, radius(node), labelWidth.get(node)!) })),
    area,
  );

  graph.forEachEdge((edge, attributes, source, target) => {
    if (!isVisibleEdge(graph, edge)) return;
    const [from, to] = [at.get(source)!, at.get(target)!];
    context.strokeStyle = attributes.color;
    context.lineWidth = attributes.size / 2;
    context.setLineDash(FAMILY_DASH[attributes.family] ?? []);
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
  });
  context.setLineDash([]);
  for (const node of nodes) {
    const { color, shape } = graph.getNodeAttributes(node);
    const { x, y } = at.get(node)!;
    context.fillStyle = color;
    drawShape(context, shape, x, y, radius(node));
  }
  context.font = FONT;
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  const labels: DrawnBox[] = [];
  for (const node of nodes) {
    const side = sides.get(node);
    if (!side) continue;
    const { label, nodeType } = graph.getNodeAttributes(node);
    const box = labelAt(side, at.get(node)!.x, at.get(node)!.y, radius(node), labelWidth.get(node)!);
    const y = (box.minY + box.maxY) / 2;
    // A white halo keeps a label readable over edges.
    context.strokeStyle = '#ffffff';
    context.lineWidth = 3;
    context.strokeText(label, box.minX, y);
    context.fillStyle = '#212529';
    context.fillText(label, box.minX, y);
    labels.push({ node, nodeType, ...box });
  }
  const legend = { minX: PADDING, maxX: PADDING + legendWidth, minY: height - legendHeight - PADDING, maxY: height - PADDING };
  drawLegend(context, legend.minX, legend.minY, legendWidth, legendHeight);
  const scaled = <T extends Box>(box: T): T => ({ ...box, minX: box.minX * scale, maxX: box.maxX * scale, minY: box.minY * scale, maxY: box.maxY * scale });
  return {
    width: canvas.width,
    height: canvas.height,
    nodes: nodes.map((node) => scaled({ node, nodeType: graph.getNodeAttribute(node, 'nodeType'), ...nodeBox(node) })),
    labels: labels.map(scaled),
    legend: scaled(legend),
  };
}

/** What the export would draw at these options, without downloading it (the test hook). */
export function pngDrawing(graph: ExplorerGraph, options: PngOptions): PngDrawing {
  return drawGraph(graph, document.createElement('canvas'), options);
}

export async function downloadGraphAsPng(graph: ExplorerGraph, options: PngOptions, fileName: string): Promise<void> {
  const canvas = document.createElement('canvas');
  drawGraph(graph, canvas, options);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The image could not be encoded.'))), 'image/png'),
  );
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked on the next tick: the download has started by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
