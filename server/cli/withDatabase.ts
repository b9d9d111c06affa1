/**
 * The frame every command-line tool shares: configuration, logger, the database (the running
 * local Neo4j when there is one, so the tools work while Parley serves), schema, and an exit code.
 * A SetupError or an application error is one clear line; anything else is logged in full.
 */
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { applySchema } from '../db/schema.ts';
import { AppError, SetupError } from '../errors.ts';
import { type Logger, createLogger } from '../logger.ts';
import { openDatabase } from '../db/openDatabase.ts';

export async function runWithDatabase(tool: string, work: (db: Database, logger: Logger) => Promise<number>): Promise<never> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  let exitCode = 0;
  try {
    const { db, localNeo4j } = await openDatabase(config, logger, { reuseRunning: true });
    try {
      await applySchema(db, logger);
      exitCode = await work(db, logger);
    } finally {
      await db.close();
      await localNeo4j?.stop();
    }
  } catch (err) {
    exitCode = 1;
    if (err instanceof SetupError || err instanceof AppError) console.error(`${tool}: ${err.message}`);
    else logger.fatal({ err }, `${tool} failed`);
  }
  process.exit(exitCode);
}
