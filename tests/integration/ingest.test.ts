/**
 * POST /api/sources against the real Neo4j: idempotent, atomic, guarded by the write token,
 * and precise about what is wrong with a bad payload.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type TestApp, TEST_WRITE_AUTHORIZATION, errorOf, postSource, startTestApp } from '../support/app.ts';
import { resetToSeed } from '../support/db.ts';
import { graphFingerprint } from '../support/fingerprint.ts';

const AUTH = { authorization: TEST_WRITE_AUTHORIZATION };

/** A new source that builds on the seed: a later statement by Peskov and a new position. */
function followUpSource() {
  return {
    source: {
      id: 'source:follow-up-briefing-2025-06-05',
      title: 'Follow-up briefing',
      kind: 'official-statement',
      publishedAt: '2025-06-05',
    },
    entities: [
      {
        id: 'position:energy-infrastructure-truce',
        type: 'Position',
        name: 'Energy infrastructure truce',
        description: 'A mutual halt to strikes on energy infrastructure.',
        category: 'ceasefire',
      },
    ],
    stances: [
      {
        id: 'stance:peskov-rejected-energy-truce-2025-06-05',
        actor: 'official:dmitry-peskov',
        type: 'rejected',
        target: 'position:energy-infrastructure-truce',
        date: '2025-06-05',
        event: 'event:istanbul-talks-2025-06-02',
        evidence: [
          { quote: 'Not on the agenda', reporting: 'first-hand' },
          { summary: 'Repeated later to reporters', reporting: 'second-hand', via: 'news agencies' },
        ],
      },
    ],
    relations: [{ type: 'ALTERNATIVE_TO', from: 'position:energy-infrastructure-truce', to: 'position:unconditional-ceasefire' }],
  };
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());
beforeEach(() => resetToSeed(app.db));

const post = (body: unknown, authorization: string | undefined = TEST_WRITE_AUTHORIZATION) => postSource(app.url, body, authorization);

describe('POST /api/sources', () => {
  it('ingests a new source that refers to nodes already in the graph', async () => {
    const res = await post(followUpSource());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sourceId: 'source:follow-up-briefing-2025-06-05', entities: 1, stances: 1, evidence: 2, relations: 1 });
    const [row] = await app.db.read<{ party: string; quotes: string[]; alternative: string }>(
      `MATCH (:Official {id: 'official:dmitry-peskov'})-[:REPRESENTS]->(party:Party)
       MATCH (:Official {id: 'official:dmitry-peskov'})-[:TOOK]->(s:Stance)-[:ON]->(p:Position {id: 'position:energy-infrastructure-truce'})
       MATCH (s)-[:EVIDENCED_BY]->(e:Evidence)-[:FROM]->(:Source {id: 'source:follow-up-briefing-2025-06-05'})
       MATCH (p)-[:ALTERNATIVE_TO]->(alt)
       RETURN party.id AS party, collect(coalesce(e.quote, e.summary)) AS quotes, alt.id AS alternative`,
    );
    expect(row).toMatchObject({ party: 'party:russia', alternative: 'position:unconditional-ceasefire' });
    expect(row!.quotes.sort()).toEqual(['Not on the agenda', 'Repeated later to reporters']);
  });

  it('answers a question about an official ingested a moment ago (the names ask keeps are renewed)', async () => {
    const ask = () => app.api.ask({ body: { question: 'What did Olena Hrytsenko reject?' } });
    const source = followUpSource();
    source.entities.push({ id: 'official:olena-hrytsenko', type: 'Official', name: 'Olena Hrytsenko', role: 'Energy adviser', party: 'party:ukraine' } as never);
    source.stances[0]!.actor = 'official:olena-hrytsenko';
    // Asked first, so that the names are read and kept before the source arrives: actors are
    // found only by their names, never by the full-text index.
    const entityIds = (answer: Awaited<ReturnType<typeof ask>>) => answer.interpretation.entities.map((e) => e.id);
    expect(entityIds(await ask())).not.toContain('official:olena-hrytsenko');
    expect((await post(source)).status).toBe(201);
    const res = await ask();
    expect(entityIds(res)).toContain('official:olena-hrytsenko');
    expect(res.citations.flatMap((c) => c.entityIds)).toContain('position:energy-infrastructure-truce');
  });

  it('leaves the graph unchanged when the same payload arrives twice', async () => {
    expect((await post(followUpSource())).status).toBe(201);
    const once = await graphFingerprint(app.db);
    expect((await post(followUpSource())).status).toBe(201);
    expect(await graphFingerprint(app.db)).toEqual(once);
  });

  it('replaces what a source gave when it is sent again changed', async () => {
    await post(followUpSource());
    const changed = followUpSource();
    changed.stances[0]!.evidence = [{ quote: 'Not on the agenda', reporting: 'first-hand' }];
    expect((await post(changed)).status).toBe(201);
    const [row] = await app.db.read<{ evidence: number }>(
      `MATCH (:Stance {id: 'stance:peskov-rejected-energy-truce-2025-06-05'})-[:EVIDENCED_BY]->(e) RETURN count(e) AS evidence`,
    );
    expect(row!.evidence).toBe(1);
  });

  describe('refuses bad payloads, naming the field and writing nothing', () => {
    const cases: { name: string; mutate: (p: any) => void; status: number; path: string }[] = [
      { name: 'a missing source title', mutate: (p) => delete p.source.title, status: 400, path: 'source.title' },
      { name: 'an unknown stance type', mutate: (p) => (p.stances[0].type = 'grumbled'), status: 400, path: 'stances.0.type' },
      { name: 'a stance without evidence', mutate: (p) => (p.stances[0].evidence = []), status: 400, path: 'stances.0.evidence' },
      { name: 'evidence with neither quote nor summary', mutate: (p) => (p.stances[0].evidence = [{ reporting: 'first-hand' }]), status: 400, path: 'stances.0.evidence.0.quote' },
      { name: 'a malformed date', mutate: (p) => (p.stances[0].date = '5 June 2025'), status: 400, path: 'stances.0.date' },
      { name: 'an id that is not a slug', mutate: (p) => (p.entities[0].id = 'position:Energy Truce'), status: 400, path: 'entities.0.id' },
      { name: 'an unknown field', mutate: (p) => (p.stances[0].mood = 'angry'), status: 400, path: 'stances.0' },
      { name: 'a dangling actor', mutate: (p) => (p.stances[0].actor = 'official:nobody-known'), status: 422, path: 'stances.0.actor' },
      { name: 'a dangling relation end', mutate: (p) => (p.relations[0].to = 'position:never-declared'), status: 422, path: 'relations.0.to' },
      { name: 'an actor of the wrong type', mutate: (p) => (p.stances[0].actor = 'place:istanbul'), status: 422, path: 'stances.0.actor' },
      { name: 'a duplicated id', mutate: (p) => p.entities.push({ ...p.entities[0] }), status: 400, path: 'entities.1.id' },
      // The workbench's source fields (issue 24): refused here too, not only by the form.
      { name: 'a grade off the Admiralty scale', mutate: (p) => (p.source.grade = 'G7'), status: 400, path: 'source.grade' },
      { name: 'a URL that is no URL', mutate: (p) => (p.source.url = 'courier dot example'), status: 400, path: 'source.url' },
    ];
    for (const { name, mutate, status, path } of cases) {
      it(`rejects ${name} with ${status} at ${path}`, async () => {
        const before = await graphFingerprint(app.db);
        const payload = followUpSource();
        mutate(payload);
        const res = await post(payload);
        expect(res.status).toBe(status);
        expect(z.array(z.object({ path: z.string() })).parse(errorOf(res).details).map((d) => d.path)).toContain(path);
        expect(await graphFingerprint(app.db)).toEqual(before);
      });
    }

    it('rejects an oversized body with 413 and a JSON error', async () => {
      const before = await graphFingerprint(app.db);
      const payload = followUpSource();
      payload.entities[0]!.description = 'x'.repeat(6 * 1024 * 1024);
      const res = await post(payload);
      expect(res.status).toBe(413);
      expect(errorOf(res).code).toBe('entity_too_large');
      expect(await graphFingerprint(app.db)).toEqual(before);
    });

    it('rejects malformed JSON with 400', async () => {
      const res = await app.request('/api/sources', { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: '{"source":' });
      expect(res.status).toBe(400);
      expect(errorOf(res).code).toBe('entity_parse_failed');
      expect(res.text).not.toMatch(/at .*\.js/);
    });
  });

  it('requires the write token', async () => {
    expect((await postSource(app.url, followUpSource(), undefined)).status).toBe(401);
    expect((await post(followUpSource(), 'Bearer wrong')).status).toBe(401);
    const [row] = await app.db.read<{ n: number }>(`MATCH (s:Source {id: 'source:follow-up-briefing-2025-06-05'}) RETURN count(s) AS n`);
    expect(row!.n).toBe(0);
  });

  it('refuses every write when no token is configured', async () => {
    const closed = await startTestApp({ PARLEY_WRITE_TOKEN: '' });
    try {
      const res = await closed.request('/api/sources', { method: 'POST', headers: AUTH, json: followUpSource() });
      expect(res.status).toBe(403);
      expect(errorOf(res).code).toBe('writes_disabled');
    } finally {
      await closed.close();
    }
  });

  it('publishes the payload JSON Schema', async () => {
    const schema = await app.api.sourceSchema();
    expect(schema).toMatchObject({ properties: { stances: { items: { properties: { type: { enum: expect.arrayContaining(['rejected']) } } } } } });
  });
});
