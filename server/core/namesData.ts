/**
 * The graph's names and aliases, kept in memory for reading questions. Every question needs all
 * of them, and reading them took about 300 ms at 3,650 entities on the 2-core bench machine, most
 * of an answer's time. Ingestion in this process calls `forgetNames`; a change through another
 * instance of a scaled-out deployment is seen within NAMES_KEPT_MS.
 */
import { cypher } from '../db/cypherFiles.ts';
import type { Database } from '../db/database.ts';

export interface NameRow {
  id: string;
  label: string;
  type: string;
  names: string[];
  party: string | null;
}

export interface KnownNames {
  names: NameRow[];
  /** The newest stance date (YYYY-MM-DD), or null on an empty graph. */
  latestDate: string | null;
}

const NAMES_KEPT_MS = 10_000;

const keptByDatabase = new WeakMap<Database, { readAt: number; known: Promise<KnownNames> }>();

async function readKnownNames(db: Database): Promise<KnownNames> {
  const [names, [latest]] = await Promise.all([db.read<NameRow>(cypher('ask/names')), db.read<{ latest: string | null }>(cypher('ask/latest-date'))]);
  return { names, latestDate: latest?.latest ?? null };
}

/**
 * The graph's names, shared by concurrent questions: one read per NAMES_KEPT_MS at most. A read
 * that finds the same names as the last one answers with the last one's object, so what is
 * built from it per object (ask's name matcher: about 45 ms of CPU for the 3,500 names of the
 * 100k-stance bench world and 240 ms for 35,000, during which every question in flight waits)
 * is built again only when the names changed.
 */
export function knownNames(db: Database): Promise<KnownNames> {
  const kept = keptByDatabase.get(db);
  if (kept && Date.now() - kept.readAt < NAMES_KEPT_MS) return kept.known;
  const previous = kept?.known.catch(() => null);
  const known = readKnownNames(db).then(async (fresh) => {
    const last = await previous;
    return last && sameNames(last, fresh) ? last : fresh;
  });
  const entry = { readAt: Date.now(), known };
  keptByDatabase.set(db, entry);
  // A failed read is not kept: the next question tries again.
  known.catch(() => {
    if (keptByDatabase.get(db) === entry) keptByDatabase.delete(db);
  });
  return known;
}

/** Called when this process has changed the graph: the next question reads the names afresh. */
export function forgetNames(db: Database): void {
  keptByDatabase.delete(db);
}

/** Whether two reads of the names found the same names, aliases, parties and latest date, in the same order. */
export function sameNames(a: KnownNames, b: KnownNames): boolean {
  if (a.latestDate !== b.latestDate || a.names.length !== b.names.length) return false;
  const same = (x: NameRow, y: NameRow) =>
    x.id === y.id && x.label === y.label && x.type === y.type && x.party === y.party && x.names.length === y.names.length && x.names.every((n, i) => n === y.names[i]);
  return a.names.every((row, i) => same(row, b.names[i]!));
}
