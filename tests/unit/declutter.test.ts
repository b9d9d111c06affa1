import { describe, expect, it } from 'vitest';
import { declutter, type Footprint } from '../../client/src/render/declutter.ts';
import type { Box } from '../../client/src/render/labelPlacement.ts';

/** A node of radius 5 with a 100×12 label to its right, or to its left. */
const sides: Box[] = [
  { minX: -5, maxX: 108, minY: -6, maxY: 6 },
  { minX: -108, maxX: 5, minY: -6, maxY: 6 },
];
const at = (node: string, x: number, y: number): Footprint => ({ node, x, y, boxes: sides });
const bounds = { area: { minX: 0, maxX: 400, minY: 0, maxY: 300 }, centres: { minX: 20, maxX: 380, minY: 20, maxY: 280 } };

function placed(footprints: Footprint[]): Box[] {
  const settled = declutter(footprints, bounds);
  return footprints.map((f) => {
    const { x, y, side } = settled.get(f.node)!;
    const b = f.boxes[side]!;
    return { minX: x + b.minX, maxX: x + b.maxX, minY: y + b.minY, maxY: y + b.maxY };
  });
}
const overlapping = (boxes: Box[]) => boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY));

describe('declutter', () => {
  it('leaves nodes that already have room where they are', () => {
    const settled = declutter([at('a', 50, 50), at('b', 50, 150)], bounds);
    expect(settled.get('a')).toEqual({ x: 50, y: 50, side: 0 });
    expect(settled.get('b')).toEqual({ x: 50, y: 150, side: 0 });
  });

  it('moves twenty nodes stacked on one spot until no footprint touches another, inside the canvas', () => {
    const boxes = placed(Array.from({ length: 20 }, (_, i) => at(`n${i}`, 200, 150)));
    expect(overlapping(boxes)).toEqual([]);
    for (const b of boxes) expect(b.minX >= 0 && b.maxX <= 400 && b.minY >= 0 && b.maxY <= 300).toBe(true);
  });

  it('moves a node the least it can, up or down before sideways', () => {
    const settled = declutter([at('a', 100, 100), at('b', 110, 104)], bounds);
    const b = settled.get('b')!;
    expect(b.x).toBe(110);
    expect(Math.abs(b.y - 100)).toBeLessThanOrEqual(16);
  });

  it('turns a label to the other side where that side has room', () => {
    // At x = 350 the label does not fit on the right: it goes left, and the node stays.
    const settled = declutter([at('a', 350, 100)], bounds);
    expect(settled.get('a')).toEqual({ x: 350, y: 100, side: 1 });
  });

  it('finds room for a wide label that the nodes settled before it left no room for, by settling it first', () => {
    // Two rows of 10 px in a 200 px wide strip: a and b sit in the middle of the rows, and the
    // 180 px wide footprint under them fits only where they are. Settled top to bottom, it would
    // stay stuck on top of b.
    const area = { minX: 0, maxX: 200, minY: 0, maxY: 22 };
    const box = (w: number): Box[] => [{ minX: -w / 2, maxX: w / 2, minY: -5, maxY: 5 }];
    const footprints: Footprint[] = [
      { node: 'a', x: 100, y: 5, boxes: box(40) },
      { node: 'b', x: 100, y: 17, boxes: box(40) },
      { node: 'wide', x: 100, y: 17, boxes: box(180) },
    ];
    const settled = declutter(footprints, { area, centres: area });
    const boxes = footprints.map((f) => {
      const { x, y, side } = settled.get(f.node)!;
      const b = f.boxes[side]!;
      return { minX: x + b.minX, maxX: x + b.maxX, minY: y + b.minY, maxY: y + b.maxY };
    });
    expect(overlapping(boxes)).toEqual([]);
    for (const b of boxes) expect(b.minX >= 0 && b.maxX <= 200 && b.minY >= 0 && b.maxY <= 22).toBe(true);
  });
});
