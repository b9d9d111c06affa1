/** Plain-English questions. Thin: parse, call, send. */
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { askRoutes } from '../../contract/ask.ts';
import type { Handlers } from '../../http/mount.ts';
import { askQuestion } from './ask.ts';

export function askHandlers(db: Database, config: Config): Handlers<typeof askRoutes> {
  return {
    ask: ({ body: { question, negotiation, ...grading } }) => askQuestion(db, question, config.cypherConsole.maxRows, grading, negotiation),
  };
}
