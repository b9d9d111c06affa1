/** `npm start` as a user runs it: the app in its own process, for tests that kill or restart it. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface AppProcess {
  child: ChildProcess;
  /** Everything the app printed so far (stdout and stderr). */
  output: () => string;
  url: string;
}

/** Starts `server/main.ts` with the given environment on top of this process's. */
export function spawnApp(port: number, env: Record<string, string>): AppProcess {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output, url: `http://127.0.0.1:${port}` };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves with the /healthz body once it answers 200; fails at once if the app exits. */
export function waitHealthy(url: string, timeoutMs: number, app?: AppProcess): Promise<unknown> {
  return waitFor(
    'a healthy app',
    async () => {
      if (app && app.child.exitCode !== null) throw new Error(`app exited early:\n${app.output()}`);
      try {
        const res = await fetch(`${url}/healthz`);
        return res.status === 200 ? await res.json() : undefined;
      } catch {
        return undefined;
      }
    },
    timeoutMs,
  );
}

export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
