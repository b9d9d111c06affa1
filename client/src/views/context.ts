/** What every view gets: the state store, the graph, and the few actions that span views. */
import type { GraphView } from '../../../server/contract/graphView.ts';
import type { ExplorerGraph, GraphData } from '../graph/explorerGraph.ts';
import type { ExplorerState } from '../state/explorer.ts';
import type { Store } from '../state/store.ts';

export interface ExplorerContext {
  store: Store<ExplorerState>;
  graph: ExplorerGraph;
  /** Adds query results to the graph view and lays the new nodes out. */
  mergeIntoGraph(data: GraphData): number;
  /** Adds query results to the graph view, marks their nodes in it and shows it. */
  markInGraph(data: GraphData): void;
  /** Loads the server's graph view again (after an ingestion), as at start; answers the view. */
  reloadGraphView(): Promise<GraphView>;
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
