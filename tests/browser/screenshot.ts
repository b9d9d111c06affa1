/**
 * `npm run screenshot`: rewrites docs/screenshot.png on purpose, from the app as `npm start` runs
 * it (its own seeded Neo4j in a temporary home, on free ports): the first screen as an analyst
 * opens it, at the stored layout with its labels placed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../server/paths.ts';
import { startIsolatedApp } from '../support/processes/appProcess.ts';
import { launchChromium, openExplorer, settledDrawing } from '../support/browser.ts';

const SCREENSHOT = path.join(REPO_ROOT, 'docs', 'screenshot.png');

const app = await startIsolatedApp();
try {
  const browser = await launchChromium();
  try {
    const { page } = await openExplorer(browser, app.url);
    await settledDrawing(page);
    await page.screenshot({ path: SCREENSHOT });
    console.log(`Wrote ${path.relative(REPO_ROOT, SCREENSHOT)} (${fs.statSync(SCREENSHOT).size} bytes)`);
  } finally {
    await browser.close();
  }
} finally {
  await app.stop();
}
