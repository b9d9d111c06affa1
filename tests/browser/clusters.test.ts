/**
 * The explorer over the node budget (issue 18): the graph opens as clusters, one expands on click,
 * and a search hit outside the loaded part is brought in. The seed graph (73 nodes) is put over the
 * budget by lowering the budget, which is what a larger world does to the default one.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openExplorer, settledDrawing, startSeededExplorer } from '../support/browser.ts';

let explorer: Awaited<ReturnType<typeof startSeededExplorer>>;
let browser: Browser;

beforeAll(async () => {
  explorer = await startSeededExplorer({ PARLEY_GRAPH_NODE_BUDGET: '20' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await explorer?.stop();
});

describe('a graph over the node budget', () => {
  it('opens as clusters, brings a search hit in, and expands a cluster on click', async () => {
    const { page, errors } = await openExplorer(browser, explorer.app.url);
    await expect(page.locator('.status').textContent()).resolves.toMatch(/clusters of \d+ nodes/);
    const first = await settledDrawing(page);
    expect(first.nodes.length).toBeGreaterThan(1);
    expect(first.nodes.every((n) => n.nodeType === 'Cluster')).toBe(true);
    // A cluster is drawn bigger the more members it has, so the biggest one is the widest disc.
    const width = (n: (typeof first.nodes)[number]) => n.maxX - n.minX;
    const biggest = first.nodes.reduce((a, b) => (width(b) > width(a) ? b : a));
    expect(width(biggest)).toBeGreaterThan(Math.min(...first.nodes.map(width)));

    // The ceasefire sits inside some cluster: the search brings it in with its neighbours.
    const search = page.getByRole('combobox', { name: 'Search the graph' });
    await search.fill('ceasefire');
    await page.getByRole('option', { name: /Full and unconditional ceasefire/ }).waitFor();
    await search.press('Enter');
    await expect(page.locator('.side-panel .panel-title').textContent()).resolves.toBe('Full and unconditional ceasefire');
    await page.waitForFunction(() => window.__parley!.drawnNodeBoxes().some((n) => n.node === 'position:unconditional-ceasefire'));
    await page.locator('.side-panel .close').click();

    // Clicking the biggest cluster replaces it by its members.
    const before = await settledDrawing(page);
    const target = before.nodes.find((n) => n.node === biggest.node)!;
    await page.mouse.click(before.canvas.x + (target.minX + target.maxX) / 2, before.canvas.y + (target.minY + target.maxY) / 2);
    await page.waitForFunction((cluster) => !window.__parley!.drawnNodeBoxes().some((n) => n.node === cluster), biggest.node);
    const after = await settledDrawing(page);
    const entities = after.nodes.filter((n) => n.nodeType !== 'Cluster').map((n) => n.node);
    const broughtIn = entities.filter((id) => !before.nodes.some((n) => n.node === id));
    expect(broughtIn.length).toBeGreaterThan(1);
    await expect(page.locator('.status').textContent()).resolves.toMatch(/nodes brought in/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
