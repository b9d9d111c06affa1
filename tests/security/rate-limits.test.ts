import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app.ts';
import { resetToSeed, testDatabase } from '../support/db.ts';

let app: TestApp | undefined;
beforeAll(async () => {
  const db = testDatabase();
  await resetToSeed(db).finally(() => db.close());
});
afterEach(() => app?.close());

async function statuses(count: number, path: string, init: Parameters<TestApp['request']>[1] = {}): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await app!.request(path, init)).status);
  return seen;
}

describe('rate limits', () => {
  it('stops a client after its write budget, before the token is even checked, and says when to retry', async () => {
    app = await startTestApp({ PARLEY_RATE_LIMIT_WRITES: '3' });
    const guesses = await statuses(3, '/api/sources', { method: 'POST', json: {}, headers: { authorization: 'Bearer guess' } });
    expect(guesses).toEqual([401, 401, 401]);
    const refused = await app.request('/api/sources', { method: 'POST', json: {}, headers: { authorization: 'Bearer test-write-token' } });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/Too many writes .* at most 3 a minute/) } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-policy')).toMatch(/^"writes"; q=3; w=60/);
    expect((await app.request('/api/search?q=Russia')).status).toBe(200);
  });

  it('gives console queries and questions their own budget, apart from cheap reads', async () => {
    app = await startTestApp({ PARLEY_RATE_LIMIT_QUERIES: '2' });
    const query = { method: 'POST', json: { query: 'RETURN 1 AS one' } };
    expect(await statuses(3, '/api/cypher', query)).toEqual([200, 200, 429]);
    expect((await app.request('/api/ask', { method: 'POST', json: { question: 'Who rejected the unconditional ceasefire?' } })).status).toBe(429);
    expect(await statuses(3, '/api/search?q=Kyiv')).toEqual([200, 200, 200]);
  });

  it('caps all API requests per client but never the health check', async () => {
    app = await startTestApp({ PARLEY_RATE_LIMIT_REQUESTS: '4' });
    expect(await statuses(5, '/api/questions')).toEqual([200, 200, 200, 200, 429]);
    expect((await app.request('/api/openapi.json')).status).toBe(429);
    expect(await statuses(3, '/healthz')).toEqual([200, 200, 200]);
  });
});
