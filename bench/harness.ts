/**
 * The benchmark harness: for each world size, a dedicated Neo4j with the world loaded through
 * Parley's ingestion (kept in bench/data between runs), Parley's server as a child process, and
 * the per-world suites; then the client suite once; then the report. `npm run bench` (run.ts)
 * drives it, and tests/bench/harness.test.ts runs `benchWorld` at the tiny size.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../server/db/database.ts';
import { applySchema } from '../server/db/schema.ts';
import type { Logger } from '../server/logger.ts';
import { javaBinary, NEO4J_VERSION } from '../server/neo4j/runtime.ts';
import { ingestThroughParley } from './ingestPaths.ts';
import { type Neo4jTarget, startBenchNeo4j, startParleyServer } from './processes.ts';
import type { BenchReport, MachineFacts, WorldReport } from './report.ts';
import type { ResultRow } from './stats.ts';
import { type ClientOptions, clientSuite } from './suites/client.ts';
import type { WorldContext } from './suites/context.ts';
import { extractionSuite } from './suites/extraction.ts';
import { ingestionSuite } from './suites/ingestion.ts';
import { latencySuite } from './suites/latency.ts';
import { layoutSuite } from './suites/layout.ts';
import { type LoadOptions, loadSuite } from './suites/load.ts';
import { negotiationsSuite } from './suites/negotiations.ts';
import { throughputSuite } from './suites/throughput.ts';
import { watchesSuite } from './suites/watches.ts';
import { GENERATOR_VERSION, planWorld, sourceCount, WORLD_SIZES, type WorldPlan, type WorldSize, worldSources } from './world.ts';

export const SUITES = ['latency', 'throughput', 'ingestion', 'client', 'load', 'extraction', 'watches', 'layout', 'negotiations'] as const;
export type SuiteName = (typeof SUITES)[number];

export interface BenchOptions {
  sizes: WorldSize[];
  suites: SuiteName[];
  runs: number;
  capSeconds: number;
  requestsPerRun: number;
  ingestStances: number;
  load: LoadOptions;
  client: ClientOptions;
  logger: Logger;
}

const NEO4J_MEMORY: Record<WorldSize, { heap: string; pageCache: string }> = {
  tiny: { heap: '512m', pageCache: '256m' },
  small: { heap: '1g', pageCache: '512m' },
  medium: { heap: '2g', pageCache: '2g' },
  large: { heap: '4g', pageCache: '6g' },
};

function entityCount(plan: WorldPlan): number {
  return Object.values(plan.counts).reduce((a, b) => a + b, 0);
}

/** Loads the world through `ingestSource`, one transaction per source. */
export async function loadWorld(db: Database, plan: WorldPlan, logger: Logger): Promise<string> {
  const { stances, seconds } = await ingestThroughParley(db, worldSources(plan), logger, `world of ${plan.stances} stances`);
  return `loaded through ingestSource in ${Math.round(seconds)} s (${Math.round(stances / seconds)} stances/s)`;
}

/** The per-world suites against a Neo4j that already holds the world. */
export async function benchWorld(
  world: { size: WorldSize; plan: WorldPlan; db: Database; neo4j: Neo4jTarget },
  options: Omit<BenchOptions, 'sizes' | 'client'>,
): Promise<ResultRow[]> {
  const server = await startParleyServer(world.neo4j, options.logger);
  const context: WorldContext = {
    scope: world.size,
    plan: world.plan,
    db: world.db,
    neo4j: world.neo4j,
    server,
    runs: options.runs,
    capSeconds: options.capSeconds,
    logger: options.logger,
  };
  const rows: ResultRow[] = [];
  const suites: [SuiteName, () => Promise<ResultRow[]>][] = [
    ['latency', () => latencySuite(context, { requestsPerRun: options.requestsPerRun })],
    ['throughput', () => throughputSuite(context)],
    ['load', () => loadSuite(context, options.load)],
    ['negotiations', () => negotiationsSuite(context, { requestsPerRun: options.requestsPerRun })],
    // Last: it writes (and removes) extra sources.
    ['ingestion', () => ingestionSuite(context, { stances: Math.min(options.ingestStances, world.plan.stances) })],
    ['watches', () => watchesSuite(context, { stances: Math.min(options.ingestStances, world.plan.stances) })],
    // Last of all: it stops the shared server and starts its own.
    ['layout', () => layoutSuite(context)],
  ];
  try {
    for (const [name, suite] of suites) {
      if (!options.suites.includes(name)) continue;
      options.logger.info({ world: world.size, suite: name }, 'suite starting');
      rows.push(...(await suite()));
    }
  } finally {
    await server.stop();
  }
  return rows;
}

/** What bench/data says of a world loaded earlier: which plan it holds and how its load went. */
function readMarker(file: string): { fingerprint: string; loading: string | undefined } | undefined {
  if (!fs.existsSync(file)) return undefined;
  const { loading, ...identity } = JSON.parse(fs.readFileSync(file, 'utf8')) as { plan: unknown; version: number; loading?: string };
  return { fingerprint: JSON.stringify(identity), loading };
}

/** A world in its own Neo4j: reused when bench/data already holds it complete, else loaded afresh. */
async function benchSize(size: WorldSize, options: BenchOptions): Promise<{ world: WorldReport; rows: ResultRow[] }> {
  const plan = planWorld(WORLD_SIZES[size]);
  const neo4j = await startBenchNeo4j(size, NEO4J_MEMORY[size], options.logger);
  const db = new Database(neo4j.target);
  const marker = path.join(neo4j.dataDir, 'bench-world.json');
  const fingerprint = JSON.stringify({ plan, version: GENERATOR_VERSION });
  try {
    await applySchema(db, options.logger);
    const kept = readMarker(marker);
    let loading = `reused from bench/data (${kept?.loading ?? 'loaded by an earlier run'})`;
    if (kept?.fingerprint !== fingerprint) {
      fs.rmSync(marker, { force: true });
      await db.write('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      loading = await loadWorld(db, plan, options.logger);
      fs.writeFileSync(marker, JSON.stringify({ plan, version: GENERATOR_VERSION, loading: `${loading} on ${new Date().toISOString().slice(0, 10)}` }));
    }
    const world = { size, stances: plan.stances, entities: entityCount(plan), sources: sourceCount(plan), loading };
    return { world, rows: await benchWorld({ size, plan, db, neo4j: neo4j.target }, options) };
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

function machineFacts(neo4jVersion: string): MachineFacts {
  const java = spawnSync(javaBinary(), ['-version'], { encoding: 'utf8' }).stderr.split('\n')[0]?.trim() ?? 'unknown';
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((l) => l.toFixed(1)).join(' / '),
    node: process.version,
    neo4j: neo4jVersion,
    java,
    os: `${os.type()} ${os.release()}`,
  };
}

export async function runBench(options: BenchOptions, command: string): Promise<BenchReport> {
  const startedAt = new Date();
  const machine = machineFacts(`${NEO4J_VERSION} Community`);
  const worlds: WorldReport[] = [];
  const rows: ResultRow[] = [];
  const perWorld = options.suites.filter((s) => s !== 'client' && s !== 'extraction');
  if (perWorld.length > 0) {
    for (const size of options.sizes) {
      options.logger.info({ size, stances: WORLD_SIZES[size] }, 'world starting');
      const result = await benchSize(size, options);
      worlds.push(result.world);
      rows.push(...result.rows);
    }
  }
  if (options.suites.includes('client')) rows.push(...(await clientSuite(options.client, options.runs, options.capSeconds, options.logger)));
  if (options.suites.includes('extraction')) rows.push(...(await extractionSuite(options.runs, options.capSeconds, options.logger)));
  return { command, startedAt, finishedAt: new Date(), machine, worlds, rows, notMeasured: notMeasured(options) };
}

/** What this configuration leaves out, said plainly in the report. */
function notMeasured(options: BenchOptions): string[] {
  const out: string[] = [];
  for (const size of Object.keys(WORLD_SIZES) as WorldSize[]) {
    if (size !== 'tiny' && !options.sizes.includes(size)) {
      const why = size === 'large' ? ', and with it the 1M-element export' : '';
      out.push(`The ${size} world (${WORLD_SIZES[size].toLocaleString('en')} stances) was not run${why}. Add it with \`npm run bench -- --sizes ${[...options.sizes, size].join(',')}\`.`);
    }
  }
  for (const suite of SUITES) if (!options.suites.includes(suite)) out.push(`The ${suite} suite was not run.`);
  return out;
}
