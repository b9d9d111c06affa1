/**
 * The processes a benchmark run owns: a dedicated local Neo4j per world (its own data folder
 * under bench/data, free ports, a larger heap) and Parley's server as a child process, so that
 * its memory is measured apart from the harness.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../server/config.ts';
import type { Logger } from '../server/logger.ts';
import { LocalNeo4j, type Neo4jCredentials } from '../server/neo4j/localNeo4j.ts';
import { freePort } from '../tests/support/ports.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_DATA = path.join(REPO_ROOT, 'bench', 'data');

export interface Neo4jTarget extends Neo4jCredentials {
  database: string;
}

export interface BenchNeo4j {
  target: Neo4jTarget;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts a Neo4j on free ports with its data in bench/data/worlds/<name>, reusing the runtime cache. */
export async function startBenchNeo4j(name: string, memory: { heap: string; pageCache: string }, logger: Logger): Promise<BenchNeo4j> {
  const dataDir = path.join(BENCH_DATA, 'worlds', name);
  const server = new LocalNeo4j(
    {
      // The runtime cache is found as the app finds it (PARLEY_NEO4J_RUNTIME or .parley/neo4j-runtime).
      ...loadConfig({ ...process.env, PARLEY_HOME: path.join(REPO_ROOT, '.parley') }).localNeo4j,
      dataDir,
      boltPort: await freePort(),
      httpPort: await freePort(),
      ...memory,
      startTimeoutMs: 300_000,
    },
    logger.child({ component: 'bench-neo4j' }),
  );
  const credentials = await server.start();
  return { target: { ...credentials, database: 'neo4j' }, dataDir, stop: () => server.stop() };
}

export interface ParleyServer {
  url: string;
  pid: number;
  /** Resets the peak-memory mark, so the next reading covers only what follows. */
  resetPeakMemory(): void;
  /** Peak resident memory since the last reset (VmHWM), in MB. */
  peakMemoryMb(): number;
  currentMemoryMb(): number;
  stop(): Promise<void>;
}

function statusField(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return kb / 1024;
}

/** `node --import tsx server/main.ts` against the given Neo4j, with the bench's limits lifted. */
export async function startParleyServer(neo4j: Neo4jTarget, logger: Logger, env: Record<string, string> = {}): Promise<ParleyServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      PARLEY_SEED: 'false',
      LOG_LEVEL: 'warn',
      // The bench asks for whole worlds: lift the caps meant for interactive use.
      PARLEY_GRAPH_MAX_NODES: '5000000',
      PARLEY_CYPHER_MAX_ROWS: '100000',
      // Load from one client on loopback is the point here, not something to throttle (0 = off).
      PARLEY_RATE_LIMIT_REQUESTS: '0',
      PARLEY_RATE_LIMIT_QUERIES: '0',
      PARLEY_RATE_LIMIT_WRITES: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The Parley server exited during start-up (code ${child.exitCode})`);
    const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('The Parley server did not become healthy within 120 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = child.pid!;
  logger.info({ url, pid }, 'Parley server is up');
  return {
    url,
    pid,
    resetPeakMemory() {
      // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+), for our own child.
      fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    },
    peakMemoryMb: () => statusField(pid, 'VmHWM'),
    currentMemoryMb: () => statusField(pid, 'VmRSS'),
    async stop() {
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
    },
  };
}
