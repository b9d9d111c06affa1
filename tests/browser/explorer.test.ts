/**
 * The explorer in a real browser (Debian's Chromium, WebGL through SwiftShader) against the real
 * app and the run's throwaway Neo4j with the seed graph: the acceptance criteria of issue 5.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import type { GraphView } from '../../server/contract/graphView.ts';
import type { RunningParley } from '../../server/start.ts';
import { browserSuite, inkedPixels, layoutSettled } from '../support/browser.ts';

const explorer = browserSuite();
let db: Database;
let app: RunningParley;

const openPage = (url: string) => explorer.open(url);

/** Pixels of the graph canvas that differ from its background. */
async function drawnPixels(page: Page): Promise<number> {
  return inkedPixels(page, await page.locator('.sigma-container').screenshot());
}

beforeAll(() => {
  ({ db, app } = explorer);
});

describe('the explorer', () => {
  it('draws the seeded graph with no console errors', async () => {
    const { page, errors } = await openPage(app.url);
    await layoutSettled(page);
    expect(await drawnPixels(page)).toBeGreaterThan(2_000);
    await expect(page.locator('.status').textContent()).resolves.toMatch(/\d+ nodes and \d+ relationships loaded/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds the ceasefire and traces Ukraine proposing and Russia rejecting it, with evidence', async () => {
    const { page, errors } = await openPage(app.url);
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('ceasefire');
    const option = page.getByRole('option', { name: /Full and unconditional ceasefire/ });
    await option.waitFor();
    await page.getByRole('combobox', { name: 'Search the graph' }).press('Enter');
    await expect(page.locator('.side-panel .panel-title').textContent()).resolves.toBe('Full and unconditional ceasefire');
    await page.getByRole('button', { name: /Trace who stands where/ }).click();

    const ukraine = page.locator('.trace-group[data-family="proposal"] .trace-card[data-actor="party:ukraine"]');
    const russia = page.locator('.trace-group[data-family="rejection"] .trace-card[data-actor="party:russia"]');
    await ukraine.first().waitFor();
    await expect(ukraine.first().locator('.badge').textContent()).resolves.toBe('proposed');
    // Real words: a quote or a summary of at least six words.
    await expect(ukraine.first().locator('.evidence').first().textContent()).resolves.toMatch(/\w+(\W+\w+){5,}/);
    await expect(russia.first().locator('.badge').textContent()).resolves.toBe('rejected');
    await expect(russia.first().locator('.evidence').first().textContent()).resolves.toMatch(/\w+(\W+\w+){5,}/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs read-only Cypher in the console and shows the refusal of a write', async () => {
    // Entities only: the server writes its layout node in the background, whenever it likes.
    const [total] = await db.read<{ count: number }>('MATCH (n:Entity) RETURN count(n) AS count');
    const count = String(total!.count);
    const { page, errors } = await openPage(`${app.url}/#mode=console`);
    const editor = page.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('MATCH (n:Entity) RETURN count(n)');
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('.console-results td').first().textContent()).resolves.toBe(count);

    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type("CREATE (x:Party {id: 'party:intruder'}) RETURN x");
    await page.keyboard.press('Control+Enter');
    const refusal = page.locator('.console-results [role="alert"]');
    await expect(refusal.textContent()).resolves.toMatch(/read-only/i);
    await expect(refusal.getAttribute('data-code')).resolves.toBe('read_only');
    const [intruders] = await db.read<{ count: number }>("MATCH (x {id: 'party:intruder'}) RETURN count(x) AS count");
    expect(intruders!.count).toBe(0);
    // The browser logs the refused request (403) itself; nothing else may fail.
    expect(errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
    await page.close();
  });

  it('restores the same view from a reloaded permalink', async () => {
    const { page } = await openPage(app.url);
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('ceasefire');
    await page.getByRole('option', { name: /Full and unconditional ceasefire/ }).waitFor();
    await page.getByRole('combobox', { name: 'Search the graph' }).press('Enter');
    await page.getByRole('button', { name: /Trace who stands where/ }).click();
    await page.locator('.trace-card').first().waitFor();
    await page.getByLabel('Event', { exact: true }).uncheck();
    const slider = page.locator('.time-slider');
    await slider.focus();
    await page.keyboard.press('Home');
    const asOf = await page.locator('.time-label').textContent();
    expect(asOf).toMatch(/^As of \d{4}-\d{2}-\d{2}$/);
    const permalink = page.url();
    expect(permalink).toContain('mode=trace');

    const { page: restored, errors } = await openPage(permalink);
    await restored.reload();
    await restored.waitForSelector('#app[data-loaded="true"]');
    await expect(restored.getByRole('tab', { selected: true }).textContent()).resolves.toBe('Trace');
    await expect(restored.locator('#trace-title').textContent()).resolves.toBe('Full and unconditional ceasefire');
    await expect(restored.locator('.time-label').textContent()).resolves.toBe(asOf);
    await expect(restored.getByLabel('Event', { exact: true }).isChecked()).resolves.toBe(false);
    await expect(restored.locator('.side-panel .panel-title').textContent()).resolves.toBe('Full and unconditional ceasefire');
    expect(restored.url()).toBe(permalink);
    expect(errors).toEqual([]);
    await page.close();
    await restored.close();
  });
});

describe('Add source (issue 14)', () => {
  const article = [
    'Talks on drone strikes stall',
    'Kremlin spokesman Dmitry Peskov on Friday rejected a proposal for a moratorium on drone strikes.',
    // Indefinite, as the extractor names "the moratorium" apart from "a moratorium" (docs/extraction.md).
    'Hungarian Foreign Minister Janos Vereb backed a moratorium on drone strikes.',
    'Erdogan welcomed the prisoner swap.',
  ].join('\n\n');

  it('asks for no write token while the server takes no writes, and says how to set one (issue 26)', async () => {
    const readOnly = await explorer.startApp({ PARLEY_WRITE_TOKEN: '' });
    try {
      await expect((await fetch(`${readOnly.url}/api/meta`)).json()).resolves.toEqual({ writes: { enabled: false } });
      const { page, errors } = await openPage(`${readOnly.url}/#mode=source`);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.getByLabel('Title', { exact: true }).fill('Talks on drone strikes stall');
      await page.getByLabel('Published on').fill('2025-06-13');
      await page.getByLabel('Article text', { exact: true }).fill(article);
      await page.locator('[data-action="extract"]').click();
      await page.locator('.candidate').first().waitFor();
      await page.locator('[data-action="ingest"]').click();
      const refusal = page.locator('[data-writes="off"]');
      await refusal.waitFor();
      await expect(refusal.textContent()).resolves.toContain('PARLEY_WRITE_TOKEN');
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await readOnly.stop();
    }
  });

  it('extracts, reviews (accept, reject, merge), survives a reload, ingests, and shows the new stances in the trace', async () => {
    const { page, errors } = await openPage(`${app.url}/#mode=source`);
    await page.getByLabel('Title', { exact: true }).fill('Talks on drone strikes stall');
    await page.getByLabel('Published on').fill('2025-06-13');
    await page.getByLabel('Article text', { exact: true }).fill(article);
    await page.locator('[data-action="extract"]').click();

    const peskov = page.locator('.candidate[data-stance*="dmitry-peskov-rejected"]');
    const erdogan = page.locator('.candidate[data-stance*="erdogan-welcomed"]');
    await peskov.waitFor();
    await expect(page.locator('.article-text mark.mark-actor').count()).resolves.toBeGreaterThanOrEqual(3);
    await peskov.locator('.locate').click();
    // Located at his mention: the title and name the extractor read ("spokesman Dmitry Peskov").
    const located = Number(await page.locator('.article-text').getAttribute('data-located'));
    expect(located).toBeGreaterThanOrEqual(article.indexOf('Kremlin spokesman'));
    expect(located).toBeLessThanOrEqual(article.indexOf('Dmitry Peskov'));
    await peskov.locator('[data-action="accept"]').click();
    await erdogan.locator('[data-action="reject"]').click();

    // A reload mid-review keeps the text, the draft and the decisions.
    await page.reload();
    await page.waitForSelector('#app[data-loaded="true"]');
    await expect(page.getByLabel('Article text', { exact: true }).inputValue()).resolves.toBe(article);
    await expect(page.locator('.candidate[data-stance*="erdogan-welcomed"]').getAttribute('class')).resolves.toContain('rejected');
    await expect(page.locator('.candidate[data-stance*="dmitry-peskov-rejected"]').getAttribute('class')).resolves.toContain('accepted');

    // The proposed moratorium is merged into the graph's partial truce through the search box.
    await page.getByLabel('Merge Moratorium on drone strikes into an existing entity').fill('partial truce');
    const mergeInto = (await page.locator('[data-merge="position:partial-truce"]').textContent())!.replace(/ \(\w+\)$/, '');
    await page.locator('[data-merge="position:partial-truce"]').click();
    // The candidate names its new target, by name (its id is no text on screen).
    await page.locator('.candidate[data-stance*="dmitry-peskov-rejected"] input[data-field="target"][data-id="position:partial-truce"]').waitFor();
    await expect(page.locator('.candidate[data-stance*="dmitry-peskov-rejected"] input[data-field="target"]').inputValue()).resolves.toBe(mergeInto);
    await expect(page.locator('[data-entity="position:moratorium-on-drone-strikes"]').count()).resolves.toBe(0);

    // The matrix is read once before the ingestion, so that seeing Hungary in it later proves it was read afresh.
    await page.evaluate(() => (window.location.hash = '#mode=matrix'));
    await page.locator('.matrix-cell').first().waitFor();
    await expect(page.locator('.cell-button[aria-label^="Hungary "]').count()).resolves.toBe(0);
    await page.evaluate(() => (window.location.hash = '#mode=source'));

    page.once('dialog', (dialog) => void dialog.accept('test-write-token'));
    await page.locator('[data-action="ingest"]').click();
    await page.locator('[data-ingested]').waitFor();
    await page.evaluate(() => (window.location.hash = '#mode=matrix'));
    await page.locator('.cell-button[aria-label^="Hungary backed Partial truce"]').waitFor();

    // Without a reload: the trace of the partial truce now holds Peskov's rejection and Vereb's backing.
    await page.evaluate(() => (window.location.hash = '#mode=trace&position=position:partial-truce'));
    await page.locator('.trace-card[data-actor="official:dmitry-peskov"][data-stance="rejected"]').waitFor();
    await page.locator('.trace-card[data-actor="official:janos-vereb"][data-stance="backed"]').waitFor();

    // The graph view was read again: each new stance is inside its actor → target edge, as the server aggregates it, and no edge stands for a lone stance.
    await page.evaluate(() => (window.location.hash = '#mode=graph'));
    await page.getByRole('button', { name: 'Table view' }).click();
    const relationships = page.locator('.graph-table table').nth(1).locator('tbody tr');
    // From, relationship (its badge), to, date: as the table shows each drawn edge.
    const cells = await relationships.evaluateAll((rows) => rows.map((row) => {
      const [from, relation, to, date] = [...row.querySelectorAll('td')];
      return [from!.textContent, relation!.querySelector('.badge')!.textContent, to!.textContent, date!.textContent];
    }));
    const view = (await (await fetch(`${app.url}/api/graph/view`)).json()) as GraphView;
    const target = view.nodes.id.indexOf('position:partial-truce');
    for (const actor of ['official:janos-vereb', 'official:dmitry-peskov']) {
      const from = view.nodes.id.indexOf(actor);
      const edge = view.edges.source.findIndex((source, i) => source === from && view.edges.target[i] === target);
      expect([view.edges.relation[edge], view.edges.stanceCount[edge], view.edges.latestDate[edge]], actor).toEqual(['STANCES', 1, '2025-06-13']);
      const [actorName, targetName] = [view.nodes.label[from]!, view.nodes.label[target]!];
      expect(cells.filter(([f, , t]) => f === actorName && t === targetName)).toEqual([[actorName, 'stances', targetName, '2025-06-13']]);
    }
    expect(cells.filter(([, relation]) => relation === 'backed' || relation === 'rejected')).toEqual([]);
    const rejected = await db.read<{ n: number }>("MATCH (:Official {id: 'official:recep-tayyip-erdogan'})-[:TOOK]->(s:Stance {type: 'welcomed'}) RETURN count(s) AS n");
    expect(rejected[0]!.n).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
