/** The negotiations of the workspace, with what belongs to each (docs/model.md, "Negotiations"). */
import type { Database } from '../../db/database.ts';
import { NotFoundError } from '../../errors.ts';
import type { NegotiationAnswer } from '../../contract/negotiations.ts';
import { readNegotiations } from '../../core/negotiationsData.ts';

export async function listNegotiations(db: Database): Promise<{ negotiations: NegotiationAnswer[] }> {
  return { negotiations: await readNegotiations(db, null) };
}

export async function readNegotiation(db: Database, id: string): Promise<NegotiationAnswer> {
  const [negotiation] = await readNegotiations(db, id);
  if (!negotiation) throw new NotFoundError(`No negotiation ${id}; GET /api/negotiations lists them`);
  return negotiation;
}
