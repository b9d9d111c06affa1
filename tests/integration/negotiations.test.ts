/**
 * Negotiations (issue 27), server side, against the real Neo4j: two invented negotiations
 * (tests/fixtures/negotiationSources.ts) ingested through the API, one declared per report, one
 * named by id, one placed by the assignment rule and one left to "Unassigned"; the list and one
 * negotiation; 404s; every scoped read answering only its negotiation's stances while the
 * unscoped answer holds both; and the start migration of a graph whose stances are in none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../server/db/schema.ts';
import { migrateNegotiations } from '../../server/features/sources/migrations.ts';
import { ingestSource, parsePayload } from '../../server/features/sources/ingest.ts';
import { TEST_WRITE_TOKEN, type TestApp, failureOf, startTestApp } from '../support/app.ts';
import { resetToSeed, testLogger } from '../support/db.ts';
import {
  BORDER,
  COMMISSION,
  CORRIDOR,
  GRAIN,
  OSTMARK,
  STANCES,
  UNASSIGNED,
  WESTMARK,
  grainCorridorFollowUp,
  negotiationReports,
} from '../fixtures/negotiationSources.ts';

let app: TestApp;
const auth = { token: TEST_WRITE_TOKEN };

async function emptyGraph(): Promise<void> {
  await app.db.write('MATCH (n) DETACH DELETE n');
  await applySchema(app.db, testLogger);
}

/** Each stance's negotiations, read straight from the graph. */
async function membership(): Promise<Record<string, string[]>> {
  const rows = await app.db.read<{ id: string; negotiations: string[] }>(
    'MATCH (s:Stance) RETURN s.id AS id, COLLECT { MATCH (s)-[:IN_NEGOTIATION]->(n:Negotiation) RETURN n.id ORDER BY n.id } AS negotiations ORDER BY id',
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.negotiations]));
}

const all = [...STANCES.border, ...STANCES.grain, ...STANCES.unassigned];

beforeAll(async () => {
  app = await startTestApp();
  await emptyGraph();
  for (const payload of negotiationReports()) await app.api.ingest({ body: payload }, auth);
}, 120_000);
afterAll(() => app.close());

describe('membership at ingestion', () => {
  it('a declared or named negotiation takes what its report says; otherwise the rule places it by parties and dates, else "Unassigned"', async () => {
    expect(await membership()).toEqual({
      ...Object.fromEntries(STANCES.border.map((id) => [id, [BORDER]])),
      ...Object.fromEntries(STANCES.grain.map((id) => [id, [GRAIN]])),
      [STANCES.unassigned[0]]: [UNASSIGNED],
    });
    const context = await app.db.read<{ id: string; negotiations: string[] }>(
      'MATCH (x) WHERE x:Event OR x:Document RETURN x.id AS id, COLLECT { MATCH (x)-[:IN_NEGOTIATION]->(n) RETURN n.id } AS negotiations ORDER BY id',
    );
    expect(context).toEqual([
      { id: 'document:suderia-corridor-note-2025-05-06', negotiations: [GRAIN] },
      { id: 'event:border-talks-round-one-2025-03-11', negotiations: [BORDER] },
    ]);
  });

  it('an unknown negotiation id is a 404 naming it, and nothing is written', async () => {
    const failure = await failureOf(app.api.ingest({ body: { ...grainCorridorFollowUp('negotiation:no-such-talks'), source: { ...grainCorridorFollowUp().source, id: 'source:never-written' } } }, auth));
    expect(failure.status).toBe(404);
    expect(failure.message).toContain('negotiation:no-such-talks');
    const [row] = await app.db.read<{ n: number }>("MATCH (s:Source {id: 'source:never-written'}) RETURN count(s) AS n");
    expect(row!.n).toBe(0);
  });

  it('re-sending a report without its negotiation hands its stances to the rule; sending it again with it makes the membership the source\'s again', async () => {
    const membershipOf = async (id: string) =>
      app.db.read<{ negotiation: string; sources: string[]; rule: boolean }>(
        'MATCH (:Stance {id: $id})-[r:IN_NEGOTIATION]->(n) RETURN n.id AS negotiation, r.sources AS sources, r.rule AS rule',
        { id },
      );
    const named = grainCorridorFollowUp();
    expect(await membershipOf(STANCES.grain[2])).toEqual([{ negotiation: GRAIN, sources: ['source:suderia-rejects-corridor-toll'], rule: false }]);
    const { negotiation: _negotiation, ...unnamed } = named;
    await app.api.ingest({ body: unnamed }, auth);
    // Suderia is a party of the grain talks and the day is in their period.
    expect(await membershipOf(STANCES.grain[2])).toEqual([{ negotiation: GRAIN, sources: [], rule: true }]);
    await app.api.ingest({ body: named }, auth);
    expect(await membershipOf(STANCES.grain[2])).toEqual([{ negotiation: GRAIN, sources: ['source:suderia-rejects-corridor-toll'], rule: false }]);
  });
});

describe('GET /api/negotiations', () => {
  it('lists each negotiation with its parties, mediators, period and counts; "Unassigned" last', async () => {
    const { negotiations } = await app.api.negotiations();
    // By name: "Ostmark–Suderia …" before "Ostmark–Westmark …".
    expect(negotiations.map((n) => n.id)).toEqual([GRAIN, BORDER, UNASSIGNED]);
    const border = negotiations[1]!;
    expect(border).toMatchObject({
      name: 'Ostmark–Westmark border talks',
      aliases: ['border talks', 'Nordia process'],
      start: '2025-03-01',
      end: '2025-04-30',
      parties: [{ id: OSTMARK, label: 'Ostmark', type: 'Party' }, { id: WESTMARK, label: 'Westmark', type: 'Party' }],
      mediators: [{ id: 'party:nordia', label: 'Nordia', type: 'Party' }],
      counts: { stances: 4, events: 1, documents: 0, positions: 2, sources: 2 },
    });
    expect(negotiations[0]!.counts).toEqual({ stances: 3, events: 0, documents: 1, positions: 2, sources: 2 });
    expect(negotiations[2]).toMatchObject({ name: 'Unassigned', counts: { stances: 1 } });
  });

  it('answers one negotiation, and 404 for an unknown one, 400 for a malformed id', async () => {
    expect(await app.api.negotiation({ params: { id: GRAIN } })).toMatchObject({ id: GRAIN, name: 'Ostmark–Suderia grain corridor talks', start: '2025-05-01', mediators: [] });
    const missing = await failureOf(app.api.negotiation({ params: { id: 'negotiation:no-such-talks' } }));
    expect([missing.status, missing.message]).toEqual([404, expect.stringContaining('negotiation:no-such-talks')]);
    const bad = await app.request('/api/negotiations/party:ostmark');
    expect(bad.status).toBe(400);
  });
});

describe('the negotiation scope of the reads', () => {
  /** Stance ids an answer names. */
  const idsIn = (answer: unknown): string[] => [...new Set(JSON.stringify(answer).match(/stance:[a-z0-9-]+/g) ?? [])].sort();

  it('graph view: only the negotiation\'s actors, targets and edges; unscoped, both', async () => {
    const edgesOf = (view: Awaited<ReturnType<TestApp['api']['graphView']>>) =>
      view.edges.source.map((s, i) => `${view.nodes.id[s]}>${view.nodes.id[view.edges.target[i]!]}:${view.edges.relation[i]}:${view.edges.stanceCount[i]}`).filter((e) => e.includes(':STANCES:')).sort();
    const border = await app.api.graphView({ query: { negotiation: BORDER } });
    expect(edgesOf(border)).toEqual([`party:nordia>position:border-talks-venue:STANCES:1`, `${OSTMARK}>${COMMISSION}:STANCES:1`, `${WESTMARK}>${COMMISSION}:STANCES:2`].sort());
    expect(border.nodes.id).not.toContain(CORRIDOR);
    expect(border.nodes.id).not.toContain('party:suderia');
    const grain = await app.api.graphView({ query: { negotiation: GRAIN } });
    expect(edgesOf(grain)).toEqual([`${OSTMARK}>${CORRIDOR}:STANCES:1`, `party:suderia>${CORRIDOR}:STANCES:1`, 'party:suderia>position:grain-corridor-toll:STANCES:1'].sort());
    const everything = await app.api.graphView();
    expect(edgesOf(everything)).toEqual(expect.arrayContaining([...edgesOf(border), ...edgesOf(grain)]));
    expect(everything.nodes.type).not.toContain('Negotiation');
  });

  it('matrix: only its parties, positions and cells', async () => {
    const border = await app.api.matrix({ query: { negotiation: BORDER } });
    expect(border.positions.map((p) => p.id).sort()).toEqual([COMMISSION, 'position:border-talks-venue'].sort());
    expect(border.parties.map((p) => p.id).sort()).toEqual(['party:nordia', OSTMARK, WESTMARK].sort());
    expect(border.cells.map((c) => `${c.party}|${c.position}|${c.stanceCount}`).sort()).toEqual(
      [`party:nordia|position:border-talks-venue|1`, `${OSTMARK}|${COMMISSION}|1`, `${WESTMARK}|${COMMISSION}|2`].sort(),
    );
    const unscoped = await app.api.matrix();
    expect(unscoped.cells.map((c) => c.position)).toEqual(expect.arrayContaining([COMMISSION, CORRIDOR, 'position:fishing-quota']));
  });

  it('conflicts: a conflict of the negotiation, none in another', async () => {
    const border = await app.api.conflicts({ query: { negotiation: BORDER } });
    expect(border.total).toBe(1);
    expect(idsIn(border.conflicts)).toEqual([STANCES.border[1], STANCES.border[3]].sort());
    expect((await app.api.conflicts({ query: { negotiation: GRAIN } })).total).toBe(0);
    expect((await app.api.conflicts()).total).toBe(1);
  });

  it('sources: those reporting on it', async () => {
    const ids = async (negotiation?: string) => (await app.api.sources({ query: negotiation ? { negotiation } : {} })).sources.map((s) => s.id).sort();
    expect(await ids(BORDER)).toEqual(['source:ostmark-westmark-border-talks-open', 'source:westmark-warms-to-commission']);
    expect(await ids(GRAIN)).toEqual(['source:ostmark-suderia-grain-corridor', 'source:suderia-rejects-corridor-toll']);
    expect(await ids(UNASSIGNED)).toEqual(['source:eastreach-fishing-quota']);
    expect(await ids()).toHaveLength(5);
  });

  it('trace and actor stances: only its stances; a party across two negotiations', async () => {
    expect(idsIn((await app.api.trace({ params: { id: COMMISSION }, query: { negotiation: BORDER } })).stances)).toEqual([STANCES.border[0], STANCES.border[1], STANCES.border[3]].sort());
    expect(idsIn((await app.api.trace({ params: { id: COMMISSION }, query: { negotiation: GRAIN } })).stances)).toEqual([]);
    const ostmark = async (negotiation?: string) => idsIn((await app.api.actorStances({ params: { id: OSTMARK }, query: negotiation ? { negotiation } : {} })).stances);
    expect(await ostmark(BORDER)).toEqual([STANCES.border[0]]);
    expect(await ostmark(GRAIN)).toEqual([STANCES.grain[0]]);
    expect(await ostmark()).toEqual([STANCES.border[0], STANCES.grain[0]].sort());
  });

  it('an unknown negotiation is a 404 naming it on every scoped read', async () => {
    const unknown = 'negotiation:no-such-talks';
    const calls = [
      () => app.api.graphView({ query: { negotiation: unknown } }),
      () => app.api.matrix({ query: { negotiation: unknown } }),
      () => app.api.conflicts({ query: { negotiation: unknown } }),
      () => app.api.sources({ query: { negotiation: unknown } }),
      () => app.api.trace({ params: { id: COMMISSION }, query: { negotiation: unknown } }),
      () => app.api.actorStances({ params: { id: OSTMARK }, query: { negotiation: unknown } }),
    ];
    // Twice: the second graph view finds the first one's (empty) answer kept with the layout.
    for (const call of [...calls, ...calls]) {
      const failure = await failureOf(call());
      expect([failure.status, failure.message]).toEqual([404, expect.stringContaining(unknown)]);
    }
  });

  it('an unknown negotiation is found after an unknown position and before an unknown party of the grade filter', async () => {
    const unknown = 'negotiation:no-such-talks';
    const party = 'party:no-such-party';
    const position = 'position:no-such-position';
    const messageOf = async (call: () => Promise<unknown>) => (await failureOf(call())).message;
    expect(await messageOf(() => app.api.trace({ params: { id: position }, query: { negotiation: unknown } }))).toContain(position);
    for (const call of [
      () => app.api.trace({ params: { id: COMMISSION }, query: { negotiation: unknown, excludeAffiliatedWith: party } }),
      () => app.api.matrix({ query: { negotiation: unknown, excludeAffiliatedWith: party } }),
      () => app.api.conflicts({ query: { negotiation: unknown, excludeAffiliatedWith: party } }),
      () => app.api.graphView({ query: { negotiation: unknown, excludeAffiliatedWith: party } }),
    ]) {
      expect(await messageOf(call)).toContain(unknown);
    }
    expect(await messageOf(() => app.api.matrix({ query: { negotiation: BORDER, excludeAffiliatedWith: party } }))).toContain(party);
  });
});

describe('the start migration', () => {
  it('assigns every stance, event and document of a graph that had no negotiations, losing nothing; a second run writes nothing', async () => {
    const counts = async () =>
      (await app.db.read<{ stances: number; evidence: number; sources: number; quotes: number; entities: number }>(
        'RETURN COUNT { (:Stance) } AS stances, COUNT { (:Evidence) } AS evidence, COUNT { (:Source) } AS sources, COUNT { (e:Evidence) WHERE e.quote IS NOT NULL } AS quotes, COUNT { (:Entity) } AS entities',
      ))[0]!;
    const content = () => app.db.read('MATCH (n:Entity) RETURN n.id AS id, properties(n) AS props ORDER BY id');
    // A graph from before the change: memberships gone, and a stance written by hand, outside ingestion.
    await app.db.write('MATCH ()-[r:IN_NEGOTIATION]->() DELETE r');
    await app.db.write("MATCH (n:Negotiation {id: 'negotiation:unassigned'}) DETACH DELETE n");
    await app.db.write(
      `MATCH (w:Party {id: $westmark}), (p:Position {id: $commission}), (src:Source {id: 'source:westmark-warms-to-commission'})
       CREATE (w)-[:TOOK]->(s:Entity:Stance {id: 'stance:westmark-welcomed-border-commission-2025-04-02', type: 'welcomed', family: 'support', date: date('2025-04-02')})-[:ON]->(p),
         (s)-[:EVIDENCED_BY]->(:Entity:Evidence {id: 'evidence:hand-written', summary: 'Westmark welcomed the commission.'})-[:FROM]->(src)`,
      { westmark: WESTMARK, commission: COMMISSION },
    );
    const before = await counts();
    const entities = await content();
    expect(Object.values(await membership()).every((n) => n.length === 0)).toBe(true);

    const first = await migrateNegotiations(app.db, testLogger);
    expect(first).toEqual({ stances: all.length + 1, context: 2 });
    expect(await counts()).toEqual(before);
    expect(await content()).toEqual(entities);
    const after = await membership();
    expect(Object.values(after).every((n) => n.length > 0)).toBe(true);
    // By parties and dates: the grain talks' stances, made explicit before, now by the rule; the hand-written one joins the border talks.
    expect(after['stance:westmark-welcomed-border-commission-2025-04-02']).toEqual([BORDER]);
    for (const id of STANCES.grain) expect(after[id]).toEqual([GRAIN]);
    for (const id of STANCES.border) expect(after[id]).toEqual([BORDER]);
    expect(after[STANCES.unassigned[0]]).toEqual([UNASSIGNED]);

    expect(await migrateNegotiations(app.db, testLogger)).toEqual({ stances: 0, context: 0 });
    // After a restore "Unassigned" is looked at again; nothing there matches.
    expect(await migrateNegotiations(app.db, testLogger, { reconsider: true })).toEqual({ stances: 1, context: 0 });
    expect(await membership()).toEqual(after);
  });

  it('a source restored from a backup made before negotiations is placed by the same rule', async () => {
    await emptyGraph();
    // The stored payload of a pre-change backup: no negotiation. The border talks are declared by another report first.
    const [border, second] = negotiationReports();
    const { negotiation: _negotiation, ...old } = border!;
    await ingestSource(app.db, parsePayload(old), { writer: 'restore', action: 'restore' });
    await ingestSource(app.db, parsePayload(second), { writer: 'restore', action: 'restore' });
    expect(Object.values(await membership()).flat().every((n) => n === UNASSIGNED)).toBe(true);
    await ingestSource(app.db, parsePayload({ ...border!, source: { ...border!.source, id: 'source:declares-the-border-talks' }, stances: border!.stances!.slice(0, 1).map((s) => ({ ...s, id: 'stance:declaring' })) }), { writer: 'restore' });
    await migrateNegotiations(app.db, testLogger, { reconsider: true });
    const after = await membership();
    for (const id of STANCES.border) expect(after[id]).toEqual([BORDER]);
    expect((await app.api.negotiations()).negotiations.map((n) => n.id)).toEqual([BORDER]);
  });
});

describe('the seed', () => {
  const ISTANBUL = 'negotiation:istanbul-talks';
  const placed = async () =>
    (await app.db.read<{ id: string; negotiations: string[] }>(
      'MATCH (x) WHERE x:Stance OR x:Event OR x:Document RETURN x.id AS id, COLLECT { MATCH (x)-[:IN_NEGOTIATION]->(n) RETURN n.id } AS negotiations',
    )).filter((row) => row.negotiations.join() !== ISTANBUL);

  it('belongs to the Istanbul talks, and so does a seeded graph from before negotiations once migrated', async () => {
    await resetToSeed(app.db);
    const { negotiations } = await app.api.negotiations();
    expect(negotiations.map((n) => [n.id, n.name, n.aliases])).toEqual([[ISTANBUL, 'Russia–Ukraine talks in Istanbul', ['Istanbul talks', 'Istanbul process']]]);
    const [{ stances }] = (await app.db.read<{ stances: number }>('MATCH (s:Stance) RETURN count(s) AS stances')) as [{ stances: number }];
    expect(negotiations[0]!.counts.stances).toBe(stances);
    expect(await placed()).toEqual([]);

    // The same graph as a start before this change found it: no negotiation, no membership.
    await app.db.write('MATCH (n:Negotiation) DETACH DELETE n');
    expect((await app.api.negotiations()).negotiations).toEqual([]);
    const migrated = await migrateNegotiations(app.db, testLogger);
    expect(migrated.stances).toBe(stances);
    expect(await placed()).toEqual([]);
    expect((await app.api.negotiations()).negotiations.map((n) => [n.id, n.counts.stances])).toEqual([[ISTANBUL, stances]]);
  });
});
