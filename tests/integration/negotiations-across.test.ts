/**
 * Negotiations (issue 27), the rest of the server side, against the real Neo4j: one party across
 * negotiations (actor stances byNegotiation), and the negotiation scope of export, the named
 * questions, ask (parameter and scope phrase), search (a boost) and watches. The invented
 * negotiations of tests/fixtures/negotiationSources.ts, plus one report in which Ostmark takes
 * stances on the other track's positions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../server/db/schema.ts';
import type { SourcePayloadInput } from '../../server/contract/sourcePayload.ts';
import { TEST_WRITE_TOKEN, type TestApp, answerOf, failureOf, startTestApp } from '../support/app.ts';
import { testLogger } from '../support/db.ts';
import { BORDER, COMMISSION, CORRIDOR, GRAIN, OSTMARK, STANCES, WESTMARK, negotiationReports } from '../fixtures/negotiationSources.ts';

let app: TestApp;
const auth = { token: TEST_WRITE_TOKEN };
const UNKNOWN = 'negotiation:no-such-talks';

/** In the grain talks Ostmark backs the border commission it proposed in the border talks; in the border talks it demands the corridor, as in the grain talks. */
const CROSS = {
  backedCommission: 'stance:ostmark-backed-border-commission-2025-05-12',
  demandedCorridor: 'stance:ostmark-demanded-grain-corridor-2025-03-20',
};
function crossingReports(): SourcePayloadInput[] {
  return [
    {
      source: { id: 'source:ostmark-commission-in-corridor-talks', title: 'Ostmark raises the border commission in the corridor talks', kind: 'news-article', publishedAt: '2025-05-12' },
      entities: [],
      stances: [{ id: CROSS.backedCommission, actor: OSTMARK, type: 'backed', target: COMMISSION, date: '2025-05-12', evidence: [{ quote: 'the commission has our support', reporting: 'first-hand' }] }],
      negotiation: GRAIN,
    },
    {
      source: { id: 'source:ostmark-corridor-in-border-talks', title: 'Ostmark raises the grain corridor at the border talks', kind: 'news-article', publishedAt: '2025-03-20' },
      entities: [],
      stances: [{ id: CROSS.demandedCorridor, actor: OSTMARK, type: 'demanded', target: CORRIDOR, date: '2025-03-20', evidence: [{ quote: 'the grain must move', reporting: 'first-hand' }] }],
      negotiation: BORDER,
    },
  ];
}

/** Stance ids an answer names. */
const idsIn = (answer: unknown): string[] => [...new Set(JSON.stringify(answer).match(/stance:[a-z0-9-]+/g) ?? [])].sort();

beforeAll(async () => {
  app = await startTestApp();
  await app.db.write('MATCH (n) DETACH DELETE n');
  await applySchema(app.db, testLogger);
  for (const payload of [...negotiationReports(), ...crossingReports()]) await app.api.ingest({ body: payload }, auth);
}, 120_000);
afterAll(() => app.close());

describe('one party across negotiations: actor stances byNegotiation', () => {
  it('groups the stances per negotiation and marks the targets held in more than one, and where the stance differs', async () => {
    const answer = await app.api.actorStances({ params: { id: OSTMARK }, query: { byNegotiation: 'true' } });
    const groups = answer.byNegotiation!;
    // By name: "Ostmark–Suderia …" before "Ostmark–Westmark …".
    expect(groups.map((g) => g.negotiation.id)).toEqual([GRAIN, BORDER]);
    expect(groups[0]!.negotiation.name).toBe('Ostmark–Suderia grain corridor talks');
    expect(idsIn(groups[0]!.stances)).toEqual([CROSS.backedCommission, STANCES.grain[0]].sort());
    expect(idsIn(groups[1]!.stances)).toEqual([CROSS.demandedCorridor, STANCES.border[0]].sort());
    const mark = (id: string) => {
      const s = groups.flatMap((g) => g.stances).find((x) => x.id === id)!;
      return { alsoIn: s.alsoIn, differs: s.differs };
    };
    // The commission: proposed in the border talks, backed in the grain talks.
    expect(mark(STANCES.border[0])).toEqual({ alsoIn: [GRAIN], differs: true });
    expect(mark(CROSS.backedCommission)).toEqual({ alsoIn: [BORDER], differs: true });
    // The corridor: demanded in both.
    expect(mark(STANCES.grain[0])).toEqual({ alsoIn: [BORDER], differs: false });
    expect(answer.sharedTargets!.map((t) => [t.target.id, t.negotiations.map((n) => `${n.id}:${n.latest.type}`), t.differs])).toEqual([
      [CORRIDOR, [`${GRAIN}:demanded`, `${BORDER}:demanded`], false],
      [COMMISSION, [`${GRAIN}:backed`, `${BORDER}:proposed`], true],
    ]);
    // The flat list is the same as without the flag.
    const plain = await app.api.actorStances({ params: { id: OSTMARK } });
    expect(answer.stances).toEqual(plain.stances);
  });

  it('a party in one negotiation only: one group, nothing marked; without the flag nothing is added', async () => {
    const westmark = await app.api.actorStances({ params: { id: 'party:westmark' }, query: { byNegotiation: 'true' } });
    expect(westmark.byNegotiation!.map((g) => g.negotiation.id)).toEqual([BORDER]);
    expect(westmark.byNegotiation![0]!.stances.every((s) => s.alsoIn.length === 0 && !s.differs)).toBe(true);
    expect(westmark.sharedTargets).toEqual([]);
    for (const query of [{}, { byNegotiation: 'false' as const }]) {
      const plain = await app.api.actorStances({ params: { id: OSTMARK }, query });
      expect(plain).not.toHaveProperty('byNegotiation');
      expect(plain).not.toHaveProperty('sharedTargets');
    }
  });

  it('scoped and grouped: only that negotiation', async () => {
    const scoped = await app.api.actorStances({ params: { id: OSTMARK }, query: { byNegotiation: 'true', negotiation: BORDER } });
    expect(scoped.byNegotiation!.map((g) => g.negotiation.id)).toEqual([BORDER]);
    expect(scoped.sharedTargets).toEqual([]);
    const failure = await failureOf(app.api.actorStances({ params: { id: OSTMARK }, query: { byNegotiation: 'true', negotiation: UNKNOWN } }));
    expect([failure.status, failure.message]).toEqual([404, expect.stringContaining(UNKNOWN)]);
  });
});

describe('export: the negotiation scope', () => {
  const exported = async (query: string) => answerOf('exportGraph', await app.request(`/api/export?format=json${query}`));

  it('json: only its stances and what they involve; unscoped, both; csv too', async () => {
    const border = await exported(`&negotiation=${BORDER}`);
    expect(idsIn(border.edges)).toEqual([...STANCES.border, CROSS.demandedCorridor].sort());
    expect(border.nodes.map((n) => n.id)).not.toContain('party:suderia');
    expect(border.nodes.map((n) => n.id)).not.toContain('position:grain-corridor-toll');
    const grain = await exported(`&negotiation=${GRAIN}`);
    expect(idsIn(grain.edges)).toEqual([...STANCES.grain, CROSS.backedCommission].sort());
    const all = await exported('');
    expect(idsIn(all.edges)).toEqual(expect.arrayContaining([...idsIn(border.edges), ...idsIn(grain.edges), ...STANCES.unassigned]));
    const csv = await app.request(`/api/export?format=csv&part=edges&negotiation=${GRAIN}`);
    expect(csv.status).toBe(200);
    expect(idsIn(csv.text)).toEqual(idsIn(grain.edges));
  });

  it('an unknown negotiation is a 404 naming it', async () => {
    const res = await app.request(`/api/export?format=gexf&negotiation=${UNKNOWN}`);
    expect(res.status).toBe(404);
    expect(res.text).toContain(UNKNOWN);
  });
});

describe('named questions: the negotiation scope', () => {
  const run = (id: string, params: Record<string, unknown>, negotiation?: string) => app.api.runQuestion({ params: { id }, body: { params, ...(negotiation ? { negotiation } : {}) } });
  const stanceRows = async (id: string, params: Record<string, unknown>, negotiation?: string) =>
    (await run(id, params, negotiation)).rows.map((r) => `${r.actorId}>${r.targetId}:${r.stance}`).sort();

  it('stances, actor stances, who stands where: only its stances; unscoped unchanged', async () => {
    expect(await stanceRows('actor-stances', { actor: OSTMARK }, BORDER)).toEqual([`${OSTMARK}>${COMMISSION}:proposed`, `${OSTMARK}>${CORRIDOR}:demanded`].sort());
    expect(await stanceRows('actor-stances', { actor: OSTMARK }, GRAIN)).toEqual([`${OSTMARK}>${COMMISSION}:backed`, `${OSTMARK}>${CORRIDOR}:demanded`].sort());
    expect(await stanceRows('actor-stances', { actor: OSTMARK })).toHaveLength(4);
    expect(await stanceRows('who-stands-where', { position: COMMISSION }, GRAIN)).toEqual([`${OSTMARK}>${COMMISSION}:backed`]);
    expect(await stanceRows('who-stands-where', { position: COMMISSION })).toHaveLength(4);
    expect(await stanceRows('stances', { target: CORRIDOR }, BORDER)).toEqual([`${OSTMARK}>${CORRIDOR}:demanded`]);
  });

  it('source conflicts and the timeline: scoped', async () => {
    expect((await run('source-conflicts', {}, BORDER)).rows).toHaveLength(1);
    expect((await run('source-conflicts', {}, GRAIN)).rows).toHaveLength(0);
    expect((await run('source-conflicts', {})).rows).toHaveLength(1);
    const timeline = await run('position-timeline', { position: COMMISSION }, GRAIN);
    expect(timeline.rows.map((r) => `${r.kind}:${r.what}`)).toEqual(['stance:backed']);
  });

  it('an unknown negotiation is a 404 naming it', async () => {
    const failure = await failureOf(run('stances', {}, UNKNOWN));
    expect([failure.status, failure.message]).toEqual([404, expect.stringContaining(UNKNOWN)]);
  });
});

describe('ask: the negotiation scope', () => {
  const ask = (question: string, negotiation?: string) => app.api.ask({ body: { question, ...(negotiation ? { negotiation } : {}) } });

  it('a scope phrase (a negotiation\'s alias after "in the" or "during the") scopes the answer, and the interpretation says so', async () => {
    const inGrain = await ask('What did Ostmark demand in the grain corridor talks?');
    expect(inGrain.interpretation.negotiation).toEqual({ id: GRAIN, name: 'Ostmark–Suderia grain corridor talks', text: 'the grain corridor talks' });
    expect(inGrain.question).toBe('What did Ostmark demand in the grain corridor talks?');
    expect(idsIn(inGrain.citations)).toEqual([STANCES.grain[0]]);
    const inBorder = await ask('What did Ostmark demand during the Nordia process?');
    expect(inBorder.interpretation.negotiation).toMatchObject({ id: BORDER, text: 'the Nordia process' });
    const byField = await ask('What did Ostmark demand?', BORDER);
    expect(idsIn(byField.citations)).toEqual([CROSS.demandedCorridor]);
    expect(idsIn(inBorder.citations)).toEqual([CROSS.demandedCorridor]);
    const everywhere = await ask('What did Ostmark demand?');
    expect(everywhere.interpretation).not.toHaveProperty('negotiation');
    expect(idsIn(everywhere.citations)).toEqual([CROSS.demandedCorridor, STANCES.grain[0]].sort());
  });

  it('the negotiation field scopes too; an unknown one is a 404 naming it', async () => {
    const scoped = await ask('What did Ostmark demand?', GRAIN);
    expect(scoped.interpretation.negotiation).toEqual({ id: GRAIN, name: 'Ostmark–Suderia grain corridor talks', text: null });
    expect(idsIn(scoped.citations)).toEqual([STANCES.grain[0]]);
    const failure = await failureOf(ask('What did Ostmark demand?', UNKNOWN));
    expect([failure.status, failure.message]).toEqual([404, expect.stringContaining(UNKNOWN)]);
  });

  it('where do sources disagree, scoped', async () => {
    expect(idsIn((await ask('Where do sources disagree in the border talks?')).citations)).toEqual([STANCES.border[1], STANCES.border[3]].sort());
    expect(idsIn((await ask('Where do sources disagree in the grain corridor talks?')).citations)).toEqual([]);
  });
});

describe('search: the current negotiation ranks first', () => {
  const search = (negotiation?: string) => app.api.search({ query: { q: 'Westmark', types: 'Party,Position', ...(negotiation ? { negotiation } : {}) } });

  it('boosts the nodes with stances in the negotiation, without dropping the others', async () => {
    const plain = await search();
    expect(plain.results.map((r) => r.id)).toEqual([WESTMARK, COMMISSION]);
    expect(plain.results[0]).not.toHaveProperty('inNegotiation');
    // Westmark took no stance in the grain talks; Ostmark backed the border commission there.
    const grain = await search(GRAIN);
    expect(grain.results.map((r) => [r.id, r.inNegotiation])).toEqual([[COMMISSION, true], [WESTMARK, false]]);
    const border = await search(BORDER);
    expect(border.results.map((r) => [r.id, r.inNegotiation])).toEqual([[WESTMARK, true], [COMMISSION, true]]);
    const failure = await failureOf(search(UNKNOWN));
    expect([failure.status, failure.message]).toEqual([404, expect.stringContaining(UNKNOWN)]);
  });
});

describe('watches: a negotiation', () => {
  it('a watch on a negotiation hears of a new stance in it, not of one in another', async () => {
    const watch = await app.api.createWatch({ body: { target: GRAIN, kinds: ['new-stance'] } }, auth);
    expect(watch.watch).toMatchObject({ target: { id: GRAIN, type: 'Negotiation', label: 'Ostmark–Suderia grain corridor talks', gone: false } });
    const grainStance = 'stance:suderia-welcomed-corridor-2025-06-01';
    const borderStance = 'stance:nordia-welcomed-border-commission-2025-03-25';
    const report = (id: string, stance: string, actor: string, target: string, date: string, negotiation: string): SourcePayloadInput => ({
      source: { id, title: `Report ${id}`, kind: 'news-article', publishedAt: date },
      entities: [],
      stances: [{ id: stance, actor, type: 'welcomed', target, date, evidence: [{ quote: 'we welcome it', reporting: 'first-hand' }] }],
      negotiation,
    });
    await app.api.ingest({ body: report('source:suderia-welcomes-corridor', grainStance, 'party:suderia', CORRIDOR, '2025-06-01', GRAIN) }, auth);
    await app.api.ingest({ body: report('source:nordia-welcomes-commission', borderStance, 'party:nordia', COMMISSION, '2025-03-25', BORDER) }, auth);
    const events = await app.db.read<{ title: string; subjects: string[] }>(
      "MATCH (e:ChangeEvent {kind: 'new-stance'}) WHERE e.sourceId IN ['source:suderia-welcomes-corridor', 'source:nordia-welcomes-commission'] RETURN e.title AS title, e.subjects AS subjects ORDER BY title",
    );
    expect(events.map((e) => e.subjects.filter((s) => s.startsWith('negotiation:')))).toEqual([[BORDER], [GRAIN]]);
    const feed = await app.request(watch.feedUrl);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain('Suderia');
    expect(feed.text).not.toContain('Nordia welcomed');
  });

  it('an unknown negotiation cannot be watched', async () => {
    const failure = await failureOf(app.api.createWatch({ body: { target: UNKNOWN } }, auth));
    expect(failure.status).toBe(404);
  });
});
