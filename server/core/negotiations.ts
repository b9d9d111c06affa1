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
