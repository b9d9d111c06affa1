/**
 * The read-only Cypher console, as a Neo4j Browser user expects it: completion from the live
 * schema, errors marked where Neo4j says they are, a parameters panel, a history of 100 queries
 * (Ctrl+Up/Down), saved queries with permalinks, the named questions as templates, results as a
 * table, a graph of their own, JSON or a plan tree, downloads, and "highlight in the main graph".
 * The server keeps every bound (read-only checks, timeout, row cap); nothing here relaxes them.
 */
import type { CypherResponse } from '../../../server/contract/console.ts';
import type { Question } from '../../../server/contract/questions.ts';
import { ApiError, api } from '../api/client.ts';
import type { CypherEditor, ErrorPosition } from '../console/cypherEditor.ts';
import { downloadText, resultCsv, resultJson } from '../console/downloads.ts';
import { historyCursor, historyLabels, remember } from '../console/history.ts';
import { missingParameters, parseParams } from '../console/params.ts';
import { planTree } from '../console/planTree.ts';
import { createResultGraph, type ResultGraph } from '../console/resultGraph.ts';
import { type SavedQuery, isSavedQuery, savedQueryFromHash, savedQueryHash, withSaved, withoutSaved } from '../console/savedQueries.ts';
import { storedList } from '../console/storage.ts';
import { templateParams } from '../console/templates.ts';
import '../console/console.css';
import type { GraphData } from '../graph/explorerGraph.ts';
import { select, setMode, setQuery, setQueryParams } from '../state/explorer.ts';
import type { ExplorerContext, View } from './context.ts';
import { dataTable, errorMessage, h, replaceChildren } from './dom.ts';

type ResultTab = 'table' | 'graph' | 'json' | 'plan';
const TAB_LABELS: Record<ResultTab, string> = { table: 'Table', graph: 'Graph', json: 'JSON', plan: 'Plan' };

const isString = (value: unknown): value is string => typeof value === 'string';

export function createConsoleView(context: ExplorerContext): View {
  const { store, graph } = context;
  const history = storedList(window.localStorage, 'parley.console.history', isString);
  const savedList = storedList(window.localStorage, 'parley.console.saved', isSavedQuery);
  const cursor = historyCursor(() => history.read());
  let editor: CypherEditor | null = null;
  let resultGraph: ResultGraph | null = null;
  let tab: ResultTab = 'table';

  const results = h('div', { class: 'console-results', 'aria-live': 'polite' });
  const notice = h('div', { class: 'console-notice', hidden: true });
  const editorHost = h('div', { class: 'editor' }, h('p', { class: 'muted small' }, 'Loading the editor…'));
  const paramsInput = h('textarea', { class: 'console-params', id: 'console-params', rows: 3, spellcheck: 'false', placeholder: '{"party": "party:russia"}', 'aria-describedby': 'console-params-status' });
  const paramsStatus = h('p', { class: 'small', id: 'console-params-status', role: 'status' });
  const templateSelect = h('select', { 'aria-label': 'Templates: the named analyst questions' });
  const historySelect = h('select', { 'aria-label': 'History: the last 100 queries' });
  const savedHost = h('div', { class: 'console-saved' });
  const schemaHost = h('div', { class: 'console-schema' });
  const saveForm = h('form', { class: 'console-save', hidden: true },
    h('label', {}, 'Name ', h('input', { name: 'name', required: true, maxlength: 120 })),
    h('label', {}, 'Description ', h('input', { name: 'description', maxlength: 500 })),
    h('button', { type: 'submit', class: 'button primary' }, 'Save'),
    h('button', { type: 'button', class: 'button', onclick: () => (saveForm.hidden = true) }, 'Cancel'));

  const currentQuery = () => editor?.value() ?? store.get().query;

  // ---------------------------------------------------------------- parameters

  const checkParams = () => {
    const parsed = parseParams(paramsInput.value);
    paramsInput.setAttribute('aria-invalid', String(!parsed.ok));
    paramsStatus.className = `small ${parsed.ok ? 'muted' : 'error-text'}`;
    paramsStatus.textContent = parsed.ok ? `${Object.keys(parsed.params).length} parameter${Object.keys(parsed.params).length === 1 ? '' : 's'}` : parsed.message;
    return parsed;
  };
  paramsInput.addEventListener('input', () => {
    checkParams();
    store.update((s) => setQueryParams(s, paramsInput.value));
  });

  // ---------------------------------------------------------------- running

  const showError = (err: unknown) => {
    const api = err instanceof ApiError ? err : null;
    const refused = api?.status === 403 || api?.code === 'read_only';
    // Status 0: the query never reached the server (the console's own checks, or no network).
    const heading = refused ? 'Refused: the console is read-only. ' : api?.status === 0 ? 'Not sent: ' : 'Query failed: ';
    const position = (api?.details as { position?: ErrorPosition } | undefined)?.position;
    editor?.markError(position ? { position, message: api!.message } : null);
    replaceChildren(results, h('div', { class: `error ${refused ? 'read-only' : ''}`, role: 'alert', 'data-code': api ? api.code : 'error' },
      h('strong', {}, heading),
      errorMessage(err),
      position ? h('span', { class: 'error-position' }, ` (line ${position.line}, column ${position.column})`) : null));
  };

  const run = () => {
    const query = currentQuery();
    store.update((s) => setQuery(s, query));
    if (!query.trim()) return;
    editor?.markError(null);
    const parsed = checkParams();
    if (!parsed.ok) return showError(new ApiError(0, 'invalid_parameters', parsed.message));
    const missing = missingParameters(query, parsed.params);
    if (missing) return showError(new ApiError(0, 'missing_parameter', missing));
    history.write(remember(history.read(), query));
    cursor.reset();
    renderHistory();
    replaceChildren(results, h('p', { class: 'muted' }, 'Running…'));
    api.cypher({ body: { query, params: parsed.params } }).then((answer) => showAnswer(answer), showError);
  };

  const showAnswer = (answer: CypherResponse) => {
    resultGraph?.kill();
    resultGraph = null;
    const data: GraphData = answer.graph;
    const profiled = answer.plan ? answer.plan.rows !== null : false;
    const tabs: ResultTab[] = [...(answer.columns.length || !answer.plan ? (['table', 'graph', 'json'] as const) : []), ...(answer.plan ? (['plan'] as const) : [])];
    if (answer.plan) tab = 'plan';
    else if (!tabs.includes(tab)) tab = 'table';
    const body = h('div', { class: 'result-body' });
    const tabButtons = tabs.map((t) => h('button', { type: 'button', role: 'tab', class: 'tab', 'data-tab': t, onclick: () => showTab(t) }, TAB_LABELS[t]));
    const showTab = (next: ResultTab) => {
      tab = next;
      tabButtons.forEach((b, i) => b.setAttribute('aria-selected', String(tabs[i] === next)));
      if (next === 'table') replaceChildren(body, answer.columns.length ? dataTable(answer.columns, answer.rows, 'Query results') : h('p', { class: 'muted' }, 'The query returned no columns.'));
      if (next === 'json') replaceChildren(body, h('pre', { class: 'result-json', tabindex: '0' }, resultJson(answer.columns, answer.rows)));
      if (next === 'plan' && answer.plan) replaceChildren(body, planTree(answer.plan, profiled));
      if (next === 'graph') {
        if (!data.nodes.length) return replaceChildren(body, h('p', { class: 'muted' }, 'The result holds no nodes or relationships to draw.'));
        resultGraph ??= createResultGraph(data, (node) => store.update((s) => select(s, node)));
        replaceChildren(body, resultGraph.element);
        resultGraph.show();
      }
    };
    const { rows, columns, summary } = answer;
    replaceChildren(results,
      h('p', { class: 'result-summary' },
        answer.plan && !profiled ? 'Planned, not run.' : `${rows.length} row${rows.length === 1 ? '' : 's'} in ${summary.resultAvailableAfterMs} ms`,
        summary.truncated ? ' (truncated at the row cap)' : '',
        data.nodes.length ? ` · ${data.nodes.length} node${data.nodes.length === 1 ? '' : 's'}` : ''),
      h('div', { class: 'toolbar result-tools' },
        h('div', { role: 'tablist', 'aria-label': 'Show the result as', class: 'result-tabs' }, tabButtons),
        h('span', { class: 'toolbar-gap' }),
        columns.length ? [
          h('button', { type: 'button', class: 'button', onclick: () => downloadText('parley-result.csv', 'text/csv', resultCsv(columns, rows)) }, 'Download CSV'),
          h('button', { type: 'button', class: 'button', onclick: () => downloadText('parley-result.json', 'application/json', resultJson(columns, rows)) }, 'Download JSON'),
        ] : null,
        data.nodes.length ? h('button', { type: 'button', class: 'button', onclick: () => context.markInGraph(data) }, 'Highlight in the main graph') : null),
      body);
    showTab(tab);
  };

  // ---------------------------------------------------------------- history, saved queries, templates

  const load = (query: string, params?: string) => {
    editor?.setValue(query);
    store.update((s) => setQuery(s, query));
    if (params !== undefined) {
      paramsInput.value = params;
      store.update((s) => setQueryParams(s, params));
      checkParams();
    }
    editor?.focus();
  };

  function renderHistory() {
    const entries = history.read();
    replaceChildren(historySelect, h('option', { value: '' }, entries.length ? `History (${entries.length})` : 'History (empty)'),
      historyLabels(entries).map((label, i) => h('option', { value: String(i), title: entries[i]! }, label)));
  }
  historySelect.addEventListener('change', () => {
    if (!historySelect.value) return;
    const entry = history.read()[Number(historySelect.value)];
    historySelect.value = '';
    if (entry !== undefined) load(entry);
  });

  const permalink = (saved: SavedQuery) => `${window.location.pathname}${window.location.search}${savedQueryHash(saved)}`;
  function renderSaved() {
    const list = savedList.read();
    replaceChildren(savedHost, h('h3', {}, 'Saved queries'),
      list.length
        ? h('ul', { class: 'saved-list' }, list.map((saved) => h('li', { class: 'saved-query', 'data-name': saved.name },
            h('button', { type: 'button', class: 'link', title: saved.query, onclick: () => load(saved.query, saved.params) }, saved.name),
            saved.description ? h('p', { class: 'muted small' }, saved.description) : null,
            h('a', { class: 'permalink small', href: permalink(saved) }, 'Permalink'), ' ',
            h('button', { type: 'button', class: 'link small', 'aria-label': `Delete the saved query ${saved.name}`, onclick: () => (savedList.write(withoutSaved(savedList.read(), saved.name)), renderSaved()) }, 'Delete'))))
        : h('p', { class: 'muted small' }, 'None yet. Save a query to keep it in this browser and share it by permalink.'));
  }
  saveForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const fields = new FormData(saveForm);
    const name = String(fields.get('name') ?? '').trim();
    if (!name) return;
    savedList.write(withSaved(savedList.read(), { name, description: String(fields.get('description') ?? '').trim(), query: currentQuery(), params: paramsInput.value }));
    saveForm.hidden = true;
    saveForm.reset();
    renderSaved();
  });

  /** A permalink to a saved query: open it with its name and description, ready to run or keep. */
  const openSaved = (saved: SavedQuery) => {
    store.update((s) => setQueryParams(setQuery(setMode(s, 'console'), saved.query), saved.params));
    load(saved.query, saved.params);
    replaceChildren(notice,
      h('strong', {}, `Saved query: ${saved.name}`), saved.description ? ` — ${saved.description}` : '', ' ',
      h('button', { type: 'button', class: 'link', onclick: () => (savedList.write(withSaved(savedList.read(), saved)), renderSaved(), (notice.hidden = true)) }, 'Keep it in my saved queries'));
    notice.hidden = false;
  };
  const fromPermalink = () => {
    const saved = savedQueryFromHash(window.location.hash);
    // The explorer restores its own view from the hash first (its listener runs after this one).
    if (saved) setTimeout(() => openSaved(saved), 0);
  };
  window.addEventListener('hashchange', fromPermalink);

  let templates: Question[] = [];
  const nodesByType = (types: readonly string[]) =>
    graph.filterNodes((_id, a) => !types.length || types.includes(a.nodeType)).sort((a, b) => graph.degree(b) - graph.degree(a));
  templateSelect.addEventListener('change', () => {
    const template = templates.find((t) => t.id === templateSelect.value);
    templateSelect.value = '';
    if (template) load(template.cypher, JSON.stringify(templateParams(template.params, nodesByType), null, 2));
  });
  api.questions().then(
    ({ questions: list }) => {
      templates = list;
      replaceChildren(templateSelect, h('option', { value: '' }, 'Templates'), list.map((t) => h('option', { value: t.id, title: t.description }, t.title)));
    },
    () => replaceChildren(templateSelect, h('option', { value: '' }, 'Templates (unavailable)')),
  );

  // ---------------------------------------------------------------- schema

  const loadSchema = () =>
    api.cypherSchema().then(
      (schema) => {
        editor?.setSchema(schema);
        replaceChildren(schemaHost, h('h3', {}, 'Schema'),
          h('ul', { class: 'schema-labels' }, schema.labels.map((label) => h('li', {}, h('details', {}, h('summary', {}, h('code', {}, `:${label}`)), h('p', { class: 'small muted' }, (schema.propertiesByLabel[label] ?? []).join(', ') || 'no properties'))))),
          h('p', { class: 'small' }, schema.relationshipTypes.map((t) => h('code', { class: 'schema-type' }, `:${t}`))));
        return schema;
      },
      () => replaceChildren(schemaHost, h('p', { class: 'muted small' }, 'The schema could not be read; completion offers keywords only.')),
    );

  // ---------------------------------------------------------------- editor (loaded on demand)

  let destroyed = false;
  const editorReady = import('../console/cypherEditor.ts').then(({ mountCypherEditor }) => {
    if (destroyed) return;
    editorHost.replaceChildren();
    editor = mountCypherEditor(editorHost, store.get().query, {
      run,
      historyBack: (current) => cursor.back(current),
      historyForward: () => cursor.forward(),
    });
    editorHost.dataset.ready = 'true';
  });
  // Read again each time the console is shown, so names from an ingestion since are offered.
  const onConsoleShown = () => void editorReady.then(loadSchema);

  const runButton = h('button', { type: 'button', class: 'button primary', onclick: run }, 'Run');
  const saveButton = h('button', { type: 'button', class: 'button', onclick: () => ((saveForm.hidden = false), (saveForm.elements.namedItem('name') as HTMLInputElement).focus()) }, 'Save…');

  // A permalink or another view may change the query while the console is not focused.
  const unsubscribe = store.subscribe((state, previous) => {
    if (editor && state.query !== editor.value() && state.query !== previous.query) editor.setValue(state.query);
    if (state.queryParams !== paramsInput.value && document.activeElement !== paramsInput) {
      paramsInput.value = state.queryParams;
      checkParams();
    }
    if (state.mode === 'console' && previous.mode !== 'console') onConsoleShown();
  });

  paramsInput.value = store.get().queryParams;
  checkParams();
  renderHistory();
  renderSaved();
  if (store.get().mode === 'console') onConsoleShown();
  const initialSaved = savedQueryFromHash(window.location.hash);
  if (initialSaved) openSaved(initialSaved);

  const element = h('section', { class: 'console-view', 'aria-label': 'Cypher console' },
    h('div', { class: 'console-main' },
      h('div', { class: 'toolbar' }, runButton, saveButton, templateSelect, historySelect,
        h('span', { class: 'muted small' }, 'Read-only Cypher. Ctrl+Enter runs; Ctrl+Up/Down steps through the history; EXPLAIN and PROFILE show the plan.')),
      notice, saveForm, editorHost,
      h('div', { class: 'console-params-panel' }, h('label', { for: 'console-params' }, 'Parameters (JSON)'), paramsInput, paramsStatus),
      results),
    h('aside', { class: 'console-side', 'aria-label': 'Saved queries and schema' }, savedHost, schemaHost));
  return {
    element,
    kill() {
      destroyed = true;
      unsubscribe();
      window.removeEventListener('hashchange', fromPermalink);
      resultGraph?.kill();
      editor?.destroy();
    },
  };
}
