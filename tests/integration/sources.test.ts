/**
 * Sources as the system of record, against the real Neo4j: each source keeps what it arrived as;
 * deleting one (or re-sending it changed) leaves exactly the graph that never had it (or only had
 * the new version), checksum for checksum; every write is in the audit trail with its token label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { applySchema } from '../../server/db/schema.ts';
import { type IngestContext, ingestSource, parsePayload } from '../../server/features/sources/ingest.ts';
import { MAX_SOURCE_TEXT_BYTES } from '../../server/contract/sourcePayload.ts';
import { sourceA, sourceB, sourceBTrimmed, sourceC } from '../fixtures/overlappingSources.ts';
import { type TestApp, failureOf, startTestApp } from '../support/app.ts';
import { resetToSeed, seedSourceIds, testLogger } from '../support/db.ts';
import { graphFingerprint } from '../support/fingerprint.ts';

const ANALYST = { authorization: 'Bearer analyst-token' };
const DEFAULT = { authorization: 'Bearer test-write-token' };

/** Fixed arrival times, so that two graphs built on different runs can be compared. */
const at = (minute: number, extra: Partial<IngestContext> = {}): IngestContext => ({
  writer: 'analyst',
  ingestedAt: `2025-07-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
  ...extra,
});

let app: TestApp;
let db: Database;
beforeAll(async () => {
  app = await startTestApp({ PARLEY_WRITE_TOKENS: 'analyst:analyst-token' });
  db = app.db;
});
afterAll(() => app.close());

/** An empty graph, then each source in turn with its arrival. */
async function graphOf(...sources: Array<[payload: unknown, context: IngestContext]>): Promise<void> {
  await db.write('MATCH (n) DETACH DELETE n');
  await applySchema(db, testLogger);
  for (const [payload, context] of sources) await ingestSource(db, parsePayload(payload), context);
}

async function ids(query: string): Promise<string[]> {
  return (await db.read<{ id: string }>(query)).map((r) => r.id).sort();
}

describe('DELETE /api/sources/:id', () => {
  it('leaves the graph a database that never had the source would hold, and deleting twice changes nothing', { timeout: 90_000 }, async () => {
    await graphOf([sourceA(), at(1)], [sourceC(), at(3)]);
    const neverHadB = await graphFingerprint(db);

    await graphOf([sourceA(), at(1)], [sourceB(), at(2)], [sourceC(), at(3)]);
    const withB = await graphFingerprint(db);
    expect(withB.hash).not.toBe(neverHadB.hash);

    const first = await app.request('/api/sources/source:southland-briefing', { method: 'DELETE', headers: ANALYST });
    expect(first.status).toBe(200);
    // B's demand and its evidence on the shared stance; its spokesman and bay; its own relation.
    expect(first.body).toEqual({
      sourceId: 'source:southland-briefing',
      deleted: true,
      removedStances: 1,
      removedEvidence: 2,
      removedRelations: 2,
      removedEntities: 2,
    });
    expect(await graphFingerprint(db)).toEqual(neverHadB);
    // What other sources gave is still there: A's evidence on the stance B also backed, C's position.
    expect(await ids(`MATCH (:Stance {id: 'stance:southland-rejected-harbour-truce-2025-03-02'})-[:EVIDENCED_BY]->(e)-[:FROM]->(s:Source) RETURN s.id AS id`)).toEqual([
      'source:harbour-talks-report',
    ]);
    expect(await ids(`MATCH (p:Position {id: 'position:fishing-crew-release'}) RETURN p.id AS id`)).toEqual(['position:fishing-crew-release']);

    const second = await app.request('/api/sources/source:southland-briefing', { method: 'DELETE', headers: ANALYST });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ deleted: false, removedStances: 0, removedEvidence: 0, removedRelations: 0, removedEntities: 0 });
    expect(await graphFingerprint(db)).toEqual(neverHadB);
  });

  it('re-sending a changed source leaves the graph that only ever had the new version', async () => {
    await graphOf([sourceA(), at(1)], [sourceBTrimmed(), at(4, { firstIngestedAt: '2025-07-01T10:02:00.000Z' })], [sourceC(), at(3)]);
    const onlyNewVersion = await graphFingerprint(db);

    await graphOf([sourceA(), at(1)], [sourceB(), at(2)], [sourceC(), at(3)]);
    const report = await ingestSource(db, parsePayload(sourceBTrimmed()), at(4));
    expect(report).toMatchObject({ removedStances: 1, removedEvidence: 1, removedRelations: 2, removedEntities: 1 });
    expect(await graphFingerprint(db)).toEqual(onlyNewVersion);
  });

  it('keeps an entity another source still uses even when the deleted source was the only one to declare it', async () => {
    // A later source names B's spokesman without declaring him.
    const later = sourceC();
    later.stances[0]!.actor = 'official:ivo-brant';
    await graphOf([sourceA(), at(1)], [sourceB(), at(2)], [later, at(3)]);
    await app.request('/api/sources/source:southland-briefing', { method: 'DELETE', headers: ANALYST });
    expect(await ids(`MATCH (o:Official {id: 'official:ivo-brant'})-[:TOOK]->() RETURN o.id AS id`)).toEqual(['official:ivo-brant']);
  });

  it('needs a write token and a source id', async () => {
    expect((await app.request('/api/sources/source:southland-briefing', { method: 'DELETE' })).status).toBe(401);
    const notASource = await failureOf(app.api.deleteSource({ params: { id: 'party:northland' } }, { token: 'analyst-token' }));
    expect(notASource.status).toBe(400);
    expect(notASource.message).toMatch(/must be a source id/);
  });
});

describe('what a source arrived as', () => {
  it('keeps the accepted payload and the original text with the source, never on the node', async () => {
    await resetToSeed(db);
    const payload = { ...sourceC(), source: { ...sourceC().source, text: 'Observers met both delegations on Tuesday. Ünïcödé survives.' } };
    payload.stances[0]!.actor = 'party:russia';
    payload.entities = [];
    payload.stances[0]!.target = 'position:prisoner-swap';
    const res = await app.request('/api/sources', { method: 'POST', headers: ANALYST, json: payload });
    expect(res.status).toBe(201);
    const [row] = await db.read<{ text: string; payload: string; writer: string; onNode: string | null }>(
      `MATCH (r:SourceRecord {sourceId: 'source:observer-note'}), (s:Source {id: 'source:observer-note'})
       RETURN r.text AS text, r.payload AS payload, r.writer AS writer, s.text AS onNode`,
    );
    expect(row).toMatchObject({ text: payload.source.text, writer: 'analyst', onNode: null });
    // The accepted payload: defaults filled in, the text kept apart.
    const stored = JSON.parse(row!.payload);
    expect(stored.source).not.toHaveProperty('text');
    expect(stored.stances[0]).toMatchObject({ datePrecision: 'day', confidence: 0.9 });
  });

  it('refuses a text over 200 kB, naming the field', async () => {
    const payload = { ...sourceC(), source: { ...sourceC().source, text: 'é'.repeat(MAX_SOURCE_TEXT_BYTES / 2 + 1) } };
    const res = await failureOf(app.api.ingest({ body: payload }, { token: 'analyst-token' }));
    expect(res.status).toBe(400);
    expect(res.message).toMatch(/source\.text: must be at most 200000 bytes/);
  });
});

describe('GET /api/sources', () => {
  it('lists sources latest first, in pages, with who sent them and what they hold up', async () => {
    await resetToSeed(db);
    const all = await app.api.sources();
    const latestFirst = seedSourceIds().reverse();
    expect(all).toMatchObject({ total: latestFirst.length, limit: 100, offset: 0 });
    expect(all.sources.map((s) => s.id)).toEqual(latestFirst);
    const article = all.sources.find((s) => s.id === 'source:russia-no-quick-breakthroughs-2025-06-03');
    expect(article).toMatchObject({ writer: 'seed', kind: 'news-article', publishedAt: '2025-06-03', textBytes: 0 });
    expect(article?.evidence).toBeGreaterThan(10);
    const second = await app.api.sources({ query: { limit: 1, offset: 1 } });
    expect(second.sources.map((s) => s.id)).toEqual([latestFirst[1]]);
    expect((await failureOf(app.api.sources({ query: { limit: 0 } }))).status).toBe(400);
  });
});

describe('GET /api/sources/:id', () => {
  it('opens one source: its text, and the stances it supports with only its own evidence', async () => {
    const text = 'Southland said: Not while crews sit in their jails. It also wants the fishing crews back.';
    await graphOf([sourceA(), at(1)], [{ ...sourceB(), source: { ...sourceB().source, text } }, at(2)]);
    const opened = await app.api.source({ params: { id: 'source:southland-briefing' } });
    expect(opened).toMatchObject({ id: 'source:southland-briefing', title: 'Southland explains its refusal', publishedAt: '2025-03-04', text });
    const shared = opened.stances.find((s) => s.id === 'stance:southland-rejected-harbour-truce-2025-03-02');
    expect(shared).toMatchObject({ type: 'rejected', family: 'rejection', actor: { id: 'party:southland', label: 'Southland' }, target: { id: 'position:harbour-truce' } });
    // Source A's summary of the same stance belongs to A, not here.
    expect(shared?.evidence).toHaveLength(1);
    expect(shared?.evidence[0]).toMatchObject({ quote: 'Not while crews sit in their jails', summary: null, reporting: 'first-hand', source: 'source:southland-briefing', sourceTitle: 'Southland explains its refusal' });

    const listed = (await app.api.sources()).sources.find((s) => s.id === 'source:harbour-talks-report');
    expect(listed).toMatchObject({ stances: 2, quotes: 1, evidence: 2 });
    expect((await app.api.source({ params: { id: 'source:harbour-talks-report' } })).text).toBeNull();
  });

  it('answers 404 for a source that is not there and 400 for what is not a source id', async () => {
    const missing = await failureOf(app.api.source({ params: { id: 'source:never-ingested' } }));
    expect(missing.status).toBe(404);
    expect(missing.message).toContain('source:never-ingested');
    expect((await failureOf(app.api.source({ params: { id: 'party:northland' } }))).status).toBe(400);
  });
});

describe('GET /api/audit', () => {
  it('records every write with its time, source, counts and the label of the token that made it', async () => {
    await resetToSeed(db);
    const payload = sourceC();
    payload.entities = [];
    payload.stances[0]!.target = 'position:prisoner-swap';
    payload.stances[0]!.actor = 'party:russia';
    expect((await app.request('/api/sources', { method: 'POST', headers: ANALYST, json: payload })).status).toBe(201);
    expect((await app.request('/api/sources/source:observer-note', { method: 'DELETE', headers: DEFAULT })).status).toBe(200);

    expect((await app.request('/api/audit')).status).toBe(401);
    const [deletion, ingestion, seed] = (await app.api.audit({ query: { limit: 3 } }, { token: 'analyst-token' })).entries;
    expect(deletion).toMatchObject({ action: 'delete', sourceId: 'source:observer-note', writer: 'default', changes: { removedStances: 1, removedEvidence: 1 } });
    expect(ingestion).toMatchObject({ action: 'ingest', sourceId: 'source:observer-note', writer: 'analyst', changes: { stances: 1, evidence: 1 } });
    expect(seed).toMatchObject({ action: 'ingest', writer: 'seed' });
    expect(Date.parse(deletion?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(ingestion?.at ?? ''));
  });
});
