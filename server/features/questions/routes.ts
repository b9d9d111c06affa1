/** Named analyst questions. Thin: parse, call, send. */
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { questionRoutes } from '../../contract/questions.ts';
import type { Handlers } from '../../http/mount.ts';
import { questionCatalogue, runQuestion } from './questions.ts';

export function questionHandlers(db: Database, config: Config): Handlers<typeof questionRoutes> {
  return {
    questions: () => ({ questions: questionCatalogue() }),
    runQuestion: ({ params: { id }, body: { params, negotiation } }) => runQuestion(db, id, params, config.cypherConsole.maxRows, negotiation),
  };
}
