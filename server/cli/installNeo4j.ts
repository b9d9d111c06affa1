/** `npm run neo4j:install`: fetches the local Neo4j runtime ahead of the first start (CI, Docker). */
import { loadConfig } from '../config.ts';
import { SetupError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { assertJava17, ensureNeo4jRuntime } from '../neo4j/runtime.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
try {
  assertJava17();
  const libDir = await ensureNeo4jRuntime(config.localNeo4j.runtimeDir, logger);
  logger.info({ libDir }, 'Neo4j runtime is in place');
} catch (err) {
  console.error(err instanceof SetupError ? `neo4j:install: ${err.message}` : err);
  process.exit(1);
}
