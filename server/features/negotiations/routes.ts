/** Negotiations: the list and one negotiation. Thin: parse, call, send. */
import type { Database } from '../../db/database.ts';
import type { negotiationRoutes } from '../../contract/negotiations.ts';
import type { Handlers } from '../../http/mount.ts';
import { listNegotiations, readNegotiation } from './negotiations.ts';

export function negotiationHandlers(db: Database): Handlers<typeof negotiationRoutes> {
  return {
    negotiations: () => listNegotiations(db),
    negotiation: ({ params: { id } }) => readNegotiation(db, id),
  };
}
