/**
 * Issue 29 in the explorer: a numbered document pasted into the workbench goes in as points in
 * order; the two Istanbul memorandums (brought in from the reports the gold cites) are compared
 * side by side, filtered by topic, exported as CSV, and the permalink restores the view.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentVsAuthor } from '../../server/contract/documents.ts';
import { readNodesById } from '../../server/core/nodesData.ts';
import type { RunningParley } from '../../server/start.ts';
import { readComparisonGold, reportPayloads } from '../../server/features/documents/comparisonGold.ts';
import { browserSuite } from '../support/browser.ts';

const RU = 'document:russia-memorandum-2025-06-02';
const UA = 'document:ukraine-memorandum-2025-06-02';
const gold = readComparisonGold('istanbul-memorandums-2025-06-02');
const explorer = browserSuite();
let app: RunningParley;

beforeAll(async () => {
  app = explorer.app;
  const positions = [...new Set(gold.documents.flatMap((d) => d.points.map((p) => p.position.id)))];
  const existing = new Set((await readNodesById(explorer.db, positions)).map((n) => n.id));
  for (const payload of reportPayloads(gold, existing)) {
    const res = await fetch(`${app.url}/api/sources`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-write-token', 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(res.status, await res.text()).toBe(201);
  }
}, 300_000);

describe('documents point by point (issue 29)', () => {
  it('ingests the numbered points of a pasted document in order', async () => {
    const { page, errors } = await explorer.open(`${app.url}/#mode=source`);
    const memo = [
      'Türkiye circulated a short plan to both delegations. It reads:',
      '1. A ceasefire for 30 days along the whole line.',
      '2. An exchange of all prisoners, after the ceasefire begins.',
      '3. Observers to monitor the line.',
    ].join('\n');
    await page.getByLabel('Title', { exact: true }).fill('Türkiye circulates a plan');
    await page.getByLabel('Published on').fill('2025-06-13');
    await page.getByLabel('Article text', { exact: true }).fill(memo);
    await page.locator('[data-action="extract"]').click();
    const points = page.locator('.candidate-point');
    await points.nth(2).waitFor();
    await expect(points.evaluateAll((items) => items.map((li) => [li.getAttribute('data-order'), li.getAttribute('data-start')]))).resolves.toEqual(
      ['1.', '2.', '3.'].map((marker, i) => [String(i + 1), String(memo.indexOf(marker) + marker.length + 1)]),
    );
    await page.getByLabel('Document name').fill('Turkish plan');
    await page.getByLabel('Document name').press('Tab');
    await page.getByLabel('Author').fill('party:turkiye');
    await page.getByLabel('Author').press('Tab');
    page.once('dialog', (dialog) => void dialog.accept('test-write-token'));
    await page.locator('[data-action="ingest"]').click();
    await expect(page.locator('[data-ingested]').textContent()).resolves.toContain('3 points');

    const answer = (await (await fetch(`${app.url}/api/documents/document:turkish-plan-2025-06-13/vs-author`)).json()) as DocumentVsAuthor;
    expect(answer.rows.map((r) => [r.point.order, r.point.topic, r.point.evidence[0]?.quote])).toEqual([
      [1, 'ceasefire', 'A ceasefire for 30 days along the whole line.'],
      [2, 'prisoners_missing', 'An exchange of all prisoners, after the ceasefire begins.'],
      [3, 'implementation_monitoring', 'Observers to monitor the line.'],
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('compares the Istanbul memorandums, filters by topic, exports CSV, and the permalink restores it', async () => {
    const { page, errors } = await explorer.open(app.url);
    await page.getByRole('tab', { name: 'Compare' }).click();
    await page.getByLabel('Documents to compare').fill(`${RU}, ${UA}`);
    await page.locator('[data-action="compare"]').click();
    const rows = page.locator('.compare-row');
    await rows.nth(gold.rows.length - 1).waitFor();
    expect(await rows.count()).toBe(gold.rows.length);
    const contradiction = page.locator('.compare-row[data-position="position:ukrainian-neutrality"]');
    await expect(contradiction.getAttribute('data-kind')).resolves.toBe('contradiction');
    await expect(contradiction.locator(`td[data-document="${UA}"] .point-line`).textContent()).resolves.toBe('rejected · #8');

    await page.getByLabel('Topic').selectOption('ceasefire');
    const ceasefire = gold.rows.filter((r) => r.topic === 'ceasefire');
    await page.waitForFunction((n) => document.querySelectorAll('.compare-row').length === n, ceasefire.length);
    await expect(rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-topic')))).resolves.toEqual(ceasefire.map(() => 'ceasefire'));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('parley-comparison.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(csv[0]).toMatch(/^topic,kind,differences,position,/);
    expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual(ceasefire.map(() => 'ceasefire'));

    const permalink = page.url();
    expect(decodeURIComponent(permalink)).toContain(`mode=compare&docs=${RU},${UA}&topic=ceasefire`);
    await page.reload();
    await page.waitForSelector('#app[data-loaded="true"]');
    await page.waitForFunction((n) => document.querySelectorAll('.compare-row').length === n, ceasefire.length);
    await expect(page.getByLabel('Topic').inputValue()).resolves.toBe('ceasefire');
    await expect(page.getByLabel('Documents to compare').inputValue()).resolves.toBe(`${RU}, ${UA}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
