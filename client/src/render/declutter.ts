/**
 * Room for every label. The stored layout is in graph units and knows nothing of the window, while
 * labels are drawn in pixels: at 1024×700 a label is three times longer, relative to the graph,
 * than the layout's noverlap assumed, and labels fall on other labels and on nodes. So the explorer
 * (and the PNG export) moves nodes, in the picture's own pixels, until each node together with its
 * label has a spot of its own.
 *
 * Each node brings footprints: its disc joined with its label's box on each side it may take (the
 * first is preferred). Nodes are settled one at a time, from the top of the picture down (tried
 * against settling from the centre out, this leaves no label without room at 1024×700 on the
 * seed plus three sources), each at the nearest free spot to where the layout put it: the smallest move (up or down costs
 * less than sideways, since labels are wide and short) where one of its footprints stays in the
 * canvas (`area`), its centre within `centres`, and it touches no footprint settled before.
 * Where no such spot exists it stays where it is, and the settling starts again with it first
 * (a few times at most); if nodes are still left without room, the settling is tried bottom to top
 * and from the centre out as well, and the attempt with the fewest such nodes wins. Moves are tried in a fixed order, so the same picture comes out for the
 * same graph.
 */
import type { Box } from './labelPlacement.ts';

export interface Footprint {
  node: string;
  /** The node's centre, in the picture's pixels. */
  x: number;
  y: number;
  /** The disc and its label on each side it may take, relative to the centre; the first is preferred. */
  boxes: Box[];
}

export interface DeclutterBounds {
  /** Where footprints must stay (the canvas). */
  area: Box;
  /** Where node centres must stay. */
  centres: Box;
}

/** Pixels kept free between two footprints. */
const GAP = 2;
/** Moves are tried on this grid of pixels, vertical ones first (a sideways step costs this much more). */
const STEP = 2;
const SIDEWAYS_COST = 3;
const CELL = 64;

/** Settled footprints, bucketed on a grid so a query looks only at the cells it covers. */
class Settled {
  private readonly cells = new Map<number, Box[]>();
  private keys(b: Box): number[] {
    const keys: number[] = [];
    for (let x = Math.floor(b.minX / CELL); x <= Math.floor(b.maxX / CELL); x++) for (let y = Math.floor(b.minY / CELL); y <= Math.floor(b.maxY / CELL); y++) keys.push(x * 100_003 + y);
    return keys;
  }
  add(b: Box): void {
    for (const key of this.keys(b)) (this.cells.get(key) ?? this.cells.set(key, []).get(key)!).push(b);
  }
  free(b: Box): boolean {
    for (const key of this.keys(b)) {
      for (const o of this.cells.get(key) ?? []) if (b.minX < o.maxX + GAP && o.minX < b.maxX + GAP && b.minY < o.maxY + GAP && o.minY < b.maxY + GAP) return false;
    }
    return true;
  }
}

/** Every move within reach (anywhere in the area, wherever the node starts), cheapest first. */
function moves(area: Box): { dx: number; dy: number }[] {
  const [w, h] = [4 * STEP * Math.ceil((area.maxX - area.minX) / (4 * STEP)), STEP * Math.ceil((area.maxY - area.minY) / STEP)];
  const list: { dx: number; dy: number; cost: number }[] = [];
  // Sideways on a coarser grid, symmetric about no move at all.
  for (let dy = -h; dy <= h; dy += STEP) for (let dx = -w; dx <= w; dx += 4 * STEP) list.push({ dx, dy, cost: Math.abs(dy) + SIDEWAYS_COST * Math.abs(dx) });
  return list.sort((a, b) => a.cost - b.cost || a.dx - b.dx || a.dy - b.dy);
}

/** How many times the settling starts again with the nodes that found no spot settled first. */
const RETRIES = 8;

/** The new centre of every footprint, and the side (its index in `boxes`) it was settled with. */
export function declutter(footprints: readonly Footprint[], bounds: DeclutterBounds): Map<string, { x: number; y: number; side: number }> {
  const tries = moves(bounds.area);
  const tie = (a: Footprint, b: Footprint) => a.x - b.x || (a.node < b.node ? -1 : 1);
  const [cx, cy] = [(bounds.area.minX + bounds.area.maxX) / 2, (bounds.area.minY + bounds.area.maxY) / 2];
  // Top to bottom first: each node finds the nearest free spot left by those above it. Where that
  // leaves a node without room (a denser start: the stored layout of a fresh database differs from
  // a reused one), bottom to top and centre out are tried too, in this fixed order, so the same
  // picture still comes out for the same graph.
  const starts: ((a: Footprint, b: Footprint) => number)[] = [
    (a, b) => a.y - b.y || tie(a, b),
    (a, b) => b.y - a.y || tie(a, b),
    (a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy) || a.y - b.y || tie(a, b),
  ];
  let best: ReturnType<typeof settle> | undefined;
  for (const start of starts) {
    let order = [...footprints].sort(start);
    let attempt = settle(order, bounds, tries);
    // A node that found no spot (the free room was cut into pieces too small for its label by the
    // nodes settled before it) is settled first next time, where it stands; the others find room
    // around it. The attempt that leaves the fewest nodes without a spot wins.
    // (The last attempt's stuck nodes go first each time, so a retry never repeats the one before.)
    let last = attempt;
    for (let retry = 0; retry < RETRIES && last.stuck.size > 0; retry++) {
      const stuck = last.stuck;
      order = [...order.filter((f) => stuck.has(f.node)), ...order.filter((f) => !stuck.has(f.node))];
      last = settle(order, bounds, tries);
      if (last.stuck.size < attempt.stuck.size) attempt = last;
    }
    if (!best || attempt.stuck.size < best.stuck.size) best = attempt;
    if (best.stuck.size === 0) break;
  }
  return best!.spots;
}

/** Settles the footprints in `order`; `stuck` are those that found no free spot and stayed where they were. */
function settle(order: readonly Footprint[], { area, centres }: DeclutterBounds, tries: readonly { dx: number; dy: number }[]): { spots: Map<string, { x: number; y: number; side: number }>; stuck: Set<string> } {
  const settled = new Settled();
  const spots = new Map<string, { x: number; y: number; side: number }>();
  const stuck = new Set<string>();
  // (About 100,000 moves for a 824×511 canvas; most nodes take one of the first few.)
  const inside = (b: Box) => b.minX >= area.minX && b.maxX <= area.maxX && b.minY >= area.minY && b.maxY <= area.maxY;
  for (const f of order) {
    let spot: { x: number; y: number; side: number; box: Box } | undefined;
    for (const { dx, dy } of tries) {
      const [x, y] = [f.x + dx, f.y + dy];
      if (x < centres.minX || x > centres.maxX || y < centres.minY || y > centres.maxY) continue;
      const side = f.boxes.findIndex((b) => {
        const at = { minX: x + b.minX, maxX: x + b.maxX, minY: y + b.minY, maxY: y + b.maxY };
        return inside(at) && settled.free(at);
      });
      if (side >= 0) {
        const b = f.boxes[side]!;
        spot = { x, y, side, box: { minX: x + b.minX, maxX: x + b.maxX, minY: y + b.minY, maxY: y + b.maxY } };
        break;
      }
    }
    if (!spot) {
      stuck.add(f.node);
      const b = f.boxes[0]!;
      spot = { x: f.x, y: f.y, side: 0, box: { minX: f.x + b.minX, maxX: f.x + b.maxX, minY: f.y + b.minY, maxY: f.y + b.maxY } };
    }
    settled.add(spot.box);
    spots.set(f.node, { x: spot.x, y: spot.y, side: spot.side });
  }
  return { spots, stuck };
}
