import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { type SpecValidator, startSeededAppWithSpec } from '../support/openapi.ts';

let app: TestApp;
let spec: SpecValidator;
beforeAll(async () => ({ app, spec } = await startSeededAppWithSpec()));
afterAll(() => app.close());

const run = (id: string, params: Record<string, unknown>) => app.request(`/api/questions/${id}`, { method: 'POST', json: { params } });
const ask = (question: string) => app.request('/api/ask', { method: 'POST', json: { question } });

describe('GET /api/questions', () => {
  it('builds the catalogue from the cypher/questions headers, with typed parameters and the Cypher text', async () => {
    const res = await app.request('/api/questions');
    expect(res.status).toBe(200);
    spec.expectMatches('get', '/api/questions', 200, res.body);
    const ids = res.body.questions.map((q: { id: string }) => q.id);
    for (const id of ['who-stands-where', 'actor-stances', 'contested-positions', 'common-ground', 'precondition-chain', 'position-timeline', 'agree-disagree', 'quotes', 'shortest-path']) {
      expect(ids).toContain(id);
    }
    const common = res.body.questions.find((q: { id: string }) => q.id === 'common-ground');
    expect(common.params).toEqual([
      { name: 'parties', type: 'ids(Party)', required: true, description: 'two or more parties' },
      { name: 'asOf', type: 'date', required: false, description: 'only stances dated on or before this day' },
    ]);
    expect(common.cypher).toContain('MATCH (pos:Position)');
  });
});

describe('POST /api/questions/:id', () => {
  it('who-stands-where on the summit: three for, Peskov against with his condition', async () => {
    const res = await run('who-stands-where', { position: 'position:leaders-summit' });
    expect(res.status).toBe(200);
    spec.expectMatches('post', '/api/questions/{id}', 200, res.body);
    expect(res.body.columns).toEqual(['actor', 'actorId', 'party', 'stance', 'family', 'target', 'targetId', 'date', 'condition', 'evidence']);
    const byActor = Object.fromEntries(res.body.rows.map((r: { actorId: string; stance: string }) => [r.actorId, r.stance]));
    expect(byActor).toEqual({
      'official:dmitry-peskov': 'dismissed',
      'official:donald-trump': 'open_to',
      'official:recep-tayyip-erdogan': 'backed',
      'official:volodymyr-zelensky': 'backed',
    });
    expect(res.body.evidence.map((e: { quote: string }) => e.quote)).toContain('In the near future, it is unlikely');
  });

  it('contested-positions finds the ceasefire and the summit', async () => {
    const res = await run('contested-positions', {});
    expect(res.body.rows.map((r: { positionId: string }) => r.positionId)).toEqual(['position:unconditional-ceasefire', 'position:leaders-summit']);
  });

  it('common-ground between Russia and Ukraine is the prisoner swap and continued preparations', async () => {
    const res = await run('common-ground', { parties: ['party:russia', 'party:ukraine'] });
    expect(res.body.rows.map((r: { positionId: string }) => r.positionId).sort()).toEqual(['position:continue-leader-meeting-preparations', 'position:prisoner-swap']);
  });

  it('precondition-chain follows links step by step', async () => {
    const res = await run('precondition-chain', { position: 'position:turkiye-hosts-leaders-meeting' });
    expect(res.body.rows.map((r: { depth: number; requiresId: string }) => [r.depth, r.requiresId])).toEqual([
      [1, 'position:leaders-summit'],
      [2, 'position:negotiators-agreement'],
    ]);
  });

  it('agree-disagree, position-timeline, quotes, actor-stances and shortest-path answer from the seed', async () => {
    const ad = await run('agree-disagree', { a: 'party:russia', b: 'party:ukraine' });
    expect(ad.body.rows.find((r: { positionId: string }) => r.positionId === 'position:unconditional-ceasefire').relation).toBe('disagree');
    const tl = await run('position-timeline', { position: 'position:prisoner-swap' });
    expect(tl.body.rows.map((r: { date: string }) => r.date)).toEqual([...tl.body.rows.map((r: { date: string }) => r.date)].sort());
    const quotes = await run('quotes', { actor: 'official:dmitry-peskov' });
    expect(quotes.body.rows.map((r: { quote: string }) => r.quote)).toContain('It would be wrong to expect immediate solutions and breakthroughs');
    const stances = await run('actor-stances', { actor: 'party:ukraine', asOf: '2025-06-02' });
    expect(stances.body.rows.every((r: { date: string }) => r.date <= '2025-06-02')).toBe(true);
    const path = await run('shortest-path', { from: 'official:recep-tayyip-erdogan', to: 'official:vladimir-putin' });
    expect(path.body.rows[0].ids[0]).toBe('official:recep-tayyip-erdogan');
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
      const res = await run(id, params);
      expect(res.status, JSON.stringify(params)).toBe(status);
      expect(res.body.error.message).toContain(field);
      spec.expectMatches('post', '/api/questions/{id}', status, res.body);
    }
  });

  it('answers 404 for an unknown question', async () => {
    const res = await run('meaning-of-life', {});
    expect(res.status).toBe(404);
    expect(res.body.error.details.available).toContain('stances');
  });
});

describe('POST /api/ask', () => {
  it('"Who rejected the ceasefire?" → Russia, with evidence', async () => {
    const res = await ask('Who rejected the ceasefire?');
    expect(res.status).toBe(200);
    spec.expectMatches('post', '/api/ask', 200, res.body);
    expect(res.body.interpretation).toEqual({ questionId: 'stances', params: { target: 'position:unconditional-ceasefire', family: 'rejection' } });
    expect(res.body.rows.map((r: { actorId: string }) => r.actorId)).toEqual(['party:russia']);
    expect(res.body.answer).toBe('Russia rejected Full and unconditional ceasefire.');
    expect(res.body.evidence[0]).toMatchObject({ source: "Russia says no quick 'breakthroughs' in 'complex' Ukraine talks", date: '2025-06-02' });
    expect(res.body.cypher).toContain('@id stances');
  });

  it('"What did Russia demand?" → the withdrawal from four regions', async () => {
    const res = await ask('What did Russia demand?');
    expect(res.body.interpretation).toEqual({ questionId: 'stances', params: { actor: 'party:russia', types: ['demanded'] } });
    expect(res.body.rows.map((r: { targetId: string }) => r.targetId)).toEqual(['position:withdrawal-from-four-regions']);
    expect(res.body.answer).toBe('Russia demanded Ukrainian withdrawal from four regions.');
    expect(res.body.evidence).toHaveLength(1);
  });

  it('"Who backed a leaders\' summit?" → Zelensky and Erdoğan backed, Trump was open to it', async () => {
    const res = await ask("Who backed a leaders' summit?");
    expect(res.body.interpretation.params).toEqual({ target: 'position:leaders-summit', family: 'support' });
    expect(res.body.rows.map((r: { actorId: string }) => r.actorId).sort()).toEqual(['official:donald-trump', 'official:recep-tayyip-erdogan', 'official:volodymyr-zelensky']);
    expect(res.body.answer).toContain('Volodymyr Zelensky (Ukraine) backed');
    expect(res.body.answer).toContain('Recep Tayyip Erdoğan (Türkiye) backed');
    expect(res.body.evidence.length).toBeGreaterThanOrEqual(3);
  });

  it('"What do Russia and Ukraine agree on?" → the prisoner swap and continued preparations', async () => {
    const res = await ask('What do Russia and Ukraine agree on?');
    expect(res.body.interpretation).toEqual({ questionId: 'common-ground', params: { parties: ['party:russia', 'party:ukraine'] } });
    expect(res.body.answer).toBe('Russia and Ukraine both support Continue preparations for a leader-level meeting and Large-scale prisoner swap.');
    expect(res.body.evidence.length).toBeGreaterThan(0);
  });

  it.each([
    ['Who turned down the unconditional ceasefire?', 'stances', { target: 'position:unconditional-ceasefire', family: 'rejection' }, 'Russia'],
    ['Which parties said no to a full ceasefire?', 'stances', { target: 'position:unconditional-ceasefire', family: 'rejection' }, 'Russia rejected'],
    ['who refused the ceasfire', 'stances', { target: 'position:unconditional-ceasefire', family: 'rejection' }, 'Russia'],
    ['What did Moscow insist on?', 'stances', { actor: 'party:russia', types: ['demanded'] }, 'withdrawal'],
    ['What did the Kremlin offer?', 'stances', { actor: 'party:russia', types: ['offered'] }, 'Partial truce'],
    ['Who endorsed the trilateral summit?', 'stances', { target: 'position:leaders-summit', family: 'support' }, 'Zelensky'],
    ['Who dismissed the summit?', 'stances', { target: 'position:leaders-summit', family: 'rejection' }, 'Peskov'],
    ['What has Zelenskyy called for?', 'stances', { actor: 'official:volodymyr-zelensky', family: 'proposal' }, 'Tougher sanctions on Russia'],
    ['What did Erdogan offer?', 'stances', { actor: 'official:recep-tayyip-erdogan', types: ['offered'] }, "Türkiye hosts the leaders' meeting"],
    ['Who agreed to the prisoner exchange?', 'stances', { target: 'position:prisoner-swap', types: ['agreed'] }, 'Ukraine agreed to'],
    ['What common ground do Kiev and Moscow share?', 'common-ground', { parties: ['party:ukraine', 'party:russia'] }, 'prisoner swap'],
    ['Where do Russia and Ukraine disagree?', 'agree-disagree', { a: 'party:russia', b: 'party:ukraine' }, 'disagree on Full and unconditional ceasefire'],
    ['What are the preconditions for pausing the offensive?', 'precondition-chain', { position: 'position:pause-russian-offensive' }, 'withdrawal from four regions'],
    ['What did Peskov say about the summit?', 'quotes', { actor: 'official:dmitry-peskov', target: 'position:leaders-summit' }, 'In the near future, it is unlikely'],
    ['Give me the timeline of the prisoner swap', 'position-timeline', { position: 'position:prisoner-swap' }, '2025-06-02'],
    ['How is Erdoğan connected to Putin?', 'shortest-path', { from: 'official:recep-tayyip-erdogan', to: 'official:vladimir-putin' }, 'steps apart'],
    ['Which positions are contested?', 'contested-positions', {}, 'Full and unconditional ceasefire'],
    ['Where does Turkey stand?', 'actor-stances', { actor: 'party:turkiye' }, 'Recep Tayyip Erdoğan (Türkiye) backed'],
    ['Who stands where on the partial truce?', 'who-stands-where', { position: 'position:partial-truce' }, 'Russia offered'],
  ])('%s', async (question, questionId, params, inAnswer) => {
    const res = await ask(question);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.interpretation).toEqual({ questionId, params });
    expect(res.body.answer).toContain(inAnswer);
    expect(res.body.answer.split(/[.!?]\s+[A-Z]/)).toHaveLength(1);
  });

  it('says so in one sentence when nothing matches', async () => {
    const res = await ask('Who rejected the prisoner swap?');
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([]);
    expect(res.body.answer).toMatch(/^The graph records no stance/);
    expect(res.body.evidence).toEqual([]);
  });

  it('answers 422 cannot_interpret with suggestions that themselves work', async () => {
    const res = await ask('What is the weather like today?');
    expect(res.status).toBe(422);
    spec.expectMatches('post', '/api/ask', 422, res.body);
    expect(res.body.error.code).toBe('cannot_interpret');
    expect(res.body.error.details.suggestions.length).toBeGreaterThan(2);
    for (const suggestion of res.body.error.details.suggestions) expect((await ask(suggestion)).status, suggestion).toBe(200);
  });

  it('refuses a missing or too short question with 400', async () => {
    const res = await app.request('/api/ask', { method: 'POST', json: {} });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('question');
    expect((await ask('?')).status).toBe(400);
  });
});
