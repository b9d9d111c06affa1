/**
 * Issue 15 in the explorer: many reports of one story. Four small reports of an invented lake
 * dispute (tests/fixtures/sources/manyReports.ts) go in through the API; the conflicts list opens
 * the two disagreeing reports side by side, the matrix shows Valemark's reversal, the sources view
 * shows a source's text with its quotes marked, the trace says how many sources report a stance,
 * and the source filter lives in the permalink and reaches the server.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../server/start.ts';
import { conflictingReport, firstReport, laterReport, secondReport } from '../fixtures/sources/manyReports.ts';
import { browserSuite } from '../support/browser.ts';

/** The first report as it arrived with its text: our own short wording around its two quotes. */
const FIRST_REPORT_TEXT =
  'Talks on the border lake ended on Thursday without a deal. Ridgeland asked for "Sixty quiet days on the water". ' +
  'Valemark’s foreign minister answered: "We will not tie our boats to the shore."';

const explorer = browserSuite();
let app: RunningParley;

async function ingest(payload: unknown): Promise<void> {
  const res = await fetch(`${app.url}/api/sources`, {
    method: 'POST',
    headers: { authorization: 'Bearer test-write-token', 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  expect(res.status, await res.text()).toBe(201);
}

beforeAll(async () => {
  app = explorer.app;
  const first = firstReport();
  for (const report of [{ ...first, source: { ...first.source, text: FIRST_REPORT_TEXT } }, secondReport(), conflictingReport(), laterReport()]) await ingest(report);
}, 300_000);

const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(window.location.hash));

describe('conflicting reports', () => {
  it('opens the conflicts list, then one conflict with both quotes and their sources side by side', async () => {
    const { page, errors } = await explorer.open(app.url);
    await page.getByRole('tab', { name: 'Conflicts' }).click();
    // The count is worded for its number: "1 conflict between reports", "2 conflicts between reports".
    const { total } = await (await fetch(`${app.url}/api/conflicts`)).json() as { total: number };
    const count = page.locator('.conflicts-view .muted.small').filter({ hasText: /between reports|conflicting reports/ }).first();
    await count.waitFor();
    await expect(count.textContent()).resolves.toBe(`${total} ${total === 1 ? 'conflict' : 'conflicts'} between reports`);
    const entry = page.locator('.conflict-list li[data-conflict]').filter({ hasText: 'Valemark on Lake ceasefire' });
    await entry.waitFor();
    await entry.getByRole('button').click();

    const sides = page.locator('.conflict-detail .conflict-side');
    await sides.first().waitFor();
    expect(await sides.count()).toBe(2);
    const agreed = page.locator('.conflict-side[data-stance-id="stance:valemark-agreed-lake-ceasefire-2025-04-10"]');
    const refused = page.locator('.conflict-side[data-stance-id="stance:valemark-rejected-lake-ceasefire-2025-04-10"]');
    await expect(agreed.locator('.quote').allTextContents()).resolves.toEqual(['“Our boats will stay in harbour”']);
    await expect(agreed.locator('.provenance').textContent()).resolves.toMatch(/Valemark signs on to lake calm · Vale Press Agency/);
    await expect(refused.locator('.quote').allTextContents()).resolves.toEqual(['“We will not tie our boats to the shore”']);
    await expect(refused.locator('[data-source="source:lake-talks-first-report"] .provenance').textContent()).resolves.toMatch(/Lake talks stall · Northern Courier/);
    // The second outlet gave no words of Valemark's: its report stays a marked summary.
    await expect(refused.locator('[data-source="source:lake-talks-second-report"] .summary').textContent()).resolves.toMatch(/^Summary: /);

    // The open conflict is in the permalink: a reload opens it again.
    expect(await hashOf(page)).toContain('conflict=stance:valemark-agreed-lake-ceasefire-2025-04-10|stance:valemark-rejected-lake-ceasefire-2025-04-10');
    await page.reload();
    await page.locator('.conflict-detail .conflict-side').nth(1).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('reversals and corroboration', () => {
  it('shows the reversal and its date in the matrix cell', async () => {
    const { page, errors } = await explorer.open(`${app.url}/#mode=matrix`);
    const cell = page.locator('.cell-button[aria-label^="Valemark agreed Lake ceasefire"]');
    await cell.waitFor();
    await expect(cell.getAttribute('aria-label')).resolves.toMatch(/on 2025-05-20, reversed from rejected on 2025-05-20/);
    await expect(cell.locator('.reversal').textContent()).resolves.toBe('↺ rejected → agreed, 2025-05-20');
    // Ridgeland never changed its mind.
    await expect(page.locator('.cell-button[aria-label^="Ridgeland proposed Lake ceasefire"] .reversal').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a cell whose sources disagree as disputed, each side with its own evidence, and the trace says the same', async () => {
    const { page, errors } = await explorer.open(`${app.url}/#mode=matrix`);
    // Ukraine × Partial truce (the seed): one source says Kyiv agreed, two report Zelensky rejecting it that day.
    const cell = page.locator('.cell-button[aria-label^="Ukraine on Partial truce of two to three days, disputed"]');
    await cell.waitFor();
    await expect(cell.textContent()).resolves.toBe('Disputedrejected 3 · agreed 1');
    await expect(cell.getAttribute('aria-label')).resolves.toMatch(/rejected \(2 sources, 3 pieces of evidence\) against agreed \(1 source, 1 piece of evidence\)/);
    await expect(page.locator('.matrix-cell.family-support .cell-button[aria-label^="Ukraine agreed to Partial truce"]').count()).resolves.toBe(0);
    // Valemark's change of mind is a reversal, not a dispute.
    await expect(page.locator('.matrix-cell.disputed .cell-button[aria-label^="Valemark"]').count()).resolves.toBe(0);
    await page.goto(`${app.url}/#mode=trace&position=position:partial-truce`);
    const note = page.locator('.trace-disputes .dispute-note[data-actor="party:ukraine"]');
    await note.waitFor();
    await expect(note.textContent()).resolves.toMatch(/^Ukraine: Sources disagree: rejected \(2 sources, 3 pieces of evidence\) against agreed/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in the trace how many sources report a stance and how many first-hand, and marks the reversal on the timeline', async () => {
    const { page, errors } = await explorer.open(`${app.url}/#mode=trace&position=position:lake-ceasefire`);
    const refusal = page.locator('.trace-card[data-actor="party:valemark"][data-stance="rejected"]');
    await refusal.waitFor();
    await expect(refusal.locator('.corroboration').textContent()).resolves.toBe('reported by 2 sources, 1 first-hand');
    await expect(page.locator('.timeline-list .reversal').textContent()).resolves.toMatch(/reverses rejected \(2025-04-10\)/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows corroboration for a party's stances in the side panel", async () => {
    const { page, errors } = await explorer.open(`${app.url}/#node=party:valemark`);
    const refusal = page.locator('.side-panel .party-stances [data-stance-id="stance:valemark-rejected-lake-ceasefire-2025-04-10"]');
    await refusal.waitFor();
    await expect(refusal.locator('.corroboration').textContent()).resolves.toBe('reported by 2 sources, 1 first-hand');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('ask', () => {
  it('says how many sources report each cited stance', async () => {
    const { page, errors } = await explorer.open(`${app.url}/#mode=ask`);
    await page.getByRole('textbox', { name: 'Your question' }).fill('Who rejected the lake ceasefire?');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const refusal = page.locator('table.citations tbody tr', { hasText: 'We will not tie our boats to the shore' });
    await refusal.waitFor();
    await expect(refusal.locator('.corroboration').textContent()).resolves.toBe('reported by 2 sources, 1 first-hand');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the sources view', () => {
  it('lists the sources with their counts and opens one: its text with the quotes marked, and the stances it supports', async () => {
    const { page, errors } = await explorer.open(app.url);
    await page.getByRole('tab', { name: 'Sources' }).click();
    const row = page.locator('tr[data-source="source:lake-talks-first-report"]');
    await row.waitFor();
    await expect(row.locator('td').allTextContents()).resolves.toEqual(['Lake talks stall', 'Northern Courier', '2025-04-11', 'ungraded', '2', '2']);
    await row.getByRole('button', { name: 'Lake talks stall' }).click();

    const text = page.locator('.source-detail .article-text');
    await text.waitFor();
    await expect(text.locator('mark.mark-quote').allTextContents()).resolves.toEqual(['Sixty quiet days on the water', 'We will not tie our boats to the shore']);
    await page.locator('.source-detail .source-stances > li').first().waitFor();
    await expect(page.locator('.source-detail .source-stances > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-stance-id')))).resolves.toEqual([
      'stance:ridgeland-proposed-lake-ceasefire-2025-04-10',
      'stance:valemark-rejected-lake-ceasefire-2025-04-10',
    ]);
    // Only this source's evidence: the second outlet's summary of the refusal is not here.
    await expect(page.locator('.source-detail .summary').count()).resolves.toBe(0);
    expect(await hashOf(page)).toContain('source=source:lake-talks-first-report');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the source filter', () => {
  it('asks the server for the graph again with the chosen grade and keeps the choice in the permalink', async () => {
    const { page, errors } = await explorer.open(app.url);
    const asked = page.waitForRequest((request) => request.url().includes('/api/graph') && new URL(request.url()).searchParams.get('minReliability') === 'B');
    await page.getByLabel('Least source reliability').selectOption('B');
    await asked;
    await page.getByLabel('Leave out sources affiliated with').selectOption('party:valemark');
    expect(await hashOf(page)).toMatch(/reliability=B.*notFrom=party:valemark/);

    // The matrix reads the same filter, and a reload restores it.
    const matrixAsked = page.waitForRequest((request) => request.url().includes('/api/matrix') && new URL(request.url()).searchParams.get('excludeAffiliatedWith') === 'party:valemark');
    await page.getByRole('tab', { name: 'Matrix' }).click();
    await matrixAsked;
    await page.reload();
    await page.waitForSelector('#app[data-loaded="true"]');
    await expect(page.getByLabel('Least source reliability').inputValue()).resolves.toBe('B');
    await expect(page.getByLabel('Leave out sources affiliated with').inputValue()).resolves.toBe('party:valemark');
    expect(errors).toEqual([]);
    await page.close();
  });
});
