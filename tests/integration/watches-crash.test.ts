/**
 * Events are never lost: the app, in a process of its own, is SIGKILLed the moment an ingestion
 * has committed (its 201 arrives). The change events committed with it; after a restart the
 * webhook is delivered, and a receiver that drops duplicates by the idempotency key processes it
 * exactly once. An instance that dies once its fan-out has committed (the fresh deliveries born
 * under its lease, not yet sent) only delays them: another instance sends them when the lease runs out.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createApi } from '../../client/src/api/client.ts';
import { loadConfig } from '../../server/config.ts';
import { Database } from '../../server/db/database.ts';
import { applySchema } from '../../server/db/schema.ts';
import { WatchDelivery } from '../../server/features/watches/delivery.ts';
import { ingestSource, parsePayload } from '../../server/features/sources/ingest.ts';
import { CANAL, canalProposed, canalRejectedLater, canalRejectedSameDay } from '../fixtures/watchSources.ts';
import { TEST_WRITE_AUTHORIZATION } from '../support/app.ts';
import { testLogger, testNeo4j } from '../support/db.ts';
import { type AppProcess, exited, spawnApp, waitHealthy } from '../support/processes/appProcess.ts';
import { freePort } from '../support/processes/ports.ts';
import { type Receiver, startReceiver } from '../support/receiver.ts';

const token = TEST_WRITE_AUTHORIZATION.slice('Bearer '.length);
let receiver: Receiver;
let db: Database;
let app: AppProcess | undefined;

function appEnv(): Record<string, string> {
  const neo4j = testNeo4j();
  return {
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    PARLEY_WRITE_TOKEN: token,
    PARLEY_SEED: 'false',
    LOG_LEVEL: 'warn',
    PARLEY_WEBHOOK_ALLOW_PRIVATE: 'true',
    // A lease a dead instance held runs out soon, so the restarted one may take the event.
    PARLEY_WATCH_LEASE_MS: '2000',
    PARLEY_WATCH_POLL_MS: '200',
  };
}

async function startAppProcess(): Promise<AppProcess> {
  const started = spawnApp(await freePort(), appEnv());
  await waitHealthy(started.url, 120_000, started);
  return started;
}

beforeAll(async () => {
  const neo4j = testNeo4j();
  db = new Database({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database });
  await db.write('MATCH (n) DETACH DELETE n');
  await applySchema(db, testLogger);
  receiver = await startReceiver();
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await receiver?.close();
  await db?.close();
});

it('delivers after a SIGKILL right after the commit, and the receiver processes it exactly once', { timeout: 240_000 }, async () => {
  app = await startAppProcess();
  const api = createApi(app.url);
  await api.ingest({ body: canalProposed() }, { token });
  const { watch } = await api.createWatch({ body: { target: CANAL, kinds: ['new-stance'], webhook: { url: receiver.url } } }, { token });

  await api.ingest({ body: canalRejectedSameDay() }, { token });
  // The 201 says the transaction committed; the process dies before it can do anything more.
  app.child.kill('SIGKILL');
  await exited(app.child);
  const [{ events }] = (await db.read<{ events: number }>(
    "MATCH (e:ChangeEvent {sourceId: 'source:eastland-rejects-canal-sharing', kind: 'new-stance'}) RETURN count(e) AS events",
  )) as [{ events: number }];
  expect(events).toBe(1);

  app = await startAppProcess();
  const processed = new Set<string>();
  await vi.waitFor(
    () => {
      for (const r of receiver.received) processed.add(String(r.headers['idempotency-key']));
      expect(processed.size).toBe(1);
    },
    { timeout: 60_000, interval: 100 },
  );
  // Give a duplicate (the dead instance's attempt, or a retry) time to arrive; it changes nothing.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  for (const r of receiver.received) processed.add(String(r.headers['idempotency-key']));
  expect(processed.size).toBe(1);
  // One delivery per watch and change: its key names the change set the ingestion committed.
  expect([...processed][0]).toMatch(new RegExp(`^${watch.id}\\|changeset:`));
  expect(
    receiver.received.every((r) => r.json.events.length === 1 && r.json.events[0].kind === 'new-stance' && r.json.events[0].sourceId === 'source:eastland-rejects-canal-sharing'),
  ).toBe(true);
  const log = await createApi(app.url).watchDeliveries({ params: { id: watch.id } }, { token });
  expect(log.deliveries).toEqual([expect.objectContaining({ status: 'delivered' })]);
});

it('delivers what an instance fanned out under its lease and died before sending, once the lease runs out', { timeout: 240_000 }, async () => {
  // Test 1 left a watch on the canal (its URL sealed under the app's key) and the app running.
  await app?.stop();
  app = undefined;
  receiver.received.length = 0;
  await ingestSource(db, parsePayload(canalRejectedLater()));
  // This instance takes the change and fans it out, then "dies": it never sends what it made.
  const dead = new WatchDelivery(db, { ...loadConfig({}).watches, leaseMs: 2_000 }, testLogger);
  const { handed, made } = await dead.fanOut();
  expect(handed).toBe(1);
  expect(made).toHaveLength(1);
  expect(made[0]!.events).toEqual([expect.objectContaining({ kind: 'new-stance', sourceId: 'source:eastland-turns-on-canal-sharing' })]);
  const [pending] = (await db.read<{ owner: string; due: string; until: string }>(
    'MATCH (d:PendingDelivery {id: $id}) RETURN d.leaseOwner AS owner, d.nextAttemptAt AS due, d.leaseUntil AS until',
    { id: made[0]!.id },
  )) as [{ owner: string; due: string; until: string }];
  expect(pending).toEqual({ owner: dead.owner, due: pending.until, until: pending.until });
  // While the lease holds, no other instance takes it.
  await new WatchDelivery(db, loadConfig({}).watches, testLogger).deliver();
  const [held] = (await db.read<{ owner: string; attempts: string }>('MATCH (d:Delivery {id: $id}) RETURN d.leaseOwner AS owner, d.attempts AS attempts', { id: made[0]!.id })) as [
    { owner: string; attempts: string },
  ];
  expect(held).toEqual({ owner: dead.owner, attempts: '[]' });

  app = await startAppProcess();
  await vi.waitFor(() => expect(receiver.received.map((r) => String(r.headers['idempotency-key']))).toContain(made[0]!.id), { timeout: 60_000, interval: 100 });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(receiver.received.filter((r) => String(r.headers['idempotency-key']) === made[0]!.id)).toHaveLength(1);
  const [{ status }] = (await db.read<{ status: string }>('MATCH (d:Delivery {id: $id}) RETURN d.status AS status', { id: made[0]!.id })) as [{ status: string }];
  expect(status).toBe('delivered');
});
