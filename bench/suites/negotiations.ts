/**
 * 9. What scoping to one negotiation costs (issue 27): a read scoped with `negotiation=` on the
 * world, which holds every track, against the same read on a world that holds only that track
 * (the same generator's shared entities, the track's own, and its stances with the same ids and
 * content: `negotiationWorldSources`), loaded into a Neo4j of its own with a Parley server of
 * its own. The goal is at most 1.1×. Each request goes to the callers in turn, so drift in a
 * shared machine's load hits them alike; a second baseline is the scoped request on the world
 * of one track, which isolates the filter's own cost from the size of the graph around it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../../server/db/database.ts';
import { applySchema } from '../../server/db/schema.ts';
import { ingestThroughParley } from '../ingestPaths.ts';
import { startBenchNeo4j, startParleyServer } from '../processes.ts';
import { ALONE_BASELINE, compare, elapsedMs, percentile, type ResultRow, summarize } from '../stats.ts';
import { GENERATOR_VERSION, negotiationId, negotiationMembers, negotiationStanceCount, negotiationWorldSources, positionId, type WorldPlan } from '../world.ts';
import type { WorldContext } from './context.ts';

/** The track measured: the first (every track has the same make-up, by construction). */
const TRACK = 0;
const ALONE_SCOPED = 'scoped request on that world';
const WAIT_MS = 30 * 60_000;

const MEMORY: Record<string, { heap: string; pageCache: string }> = {
  medium: { heap: '1g', pageCache: '1g' },
  large: { heap: '2g', pageCache: '3g' },
};

export interface NegotiationsOptions {
  requestsPerRun: number;
}

/** A Neo4j holding track `k` alone, loaded through ingestion once and kept in bench/data like the worlds. */
async function startTrackWorld(context: WorldContext, k: number) {
  const neo4j = await startBenchNeo4j(`${context.scope}-negotiation-${k}`, MEMORY[context.scope] ?? { heap: '512m', pageCache: '256m' }, context.logger);
  const db = new Database(neo4j.target);
  try {
    await applySchema(db, context.logger);
    const marker = path.join(neo4j.dataDir, 'bench-world.json');
    const fingerprint = JSON.stringify({ plan: context.plan, track: k, version: GENERATOR_VERSION });
    if (!fs.existsSync(marker) || fs.readFileSync(marker, 'utf8') !== fingerprint) {
      fs.rmSync(marker, { force: true });
      await db.write('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      await ingestThroughParley(db, negotiationWorldSources(context.plan, k), context.logger, `world of track ${k} alone`);
      fs.writeFileSync(marker, fingerprint);
    }
    const server = await startParleyServer(neo4j.target, context.logger);
    return {
      url: server.url,
      stop: async () => {
        await server.stop();
        await db.close();
        await neo4j.stop();
      },
    };
  } catch (error) {
    await db.close();
    await neo4j.stop();
    throw error;
  }
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Until the server's stored layout is current (scoped graph views are placed by it, and kept with it). */
async function untilLayoutCurrent(baseUrl: string): Promise<void> {
  const started = performance.now();
  for (;;) {
    const body = (await getJson(`${baseUrl}/api/graph/view`)) as { layout?: { computedAt: string | null; stale: boolean } };
    if (body.layout?.computedAt && !body.layout.stale) return;
    if (elapsedMs(started) > WAIT_MS) throw new Error(`the stored layout of ${baseUrl} was not current within ${WAIT_MS / 60_000} min`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * What an answer holds, position-free: every number in it and the size of every list, one level
 * down, with node ids sorted. The scoped answer and the answer of the world of one track must
 * agree; a clustered graph view is compared by its totals only (each world has its own communities).
 */
function shapeOf(body: Record<string, unknown>): string {
  const shape: Record<string, unknown> = {};
  const clustered = body.mode === 'clusters';
  for (const [key, value] of Object.entries(body)) {
    if (key === 'layout' || key === 'x' || key === 'y' || key === 'negotiation') continue;
    if (clustered && (key === 'nodes' || key === 'edges')) continue;
    if (typeof value === 'number') shape[key] = value;
    else if (Array.isArray(value)) shape[key] = key === 'id' ? [...(value as string[])].sort().join(',') : value.length;
    else if (value && typeof value === 'object') shape[key] = JSON.parse(shapeOf(value as Record<string, unknown>));
  }
  return JSON.stringify(shape);
}

/** Where two shapes differ, briefly: each differing entry with both values, id lists as what only one side has. */
function difference(scoped: string, alone: string): string {
  const flat = (shape: string) => {
    const out = new Map<string, unknown>();
    const walk = (value: unknown, at: string) => {
      if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, at ? `${at}.${key}` : key);
      else out.set(at, value);
    };
    walk(JSON.parse(shape), '');
    return out;
  };
  const [a, b] = [flat(scoped), flat(alone)];
  const parts: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const [x, y] = [a.get(key), b.get(key)];
    if (x === y) continue;
    if (key.endsWith('.id') && typeof x === 'string' && typeof y === 'string') {
      const [xs, ys] = [new Set(x.split(',')), new Set(y.split(','))];
      parts.push(`ids only scoped: ${[...xs].filter((id) => !ys.has(id)).join(' ') || 'none'}; only alone: ${[...ys].filter((id) => !xs.has(id)).join(' ') || 'none'}`);
    } else if (!/\.(label|type|size|cluster|date|target|relation|stanceCount|latestType|latestFamily|latestDate)$/.test(key)) parts.push(`${key} ${String(x)} against ${String(y)}`);
  }
  return parts.join('; ');
}

/** A far-future day, another for each request: a filter that keeps everything but is a new key of the per-layout memo. */
let asOfCounter = 0;
const freshAsOf = () => new Date(Date.UTC(2100, 0, 1) + asOfCounter++ * 86_400_000).toISOString().slice(0, 10);

interface Measured {
  name: string;
  /** The path, given the scope (`negotiation=` or nothing) and, for the live graph view, an `asOf`. */
  path: (scope: string) => string;
}

function measures(plan: WorldPlan): Measured[] {
  const own = negotiationMembers(plan, TRACK).ownPositions;
  // A busy own position of the track, a quarter of the way down its popularity ranking (as the latency suite picks one).
  const position = positionId(plan, own[Math.floor(own.length / 4)]!);
  const q = (pathname: string, scope: string, extra = '') => `${pathname}?${[scope, extra].filter(Boolean).join('&')}`;
  return [
    { name: 'graph view, answered live (a fresh far-future asOf on every request, so no memoized answer is served)', path: (scope) => q('/api/graph/view', scope, `asOf=${freshAsOf()}`) },
    { name: 'graph view, as the explorer asks (kept with the stored layout after the first answer)', path: (scope) => q('/api/graph/view', scope) },
    { name: 'matrix', path: (scope) => q('/api/matrix', scope) },
    { name: `trace (${position})`, path: (scope) => q(`/api/positions/${encodeURIComponent(position)}/trace`, scope) },
    { name: 'conflicts (first page)', path: (scope) => q('/api/conflicts', scope) },
  ];
}

export async function negotiationsSuite(context: WorldContext, options: NegotiationsOptions): Promise<ResultRow[]> {
  const scope = `negotiation=${encodeURIComponent(negotiationId(context.plan, TRACK))}`;
  const stances = negotiationStanceCount(context.plan, TRACK);
  const alone = await startTrackWorld(context, TRACK);
  try {
    await Promise.all([untilLayoutCurrent(context.server.url), untilLayoutCurrent(alone.url)]);
    const rows: ResultRow[] = [];
    const all = measures(context.plan);
    for (const measure of all) {
      const callers: [string, () => string][] = [
        ['scoped', () => `${context.server.url}${measure.path(scope)}`],
        [ALONE_BASELINE, () => `${alone.url}${measure.path('')}`],
        [ALONE_SCOPED, () => `${alone.url}${measure.path(scope)}`],
      ];
      // The answers agree (the same request, the same track), and every caller is warm.
      const [scopedShape, aloneShape] = [shapeOf(await getJson(callers[0]![1]())), shapeOf(await getJson(callers[1]![1]()))];
      for (let i = 0; i < 2; i++) for (const [, url] of callers) await getJson(url());
      // Each measure gets its share of the suite's time cap: a slow read (conflicts on a large world
      // take seconds) does fewer requests and runs, always at least one round.
      const deadline = performance.now() + (context.capSeconds * 1000) / all.length;
      const p50s = new Map<string, number[]>(callers.map(([name]) => [name, []]));
      for (let run = 0; run < context.runs && (run === 0 || performance.now() < deadline); run++) {
        const times = new Map<string, number[]>(callers.map(([name]) => [name, []]));
        for (let r = 0; r < options.requestsPerRun && (r === 0 || performance.now() < deadline); r++) {
          for (let turn = 0; turn < callers.length; turn++) {
            const [name, url] = callers[(r + turn) % callers.length]!;
            const target = url();
            const start = performance.now();
            await getJson(target);
            times.get(name)!.push(elapsedMs(start));
          }
        }
        for (const [name, values] of times) p50s.get(name)!.push(percentile(values.sort((a, b) => a - b), 50));
        context.logger.info({ scope: context.scope, measure: measure.name, run: run + 1, of: context.runs, p50: Object.fromEntries([...p50s].map(([name, values]) => [name, values.at(-1)])) }, 'negotiations run done');
      }
      const parley = summarize(p50s.get('scoped')!);
      rows.push({
        suite: 'negotiations',
        scope: `${context.scope}, ${context.plan.negotiations} negotiations; track ${TRACK}: ${stances.toLocaleString('en')} of ${context.plan.stances.toLocaleString('en')} stances`,
        measure: `${measure.name} p50, scoped with negotiation=`,
        unit: 'ms',
        higherIsBetter: false,
        parley,
        comparisons: callers.slice(1).map(([name]) => compare(name, parley, summarize(p50s.get(name)!))),
        note: scopedShape === aloneShape ? 'same answer on both worlds' : `answers differ: ${difference(scopedShape, aloneShape)}`,
      });
    }
    return rows;
  } finally {
    await alone.stop();
  }
}
