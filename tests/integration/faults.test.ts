/**
 * Faults without data loss. This suite runs a Neo4j of its own (it kills and restarts it) and
 * checks that an ingestion cut short by a dead database or a dead app leaves nothing behind,
 * that a retry leaves exactly one copy, and that the running app reconnects by itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { Database } from '../../server/db/database.ts';
import { applySchema } from '../../server/db/schema.ts';
import { loadSeed } from '../../server/features/sources/seed.ts';
import { LocalNeo4j, type LocalNeo4jOptions, type Neo4jCredentials } from '../../server/neo4j/localNeo4j.ts';
import { type TestApp, TEST_WRITE_AUTHORIZATION, errorOf, postSource as postSourceAt, startTestApp } from '../support/app.ts';
import { exited, spawnApp, waitHealthy } from '../support/processes/appProcess.ts';
import { testLogger } from '../support/db.ts';
import { graphFingerprint } from '../support/fingerprint.ts';
import { largeSourcePayload } from '../support/largeSource.ts';
import { freePort } from '../support/processes/ports.ts';

/** Big enough that the single write transaction is open for a while (~6k nodes, ~10k relationships). */
const POSITIONS = 2_000;
const WRITE_TOKEN = TEST_WRITE_AUTHORIZATION.slice('Bearer '.length);
const postSource = (url: string, payload: unknown) => postSourceAt(url, payload, TEST_WRITE_AUTHORIZATION);

let neo4jOptions: LocalNeo4jOptions;
let neo4jServer: LocalNeo4j;
let credentials: Neo4jCredentials;
let db: Database;
let app: TestApp;

/** The same data folder and ports each time, as an operator's restart would. */
async function startNeo4j(): Promise<void> {
  neo4jServer = new LocalNeo4j(neo4jOptions, testLogger);
  credentials = await neo4jServer.start();
}

function appEnv(): Record<string, string> {
  return {
    NEO4J_URI: credentials.uri,
    NEO4J_USER: credentials.user,
    NEO4J_PASSWORD: credentials.password,
    PARLEY_WRITE_TOKEN: WRITE_TOKEN,
    PARLEY_BODY_LIMIT: '50mb',
  };
}

/** The ingestion's write transaction, seen from Neo4j through the metadata Parley gives it. */
async function ingestionInFlight(sourceId: string): Promise<true | undefined> {
  const rows = await db.read<{ id: string }>(
    'SHOW TRANSACTIONS YIELD transactionId AS id, metaData WHERE metaData.sourceId = $sourceId RETURN id',
    { sourceId },
    { once: true },
  );
  return rows.length > 0 ? true : undefined;
}

async function sourceCopies(sourceId: string): Promise<{ sources: number; stances: number }> {
  const [row] = await db.read<{ sources: number; stances: number }>(
    `OPTIONAL MATCH (src:Source {id: $sourceId})
     OPTIONAL MATCH (s:Stance) WHERE s.id STARTS WITH $stancePrefix
     RETURN count(DISTINCT src) AS sources, count(DISTINCT s) AS stances`,
    { sourceId, stancePrefix: `stance:${sourceId.slice('source:'.length)}-` },
  );
  return row!;
}

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-faults-'));
  neo4jOptions = { ...loadConfig({}).localNeo4j, dataDir, boltPort: await freePort(), httpPort: await freePort(), heap: '768m', pageCache: '256m' };
  await startNeo4j();
  db = new Database({ ...credentials, database: 'neo4j' });
  await applySchema(db, testLogger);
  await loadSeed(db, testLogger);
  app = await startTestApp(appEnv());
}, 180_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await neo4jServer?.stop();
  fs.rmSync(neo4jOptions.dataDir, { recursive: true, force: true });
});

describe('faults during ingestion', () => {
  it(
    'answers 503 while Neo4j is SIGKILLed mid-ingestion, reconnects within 10 s of its restart, keeps none of it, and a retry leaves one copy',
    { timeout: 240_000 },
    async () => {
      const sourceId = 'source:fault-neo4j-killed';
      const payload = largeSourcePayload(sourceId, POSITIONS);
      const before = await graphFingerprint(db);

      const answer = postSource(app.url, payload);
      await vi.waitFor(async () => expect(await ingestionInFlight(sourceId)).toBe(true), { timeout: 60_000, interval: 100 });
      process.kill(neo4jServer.pid!, 'SIGKILL');
      const res = await answer;
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ error: { code: 'database_unavailable', message: 'The graph database is unavailable; try again shortly.' } });
      const down = await app.request('/api/search?q=Russia');
      expect(down.status).toBe(503);
      expect(errorOf(down).code).toBe('database_unavailable');
      expect((await app.request('/healthz')).status).toBe(503);

      await neo4jServer.stop();
      await startNeo4j();
      // The same app process, never restarted: its driver finds the new Neo4j by itself.
      expect(await waitHealthy(app.url, 10_000)).toMatchObject({ status: 'ok' });
      expect(await sourceCopies(sourceId)).toEqual({ sources: 0, stances: 0 });
      expect(await graphFingerprint(db)).toEqual(before);

      expect((await postSource(app.url, payload)).status).toBe(201);
      const afterRetry = await graphFingerprint(db);
      expect((await postSource(app.url, payload)).status).toBe(201);
      expect(await sourceCopies(sourceId)).toEqual({ sources: 1, stances: POSITIONS * 2 });
      expect(await graphFingerprint(db)).toEqual(afterRetry);
    },
  );

  it('keeps nothing of a source when the app itself is SIGKILLed mid-ingestion', { timeout: 240_000 }, async () => {
    const sourceId = 'source:fault-app-killed';
    const before = await graphFingerprint(db);
    const doomed = spawnApp(await freePort(), { ...appEnv(), PARLEY_SEED: 'false' });
    await waitHealthy(doomed.url, 120_000, doomed);

    const answer = postSource(doomed.url, largeSourcePayload(sourceId, POSITIONS)).catch((err: Error) => err);
    await vi.waitFor(async () => expect(await ingestionInFlight(sourceId)).toBe(true), { timeout: 60_000, interval: 100 });
    doomed.child.kill('SIGKILL');
    await exited(doomed.child);
    expect(await answer).toBeInstanceOf(Error);

    // Neo4j rolls the transaction back once it sees the client's connection gone.
    await vi.waitFor(async () => expect(await ingestionInFlight(sourceId)).toBeUndefined(), { timeout: 60_000, interval: 100 });
    expect(await sourceCopies(sourceId)).toEqual({ sources: 0, stances: 0 });
    expect(await graphFingerprint(db)).toEqual(before);
  });
});
