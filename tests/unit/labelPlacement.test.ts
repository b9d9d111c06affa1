import { describe, expect, it } from 'vitest';
import { type Box, intersects, type LabelCandidate, type LabelSide, placeLabels } from '../../client/src/render/labelPlacement.ts';

/** A node of radius 4 at (x, y) whose label is `width` × 12 pixels, as sigma places it on each side. */
function candidate(node: string, x: number, y: number, width: number, required = false): LabelCandidate {
  const r = 4;
  const boxes: Record<LabelSide, Box> = {
    right: { minX: x + r + 3, maxX: x + r + 3 + width, minY: y - 6, maxY: y + 6 },
    left: { minX: x - r - 3 - width, maxX: x - r - 3, minY: y - 6, maxY: y + 6 },
    below: { minX: x - width / 2, maxX: x + width / 2, minY: y + r + 3, maxY: y + r + 15 },
    above: { minX: x - width / 2, maxX: x + width / 2, minY: y - r - 15, maxY: y - r - 3 },
  };
  return { node, required, nodeBox: { minX: x - r, maxX: x + r, minY: y - r, maxY: y + r }, labelBox: (side) => boxes[side] };
}

function drawnBoxes(candidates: LabelCandidate[], placed: Map<string, LabelSide>): Box[] {
  return candidates.filter((c) => placed.has(c.node)).map((c) => c.labelBox(placed.get(c.node)!)!);
}

const CANVAS: Box = { minX: -1000, maxX: 1000, minY: -1000, maxY: 1000 };

describe('placeLabels', () => {
  it('keeps a label inside the canvas when a side allows it', () => {
    expect(placeLabels([candidate('a', 190, 100, 50)], { minX: 0, maxX: 200, minY: 0, maxY: 200 })).toEqual(new Map([['a', 'left']]));
  });

  it('puts a label on its right when nothing is in the way', () => {
    expect(placeLabels([candidate('a', 100, 100, 50)], CANVAS)).toEqual(new Map([['a', 'right']]));
  });

  it('moves a label to another side rather than over a neighbour’s label or node', () => {
    const candidates = [candidate('a', 100, 100, 60), candidate('b', 130, 100, 60)];
    const placed = placeLabels(candidates, CANVAS);
    expect(placed.get('a')).toBe('left');
    expect(placed.get('b')).toBe('right');
  });

  it('draws every required label and leaves out the optional ones that would overlap', () => {
    // Three positions in a tight column, and an optional label where theirs must go.
    const candidates = [candidate('p1', 100, 100, 80, true), candidate('p2', 100, 114, 80, true), candidate('p3', 100, 128, 80, true), candidate('x', 180, 114, 80)];
    const placed = placeLabels(candidates, CANVAS);
    expect(['p1', 'p2', 'p3'].every((p) => placed.has(p))).toBe(true);
    const boxes = drawnBoxes(candidates, placed);
    expect(boxes.some((a, i) => boxes.slice(i + 1).some((b) => intersects(a, b)))).toBe(false);
  });

  it('never draws two optional labels over each other, however crowded', () => {
    const candidates = Array.from({ length: 200 }, (_, i) => candidate(`n${i}`, (i * 37) % 300, (i * 53) % 200, 70));
    const boxes = drawnBoxes(candidates, placeLabels(candidates, CANVAS));
    expect(boxes.length).toBeGreaterThan(10);
    expect(boxes.some((a, i) => boxes.slice(i + 1).some((b) => intersects(a, b)))).toBe(false);
  });
});
