/**
 * The workbench's corrections in a real browser (issue 24): a report of a negotiation the graph
 * does not hold (a fictional fixture: mechanics only) is extracted; the analyst adds the stance
 * the extractor missed by selecting its words with the mouse, picks its actor, type and target
 * by name, renames the proposed organisation, sets the URL and grade, ingests, and finds both
 * stances under the new name in the trace.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SourceDetail } from '../../server/contract/sources.ts';
import { workbenchReport as report } from '../fixtures/workbenchReport.ts';
import { browserSuite } from '../support/browser.ts';

const explorer = browserSuite();

/** Selects the words at [start, end) of the shown article with the mouse, as an analyst does. */
async function dragSelect(page: Page, start: number, end: number): Promise<void> {
  const box = await page.locator('.article-text').evaluate((container, [from, to]) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    const point = (offset: number, atEnd: boolean) => {
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length;
        if (seen + length >= offset + (atEnd ? 0 : 1)) {
          const range = document.createRange();
          const at = offset - seen;
          range.setStart(node, atEnd ? at - 1 : at);
          range.setEnd(node, atEnd ? at : at + 1);
          const rect = range.getBoundingClientRect();
          walker.currentNode = container;
          return { x: atEnd ? rect.right - 0.5 : rect.left + 0.5, y: rect.top + rect.height / 2 };
        }
        seen += length;
      }
      throw new Error(`offset ${offset} is past the text`);
    };
    return { from: point(from!, false), to: point(to!, true) };
  }, [start, end]);
  await page.mouse.move(box.from.x, box.from.y);
  await page.mouse.down();
  await page.mouse.move(box.to.x, box.to.y, { steps: 8 });
  await page.mouse.up();
}

describe('the workbench corrects a draft (issue 24)', () => {
  it('adds a missed stance by selecting its words, renames a proposed organisation, grades the source, ingests, and the trace shows both stances', async () => {
    const { app } = explorer;
    const { page, errors } = await explorer.open(`${app.url}/#mode=source`);
    await page.getByLabel('Title', { exact: true }).fill(report.title);
    await page.getByLabel('Published on').fill(report.publishedAt);
    await page.getByLabel('URL (optional)').fill('https://courier.example/marrow-bay');
    await page.getByLabel('Article text', { exact: true }).fill(report.text);
    await page.locator('[data-action="extract"]').click();
    await page.locator('.candidate').first().waitFor();

    // The draft proposes the union and reads its call, but not its delegates' backing.
    const union = page.locator('.proposed-entity').filter({ has: page.locator('strong', { hasText: /^The Northern Fishers Union$/ }) });
    await expect(union.count()).resolves.toBe(1);
    const headers = await page.locator('.candidate .locate').allTextContents();
    expect(headers).toContain('The Northern Fishers Union called for Ban on night trawling');
    expect(headers.filter((header) => / backed /.test(header))).toEqual([]);
    // The URL typed before extracting is in the draft, and stays in the form.
    await expect(page.getByLabel('URL (optional)').inputValue()).resolves.toBe('https://courier.example/marrow-bay');

    // Select the missed words with the mouse, and add them as a stance: its quote and offsets are exactly theirs.
    const shown = await page.locator('.article-text').textContent();
    const start = shown!.indexOf(report.missed);
    expect(start).toBeGreaterThan(0);
    await dragSelect(page, start, start + report.missed.length);
    await page.locator('[data-action="add-stance"]:not([disabled])').click();
    const added = page.locator('.candidate.added');
    await added.waitFor();
    await expect(added.locator('.added-quote').getAttribute('data-start')).resolves.toBe(String(start));
    await expect(added.locator('.added-quote').getAttribute('data-end')).resolves.toBe(String(start + report.missed.length));
    await expect(added.locator('.added-quote').textContent()).resolves.toContain(`“${report.missed}”`);
    await expect(page.locator('.article-text mark.mark-added').textContent()).resolves.toBe(report.missed);

    // Not ingestible before its actor, type and target are chosen.
    await page.locator('[data-action="ingest"]').click();
    await expect(page.locator('[data-problems]').textContent()).resolves.toContain('Choose the type');

    // Actor and target by name, from what the draft proposes; the type from the list.
    await added.getByLabel('Actor', { exact: true }).fill('fishers');
    await added.getByRole('option').filter({ hasText: 'The Northern Fishers Union' }).getByRole('button').click();
    await page.locator('.candidate.added').getByLabel('Stance type').selectOption('backed');
    await page.locator('.candidate.added').getByLabel('Target', { exact: true }).fill('night trawl');
    await page.locator('.candidate.added').getByRole('option').filter({ hasText: 'Ban on night trawling' }).getByRole('button').click();
    await expect(page.locator('.candidate.added .locate').textContent()).resolves.toBe('The Northern Fishers Union backed Ban on night trawling');
    await expect(page.locator('[data-problems]').count()).resolves.toBe(0);

    // The proposed organisation renamed: every candidate names it so.
    await page.getByLabel('Name of The Northern Fishers Union').fill('Marrow Bay Fishers Union');
    await page.getByLabel('Name of The Northern Fishers Union').press('Tab');
    await expect(page.locator('.candidate.added .locate').textContent()).resolves.toBe('Marrow Bay Fishers Union backed Ban on night trawling');
    expect(await page.locator('.candidate .locate').allTextContents()).toContain('Marrow Bay Fishers Union called for Ban on night trawling');

    // The Admiralty grade, then ingest.
    await page.getByLabel('Grade: reliability of the source', { exact: true }).selectOption('B');
    await page.getByLabel('Grade: credibility of the information', { exact: true }).selectOption('3');
    page.once('dialog', (dialog) => void dialog.accept('test-write-token'));
    await page.locator('[data-action="ingest"]').click();
    const ingested = page.locator('[data-ingested]');
    await ingested.waitFor();
    const sourceId = (await ingested.getAttribute('data-ingested'))!;
    const source = (await (await fetch(`${app.url}/api/sources/${encodeURIComponent(sourceId)}`)).json()) as SourceDetail;
    expect([source.grade, source.url]).toEqual(['B3', 'https://courier.example/marrow-bay']);

    // The trace of the position, found by name: both stances, under the new name, the added one with its quote.
    await page.evaluate(() => (window.location.hash = '#mode=graph'));
    const search = page.getByRole('combobox', { name: 'Search the graph' });
    await search.fill('night trawling');
    await page.getByRole('option', { name: /Ban on night trawling/ }).waitFor();
    await search.press('Enter');
    await page.getByRole('button', { name: /Trace who stands where/ }).click();
    const cards = page.locator('.trace-card').filter({ has: page.getByRole('button', { name: 'Marrow Bay Fishers Union', exact: true }) });
    await cards.first().waitFor();
    await expect(cards.locator('.badge').allTextContents().then((badges) => badges.sort())).resolves.toEqual(['backed', 'called for']);
    await expect(cards.filter({ has: page.locator('.badge', { hasText: /^backed$/ }) }).locator('.quote').textContent()).resolves.toBe(`“${report.missed}”`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
