/** `npm start`: the product with its seeded graph, stopped cleanly by Ctrl-C. */
import { buildClientIfNeeded } from './clientBuild.ts';
import { loadConfig } from './config.ts';
import { SetupError } from './errors.ts';
import { createLogger } from './logger.ts';
import { type RunningParley, startParley } from './start.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
let running: RunningParley | undefined;

async function shutdown(reason: string, exitCode: number): Promise<void> {
  logger.info({ reason }, 'shutting down');
  try {
    await running?.stop();
  } finally {
    process.exit(exitCode);
  }
}

process.on('SIGINT', () => void shutdown('SIGINT', 0));
process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
process.once('uncaughtException', (err) => {
  logger.fatal({ err }, 'uncaught exception');
  void shutdown('uncaughtException', 1);
});
process.once('unhandledRejection', (err) => {
  logger.fatal({ err }, 'unhandled rejection');
  void shutdown('unhandledRejection', 1);
});

try {
  await buildClientIfNeeded(logger);
  running = await startParley(config, logger);
  logger.info({ url: running.url }, `Parley is running at ${running.url}`);
} catch (err) {
  if (err instanceof SetupError) {
    logger.fatal(err.message);
    console.error(`\nParley could not start: ${err.message}\n`);
  } else {
    logger.fatal({ err }, 'start-up failed');
  }
  await shutdown('start-up failed', 1);
}
