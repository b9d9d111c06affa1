/**
 * The explorer's first screen on the seed graph, in a real browser (issue 18): every position
 * labelled, no two drawn labels overlapping, the legend clear of the drawn nodes. Label and node
 * boxes come from sigma's own geometry through the window.__parley hook.
 */
import { describe, expect, it } from 'vitest';
import type { DrawnBox } from '../../client/src/render/sigmaRenderer.ts';
import { browserSuite, layoutSettled, settledDrawing } from '../support/browser.ts';

const explorer = browserSuite();

function overlap(a: DrawnBox, b: DrawnBox): boolean {
  return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

describe('the first screen on the seed graph', () => {
  it('labels every position inside the canvas, and no two labels overlap', async () => {
    const { page, errors } = await explorer.open(explorer.app.url);
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
    const { page } = await explorer.open(explorer.app.url);
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

  it('lists the stances behind an aggregated edge, with their quotes, when the edge is clicked', async () => {
    const { page, errors } = await explorer.open(explorer.app.url);
    await layoutSettled(page);
    const { nodes, canvas } = await settledDrawing(page);
    const centre = (id: string) => {
      const box = nodes.find((n) => n.node === id)!;
      return { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 };
    };
    const [peskov, summit] = [centre('official:dmitry-peskov'), centre('position:leaders-summit')];
    // The point along the edge, clear of both ends and the arrow head, farthest from every other node.
    const others = nodes.filter((n) => n.node !== 'official:dmitry-peskov' && n.node !== 'position:leaders-summit').map((n) => centre(n.node));
    const along = (t: number) => ({ x: peskov.x + (summit.x - peskov.x) * t, y: peskov.y + (summit.y - peskov.y) * t });
    const clearance = (p: { x: number; y: number }) => Math.min(Infinity, ...others.map((o) => Math.hypot(o.x - p.x, o.y - p.y)));
    const candidates = Array.from({ length: 13 }, (_, i) => along(0.2 + i * 0.05));
    const point = candidates.reduce((best, p) => (clearance(p) > clearance(best) ? p : best));
    await page.mouse.click(canvas.x + point.x, canvas.y + point.y);

    const panel = page.locator('.edge-stances');
    await panel.locator('.stance').first().waitFor();
    await expect(panel.locator('.panel-title').textContent()).resolves.toMatch(/^Dmitry Peskov → /);
    await expect(panel.locator('.stance[data-stance="dismissed"]').count()).resolves.toBeGreaterThan(0);
    const quotes = await panel.locator('blockquote.quote').allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(quote).toMatch(/^“.+”$/);
    // Our own summaries are labelled as such, never dressed as quotes.
    for (const summary of await panel.locator('.summary').allTextContents()) expect(summary).toMatch(/^Summary: [^“]/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
