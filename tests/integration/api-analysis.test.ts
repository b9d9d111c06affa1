import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { type SpecValidator, startSeededAppWithSpec } from '../support/openapi.ts';

let app: TestApp;
let spec: SpecValidator;
beforeAll(async () => ({ app, spec } = await startSeededAppWithSpec()));
afterAll(() => app.close());

describe('GET /api/positions/:id/trace', () => {
  it('shows Ukraine proposed and Russia rejected the unconditional ceasefire, with evidence and the partial-truce alternative', async () => {
    const res = await app.request('/api/positions/position:unconditional-ceasefire/trace');
    expect(res.status).toBe(200);
    spec.expectMatches('get', '/api/positions/{id}/trace', 200, res.body);
    // Ukraine proposed it at the talks (the article and others) and again on 4 June (Anadolu); only Russia rejected it.
    expect(res.body.stances.proposed.every((s: { party: { id: string } }) => s.party.id === 'party:ukraine')).toBe(true);
    expect(res.body.stances.proposed[0]).toMatchObject({ actor: { id: 'party:ukraine' }, party: { id: 'party:ukraine' }, date: '2025-06-02' });
    expect(res.body.stances.rejected.every((s: { actor: { id: string }; family: string }) => s.actor.id === 'party:russia' && s.family === 'rejection')).toBe(true);
    const fromArticle = res.body.stances.rejected.find((s: { id: string }) => s.id === 'stance:russia-rejected-unconditional-ceasefire-2025-06-02');
    // One stance, many reports: the article's evidence is one of several sources'.
    expect(fromArticle.evidence).toContainEqual(expect.objectContaining({ source: 'source:russia-no-quick-breakthroughs-2025-06-03' }));
    expect(fromArticle.corroboration.sources).toBeGreaterThanOrEqual(3);
    expect(res.body.alternatives).toEqual([
      expect.objectContaining({ relation: 'ALTERNATIVE_TO', direction: 'incoming', position: expect.objectContaining({ id: 'position:partial-truce' }) }),
    ]);
    const listed = Object.values(res.body.stances as Record<string, unknown[]>).flat().length;
    expect(res.body.timeline.filter((t: { kind: string }) => t.kind === 'stance')).toHaveLength(listed);
  });

  it("rolls an official's stance up to the party and keeps the condition and the position it refers to", async () => {
    const res = await app.request('/api/positions/position:leaders-summit/trace');
    const peskov = res.body.stances.dismissed[0];
    expect(peskov).toMatchObject({
      actor: { id: 'official:dmitry-peskov' },
      party: { id: 'party:russia' },
      condition: 'only after Russian and Ukrainian negotiators reach an agreement',
      conditionPosition: { id: 'position:negotiators-agreement' },
    });
    expect(peskov.evidence.map((e: { quote: string }) => e.quote)).toContain('In the near future, it is unlikely');
    const ends = (links: { position: { id: string }; direction: string }[]) => links.map((c) => [c.position.id, c.direction]);
    expect(ends(res.body.conditions)).toEqual([['position:negotiators-agreement', 'outgoing']]);
    expect(ends(res.body.conditionOf)).toEqual([['position:turkiye-hosts-leaders-meeting', 'incoming']]);
    expect(res.body.conditionalStances.map((s: { id: string }) => s.id)).toEqual(['stance:erdogan-offered-turkiye-hosts-leaders-meeting-2025-06-02']);
  });

  it('lists preconditions both ways', async () => {
    const pause = await app.request('/api/positions/position:pause-russian-offensive/trace');
    expect(pause.body.preconditions[0]).toMatchObject({ direction: 'outgoing', position: { id: 'position:withdrawal-from-four-regions' } });
    const withdrawal = await app.request('/api/positions/position:withdrawal-from-four-regions/trace');
    expect(withdrawal.body.preconditionOf[0]).toMatchObject({ direction: 'incoming', position: { id: 'position:pause-russian-offensive' } });
  });

  it('asOf hides later stances', async () => {
    const res = await app.request('/api/positions/position:leaders-summit/trace?asOf=2025-06-02');
    expect(res.body.asOf).toBe('2025-06-02');
    expect(res.body.stances.dismissed).toBeUndefined();
    expect(Object.keys(res.body.stances).sort()).toEqual(['backed', 'open_to']);
  });

  it('answers 404 for an unknown position or a node that is not a position, 400 for a bad date', async () => {
    for (const id of ['position:nope', 'party:russia']) {
      const res = await app.request(`/api/positions/${id}/trace`);
      expect(res.status).toBe(404);
      spec.expectMatches('get', '/api/positions/{id}/trace', 404, res.body);
    }
    const bad = await app.request('/api/positions/position:leaders-summit/trace?asOf=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('asOf');
  });
});

describe('GET /api/actors/:id/stances', () => {
  it("for a party lists its own stances and its officials' stances marked rolledUp", async () => {
    const res = await app.request('/api/actors/party:russia/stances');
    expect(res.status).toBe(200);
    spec.expectMatches('get', '/api/actors/{id}/stances', 200, res.body);
    const own = res.body.stances.filter((s: { rolledUp: boolean }) => !s.rolledUp);
    const rolled = res.body.stances.filter((s: { rolledUp: boolean }) => s.rolledUp);
    expect(own.map((s: { type: string }) => s.type)).toEqual(expect.arrayContaining(['rejected', 'demanded', 'offered', 'agreed']));
    expect(rolled.map((s: { actor: { id: string } }) => s.actor.id)).toContain('official:dmitry-peskov');
    expect(rolled.every((s: { party: { id: string } }) => s.party.id === 'party:russia')).toBe(true);
  });

  it('for an official lists only its own stances', async () => {
    const res = await app.request('/api/actors/official:volodymyr-zelensky/stances');
    expect(res.body.stances.length).toBeGreaterThan(3);
    expect(res.body.stances.every((s: { actor: { id: string }; rolledUp: boolean }) => s.actor.id === 'official:volodymyr-zelensky' && !s.rolledUp)).toBe(true);
  });

  it('answers 404 for an unknown id and for a position', async () => {
    expect((await app.request('/api/actors/party:atlantis/stances')).status).toBe(404);
    const position = await app.request('/api/actors/position:partial-truce/stances');
    expect(position.status).toBe(404);
    spec.expectMatches('get', '/api/actors/{id}/stances', 404, position.body);
  });
});

describe('GET /api/matrix', () => {
  it("gives each party's latest stance per position, officials rolled up, with evidence counts", async () => {
    const res = await app.request('/api/matrix');
    expect(res.status).toBe(200);
    spec.expectMatches('get', '/api/matrix', 200, res.body);
    const cell = (party: string, position: string) => res.body.cells.find((c: { party: string; position: string }) => c.party === party && c.position === position);
    expect(cell('party:russia', 'position:unconditional-ceasefire').latest.type).toBe('rejected');
    expect(cell('party:ukraine', 'position:unconditional-ceasefire').latest.type).toBe('proposed');
    expect(cell('party:russia', 'position:leaders-summit')).toMatchObject({ latest: { type: 'dismissed', actor: { id: 'official:dmitry-peskov' } }, evidenceCount: 2 });
    expect(cell('party:turkiye', 'position:leaders-summit').latest.type).toBe('backed');
    expect(res.body.parties.map((p: { id: string }) => p.id)).toContain('party:europe');
  });

  it('shows a disputed cell as both sides with their own evidence, headlined by the stronger side, and the trace judges it alike', async () => {
    const { cells } = await app.api.matrix({ query: {} });
    const truce = cells.find((c) => c.party === 'party:ukraine' && c.position === 'position:partial-truce')!;
    // Medinsky alone says Kyiv agreed; Zelensky, reported by two outlets, rejected it the same day.
    expect(truce.latest).toMatchObject({ type: 'rejected', family: 'rejection', date: '2025-06-02' });
    expect(truce.dispute).toEqual({
      reason: 'conflict',
      sides: [
        expect.objectContaining({ type: 'rejected', family: 'rejection', sources: 2, firstHand: 2, evidenceCount: 3 }),
        expect.objectContaining({ type: 'agreed', family: 'support', sources: 1, firstHand: 0, evidenceCount: 1, stanceIds: ['stance:ukraine-agreed-partial-truce-2025-06-02-per-medinsky'] }),
      ],
    });
    // Russia's offer is reported by several sources and contradicted by none.
    expect(cells.find((c) => c.party === 'party:russia' && c.position === 'position:partial-truce')!.dispute).toBeNull();
    const trace = await app.api.trace({ params: { id: 'position:partial-truce' }, query: {} });
    expect(trace.disputes).toEqual([{ actor: expect.objectContaining({ id: 'party:ukraine' }), dispute: truce.dispute }]);
  });

  it('asOf drops later stances and a bad date is a 400', async () => {
    const res = await app.request('/api/matrix?asOf=2025-06-02');
    expect(res.body.cells.find((c: { party: string; position: string }) => c.party === 'party:russia' && c.position === 'position:leaders-summit')).toBeUndefined();
    const bad = await app.request('/api/matrix?asOf=2025-02-30');
    expect(bad.status).toBe(400);
    spec.expectMatches('get', '/api/matrix', 400, bad.body);
  });
});

describe('GET /api/paths', () => {
  it('finds the shortest paths between two actors, including the one through the summit they disagree on', async () => {
    const res = await app.request('/api/paths?from=official:volodymyr-zelensky&to=official:dmitry-peskov');
    expect(res.status).toBe(200);
    spec.expectMatches('get', '/api/paths', 200, res.body);
    expect(res.body.paths.length).toBeGreaterThan(0);
    expect(res.body.paths.every((p: { length: number }) => p.length === 4)).toBe(true);
    expect(res.body.paths.some((p: { nodes: { id: string }[] }) => p.nodes.some((n) => n.id === 'position:leaders-summit'))).toBe(true);
    expect(res.body.paths.every((p: { relationships: { type: string }[] }) => p.relationships.every((r) => r.type !== 'MENTIONED_IN'))).toBe(true);
  });

  it('returns no paths when max is shorter than the distance', async () => {
    const res = await app.request('/api/paths?from=official:volodymyr-zelensky&to=official:dmitry-peskov&max=3');
    expect(res.body.paths).toEqual([]);
  });

  it('answers 400 for missing or equal endpoints and 404 for unknown ones', async () => {
    const missing = await app.request('/api/paths?from=party:russia');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('to');
    expect((await app.request('/api/paths?from=party:russia&to=party:russia')).status).toBe(400);
    const unknown = await app.request('/api/paths?from=party:russia&to=party:atlantis');
    expect(unknown.status).toBe(404);
    spec.expectMatches('get', '/api/paths', 404, unknown.body);
  });
});
