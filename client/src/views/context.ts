/** What every view gets: the state store, the graph, and the few actions that span views. */
import type { ExplorerGraph, GraphData } from '../graph/explorerGraph.ts';
import type { ExplorerState } from '../state/explorer.ts';
import type { Store } from '../state/store.ts';

export interface ExplorerContext {
  store: Store<ExplorerState>;
  graph: ExplorerGraph;
  /** Adds query results to the graph view and lays the new nodes out. */
  mergeIntoGraph(data: GraphData): number;
  /** Short, polite status text for screen readers and sighted users alike. */
  announce(message: string): void;
}

/** A mounted view: its root element and how to tear it down. */
export interface View {
  element: HTMLElement;
  /** Redraws what depends on the graph's content, after it loads or grows. */
  refresh?(): void;
  kill(): void;
}
