/**
 * The attack corpus (cypherAttacks.ts, unchanged) through the ways the console's new features
 * send a query: a saved query opened from its permalink, with its parameters read by the
 * parameters panel, and a query behind EXPLAIN or PROFILE. Each must be refused as the corpus
 * says, and afterwards the graph must be exactly as before. Behind a keyword, a query Neo4j cannot
 * parse at all (a byte-order mark before CREATE) is refused as a syntax error instead; and EXPLAIN
 * only plans, so what is refused only when run (runaway reads, a parameter never sent) is planned
 * and not run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseParams } from '../../client/src/console/params.ts';
import { savedQueryFromHash, savedQueryHash } from '../../client/src/console/savedQueries.ts';
import { type TestApp, answerOf, errorOf, startTestApp } from '../support/app.ts';
import { resetToSeed } from '../support/db.ts';
import { graphFingerprint } from '../support/fingerprint.ts';
import { type SpecValidator, loadSpecValidator } from '../support/openapi.ts';
import { type AttackCase, cypherAttacks } from './cypherAttacks.ts';
import { STACK_TRACE } from './leaks.ts';

let app: TestApp;
let spec: SpecValidator;
let before: unknown;

beforeAll(async () => {
  app = await startTestApp({ PARLEY_CYPHER_TIMEOUT_MS: '1500' });
  await resetToSeed(app.db);
  spec = await loadSpecValidator(app);
  before = await graphFingerprint(app.db);
});
afterAll(() => app.close());

type QueryAttack = AttackCase & { request: { query: string; params?: unknown } };
const queryAttacks = cypherAttacks.filter((attack): attack is QueryAttack => 'query' in attack.request);
const named = (attacks: QueryAttack[]) => attacks.map((attack) => [`${attack.category}: ${attack.name}`, attack] as const);

async function expectRefused(body: { query: string; params: unknown }, attack: QueryAttack, options: { behindKeyword: boolean }) {
  const res = await app.request('/api/cypher', { method: 'POST', json: body });
  // Refused at all (an answered query has no error to read), then refused as the corpus says.
  expect(res.status, res.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
  const refusal = [res.status, errorOf(res).code];
  if (options.behindKeyword) expect([[attack.status, attack.code], [400, 'cypher_syntax_error']], res.text.slice(0, 300)).toContainEqual(refusal);
  else {
    expect(refusal, res.text.slice(0, 300)).toEqual([attack.status, attack.code]);
    expect(errorOf(res).message).toMatch(attack.reason);
  }
  expect(res.text).not.toMatch(STACK_TRACE);
  spec.expectMatches('post', '/api/cypher', attack.status, res.body);
}

describe(`the attack corpus through the console's routes (${queryAttacks.length} query cases each)`, () => {
  // Chromium refuses URLs over 2 MB, so bodies over the server's 5 MB limit cannot come from a permalink.
  const fitInAPermalink = queryAttacks.filter((attack) => attack.status !== 413);
  it.each(named(fitInAPermalink))('refuses %s, opened as a saved query from its permalink', async (_name, attack) => {
    const params = attack.request.params === undefined ? '' : JSON.stringify(attack.request.params);
    const saved = savedQueryFromHash(savedQueryHash({ name: attack.name, description: attack.category, query: attack.request.query, params }));
    expect(saved).toEqual({ name: attack.name, description: attack.category, query: attack.request.query, params });
    const parsed = parseParams(saved!.params);
    // Parameters that are not a JSON object never leave the panel; the corpus sends them raw.
    if (!parsed.ok) return expect(attack.status).toBe(400);
    await expectRefused({ query: saved!.query, params: parsed.params }, attack, { behindKeyword: false });
  });

  it.each(named(queryAttacks))('refuses %s behind PROFILE', async (_name, attack) => {
    await expectRefused({ query: `PROFILE ${attack.request.query}`, params: attack.request.params ?? {} }, attack, { behindKeyword: true });
  });

  const planned = queryAttacks.filter((attack) => attack.status === 408 || attack.status === 422 || /Expected parameter/.test(attack.reason.source));
  it.each(named(queryAttacks.filter((attack) => !planned.includes(attack))))('refuses %s behind EXPLAIN', async (_name, attack) => {
    await expectRefused({ query: `EXPLAIN ${attack.request.query}`, params: attack.request.params ?? {} }, attack, { behindKeyword: true });
  });

  it.each(named(planned))('plans %s behind EXPLAIN without running it', async (_name, attack) => {
    const res = await app.request('/api/cypher', { method: 'POST', json: { query: `EXPLAIN ${attack.request.query}`, params: attack.request.params ?? {} } });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const planned = answerOf('cypher', res);
    expect(planned.rows).toEqual([]);
    expect(planned.plan?.operator).toBe('ProduceResults');
  });

  it('leaves the graph exactly as it was', async () => {
    expect(await graphFingerprint(app.db)).toEqual(before);
  });
});
