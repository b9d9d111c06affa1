/**
 * The explorer's first screen on the seed graph, in a real browser (issue 18): every position
 * labelled, no two drawn labels overlapping, the legend clear of the drawn nodes. Label and node
 * boxes come from sigma's own geometry through the window.__parley hook.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawnBox } from '../../client/src/render/sigmaRenderer.ts';
import { launchChromium, layoutSettled, openExplorer, startSeededExplorer } from '../support/browser.ts';

let explorer: Awaited<ReturnType<typeof startSeededExplorer>>;
let browser: Browser;

beforeAll(async () => {
  explorer = await startSeededExplorer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await explorer?.stop();
});

interface Drawn {
  labels: DrawnBox[];
  nodes: DrawnBox[];
  canvas: { x: number; y: number; width: number; height: number };
}

/** What the canvas shows once the labels have stopped changing (placement follows the first frames). */
async function settledDrawing(page: Page): Promise<Drawn> {
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
  throw new Error('The drawn labels never settled.');
}

function overlap(a: DrawnBox, b: DrawnBox): boolean {
  return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

describe('the first screen on the seed graph', () => {
  it('labels every position inside the canvas, and no two labels overlap', async () => {
    const { page, errors } = await openExplorer(browser, explorer.app.url);
    await layoutSettled(page);
    const { labels, nodes, canvas } = await settledDrawing(page);

    const positions = nodes.filter((n) => n.nodeType === 'Position');
    expect(positions.length).toBeGreaterThan(5);
    const labelled = new Set(labels.map((l) => l.node));
    expect(positions.filter((p) => !labelled.has(p.node)).map((p) => p.node)).toEqual([]);
    for (const label of labels) {
      expect(label.minX, label.node).toBeGreaterThanOrEqual(0);
      expect(label.minY, label.node).toBeGreaterThanOrEqual(0);
      expect(label.maxX, label.node).toBeLessThanOrEqual(canvas.width);
      expect(label.maxY, label.node).toBeLessThanOrEqual(canvas.height);
    }
    const overlapping = labels.flatMap((a, i) => labels.slice(i + 1).filter((b) => overlap(a, b)).map((b) => `${a.node} × ${b.node}`));
    expect(overlapping).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the legend clear of every drawn node', async () => {
    const { page } = await openExplorer(browser, explorer.app.url);
    await layoutSettled(page);
    const { nodes, canvas } = await settledDrawing(page);
    const legend = (await page.locator('.legend').boundingBox())!;
    const legendBox = { node: 'legend', nodeType: 'legend', minX: legend.x, maxX: legend.x + legend.width, minY: legend.y, maxY: legend.y + legend.height };
    // Node boxes are in the canvas's pixels; the legend's in the page's.
    const onPage = nodes.map((n) => ({ ...n, minX: n.minX + canvas.x, maxX: n.maxX + canvas.x, minY: n.minY + canvas.y, maxY: n.maxY + canvas.y }));
    expect(nodes.length).toBeGreaterThan(20);
    expect(onPage.filter((n) => overlap(n, legendBox)).map((n) => n.node)).toEqual([]);
    await page.close();
  });
});
