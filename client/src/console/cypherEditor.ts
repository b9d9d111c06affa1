/**
 * The console's editor: Neo4j's own Cypher support for CodeMirror 6 (@neo4j-cypher/codemirror:
 * its grammar, highlighting and completion of keywords, labels, types, keys, functions and
 * procedures), fed the live schema, plus the console's keys and errors marked where Neo4j says
 * they are. Loaded on demand, when the console first opens, so the graph's first page stays light.
 */
import { type CompletionContext, type CompletionResult, autocompletion } from '@codemirror/autocomplete';
import { type Diagnostic, forceLinting, linter } from '@codemirror/lint';
import { Prec, StateEffect, StateField } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { createCypherEditor } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import type { ConsoleSchema } from '../../../server/contract/console.ts';
import { cypherCompletions } from './cypherCompletion.ts';

export interface ErrorPosition {
  line: number;
  column: number;
  offset: number;
}

export interface CypherEditor {
  value(): string;
  setValue(text: string): void;
  setSchema(schema: ConsoleSchema): void;
  /**
   * Underlines the error at Neo4j's position (in the trimmed query the server saw), or clears it.
   * The package's own linter clears it too, once the text is edited.
   */
  markError(error: { position: ErrorPosition; message: string } | null): void;
  focus(): void;
  destroy(): void;
}

interface EditorActions {
  run(): void;
  /** Ctrl+Up and Ctrl+Down: the older or newer query from the history, or null to stay. */
  historyBack(current: string): string | null;
  historyForward(): string | null;
}

/**
 * The server's error is kept in the editor's state and handed to the lint layer by a linter of
 * its own: the package's linter runs on a timer and replaces whatever was set directly, so a mark
 * set with setDiagnostics could vanish when its first run landed after the answer. Lint results of
 * all linters are merged, so both survive each other's runs; editing the text clears the mark.
 */
const setServerError = StateEffect.define<Diagnostic | null>();
const serverError = StateField.define<Diagnostic | null>({
  create: () => null,
  update(current, tr) {
    for (const effect of tr.effects) if (effect.is(setServerError)) return effect.value;
    return tr.docChanged ? null : current;
  },
});
const serverErrorLint = [serverError, linter((view) => {
  const error = view.state.field(serverError);
  return error ? [error] : [];
}, {
  delay: 0,
  // A new server error schedules a lint run, which forceLinting then starts at once.
  needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((effect) => effect.is(setServerError))),
})];

export function mountCypherEditor(parent: HTMLElement, initial: string, actions: EditorActions): CypherEditor {
  // Completion is the console's own (cypherCompletion.ts), from the live schema: the package's
  // replaced the colon before a label and offered nothing after `(n:` or for functions.
  let schema: ConsoleSchema | null = null;
  const complete = (context: CompletionContext): CompletionResult | null => {
    const result = cypherCompletions(context.state.doc.toString(), context.pos, schema, context.explicit);
    if (!result || result.options.length === 0) return null;
    return {
      from: result.from,
      options: result.options.map((o) => ({ label: o.label, apply: o.apply, type: o.type, ...(o.detail ? { detail: o.detail } : {}) })),
      validFor: /^[A-Za-z0-9_.]*$/,
    };
  };
  const replaceWith = (view: EditorView, text: string | null) => {
    if (text === null) return false;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: text.length } });
    return true;
  };
  const consoleKeys = Prec.highest(
    keymap.of([
      { key: 'Mod-Enter', run: () => (actions.run(), true), preventDefault: true },
      { key: 'Ctrl-ArrowUp', run: (view) => replaceWith(view, actions.historyBack(view.state.doc.toString())), preventDefault: true },
      { key: 'Ctrl-ArrowDown', run: (view) => replaceWith(view, actions.historyForward()), preventDefault: true },
    ]),
  );
  const { editor } = createCypherEditor(parent, {
    value: initial,
    autofocus: false,
    lineWrapping: true,
    autocomplete: false,
    placeholder: 'MATCH (p:Party)-[:TOOK]->(s:Stance)-[:ON]->(x) RETURN p, s, x LIMIT 25',
    preExtensions: [consoleKeys],
    postExtensions: [autocompletion({ override: [complete], activateOnTyping: true }), serverErrorLint, EditorView.contentAttributes.of({ 'aria-label': 'Cypher query (Ctrl+Enter runs it, Ctrl+Up and Ctrl+Down step through the history)' })],
  });
  const { codemirror } = editor;

  return {
    value: () => codemirror.state.doc.toString(),
    setValue(text) {
      if (text !== codemirror.state.doc.toString()) replaceWith(codemirror, text);
    },
    setSchema(next) {
      schema = next;
      const { labels, relationshipTypes, propertyKeys, functions, procedures } = next;
      editor.setSchema({ labels, relationshipTypes, propertyKeys, functions, procedures });
    },
    markError(error) {
      const { doc } = codemirror.state;
      if (!error) {
        codemirror.dispatch({ effects: setServerError.of(null) });
        forceLinting(codemirror);
        return;
      }
      // The server trims the query, so its offsets start at the first non-blank character.
      const lead = doc.length - doc.toString().trimStart().length;
      // An error at the very end (an unfinished query) marks the last character.
      const from = Math.max(0, Math.min(doc.length - 1, lead + error.position.offset));
      const word = /^[^\s()[\]{},;:.]+/.exec(doc.sliceString(from, from + 80));
      const to = Math.min(doc.length, from + (word?.[0].length ?? 1));
      codemirror.dispatch({ effects: setServerError.of({ from, to, severity: 'error', message: error.message }) });
      forceLinting(codemirror);
    },
    focus: () => editor.focus(),
    destroy: () => editor.destroy(),
  };
}
