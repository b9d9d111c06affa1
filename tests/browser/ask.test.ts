/**
 * The Ask view in a real browser against the real app and the seed graph: an answer with its
 * citations table, quotes and summaries told apart, a citation opened in its source, the
 * interpretation, and the closest passages of a "not found".
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../server/start.ts';
import { browserSuite } from '../support/browser.ts';

const explorer = browserSuite();
let app: RunningParley;
let page: Page;
let errors: string[];

beforeAll(async () => {
  app = explorer.app;
  ({ page, errors } = await explorer.open(`${app.url}/#mode=ask`));
});

async function ask(question: string) {
  // A fresh page load for each question, so the answer waited for is this question's.
  await page.goto('about:blank');
  await page.goto(`${app.url}/#mode=ask`);
  await page.waitForSelector('#app[data-loaded="true"]', { timeout: 20_000 });
  await page.getByRole('textbox', { name: 'Your question' }).fill(question);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await page.locator('.answer-sentence').waitFor();
}

describe('the Ask view', () => {
  it('shows the answer, a readable citations table, and never puts a summary in quotation marks', async () => {
    await ask('Who backed a leaders’ summit?');
    await expect(page.locator('.answer-sentence').textContent()).resolves.toMatch(/Zelensky.*backed/);
    const table = page.locator('table.citations');
    await expect(table.locator('th').allTextContents()).resolves.toEqual(['What', 'Date', 'Words', 'Source']);
    // Zelensky's backing is recorded only as a summary: labelled, in no quotation marks.
    const zelensky = table.locator('tr', { hasText: 'Volodymyr Zelensky' });
    const words = await zelensky.locator('td').nth(2).textContent();
    expect(words).toMatch(/^Summary, not a quote: Zelensky supports/);
    expect(words).not.toMatch(/[“”"]/);
    // Erdoğan's own words are quoted.
    await expect(table.locator('tr', { hasText: 'Erdoğan' }).locator('blockquote').allTextContents()).resolves.toContain('“greatest wish”');
    expect(errors).toEqual([]);
  });

  it('opens a citation in its source and shows how the question was read', async () => {
    await ask('Who rejected the ceasefire?');
    // Several sources report Russia's rejection; the first citation opens in its own source.
    const first = page.locator('table.citations tbody tr').first();
    const citedSource = await first.locator('td').nth(3).textContent();
    await first.getByRole('button').click();
    const panel = page.getByRole('region', { name: 'Citation in its source' });
    const title = (await panel.locator('.source-title').textContent())!;
    expect(title.length).toBeGreaterThan(10);
    expect(citedSource).toContain(title);
    await expect(panel.locator('li[aria-current="true"]').textContent()).resolves.toMatch(/Russia rejected Full and unconditional ceasefire/);
    await page.locator('details.interpretation summary').click();
    await expect(page.locator('details.interpretation').textContent()).resolves.toMatch(/stances path.*ceasefire/s);
    expect(errors).toEqual([]);
  });

  it('says plainly when the sources do not hold the answer, with the closest passages', async () => {
    await ask('Who rejected the ceasefire in Gaza?');
    await expect(page.locator('.answer-sentence').textContent()).resolves.toBe('I could not find this in the sources.');
    await expect(page.locator('.answer-sentence').getAttribute('data-status')).resolves.toBe('not_found');
    await expect(page.getByRole('region', { name: 'Closest passages' }).locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
