/**
 * The graph canvas with its toolbar (layout, zoom, export, table view) and legend. Owns the
 * sigma and layout instances and kills both on teardown.
 */
import { api, ApiError } from '../api/client.ts';
import { humanize } from '../graph/encoding.ts';
import { CLUSTER_TYPE, isAggregatedEdge, isVisibleEdge, latestStanceType, mergeGraphView } from '../graph/explorerGraph.ts';
import { downloadGraphAsPng, pngDrawing, type PngDrawing } from '../render/exportPng.ts';
import { createLayout, type LayoutController } from '../render/layout.ts';
import { createRenderer, type DrawnBox, type GraphRenderer } from '../render/sigmaRenderer.ts';
import { STANCE_TYPES } from '../../../server/contract/model.ts';
import { select, selectEdge, setTableView } from '../state/explorer.ts';
import type { ExplorerContext, View } from './context.ts';
import { errorMessage, evidenceList, familyGlyph, formatDate, h, replaceChildren } from './dom.ts';
import { legend } from './legend.ts';

interface GraphPanel extends View {
  renderer: GraphRenderer;
  layout: LayoutController;
  /** Called when the canvas becomes visible again after another mode. */
  resize(): void;
  /** Moves keyboard focus to the graph (or its table), for the skip link. */
  focus(): void;
  /** Makes these nodes stand out (a console result) until the user clears them; null clears. */
  mark(nodes: ReadonlySet<string> | null): void;
}

declare global {
  interface Window {
    /** What the canvas shows, in viewport pixels, for the browser tests (the WebGL canvas has no DOM). */
    __parley?: { drawnLabelBoxes(): DrawnBox[]; drawnNodeBoxes(): DrawnBox[]; pngDrawing(scale: number): PngDrawing };
  }
}

const PNG_SCALES = [1, 2, 3];
/** The image's size at scale 1 when the canvas has none (hidden behind the table view). */
const PNG_FALLBACK_SIZE = { width: 1200, height: 800 };

export function createGraphView(context: ExplorerContext): GraphPanel {
  const { store, graph } = context;
  const canvas = h('div', { class: 'sigma-container', role: 'img', tabindex: '-1', 'aria-label': 'Graph of parties, officials, positions and their stances. Use the search box or the table view to reach nodes by keyboard.' });
  const table = h('div', { class: 'graph-table', hidden: true, tabindex: '-1' });
  const legendElement = legend();
  const layoutButton = h('button', { type: 'button', class: 'button', 'aria-pressed': 'false', title: 'Let ForceAtlas2 refine the stored layout here, in this browser only' }, 'Refine layout');
  const tableButton = h('button', { type: 'button', class: 'button', 'aria-pressed': 'false' }, 'Table view');
  const gexfLink = h('a', { class: 'button', download: 'parley.gexf' }, 'GEXF');
  const pngButton = h('button', { type: 'button', class: 'button' }, 'PNG');
  const pngScale = h('select', { class: 'select', 'aria-label': 'PNG scale' }, PNG_SCALES.map((s) => h('option', { value: String(s) }, `${s}×`)));
  const clearMarksButton = h('button', { type: 'button', class: 'button', hidden: true }, 'Clear the console’s marks');

  const edgePanel = h('aside', { class: 'edge-stances', 'aria-label': 'Stances behind an edge', hidden: true, tabindex: '-1' });
  /** The edge whose stances the panel shows (actor|target, as in the state), null when closed. */
  let shownEdge: string | null = null;
  const closeEdgePanel = () => store.update((s) => selectEdge(s, null));
  const name = (id: string) => graph.getNodeAttribute(id, 'label');
  const nameIfKnown = (id: string) => (graph.hasNode(id) ? name(id) : id);

  /** Lists every stance behind an aggregated actor → target edge, each with its evidence. */
  async function showEdgeStances(edge: string) {
    const [actor = '', target = ''] = edge.split('|');
    edgePanel.hidden = false;
    const heading = h('h2', { class: 'panel-title' }, `${nameIfKnown(actor)} → ${nameIfKnown(target)}`);
    const close = h('button', { type: 'button', class: 'button icon close', 'aria-label': 'Close the stances', onclick: closeEdgePanel }, '×');
    replaceChildren(edgePanel, close, heading, h('p', { class: 'muted' }, 'Loading the stances…'));
    try {
      const answer = await api.edgeStances({ params: { actor, target } });
      const { stances } = answer;
      if (edgePanel.hidden || heading.parentElement !== edgePanel) return;
      heading.textContent = `${answer.actor.label} → ${answer.target.label}`;
      replaceChildren(edgePanel, close, heading,
        h('p', { class: 'muted small' }, `${stances.length} stance${stances.length === 1 ? '' : 's'}, oldest first`),
        h('ul', { class: 'stance-list' }, stances.map((s) => h('li', { class: `stance family-${s.family}`, 'data-stance': s.type, 'data-stance-id': s.id },
          h('p', { class: 'stance-line' }, familyGlyph(s.family), h('span', { class: `badge family-${s.family}` }, STANCE_TYPES[s.type].verb), h('span', { class: 'date' }, formatDate(s.date, s.datePrecision))),
          s.voicedBy ? h('p', { class: 'voiced-by muted small' }, `voiced by ${s.voicedBy.label}`) : null,
          s.condition ? h('p', { class: 'condition' }, `On condition: ${s.condition}`) : null,
          evidenceList(s.evidence)))));
    } catch (err) {
      if (heading.parentElement !== edgePanel) return;
      const missing = err instanceof ApiError && err.status === 404;
      replaceChildren(edgePanel, close, heading, h('p', { role: 'alert', class: missing ? 'not-found' : 'error' },
        missing ? 'Not found: the graph holds no such actor or target. The link may be out of date.' : `The stances could not be loaded: ${errorMessage(err)}`));
    }
  }

  /** Replaces a cluster by its members, where the cluster was. */
  async function expandCluster(cluster: string) {
    try {
      const members = await api.cluster({ params: { id: cluster } });
      const label = graph.getNodeAttribute(cluster, 'label');
      renderer.rebuild(() => {
        mergeGraphView(graph, members);
        graph.dropNode(cluster);
      });
      context.announce(`${label}: ${members.nodes.id.length} nodes brought in.`);
    } catch (err) {
      context.announce(`The cluster could not be expanded: ${errorMessage(err)}`);
    }
  }

  const renderer = createRenderer(graph, canvas, {
    onNodeClick: (node) => (graph.getNodeAttribute(node, 'nodeType') === CLUSTER_TYPE ? void expandCluster(node) : store.update((s) => select(s, node))),
    onStageClick: () => store.update((s) => select(s, null)),
    onEdgeClick: (edge) => isAggregatedEdge(graph.getEdgeAttributes(edge)) && store.update((s) => selectEdge(s, `${graph.source(edge)}|${graph.target(edge)}`)),
    onEdgeHover(edge) {
      const attributes = edge ? graph.getEdgeAttributes(edge) : null;
      const latest = attributes && latestStanceType(attributes);
      canvas.title = edge && attributes && isAggregatedEdge(attributes)
        ? `${name(graph.source(edge))} → ${name(graph.target(edge))}: ${attributes.stanceCount} stance${attributes.stanceCount === 1 ? '' : 's'}${latest ? `, latest ${STANCE_TYPES[latest].verb}` : ''}${attributes.date ? ` on ${attributes.date}` : ''}. Click for the quotes.`
        : '';
    },
  });
  const layout = createLayout(graph);
  const pngSize = () => (canvas.clientWidth && canvas.clientHeight ? { width: canvas.clientWidth, height: canvas.clientHeight } : PNG_FALLBACK_SIZE);
  window.__parley = {
    drawnLabelBoxes: () => renderer.drawnLabelBoxes(),
    drawnNodeBoxes: () => renderer.drawnNodeBoxes(),
    pngDrawing: (scale) => pngDrawing(graph, { ...pngSize(), scale }),
  };
  layout.onChange((running) => {
    layoutButton.textContent = running ? 'Stop refining' : 'Refine layout';
    layoutButton.setAttribute('aria-pressed', String(running));
    // Refining moves nodes in graph units; their labels need room in pixels once it stops.
    if (running) renderer.releaseFrame();
    else renderer.declutter();
  });
  layoutButton.addEventListener('click', () => (layout.isRunning() ? layout.stop() : layout.start()));
  tableButton.addEventListener('click', () => store.update((s) => setTableView(s, !s.tableView)));
  const mark = (nodes: ReadonlySet<string> | null) => {
    renderer.setMarked(nodes);
    clearMarksButton.hidden = !nodes;
    if (nodes) clearMarksButton.textContent = `Clear the console’s marks (${nodes.size} node${nodes.size === 1 ? '' : 's'})`;
  };
  clearMarksButton.addEventListener('click', () => mark(null));
  pngButton.addEventListener('click', () => {
    downloadGraphAsPng(graph, { ...pngSize(), scale: Number(pngScale.value) }, 'parley.png').catch((err: Error) => context.announce(`PNG export failed: ${err.message}`));
  });

  const camera = renderer.sigma.getCamera();
  const zoomButtons = [
    h('button', { type: 'button', class: 'button icon', 'aria-label': 'Zoom in', onclick: () => void camera.zoomIn({ duration: 250 }) }, '+'),
    h('button', { type: 'button', class: 'button icon', 'aria-label': 'Zoom out', onclick: () => void camera.zoomOut({ duration: 250 }) }, '−'),
    h('button', { type: 'button', class: 'button icon', 'aria-label': 'Fit the graph', onclick: () => void camera.reset({ duration: 250 }) }, '⤢'),
  ];

  const element = h(
    'section',
    { class: 'graph-view', 'aria-label': 'Graph' },
    h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Graph tools' }, layoutButton, zoomButtons, tableButton, clearMarksButton, h('span', { class: 'toolbar-gap' }), h('span', { class: 'muted small' }, 'Export'), pngScale, pngButton, gexfLink),
    h('div', { class: 'graph-stage' }, canvas, table, edgePanel),
    legendElement,
  );

  function renderTable() {
    const nodes = graph.filterNodes((_n, a) => !a.hidden);
    const edges = graph.filterEdges((e) => isVisibleEdge(graph, e));
    const name = (id: string) => graph.getNodeAttribute(id, 'label');
    replaceChildren(
      table,
      h('h2', {}, `${nodes.length} nodes`),
      h('table', { class: 'data-table' },
        h('caption', { class: 'visually-hidden' }, 'Nodes shown in the graph'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Connections'))),
        h('tbody', {}, nodes.map((id) => h('tr', {},
          h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => store.update((s) => select(s, id)) }, name(id))),
          h('td', {}, graph.getNodeAttribute(id, 'nodeType')),
          h('td', {}, String(graph.degree(id))),
        ))),
      ),
      h('h2', {}, `${edges.length} relationships`),
      h('table', { class: 'data-table' },
        h('caption', { class: 'visually-hidden' }, 'Relationships shown in the graph'),
        h('thead', {}, h('tr', {}, ['From', 'Relationship', 'To', 'Date'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, edges.map((e) => {
          const a = graph.getEdgeAttributes(e);
          return h('tr', {}, h('td', {}, name(graph.source(e))), h('td', {}, familyGlyph(a.family), h('span', { class: `badge family-${a.family}` }, humanize(a.edgeType))), h('td', {}, name(graph.target(e))), h('td', {}, a.date ?? '—'));
        })),
      ),
    );
  }

  const sync = () => {
    const state = store.get();
    renderer.setSelected(state.selected);
    gexfLink.href = api.url('exportGraph', { query: { format: 'gexf', nodeTypes: state.filters.nodeTypes, stanceTypes: state.filters.stanceTypes, asOf: state.filters.asOf } });
    tableButton.setAttribute('aria-pressed', String(state.tableView));
    table.hidden = !state.tableView;
    canvas.hidden = state.tableView;
    // The legend keys the canvas; over the table it would only hide rows.
    legendElement.hidden = state.tableView;
    if (state.tableView) renderTable();
    if (state.selectedEdge !== shownEdge) {
      shownEdge = state.selectedEdge;
      if (shownEdge) void showEdgeStances(shownEdge);
      else edgePanel.hidden = true;
    }
  };
  const unsubscribe = store.subscribe((state, previous) => {
    sync();
    if (state.selected && state.selected !== previous.selected && graph.hasNode(state.selected) && !state.tableView) renderer.focusNode(state.selected);
  });
  sync();

  return {
    element,
    renderer,
    layout,
    resize() {
      renderer.sigma.resize();
      renderer.refresh();
      renderer.declutter();
    },
    focus() {
      (store.get().tableView ? table : canvas).focus();
    },
    refresh() {
      if (store.get().tableView) renderTable();
    },
    mark,
    kill() {
      unsubscribe();
      delete window.__parley;
      layout.kill();
      renderer.kill();
    },
  };
}
