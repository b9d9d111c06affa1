/**
 * 4. Client: time to the first drawn frame and to a settled layout, in headless Chromium (Debian's
 * /usr/bin/chromium), for Parley's built explorer and for neovis.js on the same graph. A local
 * server hands both pages the same synthetic /api/graph answer, and the same graph as the
 * server's graph view answers it (aggregated, arranged, clustered over the node budget) at
 * /api/graph/view, the explorer's first request since issue 18. Times are performance marks
 * since navigation start: the explorer marks `parley:first-frame` and `parley:layout-settled`,
 * the neovis page `bench:first-frame` and `bench:layout-settled`. A page that has not reached a
 * mark within the cap is reported as capped and not run again, at that size or any larger one.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildClientIfNeeded } from '../../server/clientBuild.ts';
import type { Logger } from '../../server/logger.ts';
import { CLIENT_DIST } from '../../server/paths.ts';
import { EDGES_PER_NODE, syntheticGraph, syntheticView } from '../client/graphData.ts';
import { BENCH_DATA, REPO_ROOT } from '../processes.ts';
import { compare, type ResultRow, summarize } from '../stats.ts';
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

/**
 * Serves the explorer at /, the neovis page at /neovis/, and the current graph at /api/graph and,
 * as the server's graph view answers it, at /api/graph/view.
 */
async function startPageServer(): Promise<{ url: string; setGraph(json: string, viewJson: string): void; close(): Promise<void> }> {
  let graphJson = '{"nodes":[],"edges":[],"truncated":false}';
  let viewJson = '{}';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/graph' || url.pathname === '/api/graph/view') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(url.pathname === '/api/graph' ? graphJson : viewJson);
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
    setGraph: (json, view) => {
      graphJson = json;
      viewJson = view;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

/**
 * Opens a page in a browser of its own and waits for each mark in turn; a mark missed within the
 * cap reads as undefined. A page still busy at the cap answers neither `page.close()` nor
 * `browser.close()`, so the browser process is killed instead.
 */
async function timeMarks(url: string, marks: string[], capMs: number): Promise<(number | undefined)[]> {
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
      if (found === undefined) break;
    }
    return times;
  } finally {
    await server.kill();
  }
}

const RENDERERS = [
  { name: 'Parley', path: '/', marks: ['parley:first-frame', 'parley:layout-settled'] },
  { name: 'neovis.js', path: '/neovis/', marks: ['bench:first-frame', 'bench:layout-settled'] },
] as const;

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
      const samples = new Map<string, number[][]>(RENDERERS.map((r) => [r.name, [[], []]]));
      for (const run of cappedRuns({ runs, capSeconds })) {
        for (const renderer of RENDERERS) {
          if (cappedAt.has(renderer.name)) continue;
          const times = await timeMarks(pages.url + renderer.path, [...renderer.marks], options.pageCapSeconds * 1000);
          times.forEach((t, i) => t !== undefined && samples.get(renderer.name)![i]!.push(t));
          if (times.length < renderer.marks.length || times.includes(undefined)) cappedAt.set(renderer.name, scope);
          logger.info({ scope, renderer: renderer.name, run: run + 1, firstFrameMs: times[0], settledMs: times[1] }, 'client run done');
        }
      }
      const capNote = (name: string) => {
        const at = cappedAt.get(name);
        if (at === undefined) return undefined;
        return at === scope ? `${name}: a mark was not reached within ${options.pageCapSeconds} s` : `${name}: not attempted, capped at ${at} already`;
      };
      for (const [i, measure] of ['first frame', 'settled layout'].entries()) {
        const parley = summarize(samples.get('Parley')![i]!);
        const neovis = summarize(samples.get('neovis.js')![i]!);
        const note = RENDERERS.map((r) => capNote(r.name)).filter(Boolean).join('; ');
        rows.push({
          suite: 'client',
          scope,
          measure: `Parley ${measure}`,
          unit: 'ms',
          higherIsBetter: false,
          parley,
          comparisons: neovis.runs > 0 ? [compare('neovis.js (vis-network)', parley, neovis)] : [],
          ...(note ? { note } : {}),
        });
      }
    }
  } finally {
    await pages.close();
  }
  return rows;
}
