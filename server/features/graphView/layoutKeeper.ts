/**
 * Keeps the stored layout of the graph view current. The layout is computed in the background
 * (a worker thread) whenever the graph's stamp differs from the stored one: after an ingestion
 * or a deletion, at start when missing, or when a request finds it stale. Requests never wait
 * for it: they get the stored layout, marked stale, until the new one is written. The stored
 * layout lives in Neo4j, so it survives a restart and every client draws the same picture.
 */
import { Worker } from 'node:worker_threads';
import type { Database } from '../../db/database.ts';
import { type ClusterEdgeRow, readLayoutStamp, readStoredLayout, readStructuralEdges, readViewNodes, type ViewNodeRow, writeStoredLayout } from './data.ts';
import type { Logger } from '../../logger.ts';
import { type Arrangement, LayoutSkeleton, type Placement, structuralEdge, type ViewEdge, type ViewGraph } from './graphLayout.ts';
import { forEachStanceEdgeChunk, readClusterEdges, UNFILTERED } from './stanceEdges.ts';

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

  /** Recomputes until the stored layout matches the graph (an ingestion during a run starts another). */
  private async recompute(): Promise<void> {
    for (;;) {
      const stamp = await readLayoutStamp(this.db);
      const stored = await this.stored();
      if (stored?.stamp === stamp || this.closed) return;
      const started = Date.now();
      const { view, layoutInput } = await this.readGraph();
      this.logger.info({ nodes: view.nodes.length, layoutEdges: layoutInput.edges.length, ms: Date.now() - started }, 'graph layout: computing');
      const arrangement = await this.arrangeInWorker(layoutInput);
      if (view.stanceEdges === null) {
        view.clusterEdges = await readClusterEdges(this.db, UNFILTERED, placementOf(view, arrangement));
        this.logger.info({ clusterEdges: view.clusterEdges.length, ms: Date.now() - started }, 'graph layout: stances between communities summed');
      }
      const computedAt = new Date().toISOString();
      const snapshot = encodeSnapshot(view, arrangement);
      await writeStoredLayout(this.db, { stamp, computedAt, snapshot });
      this.layout = Promise.resolve({ stamp, computedAt, ...decodeSnapshot(snapshot) });
      this.logger.info({ nodes: view.nodes.length, layoutEdges: layoutInput.edges.length, bytes: snapshot.length, ms: Date.now() - started }, 'graph layout: stored');
    }
  }

  /**
   * The graph to lay out, read in chunks of actors. Within the node budget every aggregated edge
   * is kept and laid out. Over it, a million stances can mean a million actor → target pairs: the
   * layout then works on a skeleton (each actor's heaviest edges and each target's heaviest), and
   * only the stances between communities are kept, summed once the communities are known.
   */
  private async readGraph(): Promise<{ view: LaidOutView; layoutInput: ViewGraph }> {
    const [nodes, structural] = await Promise.all([readViewNodes(this.db, null), readStructuralEdges(this.db)]);
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
      layoutInput: { nodes, edges: [...stanceEdges, ...structuralEdges] },
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
