/**
 * Parley as a separate process, for `npm run fuzz` and `npm run soak`: the server is measured
 * and attacked from outside, as a deployment would be. It gets its own Neo4j in a temporary
 * PARLEY_HOME on free loopback ports (never the 3000/7474/7687 of a developer's `npm start`),
 * reusing the checkout's cached Neo4j jars so no download is needed after the first start.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ParleyProcess {
  url: string;
  pid: number;
  /** Resident set size of the app process (not Neo4j's), from /proc. */
  rssBytes(): number;
  /** Stops the app (which stops its Neo4j) and removes the temporary home. */
  stop(): Promise<void>;
}

export async function spawnParley(env: Record<string, string> = {}): Promise<ParleyProcess> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-process-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'tests', 'support', 'parleyServer.ts')], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PARLEY_HOME: home,
      PARLEY_NEO4J_RUNTIME: process.env.PARLEY_NEO4J_RUNTIME ?? path.join(REPO, '.parley', 'neo4j-runtime'),
      PARLEY_NEO4J_BOLT_PORT: String(await freePort()),
      PARLEY_NEO4J_HTTP_PORT: String(await freePort()),
      ...env,
    },
    // stdin stays open as a lifeline: the child stops when this process goes away.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const removeHome = () => fs.rmSync(home, { recursive: true, force: true });
  let url: string;
  try {
    url = await readyUrl(child);
  } catch (err) {
    child.kill('SIGTERM');
    removeHome();
    throw err;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid: child.pid!,
    rssBytes: () => rssOf(child.pid!),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      removeHome();
    },
  };
}

function readyUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`Parley exited with code ${code} before it was ready`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = /^\{"ready":"([^"]+)"\}$/.exec(line);
      if (ready) resolve(ready[1]!);
    });
  });
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!kb) throw new Error(`No VmRSS for process ${pid}`);
  return Number(kb[1]) * 1024;
}
