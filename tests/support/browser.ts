/** Debian's Chromium driven by playwright-core, for the browser suite and `npm run screenshot`. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import type { DrawnBox } from '../../client/src/render/sigmaRenderer.ts';
import type { Database } from '../../server/db/database.ts';
import { CLIENT_SRC } from '../../server/paths.ts';
import { startParley, type RunningParley } from '../../server/start.ts';
import { resetToSeed, testConfig, testDatabase, testLogger } from './db.ts';

/** WebGL through SwiftShader, and nothing that reaches the network on its own. */
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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A page on the explorer, once its graph has loaded, that records every console error and uncaught
 * exception. A context of its own (`browser.newContext`) starts with empty storage.
 */
export async function openExplorer(browser: Browser | BrowserContext, url: string, viewport = { width: 1440, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = 'newContext' in browser ? await browser.newPage({ viewport }) : await browser.newPage();
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('#app[data-loaded="true"]', { timeout: 20_000 });
  return { page, errors };
}

/** Waits until no layout refinement runs (its button offers to start one). */
export function layoutSettled(page: Page): Promise<unknown> {
  return page.waitForFunction(() => document.querySelector('.graph-view .toolbar button')?.textContent === 'Refine layout', undefined, { timeout: 15_000 });
}

/** What the graph canvas draws, in its own pixels (window.__parley), and where the canvas is on the page. */
export interface Drawing {
  labels: DrawnBox[];
  nodes: DrawnBox[];
  canvas: { x: number; y: number; width: number; height: number };
}

/** The drawing once its labels have stopped changing (they are placed again after the first frames). */
export async function settledDrawing(page: Page): Promise<Drawing> {
  const read = () =>
    page.evaluate(() => {
      const hook = window.__parley!;
      const rect = document.querySelector('.sigma-container')!.getBoundingClientRect();
      return { labels: hook.drawnLabelBoxes(), nodes: hook.drawnNodeBoxes(), canvas: { x: rect.x, y: rect.y, width: rect.width, height: rect.height } };
    });
  let previous = await read();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(250);
    const next = await read();
    if (JSON.stringify(next) === JSON.stringify(previous) && next.labels.length > 0) return next;
    previous = next;
  }
  throw new Error(`The drawn labels never settled: ${previous.labels.length} labels, ${previous.nodes.length} nodes, e.g. ${JSON.stringify(previous.nodes.slice(0, 2))}.`);
}

/** A part of an image, measured from its bottom-left corner. */
export interface Region {
  left: number;
  bottom: number;
  width: number;
  height: number;
}

/**
 * Pixels of a PNG (the whole image, or a region of it) that differ from the region's first
 * pixel, its background: counted in the page itself, with the browser's own decoder.
 */
export function inkedPixels(page: Page, png: Buffer, region: Region | null = null): Promise<number> {
  return page.evaluate(
    async ({ base64, region }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { left, bottom, width, height } = region ?? { left: 0, bottom: 0, width: image.width, height: image.height };
      const { data } = context.getImageData(left, image.height - bottom - height, width, height);
      const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!];
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - r0) + Math.abs(data[i + 1]! - g0) + Math.abs(data[i + 2]! - b0) > 40) count++;
      }
      return count;
    },
    { base64: png.toString('base64'), region },
  );
}

/** What an explorer for a browser suite runs with: app settings, and what the graph holds (the seed by default). */
export interface ExplorerOptions {
  env?: Record<string, string>;
  load?: (db: Database) => Promise<void>;
}

/** The client built by Vite, served by the real app (with these settings too) on the run's throwaway Neo4j, holding what `load` put there. */
async function startExplorer({ env = {}, load = resetToSeed }: ExplorerOptions = {}): Promise<{ db: Database; app: RunningParley; startApp(env: Record<string, string>): Promise<RunningParley>; stop(): Promise<void> }> {
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-client-'));
  await build({ configFile: path.join(CLIENT_SRC, 'vite.config.ts'), logLevel: 'warn', build: { outDir: clientDir, emptyOutDir: true } });
  const db = testDatabase();
  await load(db);
  const app = await startParley(testConfig({ PARLEY_SEED: 'true', ...env }), testLogger, clientDir);
  return {
    db,
    app,
    startApp: (more: Record<string, string>) => startParley(testConfig({ PARLEY_SEED: 'false', ...env, ...more }), testLogger, clientDir),
    async stop() {
      await app.stop();
      await db.close();
      fs.rmSync(clientDir, { recursive: true, force: true });
    },
  };
}

/** A browser suite's explorer and Chromium, once started; reading them before is a mistake in the suite. */
export interface BrowserSuite {
  readonly db: Database;
  readonly app: RunningParley;
  readonly browser: Browser;
  /** A fresh page at `url` (1440×900 unless told), once its graph has loaded (see openExplorer). */
  open(url: string, viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }>;
  /** A second app on the same database and built client, with other settings (the caller stops it). */
  startApp(env: Record<string, string>): Promise<RunningParley>;
}

/** The explorer (startExplorer) and one Chromium for the test file that calls this: started before its tests, stopped after them. */
export function browserSuite(options: ExplorerOptions = {}): BrowserSuite {
  let explorer: Awaited<ReturnType<typeof startExplorer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    explorer = await startExplorer(options);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await explorer?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The browser suite has not started yet.');
    return value;
  };
  return {
    get db() {
      return started(explorer).db;
    },
    get app() {
      return started(explorer).app;
    },
    get browser() {
      return started(browser);
    },
    open: (url, viewport) => openExplorer(started(browser), url, viewport),
    startApp: (env) => started(explorer).startApp(env),
  };
}
