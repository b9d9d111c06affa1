/**
 * Watches against the real Neo4j and a real local HTTP receiver: the outbox is written with the
 * change (ingestion, deletion, grade change; not a restore), a watch's webhook gets one signed
 * delivery per committed change it follows, carrying that change's events, and nothing for a
 * repeated ingestion, leases hand each change to one instance, failures back off and switch a webhook off, the Atom feed parses and can be
 * revoked, live changes stream, and bad input gets a clear 4xx. A switched-off webhook is switched
 * back on by its owner; connect and total timeouts apply; old events and deliveries are pruned;
 * and nothing the file's watches carry as a secret reaches the app's log.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../client/src/api/client.ts';
import { loadConfig } from '../../server/config.ts';
import { applySchema } from '../../server/db/schema.ts';
import { createLogger } from '../../server/logger.ts';
import { backupLines, prepareRestore, restoreLine } from '../../server/features/sources/backup.ts';
import { WatchDelivery } from '../../server/features/watches/delivery.ts';
import { refusedAddress, sendWebhook } from '../../server/features/watches/webhook.ts';
import { CANAL, EASTLAND, EASTLAND_MINISTER, canalProposed, canalRejectedLater, canalRejectedSameDay, lonePosition } from '../fixtures/watchSources.ts';
import { type TestApp, TEST_WRITE_AUTHORIZATION, errorOf, startTestApp } from '../support/app.ts';
import { testLogger } from '../support/db.ts';
import { type Receiver, startReceiver } from '../support/receiver.ts';

const token = TEST_WRITE_AUTHORIZATION.slice('Bearer '.length);
const auth = { token };

let app: TestApp;
let receiver: Receiver;
/** Everything the app logs, at every level; no secret the tests are given may show up in it. */
const logLines: string[] = [];
const secrets = new Set<string>([token]);

/** The receiver's URL with a secret path of its own, as many webhook services hand out. */
function secretHookUrl(): string {
  const part = `T0-${crypto.randomBytes(12).toString('hex')}`;
  secrets.add(part);
  return `${receiver.url}/${part}`;
}

/** Notes a new watch's feed token and webhook key as secrets. */
function noteSecrets<T extends { feedUrl: string; webhookSecret: string | null }>(created: T): T {
  secrets.add(created.feedUrl.split('/').at(-1)!);
  if (created.webhookSecret) secrets.add(created.webhookSecret);
  return created;
}

async function changeEvents(sourceId: string): Promise<{ kind: string; subjects: string[] }[]> {
  return app.db.read('MATCH (e:ChangeEvent {sourceId: $sourceId}) RETURN e.kind AS kind, e.subjects AS subjects ORDER BY e.kind', { sourceId });
}

async function failure(call: Promise<unknown>): Promise<ApiError> {
  const err = await call.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

/** The schema stays; every node goes. */
async function emptyGraph(): Promise<void> {
  await app.db.write('MATCH (n) DETACH DELETE n');
}

beforeAll(async () => {
  // Loopback receivers need the private-address setting; retries are quick so back-off shows in a test.
  app = await startTestApp(
    { PARLEY_WEBHOOK_ALLOW_PRIVATE: 'true', PARLEY_WATCH_POLL_MS: '100', PARLEY_WEBHOOK_RETRY_BASE_MS: '400', PARLEY_WEBHOOK_FAILURE_LIMIT: '3' },
    { deliver: true, logger: createLogger('trace', { write: (line: string) => void logLines.push(line) }) },
  );
  receiver = await startReceiver();
  await applySchema(app.db, testLogger);
});
afterAll(async () => {
  await app?.close();
  await receiver?.close();
});

describe('the outbox', { timeout: 300_000 }, () => {
  beforeEach(emptyGraph);

  it('writes the change events of an ingestion with it: new source, new stance, then a conflict and a reversal', async () => {
    await app.api.ingest({ body: canalProposed() }, auth);
    const first = await changeEvents('source:eastland-proposes-canal-sharing');
    expect(first.map((e) => e.kind)).toEqual(['new-source', 'new-stance']);
    // The stance's subjects: its actor, its party, its target and the official who voiced it.
    expect(first[1]!.subjects).toEqual(expect.arrayContaining([EASTLAND, CANAL, EASTLAND_MINISTER]));

    await app.api.ingest({ body: canalRejectedSameDay() }, auth);
    expect((await changeEvents('source:eastland-rejects-canal-sharing')).map((e) => e.kind)).toEqual(['new-conflict', 'new-source', 'new-stance']);
    await app.api.ingest({ body: canalRejectedLater() }, auth);
    expect((await changeEvents('source:eastland-turns-on-canal-sharing')).map((e) => e.kind)).toEqual(['new-source', 'new-stance', 'reversal']);

    // The same source again changes nothing, and says so: no new events.
    await app.api.ingest({ body: canalProposed() }, auth);
    expect(await changeEvents('source:eastland-proposes-canal-sharing')).toHaveLength(2);
  });

  it('writes events for a grade change and a deletion, and none for a restore (the audit trail records it)', async () => {
    await app.api.ingest({ body: canalProposed() }, auth);
    await app.api.gradeSource({ params: { id: 'source:eastland-proposes-canal-sharing' }, body: { grade: 'B2' } }, auth);
    await app.api.deleteSource({ params: { id: 'source:eastland-proposes-canal-sharing' } }, auth);
    expect((await changeEvents('source:eastland-proposes-canal-sharing')).map((e) => e.kind)).toEqual(['grade-changed', 'new-source', 'new-stance', 'source-deleted']);

    // A backup of two sources, restored through the restore's own path into an emptied graph.
    await app.api.ingest({ body: canalProposed() }, auth);
    await app.api.ingest({ body: canalRejectedSameDay() }, auth);
    const lines: string[] = [];
    for await (const line of backupLines(app.db)) lines.push(line);
    expect(lines).toHaveLength(2);
    await emptyGraph();
    const restored = await prepareRestore(app.db, { allowNonEmpty: false });
    for (const line of lines) await restoreLine(app.db, line, restored);
    const [{ events }] = (await app.db.read<{ events: number }>('MATCH (e:ChangeEvent) RETURN count(e) AS events')) as [{ events: number }];
    expect(events).toBe(0);
    const { entries } = await app.api.audit({ query: { limit: 10 } }, auth);
    expect(entries.filter((e) => e.action === 'restore').map((e) => e.sourceId).sort()).toEqual(['source:eastland-proposes-canal-sharing', 'source:eastland-rejects-canal-sharing']);
  });

  it('hands each change to one instance only when several claim at once', async () => {
    await app.api.ingest({ body: canalProposed() }, auth);
    await app.api.ingest({ body: canalRejectedSameDay() }, auth);
    await app.api.ingest({ body: canalRejectedLater() }, auth);
    // One change set per ingestion names its events.
    const sets = await app.db.read<{ sourceId: string; kinds: string[] }>(
      'MATCH (c:ChangeSet) RETURN c.sourceId AS sourceId, [id IN c.events | COLLECT { MATCH (e:ChangeEvent {id: id}) RETURN e.kind }[0]] AS kinds ORDER BY c.at',
    );
    expect(sets).toEqual([
      { sourceId: 'source:eastland-proposes-canal-sharing', kinds: ['new-stance', 'new-source'] },
      { sourceId: 'source:eastland-rejects-canal-sharing', kinds: ['new-stance', 'new-conflict', 'new-source'] },
      { sourceId: 'source:eastland-turns-on-canal-sharing', kinds: ['new-stance', 'reversal', 'new-source'] },
    ]);
    // Two webhook watches (set, as far as the fan-out can tell, before the changes), so that the
    // fan-out writes deliveries; they call a closed port, not the receiver later tests count on.
    const closed = 'http://127.0.0.1:9/hook';
    noteSecrets(await app.api.createWatch({ body: { target: CANAL, webhook: { url: closed } } }, auth));
    noteSecrets(await app.api.createWatch({ body: { target: EASTLAND, kinds: ['new-stance'], webhook: { url: closed } } }, auth));
    await app.db.write("MATCH (w:Watch) SET w.createdAt = '2000-01-01T00:00:00.000Z'");
    // Put the changes back in the pending set, as if no instance had taken them yet.
    const [{ total }] = (await app.db.write<{ total: number }>('MATCH (c:ChangeSet) SET c:PendingChange REMOVE c.leaseUntil, c.fannedOutAt RETURN count(c) AS total')) as [{ total: number }];
    expect(total).toBe(3);
    const settings = loadConfig({}).watches;
    const instances = [1, 2, 3].map(() => new WatchDelivery(app.db, settings, testLogger));
    const handed = await Promise.all(instances.map((i) => i.fanOut()));
    // The app's own loop may take some too (a round it was nudged into by the ingestions may hold
    // them under its lease a moment longer); together every change is handed on exactly once.
    const pending = async () => ((await app.db.read<{ pending: number }>('MATCH (e:PendingChange) RETURN count(e) AS pending')) as [{ pending: number }])[0].pending;
    await expect.poll(pending, { timeout: 15_000 }).toBe(0);
    expect(handed.reduce((a, b) => a + b.handed, 0)).toBeLessThanOrEqual(total);
    const [{ twice }] = (await app.db.read<{ twice: number }>('MATCH (d:Delivery) WITH d.id AS id, count(*) AS n WHERE n > 1 RETURN count(*) AS twice')) as [{ twice: number }];
    expect(twice).toBe(0);
    // One delivery per watch and change it follows: three changes on the canal, three new stances of Eastland.
    const [{ deliveries }] = (await app.db.read<{ deliveries: number }>('MATCH (d:Delivery) RETURN count(d) AS deliveries')) as [{ deliveries: number }];
    expect(deliveries).toBe(6);
  });
});

describe('webhooks', { timeout: 300_000 }, () => {
  beforeEach(async () => {
    await emptyGraph();
    receiver.received.length = 0;
    receiver.answer(200);
  });

  it('a watch on a position gets one correctly signed delivery for a new stance, and nothing for the same source again', async () => {
    await app.api.ingest({ body: canalProposed() }, auth);
    const { watch, webhookSecret } = noteSecrets(await app.api.createWatch({ body: { target: CANAL, kinds: ['new-stance'], webhook: { url: receiver.url } } }, auth));
    expect(webhookSecret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    await app.api.ingest({ body: canalRejectedSameDay() }, auth);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 60_000, interval: 50 });

    const [delivery] = receiver.received;
    const timestamp = String(delivery!.headers['x-parley-timestamp']);
    const expected = `sha256=${crypto.createHmac('sha256', webhookSecret!).update(`${timestamp}.${delivery!.body}`).digest('hex')}`;
    expect(delivery!.headers['x-parley-signature']).toBe(expected);
    expect(delivery!.headers['idempotency-key']).toBe(delivery!.json.id);
    expect(delivery!.json).toMatchObject({ watch: { id: watch.id, target: CANAL }, events: [{ kind: 'new-stance', sourceId: 'source:eastland-rejects-canal-sharing' }] });
    expect(delivery!.json.events).toHaveLength(1);
    expect(delivery!.json.events[0].links).toContainEqual(expect.objectContaining({ kind: 'trace', id: CANAL }));
    expect(delivery!.headers['x-parley-event']).toBe('new-stance');
    // The key is nowhere in the graph (the public Cypher console reads all of it).
    const stored = await app.db.read('MATCH (w:Watch) RETURN properties(w) AS props');
    expect(JSON.stringify(stored)).not.toContain(webhookSecret!);
    expect(JSON.stringify(stored)).not.toContain(receiver.url);
    expect(watch.webhook?.url).toBe(receiver.url);

    await app.api.ingest({ body: canalRejectedSameDay() }, auth);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.received).toHaveLength(1);
    const log = await app.api.watchDeliveries({ params: { id: watch.id } }, auth);
    expect(log.deliveries).toHaveLength(1);
    expect(log.deliveries[0]).toMatchObject({ status: 'delivered', attempts: [{ ok: true, status: 200 }] });
  });

  it('one delivery per change carries every event of it the watch follows, in order; the feed and the change list keep them one by one', async () => {
    await app.api.ingest({ body: canalProposed() }, auth);
    const { watch } = noteSecrets(await app.api.createWatch({ body: { target: CANAL, webhook: { url: receiver.url } } }, auth));
    await app.api.ingest({ body: canalRejectedSameDay() }, auth);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 60_000, interval: 50 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    const events = delivery!.json.events as { id: string; kind: string; sourceId: string; watches: string[] }[];
    expect(events.map((e) => e.kind)).toEqual(['new-stance', 'new-conflict', 'new-source']);
    expect(events.every((e) => e.sourceId === 'source:eastland-rejects-canal-sharing' && e.watches[0] === watch.id)).toBe(true);
    expect(delivery!.headers['x-parley-event']).toBe('new-stance,new-conflict,new-source');
    expect(delivery!.headers['idempotency-key']).toMatch(new RegExp(`^${watch.id}\\|changeset:`));
    const log = await app.api.watchDeliveries({ params: { id: watch.id } }, auth);
    expect(log.deliveries).toEqual([expect.objectContaining({ id: delivery!.json.id, status: 'delivered', events: events.map((e) => expect.objectContaining({ id: e.id, kind: e.kind })) })]);
    // Elsewhere each event is its own change: the change list names the watch on each.
    const { changes } = await app.api.changes({ query: { limit: 10 } });
    for (const event of events) expect(changes.find((c) => c.id === event.id)?.watches).toContain(watch.id);
  });

  it('retries with back-off, follows no redirect, and switches a failing webhook off, saying so', async () => {
    await app.api.ingest({ body: canalProposed() }, auth);
    receiver.answer(302);
    const { watch } = noteSecrets(await app.api.createWatch({ body: { target: EASTLAND, kinds: ['new-stance'], webhook: { url: receiver.url } } }, auth));
    await app.api.ingest({ body: canalRejectedSameDay() }, auth);
    await vi.waitFor(async () => expect((await app.api.watch({ params: { id: watch.id } }, auth)).webhook?.active).toBe(false), { timeout: 90_000, interval: 100 });
    const stopped = await app.api.watch({ params: { id: watch.id } }, auth);
    expect(stopped.webhook?.disabledReason).toMatch(/switched off after 3 failed attempts in a row; last: redirect not followed/);
    // Three attempts reached the receiver (the redirect's target never did), waiting 400 ms, then 800 ms.
    expect(receiver.received).toHaveLength(3);
    const [delivery] = (await app.api.watchDeliveries({ params: { id: watch.id } }, auth)).deliveries;
    const times = delivery!.attempts.map((a) => Date.parse(a.at) - a.ms);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(400);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(800);
    expect(delivery!.status).toBe('dropped');
    expect(delivery!.attempts.every((a) => a.status === 302 && !a.ok)).toBe(true);
  });

  it('a switched-off webhook is switched back on by its owner (write token; 404 for an unknown watch), and delivers again', async () => {
    await app.api.ingest({ body: canalProposed() }, auth);
    receiver.answer(500);
    const { watch } = noteSecrets(await app.api.createWatch({ body: { target: EASTLAND, kinds: ['new-stance'], webhook: { url: secretHookUrl() } } }, auth));
    const plain = noteSecrets(await app.api.createWatch({ body: { target: EASTLAND } }, auth));
    await app.api.ingest({ body: canalRejectedSameDay() }, auth);
    await vi.waitFor(async () => expect((await app.api.watch({ params: { id: watch.id } }, auth)).webhook?.active).toBe(false), { timeout: 90_000, interval: 100 });
    expect((await app.api.watch({ params: { id: watch.id } }, auth)).webhook).toMatchObject({ consecutiveFailures: 3, disabledReason: expect.stringMatching(/last: answered 500/) });

    const path = `/api/watches/${watch.id}/webhook`;
    expect((await app.request(path, { method: 'POST' })).status).toBe(401);
    expect((await app.request(path, { method: 'POST', headers: { authorization: 'Bearer wrong-token' } })).status).toBe(401);
    expect((await app.api.watch({ params: { id: watch.id } }, auth)).webhook?.active).toBe(false);
    const unknown = await failure(app.api.enableWatchWebhook({ params: { id: 'watch:0000000000000000' } }, auth));
    expect(unknown.status).toBe(404);
    expect(unknown.message).toContain('watch:0000000000000000');
    const none = await failure(app.api.enableWatchWebhook({ params: { id: plain.watch.id } }, auth));
    expect(none.status).toBe(422);
    expect((await app.request('/api/watches/nope/webhook', { method: 'POST', headers: { authorization: TEST_WRITE_AUTHORIZATION } })).status).toBe(400);

    receiver.answer(200);
    receiver.received.length = 0;
    const on = await app.api.enableWatchWebhook({ params: { id: watch.id } }, auth);
    expect(on.webhook).toMatchObject({ active: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null });
    // Switching on again changes nothing.
    expect((await app.api.enableWatchWebhook({ params: { id: watch.id } }, auth)).webhook).toMatchObject({ active: true, consecutiveFailures: 0 });

    await app.api.ingest({ body: canalRejectedLater() }, auth);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 60_000, interval: 50 });
    // Only the change committed after it was switched on: the one dropped while it was off is not sent again.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.received.map((r) => r.json.events.map((e: { sourceId: string }) => e.sourceId))).toEqual([['source:eastland-turns-on-canal-sharing']]);
    const log = await app.api.watchDeliveries({ params: { id: watch.id } }, auth);
    expect(log.deliveries.map((d) => d.status).sort()).toEqual(['delivered', 'dropped']);
  });
});

describe('watches', { timeout: 300_000 }, () => {
  beforeEach(emptyGraph);

  it('are set, listed and stopped; a watch whose target is deleted stays and says it is gone', async () => {
    await app.api.ingest({ body: canalProposed() }, auth);
    await app.api.ingest({ body: lonePosition() }, auth);
    const { watch } = noteSecrets(await app.api.createWatch({ body: { target: 'position:ferry-line' } }, auth));
    expect(watch).toMatchObject({ target: { id: 'position:ferry-line', label: 'Ferry line', type: 'Position', gone: false }, feed: { active: true }, webhook: null });
    expect(watch.kinds).toHaveLength(6);
    await app.api.deleteSource({ params: { id: 'source:eastland-floats-ferry-line' } }, auth);
    const { watches } = await app.api.watches(undefined, auth);
    expect(watches).toEqual([expect.objectContaining({ id: watch.id, target: { id: 'position:ferry-line', label: 'Ferry line', type: 'Position', gone: true } })]);
    expect(await app.api.deleteWatch({ params: { id: watch.id } }, auth)).toEqual({ id: watch.id, deleted: true });
    expect(await app.api.deleteWatch({ params: { id: watch.id } }, auth)).toEqual({ id: watch.id, deleted: false });
  });

  it('the Atom feed parses back, opens without the write token, and stops working once revoked', async () => {
    await app.api.ingest({ body: canalProposed() }, auth);
    const { watch, feedUrl } = noteSecrets(await app.api.createWatch({ body: { target: EASTLAND } }, auth));
    await app.api.ingest({ body: canalRejectedSameDay() }, auth);
    const res = await app.request(feedUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect(XMLValidator.validate(res.text)).toBe(true);
    const { feed } = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(res.text);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toBe('Parley: changes on Eastland');
    const titles = feed.entry.map((e: { title: string }) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['Eastland rejected Canal sharing', expect.stringMatching(/^New conflict between reports on Canal sharing/)]));
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^urn:parley:change:/);
      expect(Date.parse(entry.updated)).not.toBeNaN();
      expect(entry.link[0]['@_href']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#/);
    }

    const { feedUrl: rotated } = await app.api.rotateWatchFeed({ params: { id: watch.id } }, auth);
    expect((await app.request(feedUrl)).status).toBe(404);
    expect((await app.request(rotated)).status).toBe(200);
    await app.api.revokeWatchFeed({ params: { id: watch.id } }, auth);
    const revoked = await app.request(rotated);
    expect(revoked.status).toBe(404);
    expect(errorOf(revoked).code).toBe('not_found');
    expect((await app.api.watch({ params: { id: watch.id } }, auth)).feed.active).toBe(false);
  });

  it('streams live changes as server-sent events', async () => {
    await app.api.ingest({ body: canalProposed() }, auth);
    const { watch } = noteSecrets(await app.api.createWatch({ body: { target: CANAL, kinds: ['new-stance'] } }, auth));
    const controller = new AbortController();
    const res = await fetch(`${app.url}/api/changes/stream`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    const ingested = app.api.ingest({ body: canalRejectedSameDay() }, auth);
    await vi.waitFor(
      async () => {
        const { value } = await reader.read();
        text += new TextDecoder().decode(value);
        expect(text).toContain('"kind":"new-stance"');
      },
      { timeout: 60_000, interval: 10 },
    );
    await ingested;
    await vi.waitFor(
      async () => {
        const { value } = await reader.read();
        text += new TextDecoder().decode(value);
        expect(text).toContain('"Eastland rejected Canal sharing"');
      },
      { timeout: 60_000, interval: 10 },
    );
    controller.abort();
    const changes = text
      .split('\n\n')
      .filter((block) => block.startsWith('id: change:'))
      .map((block) => JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as { kind: string; title: string; watches: string[] });
    expect(changes.find((c) => c.title === 'Eastland rejected Canal sharing')).toMatchObject({ kind: 'new-stance', watches: [watch.id] });
    expect(new Set(changes.map((c) => JSON.stringify(c))).size).toBe(changes.length);
  });
});

describe('bad input gets a clear 4xx', () => {
  beforeAll(async () => {
    await emptyGraph();
    await app.api.ingest({ body: canalProposed() }, auth);
  });

  it('a missing token is a 401', async () => {
    const res = await app.request('/api/watches', { method: 'POST', json: { target: CANAL } });
    expect(res.status).toBe(401);
    expect(errorOf(res).code).toBe('unauthorized');
  });

  it('an unknown target is a 404 naming it; a place cannot be watched (422)', async () => {
    const unknown = await failure(app.api.createWatch({ body: { target: 'position:no-such-thing' } }, auth));
    expect(unknown.status).toBe(404);
    expect(unknown.message).toContain('position:no-such-thing');
    await app.db.write("CREATE (:Entity:Place {id: 'place:canal-town', name: 'Canal Town'})");
    const place = await failure(app.api.createWatch({ body: { target: 'place:canal-town' } }, auth));
    expect(place.status).toBe(422);
  });

  it('a file: URL, a private address, and a host resolving to one are refused without the setting', async () => {
    const strict = await startTestApp();
    try {
      for (const [url, words] of [
        ['file:///etc/passwd', /must be http or https, not file/],
        ['http://127.0.0.1:9/hook', /127\.0\.0\.1 is a loopback address/],
        ['http://169.254.169.254/latest/meta-data', /169\.254\.169\.254 is a linkLocal address/],
        ['http://10.1.2.3/hook', /is a private address/],
        ['http://[::ffff:127.0.0.1]/hook', /IPv4-mapped IPv6 address/],
        ['http://[::1]/hook', /loopback/],
        ['http://localhost:8080/hook', /localhost resolves to .*, a loopback address/],
        ['https://user:secret@example.org/hook', /user name or password/],
      ] as const) {
        const err = await failure(strict.api.createWatch({ body: { target: CANAL, webhook: { url } } }, auth));
        expect(err.status, url).toBe(400);
        expect(err.message, url).toMatch(words);
      }
      expect((await strict.api.watches(undefined, auth)).watches.filter((w) => w.webhook !== null)).toEqual([]);
    } finally {
      await strict.close();
    }
  });

  it('an unknown kind of change or a malformed watch id is a 400', async () => {
    const res = await app.request('/api/watches', { method: 'POST', headers: { authorization: TEST_WRITE_AUTHORIZATION }, json: { target: CANAL, kinds: ['gossip'] } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(errorOf(res).details)).toContain('kinds');
    expect((await app.request('/api/watches/nope', { headers: { authorization: TEST_WRITE_AUTHORIZATION } })).status).toBe(400);
  });
});

describe('retention', { timeout: 120_000 }, () => {
  beforeEach(emptyGraph);

  it('keeps change sets, events and deliveries 30 days by default (PARLEY_WATCH_RETENTION_DAYS), never one still pending', async () => {
    const day = 86_400_000;
    const ago = (days: number) => new Date(Date.now() - days * day).toISOString();
    const later = new Date(Date.now() + day).toISOString();
    // Leased by no instance of this test and due tomorrow, so no delivery loop takes the pending ones meanwhile.
    await app.db.write(
      `CREATE (:ChangeEvent {id: 'change:old', at: $old}), (:ChangeEvent {id: 'change:recent', at: $recent}),
              (:ChangeEvent {id: 'change:old-held', at: $old}),
              (:ChangeSet {id: 'changeset:old', at: $old, events: ['change:old']}), (:ChangeSet {id: 'changeset:recent', at: $recent, events: ['change:recent']}),
              (:ChangeSet:PendingChange {id: 'changeset:old-pending', at: $old, events: ['change:old-held'], leaseOwner: 'elsewhere', leaseUntil: $later}),
              (:ChangeEvent:PendingChange {id: 'change:old-pending', at: $old, leaseOwner: 'elsewhere', leaseUntil: $later}),
              (:Delivery {id: 'delivery:old', createdAt: $old, status: 'delivered'}), (:Delivery {id: 'delivery:recent', createdAt: $recent, status: 'delivered'}),
              (:Delivery:PendingDelivery {id: 'delivery:old-pending', createdAt: $old, status: 'pending', nextAttemptAt: $later})`,
      { old: ago(31), recent: ago(29), later },
    );
    const left = async () => (await app.db.read<{ id: string }>('MATCH (n) WHERE n:ChangeEvent OR n:ChangeSet OR n:Delivery RETURN n.id AS id ORDER BY id')).map((r) => r.id);

    const defaults = loadConfig({}).watches;
    expect(defaults.retentionDays).toBe(30);
    await new WatchDelivery(app.db, defaults, testLogger).prune();
    // An event of a change still pending stays with it (as does a pending event from before change sets).
    expect(await left()).toEqual(['change:old-held', 'change:old-pending', 'change:recent', 'changeset:old-pending', 'changeset:recent', 'delivery:old-pending', 'delivery:recent']);

    const week = loadConfig({ PARLEY_WATCH_RETENTION_DAYS: '7' }).watches;
    expect(week.retentionDays).toBe(7);
    await new WatchDelivery(app.db, week, testLogger).prune();
    expect(await left()).toEqual(['change:old-held', 'change:old-pending', 'changeset:old-pending', 'delivery:old-pending']);
  });
});

describe('timeouts', { timeout: 60_000 }, () => {
  const policy = { allowPrivate: true, connectTimeoutMs: 400, timeoutMs: 1_500 };
  const delivery = { secret: 'k', idempotencyKey: 'watch:0|change:0', event: 'new-stance', body: '{}' };

  it('a receiver that accepts but never answers is given up on after the total timeout', async () => {
    const server = net.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const result = await sendWebhook(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}/hook`, delivery, policy);
      expect(result).toMatchObject({ ok: false, status: null, error: 'no answer within 1500 ms' });
      expect(result.ms).toBeGreaterThanOrEqual(1_400);
      expect(result.ms).toBeLessThan(5_000);
    } finally {
      server.close();
    }
  });

  it('a host that never completes the connection is given up on after the connect timeout', async () => {
    // A listener whose accept queue is full (its process never accepts): the kernel drops further SYNs.
    const child = spawn(process.execPath, [
      '-e',
      "const s=require('net').createServer();s.listen({port:0,host:'127.0.0.1',backlog:1},()=>{console.log(s.address().port);Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0,60000)})",
    ], { stdio: ['ignore', 'pipe', 'inherit'] });
    const fillers: net.Socket[] = [];
    try {
      const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d) => resolve(Number(String(d).trim()))));
      for (let i = 0; i < 4; i++) fillers.push(net.connect(port, '127.0.0.1').on('error', () => undefined));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const result = await sendWebhook(`http://127.0.0.1:${port}/hook`, delivery, policy);
      expect(result).toMatchObject({ ok: false, status: null, error: 'no connection within 400 ms' });
      expect(result.ms).toBeLessThan(1_500);
    } finally {
      for (const socket of fillers) socket.destroy();
      child.kill('SIGKILL');
    }
  });
});

describe('the address actually connected to', () => {
  it('is checked when sending too: a loopback receiver is refused without the setting, by IP or by a name resolving to it', async () => {
    const policy = { allowPrivate: false, connectTimeoutMs: 2_000, timeoutMs: 5_000 };
    const delivery = { secret: 'k', idempotencyKey: 'watch:0|change:0', event: 'new-stance', body: '{}' };
    receiver.received.length = 0;
    receiver.answer(200);
    const port = new URL(receiver.url).port;
    const byAddress = await sendWebhook(`http://127.0.0.1:${port}/hook`, delivery, policy);
    expect(byAddress).toMatchObject({ ok: false, error: 'refused: 127.0.0.1 is a loopback address' });
    const byName = await sendWebhook(`http://localhost:${port}/hook`, delivery, policy);
    expect(byName.ok).toBe(false);
    expect(byName.error).toMatch(/refused: localhost resolves to a loopback address/);
    expect(receiver.received).toHaveLength(0);
    // Refusals answer, never throw.
    expect(await sendWebhook('file:///etc/passwd', delivery, policy)).toMatchObject({ ok: false, error: 'not http or https' });
    expect(await sendWebhook('http://[::ffff:127.0.0.1]:9/hook', delivery, policy)).toMatchObject({ ok: false, error: 'refused: ::ffff:7f00:1 is an IPv4-mapped IPv6 address' });
    // The same receiver with the setting on: the check is what stopped them.
    expect(await sendWebhook(`http://localhost:${port}/hook`, delivery, { ...policy, allowPrivate: true })).toMatchObject({ ok: true, status: 200 });
    expect(receiver.received).toHaveLength(1);
  });
});

describe('address classes', () => {
  it('only public unicast passes; the setting lets private ones through', () => {
    expect(refusedAddress('93.184.216.34', false)).toBeNull();
    expect(refusedAddress('2606:2800:220:1:248:1893:25c8:1946', false)).toBeNull();
    for (const address of ['127.0.0.1', '10.0.0.1', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '::1', 'fe80::1', 'fc00::1', '::ffff:8.8.8.8']) {
      expect(refusedAddress(address, false), address).not.toBeNull();
    }
    expect(refusedAddress('127.0.0.1', true)).toBeNull();
    expect(refusedAddress('0.0.0.0', true)).not.toBeNull();
  });
});

describe('no secret reaches a log', () => {
  it('neither a feed token, a webhook key, a webhook URL nor the write token, after everything above and a feed URL asked wrongly', async () => {
    await app.api.ingest({ body: canalProposed() }, auth);
    const created = noteSecrets(await app.api.createWatch({ body: { target: EASTLAND, webhook: { url: secretHookUrl() } } }, auth));
    // Rejected requests on a feed URL are logged (405 here), and the path carries the token.
    expect((await app.request(created.feedUrl, { method: 'POST' })).status).toBe(405);
    expect((await app.request(created.feedUrl)).status).toBe(200);
    await app.api.revokeWatchFeed({ params: { id: created.watch.id } }, auth);
    expect((await app.request(created.feedUrl)).status).toBe(404);
    // The log is really captured: the switch-offs and the rejected feed request are in it.
    const text = logLines.join('');
    expect(text).toContain('webhook switched off after repeated failures');
    expect(text).toContain('/api/feeds/(secret)');
    for (const secret of secrets) expect(text, 'a secret in the log').not.toContain(secret);
  });
});
