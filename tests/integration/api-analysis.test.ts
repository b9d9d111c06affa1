import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, answerOf, errorOf, failureOf } from '../support/app.ts';
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
    const trace = answerOf('trace', res);
    // Ukraine proposed it at the talks (the article and others) and again on 4 June (Anadolu); only Russia rejected it.
    expect(trace.stances.proposed?.every((s) => s.party?.id === 'party:ukraine')).toBe(true);
    expect(trace.stances.proposed?.[0]).toMatchObject({ actor: { id: 'party:ukraine' }, party: { id: 'party:ukraine' }, date: '2025-06-02' });
    const rejected = trace.stances.rejected ?? [];
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((s) => s.actor.id === 'party:russia' && s.family === 'rejection')).toBe(true);
    const fromArticle = rejected.find((s) => s.id === 'stance:russia-rejected-unconditional-ceasefire-2025-06-02');
    // One stance, many reports: the article's evidence is one of several sources'.
    expect(fromArticle?.evidence).toContainEqual(expect.objectContaining({ source: 'source:russia-no-quick-breakthroughs-2025-06-03' }));
    expect(fromArticle?.corroboration.sources).toBeGreaterThanOrEqual(3);
    expect(trace.alternatives).toEqual([
      expect.objectContaining({ relation: 'ALTERNATIVE_TO', direction: 'incoming', position: expect.objectContaining({ id: 'position:partial-truce' }) }),
    ]);
    const listed = Object.values(trace.stances).flat().length;
    expect(trace.timeline.filter((t) => t.kind === 'stance')).toHaveLength(listed);
  });

  it("rolls an official's stance up to the party and keeps the condition and the position it refers to", async () => {
    const trace = await app.api.trace({ params: { id: 'position:leaders-summit' } });
    const peskov = trace.stances.dismissed?.[0];
    expect(peskov).toMatchObject({
      actor: { id: 'official:dmitry-peskov' },
      party: { id: 'party:russia' },
      condition: 'only after Russian and Ukrainian negotiators reach an agreement',
      conditionPosition: { id: 'position:negotiators-agreement' },
    });
    expect(peskov?.evidence.map((e) => e.quote)).toContain('In the near future, it is unlikely');
    const ends = (links: { position: { id: string }; direction: string }[]) => links.map((c) => [c.position.id, c.direction]);
    expect(ends(trace.conditions)).toEqual([['position:negotiators-agreement', 'outgoing']]);
    expect(ends(trace.conditionOf)).toEqual([['position:turkiye-hosts-leaders-meeting', 'incoming']]);
    expect(trace.conditionalStances.map((s) => s.id)).toEqual(['stance:erdogan-offered-turkiye-hosts-leaders-meeting-2025-06-02']);
  });

  it('lists preconditions both ways', async () => {
    const pause = await app.api.trace({ params: { id: 'position:pause-russian-offensive' } });
    expect(pause.preconditions[0]).toMatchObject({ direction: 'outgoing', position: { id: 'position:withdrawal-from-four-regions' } });
    const withdrawal = await app.api.trace({ params: { id: 'position:withdrawal-from-four-regions' } });
    expect(withdrawal.preconditionOf[0]).toMatchObject({ direction: 'incoming', position: { id: 'position:pause-russian-offensive' } });
  });

  it('asOf hides later stances', async () => {
    const trace = await app.api.trace({ params: { id: 'position:leaders-summit' }, query: { asOf: '2025-06-02' } });
    expect(trace.asOf).toBe('2025-06-02');
    expect(trace.stances.dismissed).toBeUndefined();
    expect(Object.keys(trace.stances).sort()).toEqual(['backed', 'open_to']);
  });

  it('answers 404 for an unknown position or a node that is not a position, 400 for a bad date', async () => {
    for (const id of ['position:nope', 'party:russia']) {
      const res = await app.request(`/api/positions/${id}/trace`);
      expect(res.status).toBe(404);
      spec.expectMatches('get', '/api/positions/{id}/trace', 404, res.body);
    }
    const bad = await failureOf(app.api.trace({ params: { id: 'position:leaders-summit' }, query: { asOf: 'yesterday' } }));
    expect(bad.status).toBe(400);
    expect(bad.message).toContain('asOf');
  });
});

describe('GET /api/actors/:id/stances', () => {
  it("for a party lists its own stances and its officials' stances marked rolledUp", async () => {
    const res = await app.request('/api/actors/party:russia/stances');
    expect(res.status).toBe(200);
    spec.expectMatches('get', '/api/actors/{id}/stances', 200, res.body);
    const { stances } = answerOf('actorStances', res);
    const own = stances.filter((s) => !s.rolledUp);
    const rolled = stances.filter((s) => s.rolledUp);
    expect(own.map((s) => s.type)).toEqual(expect.arrayContaining(['rejected', 'demanded', 'offered', 'agreed']));
    expect(rolled.map((s) => s.actor.id)).toContain('official:dmitry-peskov');
    expect(rolled.every((s) => s.party?.id === 'party:russia')).toBe(true);
  });

  it('for an official lists only its own stances', async () => {
    const { stances } = await app.api.actorStances({ params: { id: 'official:volodymyr-zelensky' } });
    expect(stances.length).toBeGreaterThan(3);
    expect(stances.every((s) => s.actor.id === 'official:volodymyr-zelensky' && !s.rolledUp)).toBe(true);
  });

  it('answers 404 for an unknown id and for a position', async () => {
    expect((await failureOf(app.api.actorStances({ params: { id: 'party:atlantis' } }))).status).toBe(404);
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
    const matrix = answerOf('matrix', res);
    const cell = (party: string, position: string) => matrix.cells.find((c) => c.party === party && c.position === position);
    expect(cell('party:russia', 'position:unconditional-ceasefire')?.latest.type).toBe('rejected');
    expect(cell('party:ukraine', 'position:unconditional-ceasefire')?.latest.type).toBe('proposed');
    expect(cell('party:russia', 'position:leaders-summit')).toMatchObject({ latest: { type: 'dismissed', actor: { id: 'official:dmitry-peskov' } }, evidenceCount: 2 });
    expect(cell('party:turkiye', 'position:leaders-summit')?.latest.type).toBe('backed');
    expect(matrix.parties.map((p) => p.id)).toContain('party:europe');
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
    const matrix = await app.api.matrix({ query: { asOf: '2025-06-02' } });
    expect(matrix.cells.find((c) => c.party === 'party:russia' && c.position === 'position:leaders-summit')).toBeUndefined();
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
    const { paths } = answerOf('paths', res);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.length === 4)).toBe(true);
    expect(paths.some((p) => p.nodes.some((n) => n.id === 'position:leaders-summit'))).toBe(true);
    expect(paths.every((p) => p.relationships.every((r) => r.type !== 'MENTIONED_IN'))).toBe(true);
  });

  it('returns no paths when max is shorter than the distance', async () => {
    const { paths } = await app.api.paths({ query: { from: 'official:volodymyr-zelensky', to: 'official:dmitry-peskov', max: 3 } });
    expect(paths).toEqual([]);
  });

  it('answers 400 for missing or equal endpoints and 404 for unknown ones', async () => {
    const missing = await app.request('/api/paths?from=party:russia');
    expect(missing.status).toBe(400);
    expect(errorOf(missing).message).toContain('to');
    expect((await app.request('/api/paths?from=party:russia&to=party:russia')).status).toBe(400);
    const unknown = await app.request('/api/paths?from=party:russia&to=party:atlantis');
    expect(unknown.status).toBe(404);
    spec.expectMatches('get', '/api/paths', 404, unknown.body);
  });
});

describe('filters that filter (issue 26)', () => {
  it('counts only the ticked stance types in the matrix', async () => {
    const all = await app.api.matrix();
    const truce = (m: typeof all, party: string) => m.cells.find((c) => c.party === party && c.position === 'position:partial-truce');
    expect(truce(all, 'party:russia')).toBeDefined();
    const rejections = await app.api.matrix({ query: { stanceTypes: ['rejected'] } });
    expect(rejections.cells.length).toBeGreaterThan(0);
    expect(rejections.cells.every((c) => c.latest.type === 'rejected')).toBe(true);
    // Russia only offered the partial truce; Ukraine rejected it (and, in one report, agreed to it).
    expect(truce(rejections, 'party:russia')).toBeUndefined();
    expect(truce(rejections, 'party:ukraine')?.latest.type).toBe('rejected');
    expect(rejections.cells.length).toBeLessThan(all.cells.length);
  });

  it('applies the grade and affiliation filters to the conflicts', async () => {
    const isTruce = (c: { actor: { id: string }; target: { id: string } }) => c.actor.id === 'party:ukraine' && c.target.id === 'position:partial-truce';
    const all = await app.api.conflicts();
    expect(all.conflicts.some(isTruce)).toBe(true);
    // Censor.NET (C3) alone reports Ukraine agreeing: at B or better nothing disagrees with the rejection.
    const reliable = await app.api.conflicts({ query: { minReliability: 'B' } });
    expect(reliable.conflicts.some(isTruce)).toBe(false);
    expect(reliable.total).toBeLessThan(all.total);
    for (const side of reliable.conflicts.flatMap((c) => [c.a, c.b])) expect(side.reports.length).toBeGreaterThan(0);
    await expect(app.api.conflicts({ query: { excludeAffiliatedWith: 'party:atlantis' } })).rejects.toMatchObject({ status: 404 });
  });

  it('applies the grade and affiliation filters to the sources list', async () => {
    const all = await app.api.sources();
    const reliable = await app.api.sources({ query: { minReliability: 'B' } });
    expect(reliable.total).toBe(reliable.sources.length);
    expect(reliable.sources.length).toBeGreaterThan(0);
    expect(reliable.sources.every((s) => s.grade !== null && 'AB'.includes(s.grade[0]!))).toBe(true);
    expect(reliable.total).toBeLessThan(all.total);
    const notRussian = await app.api.sources({ query: { excludeAffiliatedWith: 'party:russia' } });
    expect(all.sources.some((s) => s.publisher === 'TASS')).toBe(true);
    expect(notRussian.sources.some((s) => s.publisher === 'TASS')).toBe(false);
  });
});

describe('the trace timeline (issue 26)', () => {
  it('lists a proposal before the rejection of it on the same day', async () => {
    const { timeline } = await app.api.trace({ params: { id: 'position:unconditional-ceasefire' } });
    const sameDay = timeline.filter((t) => t.kind === 'stance' && t.date === '2025-06-02').map((t) => t.text);
    const proposed = sameDay.findIndex((t) => / proposed /.test(t));
    const rejected = sameDay.findIndex((t) => / rejected /.test(t));
    expect(proposed).toBeGreaterThanOrEqual(0);
    expect(rejected).toBeGreaterThan(proposed);
  });
});
