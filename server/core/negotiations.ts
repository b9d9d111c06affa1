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
 * The scope checked while `reads` run, in one round trip instead of two one after the other: the
 * reads take the scope as given (an unknown negotiation matches nothing, and its 404 replaces their
 * answer). When both fail, the error thrown is the one that was checked first before: the scope's
 * when `scopeFirst`, else the reads'.
 */
export async function alongsideScope<T>(db: Database, negotiation: string | undefined | null, reads: (negotiation: string | null) => Promise<T>, scopeFirst = true): Promise<[string | null, T]> {
  const [scope, answer] = await Promise.allSettled([negotiationScope(db, negotiation), reads(negotiation ?? null)]);
  const failures = (scopeFirst ? [scope, answer] : [answer, scope]).filter((r) => r.status === 'rejected');
  if (failures[0]) throw failures[0].reason;
  return [(scope as PromiseFulfilledResult<string | null>).value, (answer as PromiseFulfilledResult<T>).value];
}
