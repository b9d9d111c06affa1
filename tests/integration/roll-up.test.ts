/**
 * The roll-up rule, written once (cypher/rules/party-of.cypher, counts-for.cypher), holds in
 * every view: a stance of an official of a body that is part of a party, of a delegation, and of
 * the body itself counts for the outermost party in the trace, the edge detail, an actor's
 * stances, the matrix, the visual graph's actor filter, the named questions and ask.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../server/db/schema.ts';
import { BORDER_COMMISSION, OSTLAND, ROLLED_UP_STANCES, rollUpSource } from '../fixtures/rollUpSource.ts';
import { type TestApp, startTestApp } from '../support/app.ts';
import { testLogger } from '../support/db.ts';

const TOKEN = 'test-write-token';
const stanceIds = Object.values(ROLLED_UP_STANCES);
const actorOf = { [ROLLED_UP_STANCES.official]: 'official:ivo-brandt', [ROLLED_UP_STANCES.delegation]: 'delegation:ostland-delegation', [ROLLED_UP_STANCES.body]: 'party:ostland-security-service' };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await app.db.write('MATCH (n) DETACH DELETE n');
  await applySchema(app.db, testLogger);
  await app.api.ingest({ body: rollUpSource() }, { token: TOKEN });
});
afterAll(() => app.close());

describe('one roll-up rule in every view', () => {
  it('the trace and the edge detail give every stance the outermost party', async () => {
    const trace = await app.api.trace({ params: { id: BORDER_COMMISSION } });
    const stances = Object.values(trace.stances).flat();
    expect(stances.map((s) => s.id).sort()).toEqual([...stanceIds].sort());
    for (const stance of stances) expect(stance.party?.id, stance.id).toBe(OSTLAND);
    for (const [id, actor] of Object.entries(actorOf)) {
      const edge = await app.api.edgeStances({ params: { actor, target: BORDER_COMMISSION } });
      expect(edge.stances.map((s) => [s.id, s.party?.id])).toEqual([[id, OSTLAND]]);
    }
  });

  it("the party's stances hold all three, rolled up; the body's own list holds its official's and its own", async () => {
    const party = await app.api.actorStances({ params: { id: OSTLAND } });
    expect(party.stances.map((s) => [s.id, s.rolledUp, s.party?.id]).sort()).toEqual(stanceIds.map((id) => [id, true, OSTLAND]).sort());
    const body = await app.api.actorStances({ params: { id: 'party:ostland-security-service' } });
    expect(body.stances.map((s) => s.id).sort()).toEqual([ROLLED_UP_STANCES.official, ROLLED_UP_STANCES.body].sort());
  });

  it('the matrix has one cell for the party, none for the body', async () => {
    const matrix = await app.api.matrix();
    const cells = matrix.cells.filter((c) => c.position === BORDER_COMMISSION);
    expect(cells.map((c) => [c.party, c.stanceCount])).toEqual([[OSTLAND, 3]]);
    expect(cells[0]!.latest.id).toBe(ROLLED_UP_STANCES.body);
  });

  it("the visual graph filtered by the party holds its members' stance edges", async () => {
    const graph = await app.api.graph({ query: { actor: OSTLAND } });
    expect(graph.edges.map((e) => e.id).filter((id) => id.startsWith('stance:')).sort()).toEqual([...stanceIds].sort());
  });

  it('the named questions roll up the same way', async () => {
    const where = await app.api.runQuestion({ params: { id: 'who-stands-where' }, body: { params: { position: BORDER_COMMISSION } } });
    expect(where.rows.map((r) => r.party)).toEqual(['Ostland', 'Ostland', 'Ostland']);
    const own = await app.api.runQuestion({ params: { id: 'actor-stances' }, body: { params: { actor: OSTLAND } } });
    expect(own.rows.map((r) => [r.actorId, r.party, r.rolledUp]).sort()).toEqual(Object.values(actorOf).map((a) => [a, 'Ostland', true]).sort());
    const found = await app.api.runQuestion({ params: { id: 'stances' }, body: { params: { actor: OSTLAND } } });
    expect(found.rows).toHaveLength(3);
    expect(new Set(found.rows.map((r) => r.party))).toEqual(new Set(['Ostland']));
  });

  it("ask names the party each stance counts for, and reads a question about the party as its delegation's, its body's and its body's official's", async () => {
    const who = await app.api.ask({ body: { question: 'Who opposed the joint border commission?' } });
    expect(who.citations.map((c) => c.statement).join(' | ')).toContain('Ivo Brandt (Ostland)');
    const proposed = await app.api.ask({ body: { question: 'What did Ostland propose?' } });
    // The delegation's proposal, then, as a change over time, the body's later rejection: both count for Ostland, both cited.
    expect(proposed.answer).toMatch(/Later: .*rejected/);
    expect(proposed.citations.map((c) => c.stanceId)).toEqual([ROLLED_UP_STANCES.delegation, ROLLED_UP_STANCES.body]);
    const rejected = await app.api.ask({ body: { question: 'What did Ostland reject?' } });
    // "reject" reads the rejection family: the body's rejection and its official's opposition both count for Ostland.
    expect(rejected.citations.map((c) => c.stanceId).sort()).toEqual([ROLLED_UP_STANCES.official, ROLLED_UP_STANCES.body].sort());
  });
});
