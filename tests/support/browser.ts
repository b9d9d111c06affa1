/** Debian's Chromium driven by playwright-core, for the browser suite and `npm run screenshot`. */
import { chromium, type Browser, type Page } from 'playwright-core';

/** WebGL through SwiftShader, and nothing that reaches the network on its own. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page on the explorer, once its graph has loaded, that records every console error and uncaught exception. */
export async function openExplorer(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('#app[data-loaded="true"]', { timeout: 20_000 });
  return { page, errors };
}

/** Waits until the first layout run has settled (its button offers to start it again). */
export function layoutSettled(page: Page): Promise<unknown> {
  return page.waitForFunction(() => document.querySelector('.graph-view .toolbar button')?.textContent === 'Start layout', undefined, { timeout: 15_000 });
}
