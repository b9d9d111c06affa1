/**
 * The negotiation scope in a real browser (issue 27): beside the seed's Istanbul talks, a second,
 * invented negotiation (the Ostmark–Westmark border talks of tests/fixtures/negotiationSources.ts,
 * declared by its first report through the API). Two fictional reports come in through the
 * workbench: one whose proposed negotiation (a new one) the analyst changes to the border talks,
 * one that goes into the new negotiation the workbench proposes for it (Ostmark and Suderia, after
 * the border talks' period), declaring it. The explorer's selector then lists them; choosing one
 * scopes the graph, the matrix, the trace and the conflicts; the permalink and Back restore the
 * scope; "All negotiations" shows them all again; Ostmark's page sets its two tracks side by side.
 * Mechanics only: every report is invented.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../client/src/api/client.ts';
import { BORDER, COMMISSION, OSTMARK, WESTMARK, borderTalksReport, borderTalksSecondReport } from '../fixtures/negotiationSources.ts';
import { workbenchReport as report } from '../fixtures/workbenchReport.ts';
import { TEST_WRITE_TOKEN } from '../support/app.ts';
import { browserSuite } from '../support/browser.ts';

const explorer = browserSuite();
const ISTANBUL = 'negotiation:istanbul-talks';
/** A scoped graph view is a live answer: give each scoped read a few seconds. */
const WAIT = { timeout: 15_000 };

/** A fictional report of the other track: Ostmark and Suderia, in June 2025 (after the border talks' period). */
const corridorReport = {
  title: 'Ostmark and Suderia spar over a grain corridor',
  publishedAt: '2025-06-18',
  text: 'Ostmark on Monday demanded a grain corridor through Suderia. Suderia rejected the grain corridor on Tuesday.',
};

/** The names the graph's table view lists (`table=1`): the nodes the graph holds and shows. */
const nodeNames = (page: Page) => page.locator('.graph-table table').first().locator('tbody tr td:first-child').allTextContents();
const selector = (page: Page) => page.locator('.filters').getByLabel('Negotiation', { exact: true });
const goTo = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

describe('one negotiation at a time (issue 27)', () => {
  it('puts workbench reports in two negotiations, and the selector scopes the graph, matrix, trace and conflicts, kept in the permalink; a party across both', async () => {
    const { app } = explorer;
    const api = createApi(app.url);
    // The second negotiation, declared by its first report; the second report contradicts it (a conflict).
    await api.ingest({ body: borderTalksReport() }, { token: TEST_WRITE_TOKEN });
    await api.ingest({ body: borderTalksSecondReport() }, { token: TEST_WRITE_TOKEN });
    const border = (await api.negotiation({ params: { id: BORDER } })).name;
    const istanbul = (await api.negotiation({ params: { id: ISTANBUL } })).name;

    // The workbench: a fictional report whose parties and date match no negotiation. A new one is
    // proposed and preselected; the analyst puts it in the border talks instead.
    const { page, errors } = await explorer.open(`${app.url}/#mode=source`);
    const picker = page.locator('.source-view').getByLabel('Negotiation', { exact: true });
    const extract = async (r: { title: string; publishedAt: string; text: string }) => {
      await page.getByLabel('Title', { exact: true }).fill(r.title);
      await page.getByLabel('Published on').fill(r.publishedAt);
      await page.getByLabel('Article text', { exact: true }).fill(r.text);
      await page.locator('[data-action="extract"]').click();
      await page.locator('.candidate').first().waitFor();
    };
    const ingest = async () => {
      page.once('dialog', (dialog) => void dialog.accept(TEST_WRITE_TOKEN));
      await page.locator('[data-action="ingest"]').click();
      await page.locator('[data-ingested]').waitFor();
    };
    const chosen = () => picker.locator('option:checked').textContent();
    await extract(report);
    await expect.poll(() => picker.locator('option').allTextContents(), WAIT).toEqual(expect.arrayContaining(['Decide from its parties and dates', border, istanbul]));
    expect(await chosen()).toMatch(/^New: .*Northern Fishers Union.* talks$/);
    await expect(page.locator('.negotiation-reason').textContent()).resolves.toMatch(/^Proposed: No negotiation matches/);
    await picker.selectOption(BORDER);
    await ingest();
    // Its stances are the border talks' (the rule alone would have left them "Unassigned").
    expect((await api.negotiation({ params: { id: BORDER } })).counts.sources).toBe(3);

    // The second: Ostmark and Suderia after the border talks' period. The new negotiation proposed, from their names, goes in as it is.
    await extract(corridorReport);
    await expect.poll(chosen, WAIT).toMatch(/^New: (Ostmark–Suderia|Suderia–Ostmark) talks$/);
    const corridor = (await chosen())!.replace(/^New: /, '');
    await ingest();
    const tracks = (await api.negotiations()).negotiations;
    expect(tracks.find((n) => n.name === corridor)).toMatchObject({ counts: { sources: 1 }, parties: expect.arrayContaining([expect.objectContaining({ id: OSTMARK })]) });
    // The first report's proposal, changed by the analyst, was never declared.
    expect(tracks.map((n) => n.name).filter((name) => name.includes('Fishers'))).toEqual([]);

    // The selector lists the three, after "All negotiations".
    await goTo(page, '#table=1');
    await expect.poll(() => selector(page).locator('option').allTextContents(), WAIT).toEqual(expect.arrayContaining([border, istanbul, corridor]));
    expect((await selector(page).locator('option').allTextContents())[0]).toBe('All negotiations');
    await expect.poll(() => nodeNames(page), WAIT).toEqual(expect.arrayContaining(['Russia', 'Ostmark', 'The Northern Fishers Union']));

    // The graph: the border talks only, with the workbench's report.
    await selector(page).selectOption(BORDER);
    await expect.poll(() => nodeNames(page), WAIT).not.toContain('Russia');
    expect(await nodeNames(page)).toEqual(expect.arrayContaining(['Ostmark', 'Westmark', 'The Northern Fishers Union']));
    expect(page.url()).toContain(`negotiation=${encodeURIComponent(BORDER)}`);

    // The matrix: the border talks' parties only.
    await page.getByRole('tab', { name: 'Matrix' }).click();
    const matrixRows = () => page.locator('.matrix tbody th').allTextContents();
    await expect.poll(matrixRows, WAIT).toEqual(expect.arrayContaining(['Ostmark', 'Westmark']));
    expect(await matrixRows()).not.toContain('Russia');

    // The trace: the commission's stances in the border talks; a position of the Istanbul talks has none here.
    const traceActors = () => page.locator('.trace-card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.actor).sort());
    await goTo(page, `#mode=trace&position=${encodeURIComponent(COMMISSION)}&negotiation=${encodeURIComponent(BORDER)}`);
    await expect.poll(traceActors, WAIT).toEqual([OSTMARK, WESTMARK, WESTMARK]);
    const istanbulPosition = (await api.matrix({ query: { negotiation: ISTANBUL } })).positions[0]!;
    await goTo(page, `#mode=trace&position=${encodeURIComponent(istanbulPosition.id)}&negotiation=${encodeURIComponent(BORDER)}`);
    await expect.poll(() => page.locator('#trace-title').textContent(), WAIT).toBe(istanbulPosition.label);
    expect(await traceActors()).toEqual([]);
    await selector(page).selectOption(ISTANBUL);
    await expect.poll(async () => (await traceActors()).length, WAIT).toBeGreaterThan(0);

    // The conflicts: Westmark's, in the border talks only.
    await page.getByRole('tab', { name: 'Conflicts' }).click();
    const conflicts = () => page.locator('.conflict-list').textContent();
    await expect.poll(conflicts, WAIT).not.toMatch(/Loading/);
    expect(await conflicts()).not.toContain('Westmark');
    await selector(page).selectOption(BORDER);
    await expect.poll(() => page.locator('[data-conflict]').allTextContents(), WAIT).toEqual([expect.stringContaining('Westmark')]);

    // A permalink restores the scope: the selector and the graph.
    await goTo(page, `#table=1&negotiation=${encodeURIComponent(BORDER)}`);
    const link = page.url();
    const reopened = await explorer.open(link);
    await expect(selector(reopened.page).inputValue()).resolves.toBe(BORDER);
    await expect.poll(() => nodeNames(reopened.page), WAIT).toEqual(expect.arrayContaining(['Ostmark', 'The Northern Fishers Union']));
    expect(await nodeNames(reopened.page)).not.toContain('Russia');

    // "All negotiations" shows both; Back returns to the scope.
    await selector(reopened.page).selectOption('');
    await expect.poll(() => nodeNames(reopened.page), WAIT).toEqual(expect.arrayContaining(['Russia', 'Ostmark']));
    expect(reopened.page.url()).not.toContain('negotiation=');
    await reopened.page.goBack();
    await expect.poll(() => selector(reopened.page).inputValue(), WAIT).toBe(BORDER);
    await expect.poll(() => nodeNames(reopened.page), WAIT).not.toContain('Russia');

    // One party across negotiations: Ostmark's page sets the border talks and the corridor talks side by side.
    await goTo(reopened.page, `#node=${encodeURIComponent(OSTMARK)}`);
    const trackNames = () => reopened.page.locator('.side-panel .party-tracks .track h4').allTextContents();
    await expect.poll(trackNames, WAIT).toEqual(expect.arrayContaining([border, corridor]));
    expect(await trackNames()).toHaveLength(2);
    const panel = reopened.page.locator('.side-panel .party-tracks');
    await expect(panel.locator('h3').textContent()).resolves.toBe('Ostmark across negotiations (2)');
    // Each track lists Ostmark's own stances there: the commission it proposed, the corridor it demanded.
    await expect(panel.locator(`.track[data-negotiation="${BORDER}"] [data-target="${COMMISSION}"]`).count()).resolves.toBe(1);
    await expect(panel.locator(`.track:not([data-negotiation="${BORDER}"]) .stance`).count()).resolves.toBeGreaterThan(0);
    // Westmark is in one negotiation only: no comparison.
    await goTo(reopened.page, `#node=${encodeURIComponent(WESTMARK)}`);
    await expect.poll(() => reopened.page.locator('.side-panel .panel-title').textContent(), WAIT).toBe('Westmark');
    await expect.poll(() => reopened.page.locator('.side-panel .party-stances .stance').count(), WAIT).toBeGreaterThan(0);
    expect(await reopened.page.locator('.side-panel .party-tracks .track').count()).toBe(0);

    expect([...errors, ...reopened.errors]).toEqual([]);
    await reopened.page.close();
    await page.close();
  }, 180_000);
});
