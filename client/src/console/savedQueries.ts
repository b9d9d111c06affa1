/**
 * Saved queries: a name, a description, the query and its parameters, kept in the browser and
 * shared by permalink. The permalink carries the whole saved query, so it opens anywhere, in a
 * browser that has never seen it; running it goes through the same read-only console as any query.
 */
export interface SavedQuery {
  name: string;
  description: string;
  query: string;
  /** The parameters panel's JSON text. */
  params: string;
}

export function isSavedQuery(value: unknown): value is SavedQuery {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.description === 'string' && typeof v.query === 'string' && typeof v.params === 'string';
}

/** The list with `saved` in it: a query of the same name is replaced, the rest keep their order. */
export function withSaved(list: readonly SavedQuery[], saved: SavedQuery): SavedQuery[] {
  const index = list.findIndex((q) => q.name === saved.name);
  return index === -1 ? [...list, saved] : list.map((q, i) => (i === index ? saved : q));
}

export function withoutSaved(list: readonly SavedQuery[], name: string): SavedQuery[] {
  return list.filter((q) => q.name !== name);
}

const HASH_KEY = 'saved';

/** The hash of a permalink that opens `saved` in the console. */
export function savedQueryHash(saved: SavedQuery): string {
  return `#${new URLSearchParams({ mode: 'console', [HASH_KEY]: JSON.stringify(saved) }).toString()}`;
}

/** The saved query a permalink's hash carries, or null. */
export function savedQueryFromHash(hash: string): SavedQuery | null {
  const text = new URLSearchParams(hash.replace(/^#/, '')).get(HASH_KEY);
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isSavedQuery(value) ? value : null;
  } catch {
    return null;
  }
}
