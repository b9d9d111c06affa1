/**
 * Assembles the explorer: state store, graph, views, permalink. `mount` is the only entry point;
 * it returns a teardown that kills every sigma and layout instance and removes listeners.
 */
import { STANCE_TYPE_NAMES } from '../../server/contract/model.ts';
import { api } from './api/client.ts';
import type { GraphView } from '../../server/contract/graphView.ts';
import {
  applyFilters,
  CLUSTER_TYPE,
  createExplorerGraph,
  describeCounts,
  type GraphData,
  graphCounts,
  mergeGraphData,
  mergeGraphView,
  placeOnRing,
  replaceAggregatedEdges,
  timelineDates,
} from './graph/explorerGraph.ts';
import { type ExplorerState, historyChange, type HistoryChange, MODES, pushesHistory, select, setMode, showNodeType, type Mode } from './state/explorer.ts';
import { fromHash, toHash } from './state/permalink.ts';
import { createStore } from './state/store.ts';
import type { ExplorerContext, View } from './views/context.ts';
import { errorMessage, h } from './views/dom.ts';
import { createFiltersPanel } from './views/filtersPanel.ts';
import { createGraphView } from './views/graphView.ts';
import { createSearchBox } from './views/searchBox.ts';
import { createSidePanel } from './views/sidePanel.ts';
import { createBell } from './views/bell.ts';
import { createNegotiationPicker } from './views/negotiationPicker.ts';

/** Waits for the server's layout (the first, or one that includes a change): 20 × 500 ms. */
const LAYOUT_WAIT_ATTEMPTS = 20;
const LAYOUT_WAIT_MS = 500;

/** The context node types the graph view sends only when asked, by the node type that asks for them. */
const VIEW_EXTRAS = { Document: 'documents', Place: 'places' } as const;
/** What the graph view is asked to include: the context node types that are ticked. */
function viewInclude({ filters: { nodeTypes } }: Pick<ExplorerState, 'filters'>) {
  return nodeTypes.flatMap((type) => (type in VIEW_EXTRAS ? [VIEW_EXTRAS[type as keyof typeof VIEW_EXTRAS]] : []));
}

/** The view's filters; all stance types and every source is the server's default and its cached answer. */
function viewFilters({ filters: { stanceTypes, asOf }, sourceFilter }: Pick<ExplorerState, 'filters' | 'sourceFilter'>) {
  return { stanceTypes: stanceTypes.length === STANCE_TYPE_NAMES.length ? undefined : stanceTypes, asOf, ...sourceFilter };
}
/** What the graph view is asked for before any filter: the ticked context types, in the chosen negotiation. */
function viewQuery(state: Pick<ExplorerState, 'filters' | 'negotiation'>) {
  return { include: viewInclude(state), negotiation: state.negotiation };
}
const isFiltered = (filters: ReturnType<typeof viewFilters>) =>
  Boolean(filters.stanceTypes || filters.asOf || filters.minReliability || filters.minCredibility || filters.excludeAffiliatedWith);

/**
 * The first screen is the graph. Every other view is a chunk of its own, loaded and built when it
 * is first shown, so the explorer's start-up neither parses nor runs their code (nor the console's
 * editor) before the graph is drawn.
 */
const OTHER_VIEWS: Record<Exclude<Mode, 'graph'>, () => Promise<(context: ExplorerContext) => View>> = {
  trace: () => import('./views/traceView.ts').then((m) => m.createTraceView),
  matrix: () => import('./views/matrixView.ts').then((m) => m.createMatrixView),
  console: () => import('./views/consoleView.ts').then((m) => m.createConsoleView),
  ask: () => import('./views/askView.ts').then((m) => m.createAskView),
  sources: () => import('./views/sourceListView.ts').then((m) => m.createSourceListView),
  conflicts: () => import('./views/conflictsView.ts').then((m) => m.createConflictsView),
  source: () => import('./views/sourceView.ts').then((m) => m.createSourceView),
  compare: () => import('./views/compareView.ts').then((m) => m.createCompareView),
};

const MODE_LABELS: Record<Mode, string> = {
  graph: 'Graph',
  trace: 'Trace',
  matrix: 'Matrix',
  console: 'Cypher',
  ask: 'Ask',
  sources: 'Sources',
  conflicts: 'Conflicts',
  source: 'Add source',
  compare: 'Compare',
};

export function mount(root: HTMLElement): () => void {
  // Asked first, so the answer travels while the renderer compiles its shaders and the page is built.
  const store = createStore(fromHash(window.location.hash));
  let firstView: Promise<GraphView> | null = api.graphView({ query: viewQuery(store.get()) });
  const graph = createExplorerGraph();
  const status = h('p', { class: 'status', role: 'status' });
  const announce = (message: string) => (status.textContent = message);
  /** The status bar follows the filters: what is shown, of what is loaded. */
  let loaded = false;
  /** What the loaded view is beyond its counts: clusters of a larger graph, or an answer cut short. */
  let viewNote = '';
  const announceCounts = () => loaded && announce(`${describeCounts(graphCounts(graph)).replace(/\.$/, '')}${viewNote}.`);

  const graphView = createGraphView({ store, graph, mergeIntoGraph, markInGraph, reloadGraphView, announce });
  /** New nodes start next to a neighbour; the layout only moves them when the analyst asks (Refine layout). */
  function mergeIntoGraph(data: GraphData): number {
    const added = mergeGraphData(graph, data);
    applyFilters(graph, store.get().filters);
    // A node brought in starts next to a neighbour: it is moved to a spot of its own.
    if (added.length) graphView.renderer.declutter();
    refreshViews();
    return added.length;
  }
  /** After an ingestion: the view again, once the server has laid the change out. */
  function reloadGraphView(): Promise<GraphView> {
    // An ingestion may have declared a negotiation, or put something in "Unassigned".
    void negotiationPicker.reload();
    return loadGraphView({ current: true });
  }
  function markInGraph(data: GraphData): void {
    mergeIntoGraph(data);
    graphView.mark(new Set(data.nodes.map((node) => node.id)));
    // A selection would outshine the marks.
    store.update((s) => setMode(select(s, null), 'graph'));
  }
  const context: ExplorerContext = { store, graph, mergeIntoGraph, markInGraph, reloadGraphView, announce };
  const filtersPanel = createFiltersPanel(context, () => timelineDates(graph));
  const negotiationPicker = createNegotiationPicker(context);
  filtersPanel.element.prepend(negotiationPicker.element);
  const sidePanel = createSidePanel(context);
  const bell = createBell(context);
  const search = createSearchBox(graph, async (hit) => {
    // A hit outside the loaded part (inside a cluster, or beyond the view) is brought in with its neighbours.
    if (!graph.hasNode(hit.id)) {
      try {
        mergeIntoGraph(await api.neighbors({ params: { id: hit.id } }));
      } catch (err) {
        announce(`${hit.label} could not be brought into the graph: ${errorMessage(err)}`);
      }
    }
    // A hit of a type the filters leave out (a place, a document) is asked for: its type is ticked.
    store.update((s) => select(showNodeType(s.mode === 'graph' || s.mode === 'trace' ? s : setMode(s, 'graph'), hit.type), hit.id));
    // Keyboard users land in the details they asked for.
    sidePanel.element.focus();
  });
  /** The views built so far: the graph at once, the others when first shown. */
  const panels: Partial<Record<Mode, View>> = { graph: graphView };
  const requestedViews = new Set<Mode>(['graph']);
  let unmounted = false;
  function showView(mode: Mode) {
    if (mode === 'graph' || requestedViews.has(mode)) return;
    requestedViews.add(mode);
    OTHER_VIEWS[mode]().then(
      (create) => {
        if (unmounted) return;
        const view = create(context);
        panels[mode] = view;
        panelElements[MODES.indexOf(mode)]!.append(view.element);
      },
      (err) => {
        requestedViews.delete(mode);
        announce(`The ${MODE_LABELS[mode]} view could not be loaded: ${errorMessage(err)}`);
      },
    );
  }

  /** Views that list graph content (timeline, details, position picker, parameter hints). */
  function refreshViews() {
    announceCounts();
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
  const panelElements = MODES.map((mode) => h('div', { role: 'tabpanel', id: `panel-${mode}`, 'aria-labelledby': `tab-${mode}`, class: 'mode-panel' }, panels[mode]?.element ?? null));

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
      search.element, tabList, bell.element),
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
    showView(mode);
    if (mode === 'graph') graphView.resize();
  };
  /**
   * A change of view, selection, trace or filter is a step the analyst took, so it gets a history
   * entry of its own and Back returns to what was there before (a run of filter changes, the time
   * slider dragged, shares one); query and question edits replace the current entry
   * (historyChange and pushesHistory in state/explorer.ts).
   */
  let lastChange: { change: HistoryChange; at: number } | null = null;
  const syncUrl = (change: HistoryChange) => {
    const hash = toHash(store.get());
    if (change === 'none' || hash === window.location.hash || (hash === '' && window.location.hash === '')) return;
    const url = `${window.location.pathname}${window.location.search}${hash || '#'}`;
    const now = performance.now();
    if (pushesHistory(change, lastChange, now)) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    lastChange = { change, at: now };
  };
  /** Context node types the graph does not hold yet are asked for when ticked. */
  const requestedTypes = new Set<string>();
  function loadNodeTypes(state: ExplorerState) {
    if (!loaded || clustered) return;
    const wanted = state.filters.nodeTypes.filter((type) => !requestedTypes.has(type));
    for (const type of wanted) requestedTypes.add(type);
    if (wanted.some((type) => type in VIEW_EXTRAS)) void loadGraphView().catch((err) => announce(`The graph could not be loaded: ${errorMessage(err)}`));
    // Sources are no part of the laid-out view: they are read as nodes and set on a ring around it.
    if (wanted.includes('Source')) {
      api.graph({ query: { nodeTypes: ['Source'] } }).then(
        (data) => {
          const before = new Set(graph.nodes());
          graphView.renderer.rebuild(() => {
            mergeGraphData(graph, data);
            placeOnRing(graph, graph.filterNodes((node) => !before.has(node)));
            applyFilters(graph, store.get().filters);
          });
          refreshViews();
        },
        (err) => announce(`The sources could not be loaded: ${errorMessage(err)}`),
      );
    }
  }
  /** The view's edges count the stances the filters keep, so a change of stance types or date asks again. */
  let clustered = false;
  const recountEdges = (state: ExplorerState) =>
    api.graphView({ query: { ...viewFilters(state), ...viewQuery(state) } }).then(
      (view) => {
        graphView.renderer.rebuild(() => {
          replaceAggregatedEdges(graph, view);
          applyFilters(graph, store.get().filters);
        });
        refreshViews();
      },
      (err) => announce(`The edges could not be recounted: ${errorMessage(err)}`),
    );
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.mode !== previous.mode) syncMode();
    if (state.filters !== previous.filters) {
      applyFilters(graph, state.filters);
      if (state.filters.nodeTypes !== previous.filters.nodeTypes) {
        // Nodes of a ticked type that were loaded already are shown where they were: they get room too.
        if (state.filters.nodeTypes.some((type) => !previous.filters.nodeTypes.includes(type))) graphView.renderer.declutter();
        loadNodeTypes(state);
      }
      announceCounts();
    }
    // A clustered view's edges join clusters, which expanding replaces: they are not recounted.
    const recount =
      state.filters.stanceTypes !== previous.filters.stanceTypes || state.filters.asOf !== previous.filters.asOf || state.sourceFilter !== previous.sourceFilter;
    if (!clustered && recount && state.negotiation === previous.negotiation) void recountEdges(state);
    // Another negotiation is another node set: the graph is read again in its scope.
    if (loaded && state.negotiation !== previous.negotiation) {
      void loadGraphView({ scopeChanged: true }).catch((err) => announce(`The graph could not be loaded: ${errorMessage(err)}`));
    }
    syncUrl(historyChange(previous, state));
  });
  // Back and Forward, and edits to the address bar, restore that view.
  const onHashChange = () => {
    if (window.location.hash !== toHash(store.get())) store.update(() => fromHash(window.location.hash));
  };
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('popstate', onHashChange);
  syncMode();

  /**
   * The server's graph view, into the graph: at start, and again after an ingestion changed it. The
   * graph is drawn at the positions the server stored: no layout runs in the browser. The server
   * answers from its stored layout, computed in the background after a change: at start any stored
   * layout will do (right after the server starts the first may still be computing), while a reload
   * for a change (`current`) waits for the layout that includes it; either waits only a while.
   * Known edges take their new counts and new nodes and edges join; clusters give way to the new
   * answer's (a change may group nodes anew), while nodes brought in by search, trace or the
   * console stay.
   */
  async function loadGraphView({ current = false, scopeChanged = false } = {}): Promise<GraphView> {
    let view: GraphView;
    let negotiation = store.get().negotiation;
    for (let attempt = 1; ; attempt++) {
      // The whole view first (the server's cached answer, and every node's dates); filters recount it after.
      view = await (firstView ?? api.graphView({ query: viewQuery(store.get()) }));
      firstView = null;
      if (store.get().negotiation !== negotiation) {
        // The analyst chose another negotiation meanwhile: once loaded, that change reads its own view;
        // before, this first load asks again in the new scope.
        if (loaded) return view;
        negotiation = store.get().negotiation;
        continue;
      }
      const ready = current ? !view.layout.stale : view.layout.computedAt !== null;
      if (ready || attempt === LAYOUT_WAIT_ATTEMPTS) break;
      announce('The server is laying the graph out…');
      await new Promise((resolve) => setTimeout(resolve, LAYOUT_WAIT_MS));
    }
    clustered = view.mode === 'clusters';
    graphView.renderer.rebuild(() => {
      // Another negotiation: nothing of the one before stays, not even what search brought in.
      if (scopeChanged) {
        graph.clear();
        requestedTypes.clear();
        for (const type of store.get().filters.nodeTypes) if (type !== 'Source') requestedTypes.add(type);
      }
      graph.filterNodes((_node, attributes) => attributes.nodeType === CLUSTER_TYPE).forEach((cluster) => graph.dropNode(cluster));
      mergeGraphView(graph, view);
      applyFilters(graph, store.get().filters);
    });
    refreshViews();
    if (!clustered && isFiltered(viewFilters(store.get()))) void recountEdges(store.get());
    if (scopeChanged) loadNodeTypes(store.get());
    return view;
  }

  announce('Loading the graph…');
  loadGraphView().then(
    (view) => {
      // Read by the benchmark (bench/suites/client.ts): the loaded graph was drawn as it was merged
      // (the renderer's rebuild indexes and draws it at once).
      performance.mark('parley:first-frame');
      loaded = true;
      viewNote = `${view.mode === 'clusters' ? `, as ${graph.order} clusters of ${view.totals.nodes} nodes (click one to open it)` : ''}${view.truncated ? ' (cut short by the answer’s bounds)' : ''}`;
      announceCounts();
      // The first view holds every ticked type but sources.
      for (const type of store.get().filters.nodeTypes) if (type !== 'Source') requestedTypes.add(type);
      loadNodeTypes(store.get());
      root.dataset.loaded = 'true';
    },
    (err) => {
      announce(`The graph could not be loaded: ${errorMessage(err)}`);
      root.dataset.loaded = 'error';
    },
  );

  return () => {
    unmounted = true;
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
    window.removeEventListener('popstate', onHashChange);
    for (const panel of Object.values(panels)) panel.kill();
    filtersPanel.kill();
    sidePanel.kill();
    bell.kill();
    search.kill();
    root.replaceChildren();
  };
}
