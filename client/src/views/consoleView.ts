/**
 * The read-only Cypher console: CodeMirror 6 with Cypher highlighting, Ctrl/Cmd+Enter runs,
 * results as a table, and any nodes and relationships returned are merged into the graph.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import { StreamLanguage, defaultHighlightStyle, syntaxHighlighting, bracketMatching } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { ApiError, api } from '../api/client.ts';
import { setMode, setQuery } from '../state/explorer.ts';
import type { ExplorerContext, View } from './context.ts';
import { dataTable, errorMessage, h, replaceChildren } from './dom.ts';

export function createConsoleView(context: ExplorerContext): View {
  const { store } = context;
  const results = h('div', { class: 'console-results', 'aria-live': 'polite' });
  const runButton = h('button', { type: 'button', class: 'button primary' }, 'Run');
  const editorHost = h('div', { class: 'editor' });

  const run = () => {
    const query = editor.state.doc.toString();
    store.update((s) => setQuery(s, query));
    if (!query.trim()) return true;
    replaceChildren(results, h('p', { class: 'muted' }, 'Running…'));
    api.cypher(query).then(
      (result) => {
        const merged = result.graph.nodes.length ? context.mergeIntoGraph(result.graph) : 0;
        replaceChildren(results,
          h('p', { class: 'result-summary' },
            `${result.rows.length} row${result.rows.length === 1 ? '' : 's'}`,
            ` in ${result.summary.resultAvailableAfterMs} ms`,
            result.summary.truncated ? ' (truncated)' : '',
            result.graph.nodes.length ? [` · ${result.graph.nodes.length} nodes in the graph${merged ? ` (${merged} new)` : ''} `,
              h('button', { type: 'button', class: 'link', onclick: () => store.update((s) => setMode(s, 'graph')) }, 'Show in graph')] : null),
          result.columns.length ? dataTable(result.columns, result.rows, 'Query results') : h('p', { class: 'muted' }, 'The query returned no columns.'));
      },
      (err) => {
        const refused = err instanceof ApiError && (err.status === 403 || err.code === 'read_only');
        replaceChildren(results, h('div', { class: `error ${refused ? 'read-only' : ''}`, role: 'alert', 'data-code': err instanceof ApiError ? err.code : 'error' },
          h('strong', {}, refused ? 'Refused: the console is read-only. ' : 'Query failed: '), errorMessage(err)));
      },
    );
    return true;
  };

  const editor = new EditorView({
    parent: editorHost,
    state: EditorState.create({
      doc: store.get().query,
      extensions: [
        lineNumbers(),
        history(),
        bracketMatching(),
        StreamLanguage.define(cypher),
        syntaxHighlighting(defaultHighlightStyle),
        placeholder('MATCH (p:Party)-[:TOOK]->(s:Stance)-[:ON]->(x) RETURN p, s, x LIMIT 25'),
        keymap.of([{ key: 'Mod-Enter', run, preventDefault: true }, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': 'Cypher query (Ctrl+Enter runs it)' }),
      ],
    }),
  });
  runButton.addEventListener('click', run);

  // A permalink or another view may change the query while the console is not focused.
  const unsubscribe = store.subscribe((state) => {
    if (state.query !== editor.state.doc.toString() && !editor.hasFocus) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: state.query } });
    }
  });

  const element = h('section', { class: 'console-view', 'aria-label': 'Cypher console' },
    h('div', { class: 'toolbar' }, runButton, h('span', { class: 'muted small' }, 'Read-only Cypher. Ctrl+Enter (⌘+Enter) runs the query.')),
    editorHost, results);
  return {
    element,
    kill() {
      unsubscribe();
      editor.destroy();
    },
  };
}
