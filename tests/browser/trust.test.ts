/**
 * Issue 13 in the explorer: a party's panel lists what its officials said, relations read from
 * the traced position, search ranks and keys as expected, Back and Forward step through what the
 * analyst did, time hides what did not exist yet, the PNG is the whole graph, and the page can
 * be used without a mouse or colour vision.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, inkedPixels } from '../support/browser.ts';

const explorer = browserSuite();

const search = (page: Page) => page.getByRole('combobox', { name: 'Search the graph' });

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function downloadPng(page: Page, scale: string): Promise<Buffer> {
  await page.getByLabel('PNG scale').selectOption(scale);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG', exact: true }).click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("a party's panel", () => {
  it("lists every stance the party's officials took, with who voiced each", async () => {
    const { page, errors } = await explorer.open(`${explorer.app.url}/#node=party%3Arussia`);
    const api = await (await fetch(`${explorer.app.url}/api/actors/party:russia/stances`)).json();
    const items = page.locator('.side-panel .party-stances .stance');
    await items.first().waitFor();
    expect(await items.count()).toBe(api.stances.length);
    const peskov = page.locator('.side-panel .party-stances .stance[data-stance-id="stance:peskov-dismissed-leaders-summit-2025-06-03"]');
    await expect(peskov.locator('.voiced-by').textContent()).resolves.toMatch(/Dmitry Peskov/);
    const truce = page.locator('.side-panel .party-stances .stance[data-stance-id="stance:russia-offered-partial-truce-2025-06-02"]');
    await expect(truce.locator('.voiced-by').textContent()).resolves.toMatch(/Vladimir Medinsky/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the trace', () => {
  it('heads each relation from the traced position: the withdrawal is the precondition of the pause', async () => {
    const { page } = await explorer.open(`${explorer.app.url}/#mode=trace&position=position%3Awithdrawal-from-four-regions`);
    const relation = page.locator('.trace-position .relation');
    await relation.first().waitFor();
    const headings = await relation.locator('h3').allTextContents();
    expect(headings).toEqual(['Is the precondition of']);
    await expect(relation.first().locator('li').textContent()).resolves.toMatch(/Pause of Russia's offensive/);
    await page.close();
  });

  it("says what the summit is a condition of instead of what it 'must happen before'", async () => {
    const { page } = await explorer.open(`${explorer.app.url}/#mode=trace&position=position%3Aleaders-summit`);
    await page.locator('.trace-position .relation').first().waitFor();
    const text = await page.locator('.trace-position').textContent();
    expect(text).not.toMatch(/must happen before/);
    expect(await page.locator('.trace-position .relation h3').allTextContents()).toEqual(['Can only happen after', 'Is the condition of']);
    await page.close();
  });
});

describe('search', () => {
  it('puts the party first for "Russia" and shows which alias matched', async () => {
    const { page } = await explorer.open(explorer.app.url);
    await search(page).fill('Russia');
    await page.locator('.search-hit').first().waitFor();
    await expect(page.locator('.search-hit').first().getAttribute('data-id')).resolves.toBe('party:russia');
    await search(page).fill('Kremlin');
    await expect.poll(() => page.locator('.search-hit').first().textContent(), { timeout: 10_000 }).toMatch(/Kremlin → Russia/);
    await page.close();
  });

  it('ArrowDown from the pre-highlighted first hit lands on it, not on the second', async () => {
    const { page } = await explorer.open(explorer.app.url);
    await search(page).fill('Russia');
    await page.locator('.search-hit').first().waitFor();
    await search(page).press('ArrowDown');
    await expect(search(page).getAttribute('aria-activedescendant')).resolves.toBe('search-hit-0');
    await search(page).press('Enter');
    await expect(page.locator('.side-panel .panel-title').textContent()).resolves.toBe('Russia');
    await page.close();
  });
});

describe('navigation', () => {
  it('steps Back and Forward through views, selections and traces', async () => {
    const { page } = await explorer.open(explorer.app.url);
    const selectedTab = () => page.getByRole('tab', { selected: true }).textContent();
    await page.getByRole('tab', { name: 'Matrix' }).click();
    await page.getByRole('tab', { name: 'Trace' }).click();
    await page.locator('.trace-view select').selectOption('position:prisoner-swap');
    await page.locator('#trace-title').waitFor();
    await page.goBack();
    await expect.poll(() => page.locator('.trace-view select').inputValue()).toBe('');
    await page.goBack();
    await expect.poll(selectedTab).toBe('Matrix');
    await page.goBack();
    await expect.poll(selectedTab).toBe('Graph');
    expect(new URL(page.url()).origin).toBe(explorer.app.url);
    await page.goForward();
    await expect.poll(selectedTab).toBe('Matrix');
    await page.close();
  });
});

describe('time', () => {
  it('hides undated positions and delegations before anything shows they existed', async () => {
    const { page } = await explorer.open(`${explorer.app.url}/#asOf=2025-01-01&table=1`);
    const names = await page.locator('.graph-table tbody').first().locator('tr td:first-child').allTextContents();
    expect(names).toContain('Russia');
    expect(names).not.toContain('Summit of the presidents of Russia, Ukraine and the United States');
    expect(names).not.toContain('Russian delegation at the Istanbul talks (2025-06-02)');
    await page.close();
  });

  it('shows a year-precision date as the year', async () => {
    const { page } = await explorer.open(`${explorer.app.url}/#node=event%3Arussian-offensive-in-ukraine`);
    const date = page.locator('.side-panel .properties dt', { hasText: /^date$/ }).locator('xpath=following-sibling::dd[1]');
    await expect(date.textContent()).resolves.toBe('2022');
    await page.close();
  });

  it('reaches "All dates" again by keyboard from the last stop', async () => {
    const { page } = await explorer.open(explorer.app.url);
    const slider = page.locator('.time-slider');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('.time-label').textContent()).resolves.toMatch(/^As of /);
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.time-label').textContent()).resolves.toBe('All dates');
    await page.close();
  });
});

describe('PNG export', () => {
  it('draws the whole graph, whatever the camera shows, at the chosen scale', async () => {
    const { page, errors } = await explorer.open(explorer.app.url);
    await page.waitForFunction(() => document.querySelector('.graph-view .toolbar button')?.textContent === 'Refine layout', undefined, { timeout: 15_000 });
    const single = pngSize(await downloadPng(page, '1'));
    const double = pngSize(await downloadPng(page, '2'));
    expect(double.width).toBe(single.width * 2);
    expect(double.height).toBe(single.height * 2);
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(1200);
    const zoomed = await downloadPng(page, '1');
    expect(pngSize(zoomed)).toEqual(single);
    // The legend sits in the bottom-left corner of the image, clear of the graph.
    const legendInk = await inkedPixels(page, zoomed, { left: 0, bottom: 0, width: 220, height: 120 });
    expect(legendInk).toBeGreaterThan(300);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('accessibility', () => {
  it('has a skip link to the graph and a single h1', async () => {
    const { page } = await explorer.open(explorer.app.url);
    expect(await page.locator('h1').count()).toBe(1);
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    await expect(skip.textContent()).resolves.toBe('Skip to the graph');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.closest('#panel-graph') !== null)).resolves.toBe(true);
    await page.close();
  });

  it('keeps the legend off the table view', async () => {
    const { page } = await explorer.open(`${explorer.app.url}/#table=1`);
    const table = await page.locator('.graph-table').boundingBox();
    const legend = page.locator('.graph-view .legend');
    const box = (await legend.isVisible()) ? await legend.boundingBox() : null;
    const overlaps = box && table && box.x < table.x + table.width && table.x < box.x + box.width && box.y < table.y + table.height && table.y < box.y + box.height;
    expect(overlaps ?? false).toBe(false);
    await page.close();
  });

  it('shows a stance family by a glyph as well as a colour', async () => {
    const { page } = await explorer.open(`${explorer.app.url}/#mode=trace&position=position%3Aunconditional-ceasefire`);
    const rejected = page.locator('.trace-group[data-family="rejection"] .trace-card').first();
    await rejected.waitFor();
    await expect(rejected.locator('.glyph').textContent()).resolves.toBe('✗');
    await expect(page.locator('.trace-group[data-family="proposal"] .trace-card .glyph').first().textContent()).resolves.toBe('+');
    await expect(page.locator('.graph-view .legend').textContent()).resolves.toMatch(/✗\s*Rejection/);
    await page.close();
  });
});
