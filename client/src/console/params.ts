/**
 * The parameters panel: JSON validated as it is typed, and the `$name`s a query uses that the
 * panel gives no value, named before the query is sent.
 */
type ParsedParams = { ok: true; params: Record<string, unknown> } | { ok: false; message: string };

export function parseParams(text: string): ParsedParams {
  if (!text.trim()) return { ok: true, params: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `The parameters are not valid JSON: ${(err as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The parameters must be a JSON object, such as {"party": "party:russia"}.' };
  }
  return { ok: true, params: value as Record<string, unknown> };
}

/** Comments and string literals, where a `$` is not a parameter. */
const NOT_CODE = /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g;
const PARAMETER = /\$(?:`([^`]+)`|([A-Za-z_][A-Za-z0-9_]*))/g;

/** The distinct parameter names a query uses, in order of first use. */
export function parameterNames(query: string): string[] {
  const code = query.replace(NOT_CODE, ' ');
  return [...new Set([...code.matchAll(PARAMETER)].map((m) => m[1] ?? m[2]!))];
}

/** A message naming each parameter the query uses without a value, or null when all have one. */
export function missingParameters(query: string, params: Record<string, unknown>): string | null {
  const missing = parameterNames(query).filter((name) => !(name in params));
  if (!missing.length) return null;
  const names = missing.map((n) => `$${n}`).join(', ');
  return `The query uses ${names} but the parameters panel gives ${missing.length === 1 ? 'it' : 'them'} no value; add ${missing.map((n) => `"${n}"`).join(', ')} to the parameters.`;
}
