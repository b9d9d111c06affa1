/**
 * Keeps the stored layout of the graph view current. The layout is computed in the background
 * (a worker thread) whenever the graph's stamp differs from the stored one: after an ingestion
 * or a deletion, at start when missing, or when a request finds it stale. Requests never wait
 * for it: they get the stored layout, marked stale, until the new one is written. The stored
 * layout lives in Neo4j, so it survives a restart and every client draws the same picture.
 */
import { Worker } from 'node:worker_threads';
import type { Database } from '../db/database.ts';
import { readLayoutStamp, readStoredLayout, writeStoredLayout } from '../data/graphView.ts';
import type { Logger } from '../logger.ts';
import { STANCE_TYPE_NAMES } from '../contract/model.ts';
import type { Arrangement, ViewEdge, ViewGraph } from './graphLayout.ts';
import { readViewGraph } from './graphView.ts';

export type Placement = Map<string, { x: number; y: number; community: number }>;

export interface StoredLayout {
  stamp: string;
  computedAt: string;
  view: ViewGraph;
  placement: Placement;
}

/** The snapshot as stored: columns, as compact as the answers made from it. */
interface SnapshotColumns {
  nodes: { id: string[]; type: string[]; label: string[]; targeted: boolean[]; date?: (string | null)[] };
  edges: { source: number[]; target: number[]; relation: string[]; stanceCount: number[]; latestType: (string | null)[]; latestFamily: (string | null)[]; latestDate: (string | null)[] };
  arrangement: Arrangement;
}

export function encodeSnapshot(view: ViewGraph, arrangement: Arrangement): string {
  const index = new Map(view.nodes.map((n, i) => [n.id, i]));
  const edges = view.edges.filter((e) => index.has(e.source) && index.has(e.target));
  const columns: SnapshotColumns = {
    nodes: { id: view.nodes.map((n) => n.id), type: view.nodes.map((n) => n.type), label: view.nodes.map((n) => n.label), targeted: view.nodes.map((n) => n.targeted), date: view.nodes.map((n) => n.date) },
    edges: {
      source: edges.map((e) => index.get(e.source)!),
      target: edges.map((e) => index.get(e.target)!),
      relation: edges.map((e) => e.relation),
      stanceCount: edges.map((e) => e.stanceCount),
      latestType: edges.map((e) => e.latestType),
      latestFamily: edges.map((e) => e.latestFamily),
      latestDate: edges.map((e) => e.latestDate),
    },
    arrangement,
  };
  return JSON.stringify(columns);
}

export function decodeSnapshot(json: string): { view: ViewGraph; placement: Placement } {
  const { nodes, edges, arrangement } = JSON.parse(json) as SnapshotColumns;
  const view: ViewGraph = {
    // Snapshots stored before dates were kept have none: their nodes read as undated until the next layout.
    nodes: nodes.id.map((id, i) => ({ id, type: nodes.type[i]!, label: nodes.label[i]!, date: nodes.date?.[i] ?? null, targeted: nodes.targeted[i]! })),
    edges: edges.source.map(
      (source, i): ViewEdge => ({
        source: nodes.id[source]!,
        target: nodes.id[edges.target[i]!]!,
        relation: edges.relation[i]!,
        stanceCount: edges.stanceCount[i]!,
        latestType: edges.latestType[i]!,
        latestFamily: edges.latestFamily[i]!,
        latestDate: edges.latestDate[i]!,
      }),
    ),
  };
  return { view, placement: placementOf(view, arrangement) };
}

/** Where each node of the view was put, by id. */
export function placementOf(view: ViewGraph, arrangement: Arrangement): Placement {
  return new Map(view.nodes.map((n, i) => [n.id, { x: arrangement.x[i]!, y: arrangement.y[i]!, community: arrangement.community[i]! }]));
}

const RETRY_AFTER_FAILURE_MS = 60_000;

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
  ) {}

  /** The stored layout (null when none yet) and whether the graph has changed since; a stale or missing layout starts a refresh. */
  async current(): Promise<{ layout: StoredLayout | null; stale: boolean }> {
    const [stamp, layout] = await Promise.all([readLayoutStamp(this.db), this.stored()]);
    const stale = layout?.stamp !== stamp;
    if (stale) this.refresh();
    return { layout, stale };
  }

  /** An answer composed from this layout, kept as long as the layout is. */
  memoized<T>(layout: StoredLayout, key: string, compose: () => T): T {
    let answers = this.answers.get(layout);
    if (!answers) this.answers.set(layout, (answers = new Map()));
    if (!answers.has(key)) answers.set(key, compose());
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
    return row ? { stamp: row.stamp, computedAt: row.computedAt, ...decodeSnapshot(row.snapshot) } : null;
  }

  /** Recomputes until the stored layout matches the graph (an ingestion during a run starts another). */
  private async recompute(): Promise<void> {
    for (;;) {
      const stamp = await readLayoutStamp(this.db);
      const stored = await this.stored();
      if (stored?.stamp === stamp || this.closed) return;
      const started = Date.now();
      const view = await readViewGraph(this.db, STANCE_TYPE_NAMES, null);
      this.logger.info({ nodes: view.nodes.length, edges: view.edges.length }, 'graph layout: computing');
      const arrangement = await this.arrangeInWorker(view);
      const computedAt = new Date().toISOString();
      const snapshot = encodeSnapshot(view, arrangement);
      await writeStoredLayout(this.db, { stamp, computedAt, snapshot });
      this.layout = Promise.resolve({ stamp, computedAt, ...decodeSnapshot(snapshot) });
      this.logger.info({ nodes: view.nodes.length, edges: view.edges.length, bytes: snapshot.length, ms: Date.now() - started }, 'graph layout: stored');
    }
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
