/**
 * Cypher lives in cypher/*.cypher and is loaded by name, once. Names are checked against the
 * files that exist, so no caller can reach outside the folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../paths.ts';

export { CYPHER_DIR };

const cache = new Map<string, string>();

/** `cypher('graph/nodes')` reads cypher/graph/nodes.cypher. */
export function cypher(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  if (!/^[a-z0-9-]+(?:\/[a-z0-9-]+)*$/.test(name)) throw new Error(`Bad Cypher file name: ${name}`);
  const text = fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8');
  cache.set(name, text);
  return text;
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
