/**
 * PNG of the whole graph for a report: every visible node, edge and label (not just what the
 * camera shows), fitted into the canvas's size with room for the longest label, and the legend
 * in the bottom-left corner, at a chosen scale. It is drawn on a 2D canvas from the graph itself:
 * sigma 4 draws into one WebGL stage that holds only the viewport and the labels its density
 * setting lets through, and @sigma/export-image 3 expects sigma 3.
 */
import { NODE_TYPES } from '../../../server/contract/model.ts';
import { type EdgeFamily, FAMILY_STYLE, NODE_TYPE_STYLE, type NodeShape } from '../graph/encoding.ts';
import { isVisibleEdge, type ExplorerGraph } from '../graph/explorerGraph.ts';

const PADDING = 16;
const FONT = '11px system-ui, sans-serif';
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

function drawGraph(graph: ExplorerGraph, canvas: HTMLCanvasElement, { width, height, scale }: PngOptions): void {
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
  const labelWidth = Math.max(0, ...nodes.map((n) => context.measureText(graph.getNodeAttribute(n, 'label')).width));
  const maxSize = Math.max(1, ...nodes.map((n) => graph.getNodeAttribute(n, 'size')));
  const xs = nodes.map((n) => graph.getNodeAttribute(n, 'x'));
  const ys = nodes.map((n) => graph.getNodeAttribute(n, 'y'));
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // The graph fills the space above the legend, each label whole to the right of its node.
  const area = { left: PADDING + maxSize, top: PADDING + maxSize, width: width - 2 * PADDING - 2 * maxSize - labelWidth - 4, height: height - legendHeight - 3 * PADDING - 2 * maxSize };
  const ratio = Math.max(0, Math.min(area.width / (maxX - minX || 1), area.height / (maxY - minY || 1)));
  // Sigma's y axis points up; the canvas's points down.
  const at = (node: string) => ({ x: area.left + (graph.getNodeAttribute(node, 'x') - minX) * ratio, y: area.top + (maxY - graph.getNodeAttribute(node, 'y')) * ratio });

  graph.forEachEdge((edge, attributes, source, target) => {
    if (!isVisibleEdge(graph, edge)) return;
    const [from, to] = [at(source), at(target)];
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
    const { color, shape, size } = graph.getNodeAttributes(node);
    const { x, y } = at(node);
    context.fillStyle = color;
    drawShape(context, shape, x, y, size / 2 + 1);
  }
  context.font = FONT;
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  for (const node of nodes) {
    const { label, size } = graph.getNodeAttributes(node);
    const { x, y } = at(node);
    // A white halo keeps a label readable over edges.
    context.strokeStyle = '#ffffff';
    context.lineWidth = 3;
    context.strokeText(label, x + size / 2 + 3, y);
    context.fillStyle = '#212529';
    context.fillText(label, x + size / 2 + 3, y);
  }
  drawLegend(context, PADDING, height - legendHeight - PADDING, legendWidth, legendHeight);
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
