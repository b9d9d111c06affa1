/** The negotiation scope of a read (`negotiation=`): absent, every negotiation; unknown, a 404 naming it. */
import type { Database } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { existingNegotiations } from './negotiationsData.ts';

/** The scope as the reads take it (`$negotiation`, null: no scope); throws a 404 for a negotiation that is not there. */
export async function negotiationScope(db: Database, negotiation: string | undefined | null): Promise<string | null> {
  if (negotiation === undefined || negotiation === null) return null;
  if (!(await existingNegotiations(db, [negotiation])).has(negotiation)) {
    throw new NotFoundError(`No negotiation ${negotiation}; GET /api/negotiations lists them`);
  }
  return negotiation;
}

/**
 * A scoped read that checks its scope only when its answer does not show it: `reads` take the
 * scope as given, and their statements start from `(:Negotiation {id: $negotiation})`, so an
 * answer that holds anything read that way (`shows`) proves the negotiation is there, and the
 * request makes no round trip for its 404 check. An answer that shows nothing (an unknown
 * negotiation matches nothing, but so may a known one) is checked after, and an unknown
 * negotiation's 404 replaces it. When the reads fail, the scope is checked and its 404 thrown
 * first if `scopeFirst` (as when the check came before the reads), else the reads' failure is.
 */
export async function scopedRead<T>(
  db: Database,
  negotiation: string | undefined | null,
  reads: (negotiation: string | null) => Promise<T>,
  shows: (answer: T) => boolean,
  scopeFirst = true,
): Promise<[string | null, T]> {
  const scope = negotiation ?? null;
  if (scope === null) return [null, await reads(null)];
  let answer: T;
  try {
    answer = await reads(scope);
  } catch (error) {
    if (scopeFirst) await negotiationScope(db, scope);
    throw error;
  }
  if (!shows(answer)) await negotiationScope(db, scope);
  return [scope, answer];
}
