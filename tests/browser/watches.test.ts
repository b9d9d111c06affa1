/**
 * Issue 30 in the explorer: a watch is set on a position from its details in one browser context;
 * an ingestion comes through the API; a second context, never reloaded, shows the new stance
 * under the bell with an unread count, live over server-sent events.
 */
import { expect, it, vi } from 'vitest';
import { browserSuite } from '../support/browser.ts';

const explorer = browserSuite();
const POSITION = 'position:unconditional-ceasefire';

it('a watch set in one context; the other shows the new stance and the unread badge without a reload', async () => {
  const { app } = explorer;
  // The first screen waits for the server's stored layout; on a busy machine it may still be computing.
  await vi.waitFor(async () => expect((await (await fetch(`${app.url}/api/graph/view`)).json()).layout.stale).toBe(false), { timeout: 120_000, interval: 500 });
  const setter = await explorer.open(`${app.url}/#node=${POSITION}`);
  setter.page.on('dialog', (dialog) => void dialog.accept('test-write-token'));
  const watch = setter.page.locator('.side-panel [data-action="watch"]');
  await watch.click();
  await setter.page.waitForFunction(() => document.querySelector('.side-panel [data-action="watch"]')?.textContent === 'Watching ✓');

  const reader = await explorer.open(app.url);
  const badge = reader.page.locator('.bell-count');
  expect(await badge.isHidden()).toBe(true);
  const navigations: string[] = [];
  reader.page.on('framenavigated', (frame) => navigations.push(frame.url()));

  const res = await fetch(`${app.url}/api/sources`, {
    method: 'POST',
    headers: { authorization: 'Bearer test-write-token', 'content-type': 'application/json' },
    body: JSON.stringify({
      source: { id: 'source:turkiye-backs-full-ceasefire', title: 'Türkiye backs a full ceasefire', kind: 'news-article', publishedAt: '2025-06-05' },
      entities: [],
      stances: [
        { id: 'stance:turkiye-backed-unconditional-ceasefire-2025-06-05', actor: 'party:turkiye', type: 'backed', target: POSITION, date: '2025-06-05',
          evidence: [{ summary: 'Ankara said it backs a full and unconditional ceasefire.', reporting: 'second-hand' }] },
      ],
    }),
  });
  expect(res.status, await res.text()).toBe(201);

  await reader.page.waitForFunction(() => Number(document.querySelector('.bell-count')?.getAttribute('data-unread')) >= 1, undefined, { timeout: 20_000 });
  await reader.page.locator('.button.bell').click();
  const item = reader.page.locator('.bell-item[data-kind="new-stance"]');
  expect(await item.innerText()).toContain('Türkiye backed Full and unconditional ceasefire');
  // Opening the list reads it: the badge goes, and stays gone for this browser.
  expect(await badge.isHidden()).toBe(true);
  await item.getByRole('button').click();
  expect(await reader.page.evaluate(() => decodeURIComponent(window.location.hash))).toContain(`position=${POSITION}`);
  expect(navigations.filter((url) => !url.includes('#'))).toEqual([]);
  expect([...setter.errors, ...reader.errors]).toEqual([]);
}, 240_000);
