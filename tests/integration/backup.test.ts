/**
 * Backup and restore through the real commands, from the run's Neo4j into a fresh Neo4j of this
 * suite's own: the restored graph has the same checksum (the seed, and a generated world of 10k
 * stances); a restore refuses a database that holds data unless told; a restore killed with
 * SIGKILL leaves each source whole or absent, and running it again completes it.
 */
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { planWorld, worldSources } from '../../bench/world.ts';
import { loadConfig } from '../../server/config.ts';
import { Database } from '../../server/db/database.ts';
import { applySchema } from '../../server/db/schema.ts';
import { ingestSource, parsePayload } from '../../server/features/sources/ingest.ts';
import { LocalNeo4j, type LocalNeo4jOptions, type Neo4jCredentials } from '../../server/neo4j/localNeo4j.ts';
import { REPO_ROOT } from '../../server/paths.ts';
import { exited } from '../support/processes/appProcess.ts';
import { freePort } from '../support/processes/ports.ts';
import { resetToSeed, seedSourceIds, testDatabase, testLogger, testNeo4j } from '../support/db.ts';
import { graphFingerprint } from '../support/fingerprint.ts';

let source: Database;
let fresh: Database;
let freshServer: LocalNeo4j;
let freshCredentials: Neo4jCredentials;
let freshOptions: LocalNeo4jOptions;
let dir: string;

const sourceEnv = () => {
  const neo4j = testNeo4j();
  return { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password };
};
const freshEnv = () => ({ NEO4J_URI: freshCredentials.uri, NEO4J_USER: freshCredentials.user, NEO4J_PASSWORD: freshCredentials.password });

function tool(script: 'backup' | 'restore', args: string[], env: Record<string, string>): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
  });
}

function logLines(output: string): Array<Record<string, any>> {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

/** Deletes everything in batches, so that a large world does not need one huge transaction. */
async function emptied(db: Database): Promise<void> {
  while (Number((await db.write<{ n: number }>('MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n'))[0]!.n) > 0);
  await applySchema(db, testLogger);
}

beforeAll(async () => {
  source = testDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-backup-'));
  freshOptions = { ...loadConfig({}).localNeo4j, dataDir: path.join(dir, 'neo4j'), boltPort: await freePort(), httpPort: await freePort() };
  freshServer = new LocalNeo4j(freshOptions, testLogger);
  freshCredentials = await freshServer.start();
  fresh = new Database({ ...freshCredentials, database: 'neo4j' });
}, 180_000);

afterAll(async () => {
  await source?.close();
  await fresh?.close();
  await freshServer?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run backup / npm run restore', () => {
  it('moves the seeded graph into a fresh Neo4j with the same checksum, and refuses to restore over data', { timeout: 180_000 }, async () => {
    await resetToSeed(source);
    const before = await graphFingerprint(source);
    const file = path.join(dir, 'seed.jsonl');

    const backup = tool('backup', [file], sourceEnv());
    expect(backup.status, backup.stderr).toBe(0);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const seeded = seedSourceIds();
    expect(lines.map((l) => l.sourceId)).toEqual(seeded);
    expect(lines[0]).toMatchObject({ writer: 'seed', grade: null, payload: { source: { id: 'source:russia-no-quick-breakthroughs-2025-06-03' } } });
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    const restore = tool('restore', [file], freshEnv());
    expect(restore.status, restore.stderr).toBe(0);
    expect(logLines(restore.stdout).filter((l) => l.msg === 'restored').map((l) => [l.done, l.total])).toEqual(seeded.map((_, i) => [i + 1, seeded.length]));
    expect(await graphFingerprint(fresh)).toEqual(before);

    const again = tool('restore', [file], freshEnv());
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/restore: The database already holds \d+ nodes; restore into an empty one, or pass --allow-non-empty/);
    expect(await graphFingerprint(fresh)).toEqual(before);
  });

  it('round-trips a generated world of 10k stances; a restore killed mid-way leaves whole sources and a second run completes it', { timeout: 600_000 }, async () => {
    await emptied(source);
    const payloads = [...worldSources(planWorld(10_000, { stancesPerSource: 250, prefix: 'bk' }))];
    for (const payload of payloads) await ingestSource(source, parsePayload(payload), { writer: 'world' });
    const world = await graphFingerprint(source);
    expect(world.nodes).toBeGreaterThan(20_000);
    const file = path.join(dir, 'world.jsonl');
    expect(tool('backup', [file], sourceEnv()).status).toBe(0);

    await emptied(fresh);
    expect(tool('restore', [file], freshEnv()).status).toBe(0);
    expect(await graphFingerprint(fresh)).toEqual(world);

    // Again, killed while a source's transaction is open.
    await emptied(fresh);
    const doomed = spawn(process.execPath, ['--import', 'tsx', 'server/cli/restore.ts', file], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...freshEnv(), LOG_LEVEL: 'info' },
      stdio: 'ignore',
    });
    const openRestores = async () =>
      Number((await fresh.read<{ n: number }>('SHOW TRANSACTIONS YIELD metaData WHERE metaData.operation = "ingest-source" RETURN count(*) AS n', {}, { once: true }))[0]!.n);
    const restoredSoFar = async () => Number((await fresh.read<{ n: number }>('MATCH (r:SourceRecord) RETURN count(r) AS n', {}, { once: true }))[0]!.n);
    await vi.waitFor(
      async () => {
        expect(await restoredSoFar()).toBeGreaterThanOrEqual(3);
        expect(await openRestores()).toBeGreaterThan(0);
      },
      { timeout: 120_000, interval: 100 },
    );
    doomed.kill('SIGKILL');
    await exited(doomed);
    // Neo4j rolls the orphaned transaction back once it sees the client's connection gone.
    await vi.waitFor(async () => expect(await openRestores()).toBe(0), { timeout: 60_000, interval: 100 });

    // Each source is there whole (its record, its node, every piece of its evidence) or not at all.
    const present = await fresh.read<{ id: string; evidence: number; record: boolean }>(
      `MATCH (s:Source) RETURN s.id AS id, COUNT { (:Evidence)-[:FROM]->(s) } AS evidence, EXISTS { MATCH (r:SourceRecord {sourceId: s.id}) } AS record`,
    );
    const records = await fresh.read<{ id: string }>('MATCH (r:SourceRecord) RETURN r.sourceId AS id');
    expect(records.length).toBe(present.length);
    expect(present.length).toBeGreaterThanOrEqual(3);
    expect(present.length).toBeLessThan(payloads.length);
    const expectedEvidence = new Map(payloads.map((p) => [p.source.id, p.stances.reduce((n, s) => n + s.evidence.length, 0)]));
    for (const row of present) expect({ id: row.id, evidence: row.evidence, record: row.record }).toEqual({ id: row.id, evidence: expectedEvidence.get(row.id), record: true });

    const finish = tool('restore', [file, '--allow-non-empty'], freshEnv());
    expect(finish.status, finish.stderr).toBe(0);
    const skipped = logLines(finish.stdout).filter((l) => l.msg === 'already restored').length;
    expect(skipped).toBe(present.length);
    expect(await graphFingerprint(fresh)).toEqual(world);
  });
});
