/**
 * The Cypher console in a real browser against the real app and the seeded Neo4j: the acceptance
 * points of issue 19. Completion from the live schema, errors marked where Neo4j puts them,
 * parameters from the panel, history across a reload, a saved query's permalink in a fresh
 * browser, a PROFILE plan, a CSV download, and a result marked in the main graph.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, openExplorer } from '../support/browser.ts';

const explorer = browserSuite();

/** The console with `query` in the editor (through the URL, so no typing aids get in the way). */
async function openConsole(query?: string, params?: string) {
  const hash = new URLSearchParams({ mode: 'console', ...(query ? { query } : {}), ...(params ? { params } : {}) });
  const opened = await explorer.open(`${explorer.app.url}/#${hash}`);
  await opened.page.waitForSelector('.editor[data-ready="true"] .cm-content');
  return opened;
}

const editorText = (page: Page) => page.locator('.cm-content').evaluate((el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' ').trimEnd());

async function run(page: Page) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Enter');
}

describe('the Cypher console', () => {
  it('completes from the live schema without changing the query: labels keep their colon, functions and label keys are offered', async () => {
    const { page, errors } = await openConsole();
    await page.locator('.console-schema code').getByText(':Party', { exact: true }).waitFor();
    const options = page.locator('.cm-tooltip-autocomplete li');
    /** Types `text` into an empty editor and waits for the offered options' labels. */
    const typeAndList = async (text: string) => {
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(text);
      await options.first().waitFor();
      return page.locator('.cm-tooltip-autocomplete li .cm-completionLabel').allTextContents();
    };
    const accept = async (label: string) => {
      await options.filter({ has: page.locator('.cm-completionLabel', { hasText: new RegExp(`^${label}$`) }) }).first().click();
      await options.first().waitFor({ state: 'detached' });
    };

    await expect(typeAndList('MATCH (n:Pa')).resolves.toContain('Party');
    await accept('Party');
    // The editor closes the bracket as it is typed; the colon before the label stays.
    await expect(editorText(page)).resolves.toBe('MATCH (n:Party)');

    await expect(typeAndList('MATCH (a)-[r:TO')).resolves.toContain('TOOK');
    await accept('TOOK');
    await expect(editorText(page)).resolves.toBe('MATCH (a)-[r:TOOK]');

    await expect(typeAndList('MATCH (n:')).resolves.toEqual(expect.arrayContaining(['Party', 'Position', 'Stance']));
    await expect(typeAndList('RETURN toUpp')).resolves.toContain('toUpper');
    // Only the keys Party nodes have: no "narrative" or other labels' keys starting with "na".
    const partyKeys = await (await fetch(`${explorer.app.url}/api/cypher/schema`)).json() as { propertiesByLabel: Record<string, string[]> };
    await expect(typeAndList('MATCH (n:Party) RETURN n.na')).resolves.toEqual(partyKeys.propertiesByLabel.Party!.filter((k) => k.startsWith('na')).sort());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks an error at the line and column Neo4j gives, with the message beside it', async () => {
    const { page, errors } = await openConsole('MATCH (p:Party)\nRETRN p.name');
    await run(page);
    const alert = page.locator('.console-results [role="alert"]');
    await expect(alert.textContent()).resolves.toMatch(/Invalid input 'RETRN'.*\(line 2, column 1\)/s);
    const marked = page.locator('.cm-lintRange-error');
    await marked.waitFor();
    await expect(marked.textContent()).resolves.toBe('RETRN');
    // The Cypher package's own linter runs on a 750 ms timer; its run must not wipe the mark.
    await page.waitForTimeout(1000);
    await expect(marked.count()).resolves.toBe(1);
    // Editing the text clears the mark.
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    await marked.waitFor({ state: 'detached' });
    // The browser logs the refused request (400) itself; nothing else may fail.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.close();
  });

  it('runs a parameterised query with the values from the panel, and names a missing one first', async () => {
    const { page } = await openConsole('MATCH (p:Party {id: $party}) RETURN p.name AS name');
    await run(page);
    await expect(page.locator('.console-results [role="alert"]').textContent()).resolves.toMatch(/uses \$party but the parameters panel gives it no value/);
    const panel = page.getByLabel('Parameters (JSON)');
    await panel.fill('{"party": ');
    await expect(page.locator('#console-params-status').textContent()).resolves.toMatch(/not valid JSON/);
    await panel.fill('{"party": "party:ukraine"}');
    await expect(page.locator('#console-params-status').textContent()).resolves.toBe('1 parameter');
    await run(page);
    await expect(page.locator('.console-results td').first().textContent()).resolves.toBe('Ukraine');
    // A JSON integer reaches Neo4j as an integer: LIMIT $n takes it.
    await page.evaluate(() => (window.location.hash = `#${new URLSearchParams({ mode: 'console', query: 'MATCH (p:Party) RETURN p.id AS id ORDER BY id LIMIT $n' })}`));
    await panel.fill('{"n": 2}');
    await page.waitForFunction(() => document.querySelector('.cm-content')?.textContent?.includes('LIMIT $n'));
    await run(page);
    await expect.poll(() => page.locator('.console-results td').allTextContents(), { timeout: 15_000 }).toEqual([expect.stringMatching(/^party:/), expect.stringMatching(/^party:/)]);
    await page.close();
  });

  it('recalls the previous queries with Ctrl+Up after a reload, and steps back with Ctrl+Down', async () => {
    const { page } = await openConsole("RETURN 'first' AS a");
    await run(page);
    await page.locator('.console-results td').first().waitFor();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type("RETURN 'second' AS b");
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('.console-results th').first().textContent()).resolves.toBe('b');

    await page.reload();
    await page.waitForSelector('.editor[data-ready="true"] .cm-content');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+ArrowUp');
    await expect(editorText(page)).resolves.toBe("RETURN 'second' AS b");
    await page.keyboard.press('Control+ArrowUp');
    await expect(editorText(page)).resolves.toBe("RETURN 'first' AS a");
    await page.keyboard.press('Control+ArrowDown');
    await expect(editorText(page)).resolves.toBe("RETURN 'second' AS b");
    await expect(page.getByLabel('History: the last 100 queries').locator('option').allTextContents()).resolves.toEqual(
      expect.arrayContaining(["RETURN 'second' AS b", "RETURN 'first' AS a"]),
    );
    await page.close();
  });

  it('opens a saved query from its permalink in a new page of a fresh browser', async () => {
    const query = 'MATCH (p:Party {id: $party})-[:TOOK]->(s:Stance) RETURN p.name AS party, count(s) AS stances';
    const { page } = await openConsole(query, '{"party": "party:russia"}');
    await page.getByRole('button', { name: 'Save…' }).click();
    const form = page.locator('form.console-save');
    await form.getByLabel('Name').fill('Russia’s stance count');
    await form.getByLabel('Description').fill('How many stances Russia took');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = page.locator('.saved-query[data-name="Russia’s stance count"]');
    const href = await saved.locator('a.permalink').getAttribute('href');
    expect(href).toMatch(/#mode=console&saved=/);
    await page.close();

    const fresh = await explorer.browser.newContext();
    try {
      const { page: opened, errors } = await openExplorer(fresh, new URL(href!, explorer.app.url).toString());
      await opened.waitForSelector('.editor[data-ready="true"] .cm-content');
      await expect(opened.locator('.console-notice').textContent()).resolves.toMatch(/Saved query: Russia’s stance count — How many stances Russia took/);
      await expect(editorText(opened)).resolves.toBe(query);
      await expect(opened.getByLabel('Parameters (JSON)').inputValue()).resolves.toBe('{"party": "party:russia"}');
      await run(opened);
      await expect(opened.locator('.console-results td').first().textContent()).resolves.toBe('Russia');
      expect(errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('draws the plan of a PROFILE of a trace query, with rows and db hits', async () => {
    const { page } = await openConsole("PROFILE MATCH (a)-[:TOOK]->(s:Stance)-[:ON]->(p:Position {id: 'position:unconditional-ceasefire'}) RETURN a.name AS actor, s.type AS stance");
    await run(page);
    const plan = page.locator('.plan-tree');
    await plan.waitFor();
    await expect(page.getByRole('tab', { name: 'Plan' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(plan.locator('.plan-operator').first().getAttribute('data-operator')).resolves.toBe('ProduceResults');
    expect(await plan.locator('.plan-operator').count()).toBeGreaterThan(2);
    await expect(plan.locator('.plan-measures').first().textContent()).resolves.toMatch(/\d+ rows? · \d+ db hits?/);
    await expect(page.locator('.plan .result-summary').textContent()).resolves.toMatch(/PROFILE: [\d,]+ db hits in total/);
    await page.getByRole('tab', { name: 'Table' }).click();
    await expect(page.locator('.console-results td').first().textContent()).resolves.toMatch(/\w/);
    await page.close();
  });

  it('downloads a result as CSV', async () => {
    const { page } = await openConsole("MATCH (p:Party) WHERE p.id IN ['party:russia', 'party:ukraine'] RETURN p.id AS id, p.name AS name ORDER BY id");
    await run(page);
    await page.locator('.console-results td').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('parley-result.csv');
    expect(fs.readFileSync((await download.path())!, 'utf8')).toBe('id,name\r\nparty:russia,Russia\r\nparty:ukraine,Ukraine\r\n');
    await page.close();
  });

  it('draws returned nodes on their own, or marks them in the main graph', async () => {
    const { page, errors } = await openConsole("MATCH (p:Party)-[:TOOK]->(s:Stance)-[:ON]->(x {id: 'position:unconditional-ceasefire'}) RETURN p, s, x");
    await run(page);
    await page.locator('.result-tabs').getByRole('tab', { name: 'Graph' }).click();
    await page.locator('.result-graph canvas').first().waitFor();
    await page.getByRole('button', { name: 'Highlight in the main graph' }).click();
    await expect(page.locator('.tabs').getByRole('tab', { selected: true }).textContent()).resolves.toBe('Graph');
    const clear = page.getByRole('button', { name: /Clear the console’s marks \(\d+ nodes\)/ });
    await clear.waitFor();
    await clear.click();
    await expect(clear.isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
