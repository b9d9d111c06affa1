/**
 * Assembles the explorer: state store, graph, views, permalink. `mount` is the only entry point;
 * it returns a teardown that kills every sigma and layout instance and removes listeners.
 */
import { api } from './api/client.ts';
import { applyFilters, createExplorerGraph, type GraphData, mergeGraphData, timelineDates } from './graph/explorerGraph.ts';
import { MODES, select, setMode, type Mode } from './state/explorer.ts';
import { fromHash, toHash } from './state/permalink.ts';
import { createStore } from './state/store.ts';
import { createAskView } from './views/askView.ts';
import { createConflictsView } from './views/conflictsView.ts';
import { createConsoleView } from './views/consoleView.ts';
import type { ExplorerContext, View } from './views/context.ts';
import { errorMessage, h } from './views/dom.ts';
import { createFiltersPanel } from './views/filtersPanel.ts';
import { createGraphView } from './views/graphView.ts';
import { createMatrixView } from './views/matrixView.ts';
import { createSearchBox } from './views/searchBox.ts';
import { createSidePanel } from './views/sidePanel.ts';
import { createSourceListView } from './views/sourceListView.ts';
import { createSourceView } from './views/sourceView.ts';
import { createTraceView } from './views/traceView.ts';

const MODE_LABELS: Record<Mode, string> = {
  graph: 'Graph',
  trace: 'Trace',
  matrix: 'Matrix',
  console: 'Cypher',
  ask: 'Ask',
  sources: 'Sources',
  conflicts: 'Conflicts',
  source: 'Add source',
};
const GRAPH_LIMIT = 2000;
const FIRST_LAYOUT_MS = 2500;

export function mount(root: HTMLElement): () => void {
  const store = createStore(fromHash(window.location.hash));
  const graph = createExplorerGraph();
  const status = h('p', { class: 'status', role: 'status' });
  const announce = (message: string) => (status.textContent = message);

  const graphView = createGraphView({ store, graph, mergeIntoGraph, markInGraph, announce });
  function mergeIntoGraph(data: GraphData): number {
    const added = mergeGraphData(graph, data);
    applyFilters(graph, store.get().filters);
    refreshViews();
    if (added.length) graphView.layout.runFor(1500);
    return added.length;
  }
  function markInGraph(data: GraphData): void {
    mergeIntoGraph(data);
    graphView.mark(new Set(data.nodes.map((node) => node.id)));
    // A selection would outshine the marks.
    store.update((s) => setMode(select(s, null), 'graph'));
  }
  const context: ExplorerContext = { store, graph, mergeIntoGraph, markInGraph, announce };
  const filtersPanel = createFiltersPanel(context, () => timelineDates(graph));
  const sidePanel = createSidePanel(context);
  const search = createSearchBox(graph, (hit) => {
    store.update((s) => select(s.mode === 'graph' || s.mode === 'trace' ? s : setMode(s, 'graph'), hit.id));
    // Keyboard users land in the details they asked for.
    sidePanel.element.focus();
  });
  const panels: Record<Mode, View> = {
    graph: graphView,
    trace: createTraceView(context),
    matrix: createMatrixView(context),
    console: createConsoleView(context),
    ask: createAskView(context),
    sources: createSourceListView(context),
    conflicts: createConflictsView(context),
    source: createSourceView(context),
  };

  /** Views that list graph content (timeline, details, position picker, parameter hints). */
  function refreshViews() {
    filtersPanel.refreshTimeline();
    sidePanel.refresh?.();
    for (const panel of Object.values(panels)) panel.refresh?.();
  }

  const tabs = MODES.map((mode) =>
    h('button', { type: 'button', role: 'tab', id: `tab-${mode}`, 'aria-controls': `panel-${mode}`, class: 'tab', 'data-mode': mode, onclick: () => store.update((s) => setMode(s, mode)) }, MODE_LABELS[mode]),
  );
  const tabList = h('nav', { class: 'tabs', role: 'tablist', 'aria-label': 'Views' }, tabs);
  tabList.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const current = MODES.indexOf(store.get().mode);
    const next = MODES[(current + (event.key === 'ArrowRight' ? 1 : MODES.length - 1)) % MODES.length]!;
    store.update((s) => setMode(s, next));
    document.getElementById(`tab-${next}`)?.focus();
  });
  const panelElements = MODES.map((mode) => h('div', { role: 'tabpanel', id: `panel-${mode}`, 'aria-labelledby': `tab-${mode}`, class: 'mode-panel' }, panels[mode].element));

  // The skip link changes the view in the store, not the hash, which holds the whole view state.
  const skipLink = h('a', { class: 'skip-link', href: '#panel-graph' }, 'Skip to the graph');
  skipLink.addEventListener('click', (event) => {
    event.preventDefault();
    store.update((s) => setMode(s, 'graph'));
    graphView.focus();
  });
  root.replaceChildren(
    skipLink,
    h('header', { class: 'topbar' },
      h('h1', { class: 'brand-heading' },
        h('a', { class: 'brand', href: '#', 'aria-label': 'Parley home' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '◆'), 'Parley')),
      search.element, tabList),
    h('div', { class: 'layout' }, filtersPanel.element, h('main', { class: 'main' }, panelElements), sidePanel.element),
    h('footer', { class: 'footer' }, status),
  );
  root.classList.add('explorer');

  const syncMode = () => {
    const { mode } = store.get();
    MODES.forEach((m, index) => {
      const selected = m === mode;
      tabs[index]!.setAttribute('aria-selected', String(selected));
      tabs[index]!.tabIndex = selected ? 0 : -1;
      panelElements[index]!.hidden = !selected;
    });
    if (mode === 'graph') graphView.resize();
  };
  /**
   * A change of view, selection or trace is a step the analyst took, so it gets a history entry
   * of its own and Back returns to it; filter, query and question edits replace the current one.
   */
  const syncUrl = (step: boolean) => {
    const hash = toHash(store.get());
    if (hash !== window.location.hash && !(hash === '' && window.location.hash === '')) {
      const url = `${window.location.pathname}${window.location.search}${hash || '#'}`;
      if (step) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.mode !== previous.mode) syncMode();
    if (state.filters !== previous.filters) applyFilters(graph, state.filters);
    if (state.sourceFilter !== previous.sourceFilter) loadGraph();
    syncUrl(state.mode !== previous.mode || state.selected !== previous.selected || state.tracePosition !== previous.tracePosition);
  });
  // Back and Forward, and edits to the address bar, restore that view.
  const onHashChange = () => {
    if (window.location.hash !== toHash(store.get())) store.update(() => fromHash(window.location.hash));
  };
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('popstate', onHashChange);
  syncMode();

  /** Reads the graph the source filter admits; a changed filter replaces what is drawn. */
  let graphRequest = 0;
  function loadGraph() {
    const request = ++graphRequest;
    announce('Loading the graph…');
    api.graph({ limit: GRAPH_LIMIT, ...store.get().sourceFilter }).then(
      (data) => {
        if (request !== graphRequest) return;
        // Read by the benchmark (bench/suites/client.ts): when the loaded graph is first drawn.
        graphView.renderer.sigma.once('afterRender', () => performance.mark('parley:first-frame'));
        graph.clear();
        mergeGraphData(graph, data);
        applyFilters(graph, store.get().filters);
        refreshViews();
        graphView.layout.runFor(FIRST_LAYOUT_MS);
        announce(`${graph.order} nodes and ${graph.size} relationships loaded${data.truncated ? ` (capped at ${GRAPH_LIMIT} nodes)` : ''}.`);
        root.dataset.loaded = 'true';
      },
      (err) => {
        if (request !== graphRequest) return;
        announce(`The graph could not be loaded: ${errorMessage(err)}`);
        root.dataset.loaded = 'error';
      },
    );
  }
  loadGraph();

  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
    window.removeEventListener('popstate', onHashChange);
    for (const panel of Object.values(panels)) panel.kill();
    filtersPanel.kill();
    sidePanel.kill();
    search.kill();
    root.replaceChildren();
  };
}
