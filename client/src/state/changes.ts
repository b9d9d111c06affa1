/**
 * The bell's state: the changes a watch follows, newest first, and which of them this browser
 * has read. Parley has no user accounts, so "read" lives in the browser (localStorage). Pure
 * updates; `loadReadIds`/`saveReadIds` are the only storage access.
 */
import type { ChangeEvent } from '../../../server/contract/watches.ts';

const READ_KEY = 'parley.changes.read';
/** How many changes the bell keeps, and how many read ids the browser remembers. */
const KEEP = 50;
const REMEMBER = 500;

export interface ChangesState {
  changes: ChangeEvent[];
  read: ReadonlySet<string>;
}

/** Adds changes (from the list or the live stream): only those a watch follows, each once, newest first. */
export function addChanges(state: ChangesState, incoming: readonly ChangeEvent[]): ChangesState {
  const known = new Set(state.changes.map((c) => c.id));
  const fresh = incoming.filter((c) => c.watches.length > 0 && !known.has(c.id));
  if (fresh.length === 0) return state;
  const changes = [...fresh, ...state.changes].sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id)).slice(0, KEEP);
  return { ...state, changes };
}

export function unreadCount(state: ChangesState): number {
  return state.changes.filter((c) => !state.read.has(c.id)).length;
}

export function markAllRead(state: ChangesState): ChangesState {
  if (unreadCount(state) === 0) return state;
  const read = new Set([...state.changes.map((c) => c.id), ...state.read]);
  return { ...state, read: new Set([...read].slice(0, REMEMBER)) };
}

export function loadReadIds(storage: Pick<Storage, 'getItem'>): Set<string> {
  try {
    const ids = JSON.parse(storage.getItem(READ_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveReadIds(storage: Pick<Storage, 'setItem'>, read: ReadonlySet<string>): void {
  storage.setItem(READ_KEY, JSON.stringify([...read].slice(0, REMEMBER)));
}
