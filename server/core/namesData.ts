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

/** The graph's names, shared by concurrent questions: one read per NAMES_KEPT_MS at most. */
export function knownNames(db: Database): Promise<KnownNames> {
  const kept = keptByDatabase.get(db);
  if (kept && Date.now() - kept.readAt < NAMES_KEPT_MS) return kept.known;
  const known = readKnownNames(db);
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
