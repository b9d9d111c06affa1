/** The read-only Cypher console. Thin: parse, call, send. */
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { consoleRoutes } from '../../contract/console.ts';
import type { Handlers } from '../../http/mount.ts';
import { runConsoleQuery } from './console.ts';
import { consoleSchema } from './schema.ts';

export function consoleHandlers(db: Database, config: Config): Handlers<typeof consoleRoutes> {
  return {
    cypher: ({ body }) => runConsoleQuery(db, body, config.cypherConsole),
    cypherSchema: () => consoleSchema(db),
  };
}
