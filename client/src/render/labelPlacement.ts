/**
 * Which labels the explorer draws, and on which side of their node, so that no two drawn labels
 * overlap. Sigma's own label grid keeps one label per grid cell but draws forced labels wherever
 * they fall, so every position (whose label the analyst always needs) could sit on another.
 * Placement is greedy in the order given: each label takes the first side (right, left, below,
 * above) that stays inside the canvas and touches neither a label already placed nor another
 * node; failing that, the such side (inside, clear of labels) that touches the fewest nodes; a required label that still
 * finds no free side takes its least-crowded side, and an optional one is left out.
 */

export const LABEL_SIDES = ['right', 'left', 'below', 'above'] as const;
export type LabelSide = (typeof LABEL_SIDES)[number];

/** An axis-aligned box in viewport pixels. */
export interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export interface LabelCandidate {
  node: string;
  /** A label that is drawn even when it cannot avoid every other one. */
  required: boolean;
  /** The node's own disc, as a box. */
  nodeBox: Box;
  /** The side to try first (where declutter.ts made room for the label); the others follow in LABEL_SIDES order. */
  preferred?: LabelSide;
  /** The label's box on each side of the node; null when the node draws no label. */
  labelBox(side: LabelSide): Box | null;
}

export function intersects(a: Box, b: Box): boolean {
  return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

/** Boxes bucketed on a uniform grid, so a query looks only at the cells a box covers. */
class BoxIndex {
  private readonly cells = new Map<string, { box: Box; owner: string }[]>();

  constructor(private readonly cellSize: number) {}

  private keys(box: Box): string[] {
    const keys: string[] = [];
    for (let x = Math.floor(box.minX / this.cellSize); x <= Math.floor(box.maxX / this.cellSize); x++) {
      for (let y = Math.floor(box.minY / this.cellSize); y <= Math.floor(box.maxY / this.cellSize); y++) keys.push(`${x}:${y}`);
    }
    return keys;
  }

  add(box: Box, owner: string): void {
    for (const key of this.keys(box)) {
      const cell = this.cells.get(key);
      if (cell) cell.push({ box, owner });
      else this.cells.set(key, [{ box, owner }]);
    }
  }

  /** How many boxes, other than those of `except`, the box touches. */
  count(box: Box, except: string): number {
    const seen = new Set<Box>();
    for (const key of this.keys(box)) {
      for (const entry of this.cells.get(key) ?? []) {
        if (entry.owner !== except && !seen.has(entry.box) && intersects(entry.box, box)) seen.add(entry.box);
      }
    }
    return seen.size;
  }
}

const CELL_SIZE = 64;

const inside = (box: Box, bounds: Box) => box.minX >= bounds.minX && box.maxX <= bounds.maxX && box.minY >= bounds.minY && box.maxY <= bounds.maxY;

/** The side each placed label takes, within `bounds` (the canvas) where it can; nodes left out draw no label. */
export function placeLabels(candidates: readonly LabelCandidate[], bounds: Box): Map<string, LabelSide> {
  const nodes = new BoxIndex(CELL_SIZE);
  for (const candidate of candidates) nodes.add(candidate.nodeBox, candidate.node);
  const labels = new BoxIndex(CELL_SIZE);
  const placed = new Map<string, LabelSide>();
  for (const candidate of candidates) {
    const sides = candidate.preferred ? [candidate.preferred, ...LABEL_SIDES.filter((s) => s !== candidate.preferred)] : LABEL_SIDES;
    const options = sides.flatMap((side) => {
      const box = candidate.labelBox(side);
      return box ? [{ side, box, labelHits: labels.count(box, candidate.node), nodeHits: nodes.count(box, candidate.node), inside: inside(box, bounds) }] : [];
    });
    const choice =
      options.find((o) => o.inside && o.labelHits === 0 && o.nodeHits === 0) ??
      [...options].filter((o) => o.inside && o.labelHits === 0).sort((a, b) => a.nodeHits - b.nodeHits)[0] ??
      (candidate.required ? [...options].sort((a, b) => a.labelHits - b.labelHits || a.nodeHits - b.nodeHits)[0] : undefined);
    if (!choice) continue;
    placed.set(candidate.node, choice.side);
    labels.add(choice.box, candidate.node);
  }
  return placed;
}
