/**
 * Parley in a process of its own, as a deployment runs it: for tests that kill or restart the
 * app, for `npm run fuzz` and `npm run soak`, and for the benchmark's server. The one place that
 * spawns it, waits for it to serve, reads its memory and stops it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pRetry, { AbortError } from 'p-retry';
import { REPO_ROOT } from '../../../server/paths.ts';
import { freePort } from './ports.ts';

/** The checkout's cached Neo4j jars, so that no child downloads them again. */
export const NEO4J_RUNTIME = process.env.PARLEY_NEO4J_RUNTIME ?? path.join(REPO_ROOT, '.parley', 'neo4j-runtime');

/** Output kept per process: enough for a start-up failure, bounded for a long soak. */
const OUTPUT_LIMIT = 256 * 1024;

export interface SpawnOptions {
  /**
   * Run through tests/support/processes/lifelineEntry.ts, which stops the app when this process goes
   * away (its stdin closes), so that no run killed half-way leaves a server or Neo4j behind.
   * Off for tests of `server/main.ts` itself.
   */
  lifeline?: boolean;
}

export interface AppProcess {
  child: ChildProcess;
  url: string;
  pid: number;
  /** Everything the app printed so far (stdout and stderr), its latest 256 kB. */
  output(): string;
  /** Resident memory now, in MB (VmRSS). */
  rssMb(): number;
  /** Peak resident memory since start or the last reset, in MB (VmHWM). */
  peakRssMb(): number;
  resetPeakRss(): void;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process is gone. */
  stop(): Promise<void>;
}

/** Starts the app on `port` with the given environment on top of this process's. */
export function spawnApp(port: number, env: Record<string, string>, { lifeline = false }: SpawnOptions = {}): AppProcess {
  const entry = lifeline ? path.join('tests', 'support', 'processes', 'lifelineEntry.ts') : path.join('server', 'main.ts');
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: [lifeline ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  const keep = (data: Buffer) => {
    output = (output + data.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const pid = child.pid!;
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    pid,
    output: () => output,
    rssMb: () => statusMb(pid, 'VmRSS'),
    peakRssMb: () => statusMb(pid, 'VmHWM'),
    // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+), for our own child.
    resetPeakRss: () => fs.writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(forced);
    },
  };
}

/** Spawns the app on a free port and resolves once it serves; a failed start is stopped and reported with its output. */
export async function startApp(env: Record<string, string>, options: SpawnOptions & { timeoutMs?: number } = {}): Promise<AppProcess> {
  const app = spawnApp(await freePort(), env, options);
  try {
    await waitHealthy(app.url, options.timeoutMs ?? 120_000, app);
  } catch (err) {
    await app.stop();
    throw err;
  }
  return app;
}

/**
 * The app with a Neo4j of its own in a temporary PARLEY_HOME on free loopback ports (never the
 * 3000/7474/7687 of a developer's `npm start`); the home is removed when it stops.
 */
export async function startIsolatedApp(env: Record<string, string> = {}): Promise<AppProcess> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-process-'));
  const removeHome = () => fs.rmSync(home, { recursive: true, force: true });
  let app: AppProcess;
  try {
    app = await startApp(
      {
        LOG_LEVEL: 'warn',
        NEO4J_URI: '',
        PARLEY_HOME: home,
        PARLEY_NEO4J_RUNTIME: NEO4J_RUNTIME,
        PARLEY_NEO4J_BOLT_PORT: String(await freePort()),
        PARLEY_NEO4J_HTTP_PORT: String(await freePort()),
        ...env,
      },
      { lifeline: true },
    );
  } catch (err) {
    removeHome();
    throw err;
  }
  return {
    ...app,
    async stop() {
      await app.stop();
      removeHome();
    },
  };
}

/** Resolves with the /healthz body once it answers 200, polling every 100 ms; fails at once if the app exits. */
export function waitHealthy(url: string, timeoutMs: number, app?: AppProcess): Promise<unknown> {
  return pRetry(
    async () => {
      if (app && (app.child.exitCode !== null || app.child.signalCode !== null)) throw new AbortError(`app exited early:\n${app.output()}`);
      // A refused connection (the app is still starting) is a TypeError, which p-retry would not retry.
      const res = await fetch(`${url}/healthz`).catch((err: Error) => {
        throw new Error(`${url}/healthz: ${err.message}`);
      });
      if (res.status !== 200) throw new Error(`${url}/healthz answered ${res.status}`);
      return res.json();
    },
    { retries: Number.POSITIVE_INFINITY, factor: 1, minTimeout: 100, maxRetryTime: timeoutMs },
  );
}

export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!kb) throw new Error(`No ${field} for process ${pid}`);
  return Number(kb[1]) / 1024;
}
