/**
 * `npm start` builds the browser client when dist/client is missing or older than its
 * sources, so a fresh clone needs no separate build step.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from './logger.ts';
import { CLIENT_DIST, CLIENT_SRC } from './paths.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export async function buildClientIfNeeded(logger: Logger): Promise<void> {
  const builtIndex = path.join(CLIENT_DIST, 'index.html');
  if (fs.existsSync(builtIndex) && fs.statSync(builtIndex).mtimeMs >= newestMtime(CLIENT_SRC)) return;
  logger.info('building the client (first start or client sources changed)');
  const { build } = await import('vite');
  await build({ configFile: path.join(CLIENT_SRC, 'vite.config.ts'), logLevel: 'warn' });
  logger.info({ dir: CLIENT_DIST }, 'client built');
}
