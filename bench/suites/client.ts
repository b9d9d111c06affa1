/**
 * 4. Client: time to the first drawn frame in headless Chromium (Debian's /usr/bin/chromium), for
 * Parley's built explorer and for neovis.js on the same graph, and the explorer's frame time while
 * the analyst pans and zooms. A local server hands both pages the same synthetic graph: neovis.js
 * its /api/graph answer, the explorer the same graph as the server's graph view answers it at
 * /api/graph/view (aggregated, arranged, clustered over the node budget).
 * Times are performance marks since navigation start: the explorer marks `parley:first-frame`
 * (it draws stored positions, so there is no layout to wait for), the neovis page
 * `bench:first-frame` and `bench:layout-settled`. A page that has not reached a mark within the
 * cap is reported as capped and not run again, at that size or any larger one.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildClientIfNeeded } from '../../server/clientBuild.ts';
import type { Logger } from '../../server/logger.ts';
import { CLIENT_DIST } from '../../server/paths.ts';
import { EDGES_PER_NODE, syntheticGraph, syntheticView } from '../client/graphData.ts';
import { BENCH_DATA, REPO_ROOT } from '../processes.ts';
import { compare, percentile, type ResultRow, summarize } from '../stats.ts';
import { cappedRuns } from './context.ts';

export interface ClientOptions {
  nodeCounts: number[];
  /** Longest wait for one page to reach a mark. */
  pageCapSeconds: number;
}

const NEOVIS_DIST = path.join(BENCH_DATA, 'neovis-page');
const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json' };

async function buildPages(logger: Logger): Promise<void> {
  await buildClientIfNeeded(logger);
  const { build } = await import('vite');
  await build({ configFile: path.join(REPO_ROOT, 'bench', 'client', 'vite.config.ts') });
}

/** Serves the explorer at /, the neovis page at /neovis/, and the current graph at /api/graph and /api/graph/view. */
async function startPageServer(): Promise<{ url: string; setGraph(graphJson: string, viewJson: string): void; close(): Promise<void> }> {
  const answers = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const answer = answers.get(url.pathname);
    if (answer !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not_found","message":"not part of the bench"}}');
      return;
    }
    const [root, rest, index] = url.pathname.startsWith('/neovis/')
      ? [NEOVIS_DIST, url.pathname.slice('/neovis/'.length), 'neovis.html']
      : [CLIENT_DIST, url.pathname.slice(1), 'index.html'];
    const file = path.join(root, rest === '' ? index : rest);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setGraph(graphJson, viewJson) {
      answers.set('/api/graph', graphJson);
      answers.set('/api/graph/view', viewJson);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

/** How long the explorer is panned and zoomed, with the mouse, while its frames are timed. */
const PAN_ZOOM_MS = 4000;

/**
 * The 95th percentile of the time between drawn frames while the mouse drags the graph around
 * and zooms in and out over it (requestAnimationFrame timestamps, in the page).
 */
async function panZoomFrameP95(page: Page): Promise<number | undefined> {
  const canvas = await page.locator('.sigma-container').boundingBox();
  if (!canvas) return undefined;
  // A string, not a function: tsx would wrap a named function in a helper the page does not have.
  await page.evaluate(`(() => {
    const deltas = (window.__frameDeltas = []);
    let last = performance.now();
    requestAnimationFrame(function tick(now) {
      deltas.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    });
  })()`);
  const [cx, cy] = [canvas.x + canvas.width / 2, canvas.y + canvas.height / 2];
  const started = Date.now();
  for (let step = 0; Date.now() - started < PAN_ZOOM_MS; step++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + (step % 2 ? -150 : 150), cy + (step % 3 ? 80 : -80), { steps: 12 });
    await page.mouse.up();
    await page.mouse.wheel(0, step % 2 ? 300 : -300);
  }
  const deltas = await page.evaluate(() => (window as unknown as { __frameDeltas: number[] }).__frameDeltas.slice(1));
  return deltas.length ? percentile([...deltas].sort((a, b) => a - b), 95) : undefined;
}

/**
 * Opens a page in a browser of its own and waits for each mark in turn; a mark missed within the
 * cap reads as undefined. With `panZoom`, the last value is then the page's pan-and-zoom frame
 * time p95. A page still busy at the cap answers neither `page.close()` nor `browser.close()`, so
 * the browser process is killed instead.
 */
export async function timeMarks(url: string, marks: string[], capMs: number, panZoom: boolean): Promise<(number | undefined)[]> {
  const server = await chromium.launchServer({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const deadline = Date.now() + capMs;
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url, { timeout: capMs });
    const times: (number | undefined)[] = [];
    for (const mark of marks) {
      const remaining = deadline - Date.now();
      const found = remaining > 0
        ? await page
            .waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, mark, { timeout: remaining, polling: 50 })
            .then((handle) => handle.jsonValue() as Promise<number>, () => undefined)
        : undefined;
      times.push(found);
      if (found === undefined) return times;
    }
    if (panZoom) times.push(await panZoomFrameP95(page));
    return times;
  } finally {
    await server.kill();
  }
}

/** Each renderer's measures: its marks, then (Parley) the pan-and-zoom frame time. */
const RENDERERS = [
  { name: 'Parley', path: '/', marks: ['parley:first-frame'], panZoom: true },
  { name: 'neovis.js', path: '/neovis/', marks: ['bench:first-frame', 'bench:layout-settled'], panZoom: false },
] as const;
const measuresOf = (renderer: (typeof RENDERERS)[number]) => renderer.marks.length + (renderer.panZoom ? 1 : 0);

export async function clientSuite(options: ClientOptions, runs: number, capSeconds: number, logger: Logger): Promise<ResultRow[]> {
  await buildPages(logger);
  const pages = await startPageServer();
  const rows: ResultRow[] = [];
  /** Renderer name → the size at which it first missed a mark. */
  const cappedAt = new Map<string, string>();
  try {
    for (const nodes of [...options.nodeCounts].sort((a, b) => a - b)) {
      const graph = syntheticGraph(nodes);
      pages.setGraph(JSON.stringify(graph), syntheticView(graph));
      const scope = `${nodes / 1000}k nodes / ${(nodes * EDGES_PER_NODE) / 1000}k edges`;
      const samples = new Map<string, number[][]>(RENDERERS.map((r) => [r.name, Array.from({ length: measuresOf(r) }, () => [])]));
      for (const run of cappedRuns({ runs, capSeconds })) {
        for (const renderer of RENDERERS) {
          if (cappedAt.has(renderer.name)) continue;
          const times = await timeMarks(pages.url + renderer.path, [...renderer.marks], options.pageCapSeconds * 1000, renderer.panZoom);
          times.forEach((t, i) => t !== undefined && samples.get(renderer.name)![i]!.push(t));
          if (times.length < measuresOf(renderer) || times.includes(undefined)) cappedAt.set(renderer.name, scope);
          logger.info({ scope, renderer: renderer.name, run: run + 1, measures: times }, 'client run done');
        }
      }
      const capNote = (name: string) => {
        const at = cappedAt.get(name);
        if (at === undefined) return undefined;
        return at === scope ? `${name}: a measure was not reached within ${options.pageCapSeconds} s` : `${name}: not attempted, capped at ${at} already`;
      };
      const note = RENDERERS.map((r) => capNote(r.name)).filter(Boolean).join('; ');
      const [parleyFirstFrame, parleyPanZoom] = samples.get('Parley')!.map(summarize);
      const [neovisFirstFrame, neovisSettled] = samples.get('neovis.js')!.map(summarize);
      const row = (measure: string, parley: typeof parleyFirstFrame, neovis: typeof neovisFirstFrame | null, extra?: string): ResultRow => {
        const notes = [extra, note].filter(Boolean).join('; ');
        return {
          suite: 'client',
          scope,
          measure,
          unit: 'ms',
          higherIsBetter: false,
          parley: parley!,
          comparisons: neovis && neovis.runs > 0 ? [compare('neovis.js (vis-network)', parley!, neovis)] : [],
          ...(notes ? { note: notes } : {}),
        };
      };
      rows.push(
        row('Parley first frame', parleyFirstFrame, neovisFirstFrame ?? null),
        // The explorer draws the server's stored layout, so its first frame is its settled picture.
        row('Parley settled picture', parleyFirstFrame, neovisSettled ?? null, 'Parley draws stored positions: its settled picture is its first frame'),
        row('Parley pan/zoom frame time p95', parleyPanZoom, null, `requestAnimationFrame intervals over ${PAN_ZOOM_MS / 1000} s of mouse drags and wheel zooms`),
      );
    }
  } finally {
    await pages.close();
  }
  return rows;
}
