/**
 * The explorer in a real browser (Debian's Chromium, WebGL through SwiftShader) against the real
 * app and the run's throwaway Neo4j with the seed graph: build the client once, start Parley on
 * it, and open pages that record every console error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Database } from '../../server/db/database.ts';
import { startParley, type RunningParley } from '../../server/start.ts';
import { resetToSeed, testConfig, testDatabase, testLogger } from './db.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export interface ExplorerHarness {
  db: Database;
  app: RunningParley;
  /** A page of the explorer, loaded, that records every console error and uncaught exception. */
  openPage(url: string): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startExplorer(): Promise<ExplorerHarness> {
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-client-'));
  await build({ configFile: path.join(ROOT, 'client', 'vite.config.ts'), logLevel: 'warn', build: { outDir: clientDir, emptyOutDir: true } });
  const db = testDatabase();
  await resetToSeed(db);
  const app = await startParley(testConfig({ PARLEY_SEED: 'true' }), testLogger, clientDir);
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    db,
    app,
    async openPage(url) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      await page.waitForSelector('#app[data-loaded="true"]', { timeout: 20_000 });
      return { page, errors };
    },
    async close() {
      await browser.close();
      await app.stop();
      await db.close();
      fs.rmSync(clientDir, { recursive: true, force: true });
    },
  };
}
