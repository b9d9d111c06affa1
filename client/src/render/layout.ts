/**
 * ForceAtlas2 in a web worker (the page stays responsive while it runs), then noverlap so
 * labels and nodes do not sit on top of each other once it stops.
 */
import { inferSettings } from 'graphology-layout-forceatlas2';
import supervisorModule from 'graphology-layout-forceatlas2/worker.js';
import noverlapModule from 'graphology-layout-noverlap';
import type { ExplorerGraph } from '../graph/explorerGraph.ts';

/**
 * Both packages are CommonJS typed with `export default`: TypeScript (NodeNext) sees the module
 * object, the bundler hands over `module.exports` itself. This accepts either.
 */
function defaultExport<T>(module: { default: T }): T {
  return (module as { default?: T }).default ?? (module as unknown as T);
}
const FA2LayoutSupervisor = defaultExport(supervisorModule);
const noverlap = defaultExport(noverlapModule);

/**
 * noverlap runs on the main thread and its cost grows much faster than the node count (over three
 * minutes for 10k nodes, bench/RESULTS.md); beyond this many nodes labels cannot be read at a
 * glance anyway, so ForceAtlas2's arrangement is kept as it is.
 */
const NOVERLAP_MAX_NODES = 2000;

export interface LayoutController {
  isRunning(): boolean;
  start(): void;
  stop(): void;
  /** Runs for a while and stops by itself: the first arrangement after loading. */
  runFor(ms: number): void;
  onChange(listener: (running: boolean) => void): void;
  kill(): void;
}

export function createLayout(graph: ExplorerGraph): LayoutController {
  /**
   * The worker starts on the first refinement asked for, not with the page: the stored layout is
   * drawn as it is, and a worker spawned at start-up would compete with the first frame. Its
   * settings are inferred from the graph as it is then.
   */
  let supervisor: InstanceType<typeof FA2LayoutSupervisor> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let listener: (running: boolean) => void = () => {};
  const isRunning = () => supervisor?.isRunning() ?? false;

  const stop = () => {
    clearTimeout(timer);
    if (!supervisor?.isRunning()) return;
    supervisor.stop();
    if (graph.order <= NOVERLAP_MAX_NODES) noverlap.assign(graph, { maxIterations: 200, settings: { margin: 3, ratio: 1.2 } });
    // Read by the benchmark (bench/suites/client.ts): the layout has settled.
    performance.mark('parley:layout-settled');
    listener(false);
  };
  const start = () => {
    if (isRunning() || graph.order === 0) return;
    supervisor ??= new FA2LayoutSupervisor(graph, {
      settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 300, adjustSizes: false, gravity: 1, scalingRatio: 8 },
    });
    supervisor.start();
    listener(true);
  };

  return {
    isRunning,
    start,
    stop,
    runFor(ms) {
      start();
      clearTimeout(timer);
      timer = setTimeout(stop, ms);
    },
    onChange(next) {
      listener = next;
    },
    kill() {
      clearTimeout(timer);
      supervisor?.kill();
    },
  };
}
