import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type TestApp, answerOf, errorOf } from '../support/app.ts';
import { type SpecValidator, startSeededAppWithSpec } from '../support/openapi.ts';

let app: TestApp;
let spec: SpecValidator;
beforeAll(async () => ({ app, spec } = await startSeededAppWithSpec()));
afterAll(() => app.close());

/** A raw run: the validation tests send parameters the declared types refuse. */
const runRaw = (id: string, params: Record<string, unknown>) => app.request(`/api/questions/${id}`, { method: 'POST', json: { params } });
const run = (id: string, params: Record<string, unknown>) => app.api.runQuestion({ params: { id }, body: { params } });
/** A column's values, checked to be strings. */
const strings = (rows: Record<string, unknown>[], column: string) => z.array(z.string()).parse(rows.map((r) => r[column]));

describe('GET /api/questions', () => {
  it('builds the catalogue from the cypher/questions headers, with typed parameters and the Cypher text', async () => {
    const res = await app.request('/api/questions');
    expect(res.status).toBe(200);
    spec.expectMatches('get', '/api/questions', 200, res.body);
    const { questions } = answerOf('questions', res);
    const ids = questions.map((q) => q.id);
    for (const id of ['who-stands-where', 'actor-stances', 'contested-positions', 'common-ground', 'precondition-chain', 'position-timeline', 'agree-disagree', 'quotes', 'shortest-path']) {
      expect(ids).toContain(id);
    }
    const common = questions.find((q) => q.id === 'common-ground');
    expect(common?.params).toEqual([
      { name: 'parties', type: 'ids(Party)', required: true, description: 'two or more parties' },
      { name: 'asOf', type: 'date', required: false, description: 'only stances dated on or before this day' },
    ]);
    expect(common?.cypher).toContain('MATCH (pos:Position)');
  });
});

describe('POST /api/questions/:id', () => {
  it('who-stands-where on the summit: three for, Peskov against with his condition', async () => {
    const res = await runRaw('who-stands-where', { position: 'position:leaders-summit' });
    expect(res.status).toBe(200);
    spec.expectMatches('post', '/api/questions/{id}', 200, res.body);
    const answer = answerOf('runQuestion', res);
    expect(answer.columns).toEqual(['actor', 'actorId', 'party', 'stance', 'family', 'target', 'targetId', 'date', 'condition', 'evidence']);
    const byActor = Object.fromEntries(answer.rows.map((r) => [String(r.actorId), r.stance]));
    expect(byActor).toEqual({
      'official:dmitry-peskov': 'dismissed',
      'official:donald-trump': 'open_to',
      'official:recep-tayyip-erdogan': 'backed',
      'official:volodymyr-zelensky': 'backed',
    });
    expect(answer.evidence.map((e) => e.quote)).toContain('In the near future, it is unlikely');
  });

  it('contested-positions finds the ceasefire, the further talks Ukraine proposed then dismissed, the short truce and the summit', async () => {
    const res = await run('contested-positions', {});
    expect(strings(res.rows, 'positionId')).toEqual([
      'position:unconditional-ceasefire',
      'position:further-delegation-talks',
      'position:partial-truce',
      'position:leaders-summit',
    ]);
  });

  it('common-ground between Russia and Ukraine is the prisoner swap, the return of the dead and continued preparations', async () => {
    const res = await run('common-ground', { parties: ['party:russia', 'party:ukraine'] });
    expect(strings(res.rows, 'positionId').sort()).toEqual([
      'position:continue-leader-meeting-preparations',
      'position:prisoner-swap',
      'position:repatriation-of-bodies',
    ]);
  });

  it('precondition-chain follows links step by step', async () => {
    const res = await run('precondition-chain', { position: 'position:turkiye-hosts-leaders-meeting' });
    expect(res.rows.map((r) => [r.depth, r.requiresId])).toEqual([
      [1, 'position:leaders-summit'],
      [2, 'position:negotiators-agreement'],
    ]);
  });

  it('agree-disagree, position-timeline, quotes, actor-stances and shortest-path answer from the seed', async () => {
    const ad = await run('agree-disagree', { a: 'party:russia', b: 'party:ukraine' });
    expect(ad.rows.find((r) => r.positionId === 'position:unconditional-ceasefire')?.relation).toBe('disagree');
    const tl = await run('position-timeline', { position: 'position:prisoner-swap' });
    const dates = strings(tl.rows, 'date');
    expect(dates.length).toBeGreaterThan(0);
    expect(dates).toEqual([...dates].sort());
    const quotes = await run('quotes', { actor: 'official:dmitry-peskov' });
    expect(strings(quotes.rows, 'quote')).toContain('It would be wrong to expect immediate solutions and breakthroughs');
    const stances = await run('actor-stances', { actor: 'party:ukraine', asOf: '2025-06-02' });
    expect(strings(stances.rows, 'date').every((date) => date <= '2025-06-02')).toBe(true);
    const path = await run('shortest-path', { from: 'official:recep-tayyip-erdogan', to: 'official:vladimir-putin' });
    expect(z.array(z.string()).parse(path.rows[0]?.ids)[0]).toBe('official:recep-tayyip-erdogan');
  });

  it('validates parameters against the declared types', async () => {
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['who-stands-where', {}, 400, 'params.position'],
      ['who-stands-where', { position: 'position:leaders-summit', asOf: 'soon' }, 400, 'params.asOf'],
      ['who-stands-where', { position: 'position:leaders-summit', extra: 1 }, 400, 'params'],
      ['stances', { types: ['loved'] }, 400, 'params.types'],
      ['stances', { actor: 'position:partial-truce' }, 400, 'params.actor'],
      ['stances', { actor: 'party:atlantis' }, 404, 'params.actor'],
      ['common-ground', { parties: 'party:russia,party:atlantis' }, 404, 'params.parties'],
    ];
    for (const [id, params, status, field] of cases) {
      const res = await runRaw(id, params);
      expect(res.status, JSON.stringify(params)).toBe(status);
      expect(errorOf(res).message).toContain(field);
      spec.expectMatches('post', '/api/questions/{id}', status, res.body);
    }
  });

  it('answers 404 for an unknown question', async () => {
    const res = await runRaw('meaning-of-life', {});
    expect(res.status).toBe(404);
    expect(errorOf(res).details).toMatchObject({ available: expect.arrayContaining(['stances']) });
  });
});
