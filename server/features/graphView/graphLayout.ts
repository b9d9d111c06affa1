/**
 * The stored layout of the graph view, computed from the aggregated graph: an arrangement that
 * tells the negotiation (positions in a central band, actors who mostly back or propose on the
 * left, those who mostly reject on the right, context nodes on an outer ring), tidied by a short
 * ForceAtlas2 run and noverlap, and Louvain communities for the clustered view. Pure and
 * deterministic: the same graph always gives the same picture (docs/architecture.md).
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import noverlapModule from 'graphology-layout-noverlap';
import louvainModule from 'graphology-communities-louvain';
import type { AggregatedEdgeRow, NodeNegotiationRow, StructuralEdgeRow, ViewNodeRow } from './data.ts';
import type { StanceFamily } from '../../contract/model.ts';

/** One edge of the view: an aggregated actor → target edge (relation STANCES) or a structural one. */
/** Where the stored layout put each node, and its Louvain community. */
export type Placement = Map<string, { x: number; y: number; community: number }>;

export interface ViewEdge {
  source: string;
  target: string;
  relation: string;
  stanceCount: number;
  latestType: string | null;
  latestFamily: string | null;
  latestDate: string | null;
  latestStance: string | null;
}

export const STANCES_RELATION = 'STANCES';

export function stanceEdge(row: AggregatedEdgeRow): ViewEdge {
  return { ...row, relation: STANCES_RELATION };
}

export function structuralEdge(row: StructuralEdgeRow): ViewEdge {
  return { ...row, stanceCount: 0, latestType: null, latestFamily: null, latestDate: null, latestStance: null };
}

export interface ViewGraph {
  nodes: ViewNodeRow[];
  edges: ViewEdge[];
  /** Each node's negotiations, weighted (absent: laid out as one negotiation). */
  negotiations?: NodeNegotiationRow[];
}

/** How many of its heaviest edges each actor keeps in a skeleton. */
export const SKELETON_EDGES_PER_ACTOR = 8;

/**
 * The edges a large graph is laid out with: each actor's heaviest few and each target's
 * heaviest one, so every node that has an edge keeps one and the strongest ties shape the
 * picture, at a bounded size (ForceAtlas2 and Louvain over a million edges would take minutes
 * and gigabytes). Fed one chunk at a time; a chunk holds all the edges of its actors.
 */
export class LayoutSkeleton {
  private readonly kept = new Map<string, ViewEdge>();
  private readonly heaviestInto = new Map<string, ViewEdge>();

  add(chunk: readonly ViewEdge[]): void {
    const bySource = new Map<string, ViewEdge[]>();
    for (const edge of chunk) {
      const edges = bySource.get(edge.source);
      if (edges) edges.push(edge);
      else bySource.set(edge.source, [edge]);
      const best = this.heaviestInto.get(edge.target);
      if (!best || heavier(edge, best)) this.heaviestInto.set(edge.target, edge);
    }
    for (const edges of bySource.values()) {
      for (const edge of edges.sort((a, b) => (heavier(a, b) ? -1 : 1)).slice(0, SKELETON_EDGES_PER_ACTOR)) this.kept.set(keyOf(edge), edge);
    }
  }

  /** The skeleton, in a stable order (by source, then target). */
  edges(): ViewEdge[] {
    for (const edge of this.heaviestInto.values()) this.kept.set(keyOf(edge), edge);
    return [...this.kept.values()].sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  }
}

const keyOf = (edge: ViewEdge) => `${edge.source}>${edge.target}`;
/** More stances first; ties go to the smaller target id, so the skeleton is the same for the same graph. */
const heavier = (a: ViewEdge, b: ViewEdge) => a.stanceCount > b.stanceCount || (a.stanceCount === b.stanceCount && (a.target < b.target || (a.target === b.target && a.source < b.source)));

/** Positions and communities, parallel to the graph's nodes. */
export interface Arrangement {
  x: number[];
  y: number[];
  community: number[];
}

/** A CommonJS module typed with `export default`: Node hands over `module.exports` itself. */
function defaultExport<T>(module: { default: T }): T {
  return (module as { default?: T }).default ?? (module as unknown as T);
}
const forceAtlas2 = defaultExport(forceAtlas2Module);
const noverlap = defaultExport(noverlapModule);
const louvain = defaultExport(louvainModule);

const ACTOR_TYPES = new Set(['Party', 'Official', 'Delegation']);
/** Which side of the central band a stance pulls its actor to. */
const FAMILY_SIDE: Record<StanceFamily, number> = { proposal: -1, support: -1, rejection: 1, other: 0 };

/** ForceAtlas2 refines; it is not meant to rearrange, so it runs briefly and slowed down. */
const REFINE_ITERATIONS = 60;
const REFINE_CHUNK = 10;
/** noverlap's cost grows much faster than the node count; past this the refined positions stay. */
const NOVERLAP_MAX_NODES = 3000;

type LayoutProgress = (step: string, done: number, total: number) => void;

export function computeArrangement(view: ViewGraph, progress: LayoutProgress = () => {}): Arrangement {
  const graph = undirectedWeighted(view);
  const start = initialPositions(view);
  graph.forEachNode((node) => graph.mergeNodeAttributes(node, start.get(node)!));
  if (graph.size > 0) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 300, slowDown: 10, edgeWeightInfluence: 0.5 };
    for (let done = 0; done < REFINE_ITERATIONS; done += REFINE_CHUNK) {
      forceAtlas2.assign(graph, { iterations: REFINE_CHUNK, settings, getEdgeWeight: 'weight' });
      progress('forceatlas2', done + REFINE_CHUNK, REFINE_ITERATIONS);
    }
  }
  if (graph.order <= NOVERLAP_MAX_NODES) {
    noverlap.assign(graph, { maxIterations: 150, settings: { margin: 4, ratio: 1.3 } });
    progress('noverlap', 1, 1);
  }
  const communities = rankedCommunities(graph);
  progress('louvain', 1, 1);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    x: view.nodes.map((n) => round(graph.getNodeAttribute(n.id, 'x') as number)),
    y: view.nodes.map((n) => round(graph.getNodeAttribute(n.id, 'y') as number)),
    community: view.nodes.map((n) => communities.get(n.id)!),
  };
}

/** Both directions of a pair merged into one weighted edge: layout and communities ignore direction. */
function undirectedWeighted(view: ViewGraph): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const node of view.nodes) graph.addNode(node.id, { size: node.type === 'Position' ? 4 : 3 });
  for (const edge of view.edges) {
    if (edge.source === edge.target || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    const weight = Math.max(1, edge.stanceCount);
    graph.updateEdge(edge.source, edge.target, (attributes) => ({ weight: ((attributes.weight as number | undefined) ?? 0) + weight }));
  }
  return graph;
}

/**
 * Where each node starts. With nodes in two or more negotiations ("All negotiations"), each
 * negotiation is laid out as its own picture (the band below, over the nodes mostly its own)
 * around a centre of its own on a circle, far enough apart that the pictures do not overlap; a
 * node is pulled to the centres of its negotiations by its share of its weight in each, so one
 * that is as much in two sits between them, and nodes in no negotiation go on a ring outside.
 * With one negotiation or none, the band alone.
 */
export function initialPositions(view: ViewGraph): Map<string, { x: number; y: number }> {
  const shares = negotiationShares(view);
  const tracks = [...new Set([...shares.values()].flatMap((share) => [...share.keys()]))].sort();
  if (tracks.length < 2) return bandPositions(view);
  const home = new Map<string, string>();
  for (const [id, share] of shares) home.set(id, [...share].sort(([a, wa], [b, wb]) => wb - wa || a.localeCompare(b))[0]![0]);
  const pictures = new Map<string, { positions: Map<string, { x: number; y: number }>; reach: number }>();
  for (const track of tracks) {
    const nodes = view.nodes.filter((n) => home.get(n.id) === track);
    const members = new Set(nodes.map((n) => n.id));
    const edges = view.edges.filter((e) => members.has(e.source) && members.has(e.target));
    // bandPositions puts nodes within 1.5 × its radius of the centre (the outer ring).
    pictures.set(track, { positions: bandPositions({ nodes, edges }), reach: 1.5 * bandRadius(nodes.length) });
  }
  const widest = Math.max(...[...pictures.values()].map((p) => p.reach));
  // Neighbouring centres are 2.5 reaches apart: each picture keeps a margin of half a reach.
  const circle = (1.25 * widest) / Math.sin(Math.PI / tracks.length);
  const centre = new Map(tracks.map((track, i) => {
    const angle = Math.PI + (2 * Math.PI * i) / tracks.length;
    return [track, { x: circle * Math.cos(angle), y: circle * Math.sin(angle) }];
  }));
  const positions = new Map<string, { x: number; y: number }>();
  const loose = view.nodes.filter((n) => !shares.has(n.id));
  for (const node of view.nodes) {
    const share = shares.get(node.id);
    if (!share) continue;
    const own = home.get(node.id)!;
    const local = pictures.get(own)!.positions.get(node.id)!;
    const homeShare = share.get(own)!;
    let x = homeShare * local.x;
    let y = homeShare * local.y;
    for (const [track, part] of share) {
      x += part * centre.get(track)!.x;
      y += part * centre.get(track)!.y;
    }
    positions.set(node.id, { x, y });
  }
  const ring = circle + 1.5 * widest;
  loose.forEach((node, rank) => {
    const angle = (2 * Math.PI * rank) / loose.length;
    positions.set(node.id, { x: ring * Math.cos(angle), y: ring * Math.sin(angle) });
  });
  return positions;
}

/** Each node's negotiations, as shares of its weight summing to 1 (only nodes of the view with some weight). */
function negotiationShares(view: ViewGraph): Map<string, Map<string, number>> {
  const drawn = new Set(view.nodes.map((n) => n.id));
  const weights = new Map<string, Map<string, number>>();
  for (const row of view.negotiations ?? []) {
    if (!drawn.has(row.id) || !(row.weight > 0)) continue;
    const of = weights.get(row.id) ?? new Map<string, number>();
    of.set(row.negotiation, (of.get(row.negotiation) ?? 0) + row.weight);
    weights.set(row.id, of);
  }
  for (const of of weights.values()) {
    const total = [...of.values()].reduce((a, b) => a + b, 0);
    for (const [track, weight] of of) of.set(track, weight / total);
  }
  return weights;
}

const bandRadius = (nodes: number) => 20 * Math.sqrt(Math.max(nodes, 1));

/**
 * Positions and stance targets in a tall central band; each actor left or right by the balance
 * of its stances (backing and proposing pull left, rejecting pulls right, the more one-sided the
 * further out); actors without stances and context nodes (places, documents, other events) on an
 * outer ring. Nodes are spread by their rank, so the start is the same for the same graph.
 */
function bandPositions(view: ViewGraph): Map<string, { x: number; y: number }> {
  const balance = new Map<string, number>();
  const weight = new Map<string, number>();
  for (const edge of view.edges) {
    if (edge.relation !== STANCES_RELATION) continue;
    const side = FAMILY_SIDE[(edge.latestFamily ?? 'other') as StanceFamily] ?? 0;
    balance.set(edge.source, (balance.get(edge.source) ?? 0) + side * edge.stanceCount);
    weight.set(edge.source, (weight.get(edge.source) ?? 0) + edge.stanceCount);
  }
  const radius = bandRadius(view.nodes.length);
  const central: string[] = [];
  const left: string[] = [];
  const right: string[] = [];
  const outer: string[] = [];
  const lean = new Map<string, number>();
  for (const node of view.nodes) {
    const total = weight.get(node.id) ?? 0;
    if (ACTOR_TYPES.has(node.type) && total > 0) {
      const share = (balance.get(node.id) ?? 0) / total;
      lean.set(node.id, share);
      (share > 0 ? right : left).push(node.id);
    } else if (node.type === 'Position' || node.targeted) central.push(node.id);
    else outer.push(node.id);
  }
  const positions = new Map<string, { x: number; y: number }>();
  const column = (ids: string[], x: (id: string, rank: number) => number) =>
    ids.forEach((id, rank) => positions.set(id, { x: x(id, rank), y: radius * (ids.length <= 1 ? 0 : rank / (ids.length - 1) - 0.5) * 2 }));
  // The band is a few columns wide so that long lists of positions stay readable.
  column(central, (_id, rank) => (radius / 8) * ((rank % 3) - 1));
  column(left, (id) => -radius * (0.6 + 0.4 * Math.abs(lean.get(id) ?? 0)));
  column(right, (id) => radius * (0.6 + 0.4 * Math.abs(lean.get(id) ?? 0)));
  outer.forEach((id, rank) => {
    const angle = (2 * Math.PI * rank) / outer.length;
    positions.set(id, { x: 1.5 * radius * Math.cos(angle), y: 1.5 * radius * Math.sin(angle) });
  });
  return positions;
}

/** Louvain communities numbered by size, largest first (ties by first member), so ids are stable. */
function rankedCommunities(graph: UndirectedGraph): Map<string, number> {
  const raw = graph.size > 0 ? louvain(graph, { getEdgeWeight: 'weight', randomWalk: false }) : {};
  const members = new Map<number, string[]>();
  graph.forEachNode((node) => {
    // An isolated node is a community of its own; Louvain gives it one too, but only when there are edges.
    const community = raw[node] ?? -1 - members.size;
    members.set(community, [...(members.get(community) ?? []), node]);
  });
  const ranked = [...members.values()].sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
  const result = new Map<string, number>();
  ranked.forEach((group, rank) => group.forEach((node) => result.set(node, rank)));
  return result;
}

/** How far from its neighbours' centre a node added to a kept layout is put (graph units). */
const ADDED_NODE_SPACING = 12;

/** A deterministic angle for an id (FNV-1a), so the same additions land on the same spots. */
function angleOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return (hash / 2 ** 32) * 2 * Math.PI;
}

/**
 * Places nodes added since a layout was computed, without moving any node already placed: each
 * goes next to the centre of its placed neighbours (a short step in a direction fixed by its id),
 * in the community most of its edges' stances lead to. Nodes whose neighbours are new too are
 * placed once those are; a node with no placed neighbour goes on a ring outside the picture, in a
 * community of its own. Returns a new placement; the given one is not changed.
 */
export function placeAddedNodes(placement: Placement, added: readonly string[], edges: readonly ViewEdge[]): Placement {
  const result: Placement = new Map(placement);
  const neighbours = new Map<string, Map<string, number>>();
  const link = (a: string, b: string, weight: number) => {
    const around = neighbours.get(a) ?? new Map<string, number>();
    around.set(b, (around.get(b) ?? 0) + weight);
    neighbours.set(a, around);
  };
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    const weight = Math.max(1, edge.stanceCount);
    link(edge.source, edge.target, weight);
    link(edge.target, edge.source, weight);
  }
  let pending = [...added].sort();
  for (;;) {
    const next: string[] = [];
    const placedNow: [string, { x: number; y: number; community: number }][] = [];
    for (const id of pending) {
      const around = [...(neighbours.get(id) ?? new Map<string, number>())].flatMap(([other, weight]) => {
        const place = result.get(other);
        return place ? [{ place, weight }] : [];
      });
      if (around.length === 0) {
        next.push(id);
        continue;
      }
      const total = around.reduce((sum, n) => sum + n.weight, 0);
      const byCommunity = new Map<number, number>();
      for (const { place, weight } of around) byCommunity.set(place.community, (byCommunity.get(place.community) ?? 0) + weight);
      const community = [...byCommunity].sort(([a, wa], [b, wb]) => wb - wa || a - b)[0]![0];
      const angle = angleOf(id);
      const round = (v: number) => Math.round(v * 10) / 10;
      placedNow.push([
        id,
        {
          x: round(around.reduce((sum, n) => sum + n.place.x * n.weight, 0) / total + ADDED_NODE_SPACING * Math.cos(angle)),
          y: round(around.reduce((sum, n) => sum + n.place.y * n.weight, 0) / total + ADDED_NODE_SPACING * Math.sin(angle)),
          community,
        },
      ]);
    }
    // Placed in rounds, so the order of the added ids does not decide who sees whom.
    for (const [id, place] of placedNow) result.set(id, place);
    if (placedNow.length === 0 || next.length === 0) {
      pending = next;
      break;
    }
    pending = next;
  }
  if (pending.length > 0) {
    let radius = 0;
    let community = -1;
    for (const place of placement.values()) {
      radius = Math.max(radius, Math.hypot(place.x, place.y));
      community = Math.max(community, place.community);
    }
    radius = 1.1 * radius + ADDED_NODE_SPACING;
    for (const id of pending) {
      const angle = angleOf(id);
      result.set(id, { x: Math.round(radius * Math.cos(angle) * 10) / 10, y: Math.round(radius * Math.sin(angle) * 10) / 10, community: ++community });
    }
  }
  return result;
}
