/**
 * Keeps the stored layout of the graph view current. The layout is computed in the background
 * (a worker thread) whenever the graph's stamp differs from the stored one: after an ingestion
 * or a deletion, at start when missing, or when a request finds it stale. Requests never wait
 * for it: they get the stored layout, marked stale, until the new one is written. The stored
 * layout lives in Neo4j, so it survives a restart and every client draws the same picture.
 */
import { Worker } from 'node:worker_threads';
import type { Database } from '../../db/database.ts';
import {
  type AggregatedEdgeRow,
  type ClusterEdgeRow,
  readLayoutStamp,
  readNodeNegotiations,
  readSourcesIngestedSince,
  readStanceDelta,
  readStoredLayout,
  readStructuralEdges,
  readViewNodes,
  restampStoredLayout,
  type ViewNodeRow,
  writeStoredLayout,
} from './data.ts';
import type { Logger } from '../../logger.ts';
import { type Arrangement, LayoutSkeleton, type Placement, placeAddedNodes, stanceEdge, structuralEdge, type ViewEdge, type ViewGraph } from './graphLayout.ts';
import { addClusterEdge, forEachStanceEdgeChunk, readClusterEdges, sortedClusterEdges, UNFILTERED } from './stanceEdges.ts';

/** The graph as laid out: what unfiltered answers are composed from without a read. */
export interface LaidOutView {
  nodes: ViewNodeRow[];
  /** Every aggregated actor → target edge; null over the node budget, where answers are clusters and expanded clusters read theirs. */
  stanceEdges: ViewEdge[] | null;
  structuralEdges: ViewEdge[];
  /** Stances between communities; null within the node budget. */
  clusterEdges: ClusterEdgeRow[] | null;
}

export interface StoredLayout {
  stamp: string;
  computedAt: string;
  view: LaidOutView;
  placement: Placement;
}

type EdgeColumns = { source: number[]; target: number[]; relation: string[]; stanceCount: number[]; latestType: (string | null)[]; latestFamily: (string | null)[]; latestDate: (string | null)[]; latestStance: (string | null)[] };

/** The snapshot as stored: columns, as compact as the answers made from it. */
interface SnapshotColumns {
  nodes: { id: string[]; type: string[]; label: string[]; targeted: boolean[]; date: (string | null)[]; stances: number[] };
  stanceEdges: EdgeColumns | null;
  structuralEdges: EdgeColumns;
  clusterEdges: ClusterEdgeRow[] | null;
  arrangement: Arrangement;
}

export function encodeSnapshot(view: LaidOutView, arrangement: Arrangement): string {
  const index = new Map(view.nodes.map((n, i) => [n.id, i]));
  const columnsOf = (all: ViewEdge[]): EdgeColumns => {
    const edges = all.filter((e) => index.has(e.source) && index.has(e.target));
    return {
      source: edges.map((e) => index.get(e.source)!),
      target: edges.map((e) => index.get(e.target)!),
      relation: edges.map((e) => e.relation),
      stanceCount: edges.map((e) => e.stanceCount),
      latestType: edges.map((e) => e.latestType),
      latestFamily: edges.map((e) => e.latestFamily),
      latestDate: edges.map((e) => e.latestDate),
      latestStance: edges.map((e) => e.latestStance),
    };
  };
  const { nodes } = view;
  const columns: SnapshotColumns = {
    nodes: { id: nodes.map((n) => n.id), type: nodes.map((n) => n.type), label: nodes.map((n) => n.label), targeted: nodes.map((n) => n.targeted), date: nodes.map((n) => n.date), stances: nodes.map((n) => n.stances) },
    stanceEdges: view.stanceEdges && columnsOf(view.stanceEdges),
    structuralEdges: columnsOf(view.structuralEdges),
    clusterEdges: view.clusterEdges,
    arrangement,
  };
  return JSON.stringify(columns);
}

export function decodeSnapshot(json: string): { view: LaidOutView; placement: Placement } {
  const { nodes, stanceEdges, structuralEdges, clusterEdges, arrangement } = JSON.parse(json) as SnapshotColumns;
  const edgesOf = (edges: EdgeColumns): ViewEdge[] =>
    edges.source.map((source, i) => ({
      source: nodes.id[source]!,
      target: nodes.id[edges.target[i]!]!,
      relation: edges.relation[i]!,
      stanceCount: edges.stanceCount[i]!,
      latestType: edges.latestType[i]!,
      latestFamily: edges.latestFamily[i]!,
      latestDate: edges.latestDate[i]!,
      latestStance: edges.latestStance[i]!,
    }));
  const view: LaidOutView = {
    nodes: nodes.id.map((id, i) => ({ id, type: nodes.type[i]!, label: nodes.label[i]!, date: nodes.date[i]!, targeted: nodes.targeted[i]!, stances: nodes.stances[i]! })),
    stanceEdges: stanceEdges && edgesOf(stanceEdges),
    structuralEdges: edgesOf(structuralEdges),
    clusterEdges,
  };
  return { view, placement: placementOf(view, arrangement) };
}

/** Where each node of the view was put, by id. */
export function placementOf(view: { nodes: readonly { id: string }[] }, arrangement: Arrangement): Placement {
  return new Map(view.nodes.map((n, i) => [n.id, { x: arrangement.x[i]!, y: arrangement.y[i]!, community: arrangement.community[i]! }]));
}

const RETRY_AFTER_FAILURE_MS = 60_000;
/**
 * Past this many stances added since the stored layout (a bulk import, a restore while the server
 * was down), the layout is computed afresh rather than brought up to date: the additions are
 * read in one transaction, and so many new nodes placed by their neighbours alone would crowd.
 */
const MAX_STANCES_ADDED_IN_PLACE = 50_000;
/**
 * New nodes are placed next to their neighbours only while they are a small share of the
 * picture, and new stances only while they are a small share of its stances: past that (a
 * small graph, a large import) the picture they make is laid out afresh, sides and spacing
 * included, as cheaply as a small graph allows.
 */
const MAX_SHARE_OF_NODES_ADDED_IN_PLACE = 0.05;
const MAX_SHARE_OF_STANCES_ADDED_IN_PLACE = 0.1;

/** The parts of a stamp (graph-view/layout-stamp): sources, their last ingestion, stances and entities. */
interface StampParts {
  sources: number;
  lastIngestedAt: string | null;
  stances: number;
  entities: number;
}

export function parseStamp(stamp: string): StampParts | null {
  const [sources, lastIngestedAt, stances, entities, ...rest] = stamp.split('|');
  if (rest.length > 0 || sources === undefined || lastIngestedAt === undefined || stances === undefined || entities === undefined) return null;
  const numbers = [sources, stances, entities].map(Number);
  if (numbers.some((n) => !Number.isInteger(n))) return null;
  return { sources: numbers[0]!, lastIngestedAt: lastIngestedAt === '-' ? null : lastIngestedAt, stances: numbers[1]!, entities: numbers[2]! };
}

/** How the stored layout was brought level with the graph, counted since this keeper started. */
export interface LayoutRuns {
  /** Computed from scratch: every stance read, ForceAtlas2 and Louvain run. */
  computed: number;
  /** Kept with the new sources' stances added and their new nodes placed; nothing else moved. */
  updated: number;
  /** Kept as it was: the stamp moved but the layout's inputs had not changed. */
  kept: number;
}
/** Answers kept per layout: the unfiltered ones, and the filters an analyst goes back and forth between. */
const MEMOIZED_ANSWERS = 64;

export class GraphLayoutKeeper {
  /** undefined: not read from the database yet; null: none stored. */
  private layout: Promise<StoredLayout | null> | undefined;
  private running: Promise<void> | null = null;
  /** Answers composed from a layout, kept with it: a request that began on an older layout never caches into a newer one's. */
  private readonly answers = new WeakMap<StoredLayout, Map<string, unknown>>();
  private closed = false;
  private worker: Worker | null = null;
  /** After a failed run, requests that find the layout stale do not start another before this time. */
  private retryAfter = 0;
  /** What this keeper did to bring the stored layout level with the graph (tests, bench, logs). */
  readonly runs: LayoutRuns = { computed: 0, updated: 0, kept: 0 };

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    /** Over this many nodes answers open as clusters, so the layout keeps the edges between communities instead of every edge. */
    private readonly nodeBudget: number,
  ) {}

  /** The stored layout (null when none yet) and whether the graph has changed since; a stale or missing layout starts a refresh. */
  async current(): Promise<{ layout: StoredLayout | null; stale: boolean }> {
    const [stamp, layout] = await Promise.all([readLayoutStamp(this.db), this.stored()]);
    const stale = layout?.stamp !== stamp;
    if (stale) this.refresh();
    return { layout, stale };
  }

  /**
   * An answer composed from this layout, kept as long as the layout is (at most
   * MEMOIZED_ANSWERS of them, the oldest dropped first). A promise that fails is not kept.
   */
  memoized<T>(layout: StoredLayout, key: string, compose: () => T): T {
    let answers = this.answers.get(layout);
    if (!answers) this.answers.set(layout, (answers = new Map()));
    if (!answers.has(key)) {
      if (answers.size >= MEMOIZED_ANSWERS) answers.delete(answers.keys().next().value!);
      const answer = compose();
      answers.set(key, answer);
      if (answer instanceof Promise) answer.catch(() => answers.get(key) === answer && answers.delete(key));
    }
    return answers.get(key) as T;
  }

  /** Starts computing a new layout unless one is being computed; errors are logged, never thrown. */
  refresh(): void {
    if (this.running || this.closed || Date.now() < this.retryAfter) return;
    this.running = this.recompute()
      .catch((err: unknown) => {
        this.retryAfter = Date.now() + RETRY_AFTER_FAILURE_MS;
        if (!this.closed) this.logger.error({ err }, 'graph layout failed; the previous layout is kept');
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** Resolves once no layout is being computed (tests, orderly stop). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
    await this.settled();
  }

  /** Read from the database once; a failed read is tried again next time. */
  private stored(): Promise<StoredLayout | null> {
    this.layout ??= this.load().catch((err: unknown) => {
      this.layout = undefined;
      throw err;
    });
    return this.layout;
  }

  private async load(): Promise<StoredLayout | null> {
    const row = await readStoredLayout(this.db);
    if (!row) return null;
    try {
      return { stamp: row.stamp, computedAt: row.computedAt, ...decodeSnapshot(row.snapshot) };
    } catch (err) {
      // A snapshot in an older shape is treated as missing: the next refresh replaces it.
      this.logger.warn({ err }, 'graph layout: the stored snapshot could not be read; computing a new one');
      return null;
    }
  }

  /**
   * Brings the stored layout level with the graph until it matches (an ingestion during a run
   * starts another round): kept as it is when its inputs did not change, brought up to date when
   * sources only added stances and nodes, computed afresh otherwise (or when none is stored).
   */
  private async recompute(): Promise<void> {
    for (;;) {
      const stamp = await readLayoutStamp(this.db);
      const stored = await this.stored();
      if (stored?.stamp === stamp || this.closed) return;
      if (stored && (await this.bringUpToDate(stored, stamp))) continue;
      if (this.closed) return;
      await this.computeAfresh(stamp);
    }
  }

  private async computeAfresh(stamp: string): Promise<void> {
    const started = Date.now();
    const { view, layoutInput } = await this.readGraph();
    this.logger.info({ nodes: view.nodes.length, layoutEdges: layoutInput.edges.length, ms: Date.now() - started }, 'graph layout: computing');
    const arrangement = await this.arrangeInWorker(layoutInput);
    if (view.stanceEdges === null) {
      view.clusterEdges = await readClusterEdges(this.db, UNFILTERED, placementOf(view, arrangement));
      this.logger.info({ clusterEdges: view.clusterEdges.length, ms: Date.now() - started }, 'graph layout: stances between communities summed');
    }
    await this.store(stamp, view, arrangement);
    this.runs.computed += 1;
    this.logger.info({ nodes: view.nodes.length, layoutEdges: layoutInput.edges.length, ms: Date.now() - started }, 'graph layout: stored');
  }

  private async store(stamp: string, view: LaidOutView, arrangement: Arrangement): Promise<void> {
    const computedAt = new Date().toISOString();
    const snapshot = encodeSnapshot(view, arrangement);
    await writeStoredLayout(this.db, { stamp, computedAt, snapshot });
    this.layout = Promise.resolve({ stamp, computedAt, ...decodeSnapshot(snapshot) });
  }

  /**
   * Brings the stored layout level with the graph without computing it again, when that is
   * exact. The sources ingested since it was stored are read, each for the first time (a new
   * version of a source can change stances in place), with the stances they brought (a stance
   * also evidenced by an older source was held before and only gained evidence). Every drawable
   * node's degree must then be its stored one plus those stances, and the stance count the stored
   * one plus theirs, so that nothing was removed or changed beside them (a deletion fails this).
   * If they brought no stance and no node changed, the layout is kept under the new stamp, its
   * positions and computedAt untouched. Otherwise the stances are added to the stored edges (or
   * to the sums between communities), the nodes they bring are placed next to their neighbours,
   * and no other node moves. False when a check fails: the caller computes the layout afresh.
   */
  private async bringUpToDate(stored: StoredLayout, stamp: string): Promise<boolean> {
    const started = Date.now();
    const before = parseStamp(stored.stamp);
    const after = parseStamp(stamp);
    const refuse = (reason: string, details: Record<string, unknown> = {}) => {
      this.logger.info({ reason, ...details }, 'graph layout: not brought up to date in place; computing it afresh');
      return false;
    };
    if (!before || !after) return refuse('a stamp in an older shape');
    if (after.sources < before.sources) return refuse('sources were deleted');
    if (after.stances - before.stances > MAX_STANCES_ADDED_IN_PLACE) return refuse('too many stances added', { added: after.stances - before.stances });
    const since = await readSourcesIngestedSince(this.db, before.lastIngestedAt);
    const again = since.find((source) => !source.first);
    if (again) return refuse('a source was ingested again (its new version may change stances in place)', { source: again.id });
    const sources = since.map((source) => source.id);
    const [nodes, structural, delta] = await Promise.all([readViewNodes(this.db, null), readStructuralEdges(this.db), sources.length > 0 ? readStanceDelta(this.db, sources) : []]);
    const added = delta.reduce((n, row) => n + row.stanceCount, 0);
    if (after.stances !== before.stances + added) return refuse('the stances of the new sources do not account for the change', { sources: sources.length, stancesBefore: before.stances, stancesAfter: after.stances, added });
    const incidence = new Map<string, number>();
    for (const row of delta) {
      incidence.set(row.source, (incidence.get(row.source) ?? 0) + row.stanceCount);
      incidence.set(row.target, (incidence.get(row.target) ?? 0) + row.stanceCount);
    }
    const old = new Map(stored.view.nodes.map((n) => [n.id, n]));
    const fresh = new Set(nodes.map((n) => n.id));
    const gone = [...old.keys()].find((id) => !fresh.has(id));
    if (gone) return refuse('a node was removed', { node: gone });
    for (const node of nodes) {
      const was = old.get(node.id);
      if (was && was.type !== node.type) return refuse('a node changed type', { node: node.id });
      const expected = (was?.stances ?? 0) + (incidence.get(node.id) ?? 0);
      if (node.stances !== expected) return refuse('stances changed beyond the new ones', { node: node.id, stances: node.stances, expected });
    }
    const keepAll = nodes.length <= this.nodeBudget;
    if (keepAll !== (stored.view.stanceEdges !== null)) return refuse('the graph crossed the node budget');
    const structuralEdges = structural.map(structuralEdge);
    const same = added === 0 && sameRows(nodes, stored.view.nodes) && sameRows(structuralEdges.filter((e) => fresh.has(e.source) && fresh.has(e.target)), stored.view.structuralEdges);
    if (same) {
      if (!(await restampStoredLayout(this.db, stored.stamp, stamp))) {
        // Another server stored a layout meanwhile: read it again.
        this.layout = undefined;
        return true;
      }
      this.layout = Promise.resolve({ ...stored, stamp });
      this.runs.kept += 1;
      this.logger.info({ sources: sources.length, ms: Date.now() - started }, 'graph layout: inputs unchanged, stored layout kept');
      return true;
    }
    const deltaEdges = delta.map(stanceEdge);
    const addedNodes = nodes.filter((n) => !old.has(n.id)).map((n) => n.id);
    if (addedNodes.length > MAX_SHARE_OF_NODES_ADDED_IN_PLACE * old.size) return refuse('too many new nodes for the picture', { added: addedNodes.length, nodes: old.size });
    if (added > MAX_SHARE_OF_STANCES_ADDED_IN_PLACE * before.stances) return refuse('too many new stances for the picture', { added, stances: before.stances });
    const placement = placeAddedNodes(stored.placement, addedNodes, [...deltaEdges, ...structuralEdges]);
    const view: LaidOutView = {
      nodes,
      stanceEdges: stored.view.stanceEdges && withStances(stored.view.stanceEdges, delta),
      structuralEdges,
      clusterEdges: stored.view.clusterEdges && withClusterStances(stored.view.clusterEdges, delta, placement),
    };
    const arrangement: Arrangement = { x: [], y: [], community: [] };
    for (const node of nodes) {
      const place = placement.get(node.id)!;
      arrangement.x.push(place.x);
      arrangement.y.push(place.y);
      arrangement.community.push(place.community);
    }
    await this.store(stamp, view, arrangement);
    this.runs.updated += 1;
    this.logger.info({ sources: sources.length, stances: added, addedNodes: addedNodes.length, ms: Date.now() - started }, 'graph layout: brought up to date in place');
    return true;
  }

  /**
   * The graph to lay out, read in chunks of actors. Within the node budget every aggregated edge
   * is kept and laid out. Over it, a million stances can mean a million actor → target pairs: the
   * layout then works on a skeleton (each actor's heaviest edges and each target's heaviest), and
   * only the stances between communities are kept, summed once the communities are known.
   */
  private async readGraph(): Promise<{ view: LaidOutView; layoutInput: ViewGraph }> {
    const [nodes, structural, negotiations] = await Promise.all([readViewNodes(this.db, null), readStructuralEdges(this.db), readNodeNegotiations(this.db)]);
    const structuralEdges = structural.map(structuralEdge);
    const keepAll = nodes.length <= this.nodeBudget;
    const all: ViewEdge[] = [];
    const skeleton = new LayoutSkeleton();
    let chunks = 0;
    await forEachStanceEdgeChunk(this.db, UNFILTERED, null, (chunk) => {
      if (keepAll) all.push(...chunk);
      else skeleton.add(chunk);
      this.logger.info({ chunk: ++chunks }, 'graph layout: stances read');
    });
    const stanceEdges = keepAll ? all : skeleton.edges();
    return {
      view: { nodes, stanceEdges: keepAll ? all : null, structuralEdges, clusterEdges: null },
      layoutInput: { nodes, edges: [...stanceEdges, ...structuralEdges], negotiations },
    };
  }

  private arrangeInWorker(view: ViewGraph): Promise<Arrangement> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./layoutWorker.mjs', import.meta.url), { workerData: view });
      this.worker = worker;
      worker.on('message', (message: { progress?: { step: string; done: number; total: number }; arrangement?: Arrangement }) => {
        if (message.progress) this.logger.info(message.progress, 'graph layout: progress');
        if (message.arrangement) resolve(message.arrangement);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        this.worker = null;
        reject(new Error(`the layout worker stopped (exit code ${code})`));
      });
    });
  }
}

const sameRows = (a: readonly object[], b: readonly object[]) => a.length === b.length && JSON.stringify(a) === JSON.stringify(b);

/** Whether stance `a` (date, id) is later than `b`: the rule of graph-view/view-stance-edges. */
const later = (a: { latestDate: string | null; latestStance: string | null }, b: { latestDate: string | null; latestStance: string | null }) =>
  (a.latestDate ?? '') > (b.latestDate ?? '') || (a.latestDate === b.latestDate && (a.latestStance ?? '') > (b.latestStance ?? ''));

/** Actor → target edges with new stances added: counts add up, the latest stance wins; new pairs come last. */
export function withStances(edges: readonly ViewEdge[], delta: readonly AggregatedEdgeRow[]): ViewEdge[] {
  const result = edges.map((e) => ({ ...e }));
  const at = new Map(result.map((e, i) => [`${e.source}>${e.target}`, i]));
  for (const row of delta) {
    const i = at.get(`${row.source}>${row.target}`);
    if (i === undefined) {
      at.set(`${row.source}>${row.target}`, result.length);
      result.push(stanceEdge(row));
      continue;
    }
    const edge = result[i]!;
    edge.stanceCount += row.stanceCount;
    if (later(row, edge)) Object.assign(edge, { latestType: row.latestType, latestFamily: row.latestFamily, latestDate: row.latestDate, latestStance: row.latestStance });
  }
  return result;
}

/** Stances between communities with new stances added, as graph-view/view-cluster-edges sums them. */
export function withClusterStances(sums: readonly ClusterEdgeRow[], delta: readonly AggregatedEdgeRow[], placement: Placement): ClusterEdgeRow[] {
  const byPair = new Map(sums.map((row) => [`${row.source}>${row.target}`, { ...row }]));
  for (const row of delta) {
    const source = placement.get(row.source)?.community;
    const target = placement.get(row.target)?.community;
    if (source === undefined || target === undefined || source === target) continue;
    addClusterEdge(byPair, { source, target, stanceCount: row.stanceCount, latestType: row.latestType, latestFamily: row.latestFamily, latestDate: row.latestDate, latestStance: row.latestStance });
  }
  return sortedClusterEdges(byPair);
}
