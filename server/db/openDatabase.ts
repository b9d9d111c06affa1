/** Opening the database, for the app and the command-line tools. */
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { LocalNeo4j } from '../neo4j/localNeo4j.ts';
import { Database } from './database.ts';

/**
 * The database Parley talks to: the server named by NEO4J_URI, or else its own local Neo4j,
 * started here unless `reuseRunning` finds one already serving the same data folder.
 */
export async function openDatabase(config: Config, logger: Logger, { reuseRunning = false } = {}): Promise<{ db: Database; localNeo4j?: LocalNeo4j }> {
  const { database } = config.neo4j;
  if (config.neo4j.uri) {
    return { db: new Database({ uri: config.neo4j.uri, user: config.neo4j.user, password: config.neo4j.password ?? '', database }) };
  }
  const localNeo4j = new LocalNeo4j(config.localNeo4j, logger.child({ component: 'neo4j' }));
  const running = reuseRunning ? await localNeo4j.runningCredentials() : undefined;
  if (running) return { db: new Database({ ...running, database }) };
  const local = await localNeo4j.start();
  return { db: new Database({ ...local, database }), localNeo4j };
}
