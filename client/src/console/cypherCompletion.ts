/**
 * What the console's editor offers at the cursor, from the live schema, pure (no CodeMirror):
 * - after `:` in a node pattern or a label test, the labels; after `:` or `|` in a relationship
 *   pattern, the relationship types; the colon stays, only the word after it is replaced;
 * - after `v.`, the property keys of `v`'s labels where the query gives them (`(v:Party)`),
 *   else every key;
 * - after a word, functions (by prefix, `toUpp` → `toUpper`) and keywords.
 * The Cypher package's own completion replaced the colon with the label (`MATCH (n:Pa` → `MATCH
 * (nParty)`, a variable that matches every node) and offered nothing after `(n:` or for functions.
 */
import type { ConsoleSchema } from '../../../server/contract/console.ts';

export interface CompletionOption {
  label: string;
  /** What replaces the text from `from` to the cursor. */
  apply: string;
  type: 'type' | 'property' | 'function' | 'keyword';
  detail?: string;
}

export interface CompletionResult {
  from: number;
  options: CompletionOption[];
}

const KEYWORDS = [
  'MATCH', 'OPTIONAL MATCH', 'WHERE', 'RETURN', 'WITH', 'ORDER BY', 'LIMIT', 'SKIP', 'UNWIND', 'DISTINCT', 'AS', 'AND', 'OR', 'XOR', 'NOT',
  'IN', 'CONTAINS', 'STARTS WITH', 'ENDS WITH', 'IS NULL', 'IS NOT NULL', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'CALL', 'YIELD', 'UNION',
  'EXISTS', 'COUNT', 'COLLECT', 'DESC', 'ASC', 'EXPLAIN', 'PROFILE',
];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A name as Cypher needs it written: plain, or in backticks. */
const written = (name: string) => (IDENTIFIER.test(name) ? name : `\`${name.replace(/`/g, '``')}\``);
const startsWithFolded = (name: string, prefix: string) => name.toLowerCase().startsWith(prefix.toLowerCase());

/** Strings and comments blanked out (same length), so a `:` or `(` in them counts for nothing. */
function codeOnly(text: string): string {
  return text.replace(/\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n]*|'(?:\\.|[^'\\])*(?:'|$)|"(?:\\.|[^"\\])*(?:"|$)/g, (m) => ' '.repeat(m.length));
}

/** The bracket the cursor is in: `(` (node pattern or a call), `[` (relationship pattern) or none. */
function openBracket(code: string): '(' | '[' | null {
  const stack: string[] = [];
  for (const ch of code) {
    if (ch === '(' || ch === '[' || ch === '{') stack.push(ch);
    else if ((ch === ')' || ch === ']' || ch === '}') && stack.length) stack.pop();
  }
  const last = stack.at(-1);
  return last === '(' || last === '[' ? last : null;
}

/** The labels the query gives a variable: `(v:Party)`, `(v:Party:Entity)`, `WHERE v:Party`. */
export function labelsOf(code: string, variable: string): string[] {
  const name = variable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new Set<string>();
  for (const pattern of [new RegExp(`\\(\\s*${name}\\s*((?::\\s*[A-Za-z_][A-Za-z0-9_]*\\s*)+)`, 'g'), new RegExp(`\\b${name}((?::[A-Za-z_][A-Za-z0-9_]*)+)`, 'g')]) {
    for (const match of code.matchAll(pattern)) {
      for (const label of match[1]!.split(':').map((l) => l.trim()).filter(Boolean)) found.add(label);
    }
  }
  return [...found];
}

export function cypherCompletions(text: string, pos: number, schema: ConsoleSchema | null, explicit = false): CompletionResult | null {
  if (!schema) return null;
  const before = text.slice(0, pos);
  const code = codeOnly(before);
  // After a space only an explicit request (Ctrl+Space) opens the list.
  if (/\s$/.test(before) && !explicit) return null;
  // Inside a string or a comment (blanked out in `code`): nothing.
  if (/\s$/.test(code) && !/\s$/.test(before)) return null;

  const afterColon = /([:|])\s*([A-Za-z_][A-Za-z0-9_]*)?$/.exec(code);
  if (afterColon && !/::$/.test(code)) {
    const prefix = afterColon[2] ?? '';
    const bracket = openBracket(code.slice(0, afterColon.index));
    // `|` only joins relationship types; a `:` outside a pattern is a label test (`WHERE n:Party`) or a map's key.
    const inMap = /\{[^{}]*$/.test(code.slice(0, afterColon.index));
    if (!inMap && (bracket === '[' || afterColon[1] === ':')) {
      const names = bracket === '[' ? schema.relationshipTypes : schema.labels;
      const options = names.filter((n) => startsWithFolded(n, prefix)).map((n) => ({ label: n, apply: written(n), type: 'type' as const }));
      return { from: pos - prefix.length, options };
    }
  }

  const afterDot = /([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)?$/.exec(code);
  if (afterDot) {
    const [, variable, prefix = ''] = afterDot;
    const fn = `${variable}.${prefix}`;
    // `date.tr` and `apoc.coll.` are namespaced functions, not keys.
    const namespaced = schema.functions.filter((f) => f.name.startsWith(`${variable}.`));
    if (namespaced.length) {
      return {
        from: pos - fn.length,
        options: namespaced.filter((f) => startsWithFolded(f.name, fn)).map((f) => ({ label: f.name, apply: f.name, type: 'function' as const, detail: f.signature })),
      };
    }
    const labels = labelsOf(code, variable!);
    const known = labels.filter((l) => schema.propertiesByLabel[l]);
    const keys = known.length ? [...new Set(known.flatMap((l) => schema.propertiesByLabel[l]!))].sort() : schema.propertyKeys;
    return { from: pos - prefix.length, options: keys.filter((k) => startsWithFolded(k, prefix)).map((k) => ({ label: k, apply: written(k), type: 'property' as const })) };
  }

  const word = /[A-Za-z_][A-Za-z0-9_]*$/.exec(code);
  if (!word && !explicit) return null;
  const prefix = word?.[0] ?? '';
  const functions = schema.functions.filter((f) => startsWithFolded(f.name, prefix)).map((f) => ({ label: f.name, apply: f.name, type: 'function' as const, detail: f.signature }));
  const keywords = KEYWORDS.filter((k) => startsWithFolded(k, prefix)).map((k) => ({ label: k, apply: k, type: 'keyword' as const }));
  const options = [...keywords, ...functions];
  return options.length ? { from: pos - prefix.length, options } : null;
}
