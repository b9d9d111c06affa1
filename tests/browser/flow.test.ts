/**
 * Issue 26 in the explorer, as a new analyst met it: the time slider reaches every date, the
 * filters filter every view, Back returns to each step, a bad link says "not found", the status
 * bar follows the filters, and no internal key reaches the screen. One explorer and one Chromium
 * for the file; most checks move one page through hash changes rather than opening new ones.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser.ts';

const explorer = browserSuite();

/** Changes the view as a pasted link would, without reloading the page. */
async function goToHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
}

const status = (page: Page) => page.locator('.status').textContent();

describe('the time slider', () => {
  it('keeps its range while it filters, and reaches the dates of the reversal', async () => {
    const { page, errors } = await explorer.open(explorer.app.url);
    const slider = page.locator('.time-slider');
    const max = await slider.getAttribute('max');
    expect(Number(max)).toBeGreaterThan(3);
    await slider.focus();
    await page.keyboard.press('Home');
    const labels: string[] = [];
    const maxima = new Set<string | null>();
    for (let step = 0; step <= Number(max); step++) {
      // Each stop recounts the edges on the server; the old slider recomputed its stops from that answer.
      await page.waitForTimeout(400);
      labels.push((await page.locator('.time-label').textContent())!);
      maxima.add(await slider.getAttribute('max'));
      await page.keyboard.press('ArrowRight');
    }
    expect([...maxima]).toEqual([max]);
    expect(labels).toContain('As of 2025-05-28');
    expect(labels).toContain('As of 2025-06-04');
    expect(labels.at(-1)).toBe('All dates');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('filters', () => {
  it('apply to the matrix, the side panel, the sources and the conflicts, and draw the context node types when ticked', async () => {
    const { page, errors } = await explorer.open(`${explorer.app.url}/#mode=matrix&stances=rejected`);
    const cells = page.locator('.matrix td.matrix-cell:not(.empty)');
    await cells.first().waitFor();
    const classes = await cells.evaluateAll((tds) => tds.map((td) => td.className));
    expect(classes.every((c) => c.includes('family-rejection'))).toBe(true);

    await goToHash(page, '#node=party%3Aukraine&stances=rejected');
    const partyStances = page.locator('.side-panel .party-stances .stance');
    await partyStances.first().waitFor();
    expect(new Set(await partyStances.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-stance'))))).toEqual(new Set(['rejected']));

    await goToHash(page, '#mode=sources&reliability=B');
    const grades = page.locator('.source-table tbody td:nth-child(4)');
    await grades.first().waitFor();
    const shown = await grades.allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((g) => /^[AB]\d$/.test(g))).toBe(true);

    await goToHash(page, '#mode=conflicts');
    const conflicts = page.locator('.conflict-list li[data-conflict]');
    await conflicts.first().waitFor();
    const truce = /^Ukraine on Partial truce/;
    expect((await conflicts.allTextContents()).some((t) => truce.test(t))).toBe(true);
    await goToHash(page, '#mode=conflicts&reliability=B');
    await expect.poll(async () => (await conflicts.allTextContents()).some((t) => truce.test(t)), { timeout: 10_000 }).toBe(false);

    await goToHash(page, '#types=Party,Official,Delegation,Position,Event,Document,Place,Source');
    const drawnTypes = () => page.evaluate(() => [...new Set(window.__parley!.drawnNodeBoxes().map((n) => n.nodeType))].sort());
    await expect.poll(drawnTypes, { timeout: 15_000 }).toEqual(expect.arrayContaining(['Document', 'Place', 'Source']));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('history and links', () => {
  it('returns to the selection after Select → filter → Matrix → Back → Back, and keeps an edge in the URL', async () => {
    const { page, errors } = await explorer.open(explorer.app.url);
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('Russia');
    await page.locator('.search-hit').first().waitFor();
    await page.getByRole('combobox', { name: 'Search the graph' }).press('Enter');
    await expect(page.locator('.side-panel .panel-title').textContent()).resolves.toBe('Russia');
    await page.getByLabel('rejected', { exact: true }).uncheck();
    await page.getByRole('tab', { name: 'Matrix' }).click();
    await page.goBack();
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('Graph');
    expect(new URL(page.url()).hash).toMatch(/stances=/);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).hash).toBe('#node=party%3Arussia');
    await expect(page.getByLabel('rejected', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.locator('.side-panel .panel-title').textContent()).resolves.toBe('Russia');

    await goToHash(page, '#edge=party%3Aukraine%7Cposition%3Apartial-truce');
    const edgePanel = page.locator('.edge-stances');
    await expect.poll(() => edgePanel.locator('.panel-title').textContent()).toMatch(/^Ukraine → Partial truce/);
    await edgePanel.locator('.stance').first().waitFor();
    await edgePanel.getByRole('button', { name: 'Close the stances' }).click();
    await expect.poll(() => new URL(page.url()).hash).not.toMatch(/edge=/);
    await page.goBack();
    await expect.poll(() => edgePanel.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says "not found" for a link to a node that does not exist', async () => {
    const { page } = await explorer.open(`${explorer.app.url}/#node=party%3Anope`);
    const notFound = page.locator('.side-panel .not-found');
    await notFound.waitFor();
    await expect(page.locator('.side-panel .panel-title').textContent()).resolves.toBe('Not found');
    await expect(notFound.textContent()).resolves.toContain('party:nope');
    await page.close();
  });
});

describe('the status bar', () => {
  it('counts what the filters show, of what is loaded', async () => {
    const { page } = await explorer.open(explorer.app.url);
    const all = await status(page);
    const [, nodes, edges] = /^(\d+) nodes and (\d+) relationships loaded, all shown\.$/.exec(all ?? '') ?? [];
    expect(nodes).toBeDefined();
    await page.getByLabel('Official', { exact: true }).uncheck();
    await expect.poll(() => status(page)).toMatch(new RegExp(`^\\d+ nodes and \\d+ relationships shown, of ${nodes} nodes and ${edges} relationships loaded\\.$`));
    const [, shownNodes] = /^(\d+) nodes/.exec((await status(page))!)!;
    expect(Number(shownNodes)).toBeLessThan(Number(nodes));
    await page.getByLabel('Official', { exact: true }).check();
    await expect.poll(() => status(page)).toBe(all);
    await page.close();
  });
});

describe('words on screen', () => {
  it('shows no internal keys in the side panel: a named group instead of "Cluster 0", "date precision" instead of "Dateprecision"', async () => {
    const { page } = await explorer.open(`${explorer.app.url}/#node=party%3Arussia`);
    const panel = page.locator('.side-panel');
    await panel.locator('.party-stances').waitFor();
    const text = (await panel.innerText()).toLowerCase();
    expect(text).not.toMatch(/cluster\s*\n?\s*\d/);
    const terms = await panel.locator('.properties dt').allTextContents();
    expect(terms).toContain('group');
    await expect(panel.locator('.properties dt:text-is("group") + dd').textContent()).resolves.toMatch(/^\S.* cluster$/);
    await goToHash(page, '#node=event%3Aistanbul-talks-2025-06-02');
    // The node's own properties arrive from the API after the panel first shows what the graph holds.
    await expect.poll(() => panel.locator('.properties dt').allTextContents(), { timeout: 10_000 }).toContain('date precision');
    const eventTerms = await panel.locator('.properties dt').allTextContents();
    expect(eventTerms.every((t) => !/[a-z][A-Z]/.test(t) && t !== 'dateprecision')).toBe(true);
    await page.close();
  });
});

describe('cosmetics at 1024×700', () => {
  it('keeps selects inside the filters, dates on one line and apart from their badge, the last matrix column reachable, and quotes visible', async () => {
    const { page, errors } = await explorer.open(`${explorer.app.url}/#mode=conflicts`);
    await page.setViewportSize({ width: 1024, height: 700 });
    // Each check is soft, so one run names every fault at once.
    const overflowing = await page.evaluate(() => {
      const panel = document.querySelector('.filters')!;
      const contentRight = panel.getBoundingClientRect().right - parseFloat(getComputedStyle(panel).paddingRight);
      return [...panel.querySelectorAll('select')].filter((s) => s.getBoundingClientRect().right > contentRight + 0.5).map((s) => s.getAttribute('aria-label'));
    });
    expect.soft(overflowing).toEqual([]);

    await page.locator('.conflict-list li[data-conflict] button').first().click();
    await page.locator('.conflict-side h3 .date').first().waitFor();
    const heads = await page.locator('.conflict-side h3').evaluateAll((h3s) =>
      h3s.map((h3) => {
        const badge = h3.querySelector('.badge')!.getBoundingClientRect();
        const date = h3.querySelector('.date')!;
        const range = document.createRange();
        range.selectNodeContents(date);
        return { gap: date.getBoundingClientRect().left - badge.right, lines: range.getClientRects().length };
      }),
    );
    for (const head of heads) {
      expect.soft(head.gap).toBeGreaterThanOrEqual(2);
      expect.soft(head.lines).toBe(1);
    }

    await page.getByRole('tab', { name: 'Matrix' }).click();
    await page.locator('.matrix').waitFor();
    const matrix = await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.matrix-scroll')!;
      scroller.scrollLeft = scroller.scrollWidth;
      const box = scroller.getBoundingClientRect();
      const last = [...document.querySelectorAll('.matrix thead th')].at(-1)!.getBoundingClientRect();
      return { bottom: box.bottom, right: box.right, lastLeft: last.left, lastRight: last.right, height: window.innerHeight };
    });
    // The scroller ends within the window, so its scrollbar can be reached, and scrolls the last column fully into view.
    expect.soft(matrix.bottom).toBeLessThanOrEqual(matrix.height);
    expect.soft(matrix.lastRight).toBeLessThanOrEqual(matrix.right + 1);
    expect.soft(matrix.lastLeft).toBeLessThan(matrix.right);

    await goToHash(page, '#mode=sources&source=source%3Atass-umerov-waits-for-memorandum-2025-05-28');
    const mark = page.locator('.source-detail mark.mark-quote').first();
    await mark.waitFor();
    const contrast = await mark.evaluate((el) => {
      const [r, g, b] = getComputedStyle(el).backgroundColor.match(/\d+/g)!.map(Number).map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      return 1.05 / (luminance + 0.05);
    });
    // Against the white page: the old #ebfbee was 1.05, barely there.
    expect.soft(contrast).toBeGreaterThanOrEqual(1.2);
    expect(errors).toEqual([]);
    await page.close();
  });
});
