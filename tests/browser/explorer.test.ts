/**
 * The explorer in a real browser (Debian's Chromium, WebGL through SwiftShader) against the real
 * app and the run's throwaway Neo4j with the seed graph: the acceptance criteria of issue 5.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { CLIENT_SRC } from '../../server/paths.ts';
import { startParley, type RunningParley } from '../../server/start.ts';
import { launchChromium, layoutSettled, openExplorer } from '../support/browser.ts';
import { resetToSeed, testConfig, testDatabase, testLogger } from '../support/db.ts';

let clientDir: string;
let db: Database;
let app: RunningParley;
let browser: Browser;

const openPage = (url: string) => openExplorer(browser, url);

/** Pixels of the graph canvas that differ from its background, counted in the page itself. */
async function drawnPixels(page: Page): Promise<number> {
  const png = await page.locator('.sigma-container').screenshot();
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!];
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - r0) + Math.abs(data[i + 1]! - g0) + Math.abs(data[i + 2]! - b0) > 40) count++;
    }
    return count;
  }, png.toString('base64'));
}

beforeAll(async () => {
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-client-'));
  await build({ configFile: path.join(CLIENT_SRC, 'vite.config.ts'), logLevel: 'warn', build: { outDir: clientDir, emptyOutDir: true } });
  db = testDatabase();
  await resetToSeed(db);
  app = await startParley(testConfig({ PARLEY_SEED: 'true' }), testLogger, clientDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await db?.close();
  if (clientDir) fs.rmSync(clientDir, { recursive: true, force: true });
});

describe('the explorer', () => {
  it('draws the seeded graph with no console errors', async () => {
    const { page, errors } = await openPage(app.url);
    await layoutSettled(page);
    expect(await drawnPixels(page)).toBeGreaterThan(2_000);
    await expect(page.locator('.status').textContent()).resolves.toMatch(/\d+ nodes and \d+ relationships loaded/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds the ceasefire and traces Ukraine proposing and Russia rejecting it, with evidence', async () => {
    const { page, errors } = await openPage(app.url);
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('ceasefire');
    const option = page.getByRole('option', { name: /Full and unconditional ceasefire/ });
    await option.waitFor();
    await page.getByRole('combobox', { name: 'Search the graph' }).press('Enter');
    await expect(page.locator('.side-panel .panel-title').textContent()).resolves.toBe('Full and unconditional ceasefire');
    await page.getByRole('button', { name: /Trace who stands where/ }).click();

    const ukraine = page.locator('.trace-group[data-family="proposal"] .trace-card[data-actor="party:ukraine"]');
    const russia = page.locator('.trace-group[data-family="rejection"] .trace-card[data-actor="party:russia"]');
    await ukraine.first().waitFor();
    await expect(ukraine.first().locator('.badge').textContent()).resolves.toBe('proposed');
    await expect(ukraine.first().locator('.evidence').first().textContent()).resolves.toMatch(/\w{12,}/);
    await expect(russia.first().locator('.badge').textContent()).resolves.toBe('rejected');
    await expect(russia.first().locator('.evidence').first().textContent()).resolves.toMatch(/\w{12,}/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs read-only Cypher in the console and shows the refusal of a write', async () => {
    const [total] = await db.read<{ count: number }>('MATCH (n) RETURN count(n) AS count');
    const count = String(total!.count);
    const { page, errors } = await openPage(`${app.url}/#mode=console`);
    const editor = page.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('MATCH (n) RETURN count(n)');
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('.console-results td').first().textContent()).resolves.toBe(count);

    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type("CREATE (x:Party {id: 'party:intruder'}) RETURN x");
    await page.keyboard.press('Control+Enter');
    const refusal = page.locator('.console-results [role="alert"]');
    await expect(refusal.textContent()).resolves.toMatch(/read-only/i);
    await expect(refusal.getAttribute('data-code')).resolves.toBe('read_only');
    const [intruders] = await db.read<{ count: number }>("MATCH (x {id: 'party:intruder'}) RETURN count(x) AS count");
    expect(intruders!.count).toBe(0);
    // The browser logs the refused request (403) itself; nothing else may fail.
    expect(errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
    await page.close();
  });

  it('restores the same view from a reloaded permalink', async () => {
    const { page } = await openPage(app.url);
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('ceasefire');
    await page.getByRole('option', { name: /Full and unconditional ceasefire/ }).waitFor();
    await page.getByRole('combobox', { name: 'Search the graph' }).press('Enter');
    await page.getByRole('button', { name: /Trace who stands where/ }).click();
    await page.locator('.trace-card').first().waitFor();
    await page.getByLabel('Event', { exact: true }).uncheck();
    const slider = page.locator('.time-slider');
    await slider.focus();
    await page.keyboard.press('Home');
    const asOf = await page.locator('.time-label').textContent();
    expect(asOf).toMatch(/^As of \d{4}-\d{2}-\d{2}$/);
    const permalink = page.url();
    expect(permalink).toContain('mode=trace');

    const { page: restored, errors } = await openPage(permalink);
    await restored.reload();
    await restored.waitForSelector('#app[data-loaded="true"]');
    await expect(restored.getByRole('tab', { selected: true }).textContent()).resolves.toBe('Trace');
    await expect(restored.locator('#trace-title').textContent()).resolves.toBe('Full and unconditional ceasefire');
    await expect(restored.locator('.time-label').textContent()).resolves.toBe(asOf);
    await expect(restored.getByLabel('Event', { exact: true }).isChecked()).resolves.toBe(false);
    await expect(restored.locator('.side-panel .panel-title').textContent()).resolves.toBe('Full and unconditional ceasefire');
    expect(restored.url()).toBe(permalink);
    expect(errors).toEqual([]);
    await page.close();
    await restored.close();
  });
});
