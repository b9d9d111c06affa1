/**
 * `npm run dev`: the API as `npm start` runs it, plus Vite's dev server with hot reload for the
 * client, proxying /api and /healthz to the API (client/vite.config.ts).
 */
import path from 'node:path';
import { createServer } from 'vite';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { CLIENT_SRC } from './paths.ts';
import { startParley } from './start.ts';

const config = loadConfig({ PORT: '3000', ...process.env });
const logger = createLogger(config.logLevel);
const api = await startParley(config, logger);
const vite = await createServer({ configFile: path.join(CLIENT_SRC, 'vite.config.ts') });
await vite.listen();
logger.info({ api: api.url, client: vite.resolvedUrls?.local[0] }, 'dev servers running; edit client/ for hot reload');

const stop = async () => {
  await vite.close();
  await api.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
