/**
 * `npm start`'s own Neo4j, run as a user runs it: `node --import tsx server/main.ts` in a
 * separate process with its own data folder. Data survives a restart, Ctrl-C and even a
 * SIGKILL of the app leave no java process behind, and a taken port gets one clear message.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { type AppProcess, exited, spawnApp, waitHealthy } from '../support/processes/appProcess.ts';
import { freePort } from '../support/processes/ports.ts';
import { testNeo4j } from '../support/db.ts';
import { REPO_ROOT } from '../../server/paths.ts';

/** A one-line article for npm run extract. */
function articleFile(): string {
  const file = path.join(home, 'article.txt');
  fs.writeFileSync(file, 'Corridor talks\n\nLatvia called for a maritime corridor.\n');
  return file;
}

let home: string;
let ports: { app: number; bolt: number; http: number };

function javaPidsFor(dataDir: string): number[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return ps
    .split('\n')
    .filter((line) => line.includes('CommunityEntryPoint') && line.includes(`--home-dir=${dataDir}`))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** The app with its own local Neo4j (NEO4J_URI blank) in this suite's throwaway home, on these ports. */
function spawnLocalApp(on: { app: number; bolt: number; http: number }, extraEnv: Record<string, string> = {}): AppProcess {
  return spawnApp(on.app, {
    NEO4J_URI: '',
    PARLEY_HOME: home,
    PARLEY_NEO4J_RUNTIME: loadConfig({}).localNeo4j.runtimeDir,
    PARLEY_NEO4J_BOLT_PORT: String(on.bolt),
    PARLEY_NEO4J_HTTP_PORT: String(on.http),
    PARLEY_SEED: 'false',
    ...extraEnv,
  });
}

function startApp(extraEnv: Record<string, string> = {}): AppProcess & { boltPort: number } {
  return { ...spawnLocalApp(ports, extraEnv), boltPort: ports.bolt };
}

const waitHealthyApp = (app: AppProcess) => waitHealthy(app.url, 120_000, app);

async function localPassword(): Promise<string> {
  return fs.readFileSync(path.join(home, 'neo4j', 'password'), 'utf8').trim();
}

async function runCypher(boltPort: number, query: string): Promise<number> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', await localPassword()));
  try {
    const { records } = await driver.executeQuery(query, {}, { database: 'neo4j' });
    return Number(records[0]?.get(0) ?? 0);
  } finally {
    await driver.close();
  }
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-lifecycle-'));
  ports = { app: await freePort(), bolt: await freePort(), http: await freePort() };
});
afterAll(() => {
  for (const pid of javaPidsFor(path.join(home, 'neo4j'))) process.kill(pid, 'SIGKILL');
  fs.rmSync(home, { recursive: true, force: true });
});

describe('the app-managed local Neo4j', () => {
  it('starts, keeps data across a restart, and leaves no java behind after Ctrl-C', { timeout: 300_000 }, async () => {
    const first = startApp();
    expect(await waitHealthyApp(first)).toMatchObject({ status: 'ok', neo4j: { connected: true, edition: 'community' } });
    expect(javaPidsFor(path.join(home, 'neo4j'))).toHaveLength(1);
    await runCypher(first.boltPort, "CREATE (:Entity:Party {id: 'party:lifecycle-probe', name: 'Probe'}) RETURN 1");

    first.child.kill('SIGINT');
    expect(await exited(first.child)).toBe(0);
    expect(javaPidsFor(path.join(home, 'neo4j'))).toEqual([]);

    const second = startApp();
    await waitHealthyApp(second);
    expect(await runCypher(second.boltPort, "MATCH (n {id: 'party:lifecycle-probe'}) RETURN count(n)")).toBe(1);
    second.child.kill('SIGTERM');
    await exited(second.child);
    expect(javaPidsFor(path.join(home, 'neo4j'))).toEqual([]);
  });

  it('ends its Neo4j even when the app itself is killed with SIGKILL', { timeout: 300_000 }, async () => {
    const app = startApp();
    await waitHealthyApp(app);
    expect(javaPidsFor(path.join(home, 'neo4j'))).toHaveLength(1);
    app.child.kill('SIGKILL');
    await exited(app.child);
    // The orphaned Neo4j stops.
    await vi.waitFor(() => expect(javaPidsFor(path.join(home, 'neo4j'))).toHaveLength(0), { timeout: 60_000, interval: 100 });
  });

  it('names the fix when the Bolt port is already taken', { timeout: 120_000 }, async () => {
    const blocker = net.createServer().listen(ports.bolt, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      const app = startApp();
      expect(await exited(app.child)).toBe(1);
      // Both ports are named, each with what is wrong with it.
      expect(app.output()).toContain(`Bolt port ${ports.bolt} (PARLEY_NEO4J_BOLT_PORT) is already taken, HTTP port ${ports.http} (PARLEY_NEO4J_HTTP_PORT) is free`);
      expect(app.output()).toMatch(/set PARLEY_NEO4J_BOLT_PORT to a free port, or set NEO4J_URI/);
      expect(javaPidsFor(path.join(home, 'neo4j'))).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('says plainly who owns the data folder: a second instance, or extract on a wrong Bolt port, get no stack trace (issue 26)', { timeout: 400_000 }, async () => {
    const first = startApp();
    await waitHealthyApp(first);
    const otherPorts = { app: await freePort(), bolt: await freePort(), http: await freePort() };
    const second = spawnLocalApp(otherPorts);
    expect(await exited(second.child)).toBe(1);
    // Refused from the folder's lock before any Neo4j starts (not after the store lock's 15 s wait).
    expect(second.output()).not.toContain('starting local Neo4j');
    expect(second.output()).toContain(`The data folder ${path.join(home, 'neo4j')} is already in use`);
    expect(second.output()).toContain(`at Bolt port ${ports.bolt}, HTTP port ${ports.http}, not at ${otherPorts.bolt}`);
    expect(javaPidsFor(path.join(home, 'neo4j'))).toHaveLength(1);

    // npm run extract with a wrong PARLEY_NEO4J_BOLT_PORT, pointing at another Neo4j (the test run's own).
    const otherNeo4j = Number(new URL(testNeo4j().uri.replace('bolt://', 'http://')).port);
    const extract = (env: Record<string, string>) => spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/extract.ts', articleFile(), '--published', '2025-06-10'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: '', PARLEY_HOME: home, PARLEY_NEO4J_RUNTIME: loadConfig({}).localNeo4j.runtimeDir, PARLEY_NEO4J_HTTP_PORT: String(otherPorts.http), ...env },
    });
    const owned = extract({ PARLEY_NEO4J_BOLT_PORT: String(otherNeo4j) });
    expect(owned.status).toBe(1);
    expect(owned.stderr).toContain(`at Bolt port ${ports.bolt}`);
    expect(owned.stderr).not.toMatch(/nauthorized|\n\s+at /);

    first.child.kill('SIGTERM');
    await exited(first.child);
    // With no Parley on the folder, the other Neo4j refuses this folder's password: said plainly too.
    const refused = extract({ PARLEY_NEO4J_BOLT_PORT: String(otherNeo4j) });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`A Neo4j answers on port ${otherNeo4j} (PARLEY_NEO4J_BOLT_PORT) but refuses the password`);
    expect(refused.stderr).not.toMatch(/nauthorized|\n\s+at /);
  });

  it('names the fix when Java is missing', { timeout: 60_000 }, async () => {
    const app = startApp({ JAVA_HOME: path.join(home, 'no-such-jdk') });
    expect(await exited(app.child)).toBe(1);
    expect(app.output()).toMatch(/Java was not found.*Install Java 17.*NEO4J_URI/s);
  });
});
