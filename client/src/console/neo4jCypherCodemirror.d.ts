// The package's own types (src/codemirror.d.ts) are left out of its "exports" map, resolve
// CodeMirror's types apart from ours, and say createCypherEditor returns the API itself where
// 1.0.3 returns it as `editor`; this declares the part the console uses, as the code has it.
declare module '@neo4j-cypher/codemirror' {
  import type { Extension } from '@codemirror/state';
  import type { EditorView } from '@codemirror/view';
  import type { EditorSupportSchema } from '@neo4j-cypher/editor-support';

  export interface EditorApi {
    codemirror: EditorView;
    setSchema(schema?: EditorSupportSchema): void;
    focus(): void;
    destroy(): void;
  }

  export function createCypherEditor(
    parent: Element,
    options: {
      value?: string;
      autofocus?: boolean;
      lineWrapping?: boolean;
      autocomplete?: boolean;
      placeholder?: string;
      preExtensions?: Extension[];
      postExtensions?: Extension[];
    },
  ): { editor: EditorApi };
}
