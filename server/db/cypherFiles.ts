/**
 * Cypher lives in cypher/*.cypher and is loaded by name, once. Names are checked against the
 * files that exist, so no caller can reach outside the folder.
 *
 * A rule the model states once (how an actor rolls up to its party, which evidence a grade
 * filter admits, what a source's publisher is called) is one file in cypher/rules/, and a
 * query uses it as `{{rule-name(var, …)}}`: the rule's text with its `@parameters` bound to
 * the query's variables, in the order its first line declares them. Cypher has no user
 * functions in Neo4j Community without a plugin, so the rule is spliced in as text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../paths.ts';

export { CYPHER_DIR };

const cache = new Map<string, string>();
const NAME = /^[a-z0-9-]+(?:\/[a-z0-9-]+)*$/;

function readCypherFile(name: string): string {
  if (!NAME.test(name)) throw new Error(`Bad Cypher file name: ${name}`);
  return fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8');
}

/** `cypher('graph/nodes')` reads cypher/graph/nodes.cypher, with its rules spliced in. */
export function cypher(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const text = withRules(readCypherFile(name));
  cache.set(name, text);
  return text;
}

/** A rule's declared parameters (its first line, `// name(@a, @b): …`) and its body without comment lines. */
function ruleOf(name: string): { params: string[]; body: string } {
  const text = readCypherFile(`rules/${name}`);
  const declared = /^\/\/\s*[a-z0-9-]+\(([^)]*)\)/.exec(text);
  if (!declared) throw new Error(`cypher/rules/${name}.cypher must start with "// ${name}(@param, …): what it means"`);
  const params = declared[1]!.split(',').map((p) => p.trim()).filter(Boolean);
  const body = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .trim();
  return { params, body };
}

/** Replaces every `{{rule(args)}}` in a query with the rule's body, its parameters bound (rules may use rules). */
function withRules(text: string, depth = 0): string {
  if (depth > 5) throw new Error('Cypher rules nest too deeply');
  return text.replace(/\{\{([a-z0-9-]+)\(([^)]*)\)\}\}/g, (_match, name: string, args: string) => {
    const { params, body } = ruleOf(name);
    const values = args.split(',').map((a) => a.trim()).filter(Boolean);
    if (values.length !== params.length) throw new Error(`Rule ${name} takes ${params.length} argument(s), got ${values.length}`);
    const bound = params.reduce((out, param, i) => out.split(param).join(values[i]!), body);
    return withRules(bound, depth + 1);
  });
}

/** Splits a file of `;`-terminated statements (schema files); `//` comment lines are dropped. */
export function statements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
