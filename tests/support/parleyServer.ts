/**
 * Entry point of the Parley child process that tests/support/parleyProcess.ts starts: the real
 * app (startParley) with its own Neo4j, configured by the environment. It prints one JSON line
 * with its URL once it serves, and stops cleanly on SIGTERM or when its parent goes away
 * (stdin closes), so no Neo4j is ever left behind by a fuzz or soak run.
 */
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { startParley } from '../../server/start.ts';

const config = loadConfig();
const running = await startParley(config, createLogger(config.logLevel));
process.stdout.write(`${JSON.stringify({ ready: running.url })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await running.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
