/**
 * The HTTP surface around the data: the write token, body limits, security headers, the CORS
 * allow-list, and error answers that never carry a stack trace or an internal message, even when
 * the database is unreachable or refuses the app.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorOf, postSource as postSourceAt, startTestApp } from '../support/app.ts';
import { resetToSeed } from '../support/db.ts';
import { graphFingerprint } from '../support/fingerprint.ts';
import { freePort } from '../support/processes/ports.ts';
import { STACK_TRACE } from './leaks.ts';

/** Apps a test starts with its own settings; closed after each test. */
const started: TestApp[] = [];
async function appWith(overrides: Record<string, string>): Promise<TestApp> {
  const app = await startTestApp(overrides);
  started.push(app);
  return app;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((a) => a.close()));
});

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await resetToSeed(app.db);
});
afterAll(() => app.close());

const postSource = (target: TestApp, authorization: string | undefined, body: string = '{}') => postSourceAt(target.url, body, authorization);

describe('the write endpoint POST /api/sources', () => {
  it('refuses a missing token with 401 and says how to send one', async () => {
    const res = await postSource(app, undefined);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('Authorization: Bearer') } });
  });

  it('gives every wrong token the same 401, whatever its length, prefix or scheme', async () => {
    const graphBefore = await graphFingerprint(app.db);
    const wrong = ['Bearer wrong', 'Bearer test-write-toke', 'Bearer test-write-token-and-more', 'Bearer TEST-WRITE-TOKEN', `Bearer ${'x'.repeat(8_000)}`];
    const answers = await Promise.all(wrong.map((token) => postSource(app, token)));
    for (const res of answers) expect(res.body).toEqual({ error: { code: 'unauthorized', message: 'The write token is not valid.' } });
    for (const scheme of ['Basic dGVzdC13cml0ZS10b2tlbg==', 'test-write-token', 'bearer test-write-token', 'Bearer  test-write-token']) {
      expect((await postSource(app, scheme)).status, scheme).toBe(401);
    }
    // Past Node's 16 KB header limit the request never reaches the app.
    expect((await postSource(app, `Bearer ${'x'.repeat(20_000)}`)).status).toBe(431);
    expect(await graphFingerprint(app.db)).toEqual(graphBefore);
  });

  it('lets the right token through to validation', async () => {
    const res = await postSource(app, 'Bearer test-write-token');
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('invalid_request');
  });

  it('refuses every write with 403 while the server has no token, even one bearing a token', async () => {
    const readOnly = await appWith({ PARLEY_WRITE_TOKEN: '' });
    for (const authorization of [undefined, 'Bearer test-write-token', 'Bearer ']) {
      const res = await postSource(readOnly, authorization);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: { code: 'writes_disabled', message: expect.stringContaining('PARLEY_WRITE_TOKEN') } });
    }
  });

  it('refuses bodies over the limit with 413 before the token is looked at', async () => {
    const small = await appWith({ PARLEY_BODY_LIMIT: '1kb' });
    const body = JSON.stringify({ sourceId: 'source:x', padding: 'x'.repeat(2_000) });
    for (const authorization of ['Bearer test-write-token', undefined]) {
      const res = await postSource(small, authorization, body);
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ error: { code: 'entity_too_large', message: 'request entity too large' } });
    }
    expect((await postSource(app, 'Bearer test-write-token', JSON.stringify({ padding: 'x'.repeat(6 * 1024 * 1024) }))).status).toBe(413);
  });
});

describe('security headers', () => {
  it.each(['/api/search?q=Russia', '/api/nodes/party:nowhere', '/api/cypher', '/healthz', '/no/such/page'])('are on every answer, errors included: %s', async (path) => {
    const res = await app.request(path);
    const h = res.headers;
    expect(h.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(h.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
    expect(h.get('content-security-policy')).toMatch(/object-src 'none'/);
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(h.get('referrer-policy')).toBe('no-referrer');
    expect(h.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(h.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(h.get('x-powered-by')).toBeNull();
  });
});

describe('CORS', () => {
  const allowed = 'https://analysts.example.org';

  it('answers no browser origin while the allow-list is empty (the default)', async () => {
    const res = await app.request('/api/search?q=Russia', { headers: { origin: allowed } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('echoes a listed origin, for requests and preflights, and no other', async () => {
    const listed = await appWith({ PARLEY_CORS_ORIGINS: `${allowed}, https://second.example.org` });
    const ok = await listed.request('/api/search?q=Russia', { headers: { origin: allowed } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);

    const preflight = await listed.request('/api/cypher', {
      method: 'OPTIONS',
      headers: { origin: allowed, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST');

    for (const origin of ['https://evil.example.org', `${allowed}.evil.example`, 'null', allowed.toUpperCase(), 'http://analysts.example.org']) {
      const res = await listed.request('/api/search?q=Russia', { headers: { origin } });
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
      const refusedPreflight = await listed.request('/api/sources', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(refusedPreflight.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });
});

describe('errors never reveal internals', () => {
  const probes: Array<[string, RequestInit & { json?: unknown }]> = [
    ['/api/graph', {}],
    ['/api/search?q=Russia', {}],
    ['/api/nodes/party:russia', {}],
    ['/api/matrix', {}],
    ['/api/cypher', { method: 'POST', json: { query: 'MATCH (n) RETURN count(n)' } }],
    ['/api/ask', { method: 'POST', json: { question: 'Who rejected the ceasefire?' } }],
    ['/api/sources', { method: 'POST', json: {}, headers: { authorization: 'Bearer test-write-token' } }],
  ];

  it('answers 503 with a clear message while Neo4j cannot be reached', async () => {
    const unreachable = await appWith({ NEO4J_URI: `bolt://127.0.0.1:${await freePort()}` });
    // In parallel: each one waits out the driver's connection retries before it gives up.
    const reads = probes.filter(([path]) => path !== '/api/sources');
    const answers = await Promise.all(reads.map(([path, init]) => unreachable.request(path, init)));
    answers.forEach((res, i) => {
      expect(res.status, reads[i]![0]).toBe(503);
      expect(res.body, reads[i]![0]).toEqual({ error: { code: 'database_unavailable', message: 'The graph database is unavailable; try again shortly.' } });
    });
    const health = await unreachable.request('/healthz');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'degraded', neo4j: { connected: false, error: 'Neo4j is not reachable' } });
  }, 60_000);

  it('answers a generic 500 when Neo4j refuses the app, keeping the driver\u2019s message in the log', async () => {
    // A user that does not exist: wrong logins lock the account for a while, and the other suites need neo4j's.
    const misconfigured = await appWith({ NEO4J_USER: 'no-such-user', NEO4J_PASSWORD: 'not-the-password' });
    for (const [path, init] of probes) {
      const res = await misconfigured.request(path, init);
      if (path === '/api/sources') {
        // The payload is checked before the database is touched.
        expect(res.status).toBe(400);
        continue;
      }
      expect(res.status, path).toBe(500);
      expect(res.body, path).toEqual({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } });
      expect(res.text).not.toMatch(/unauthori[sz]ed|authentication|Neo\.ClientError/i);
    }
  });

  it('answers malformed requests without echoing parser internals', async () => {
    const cases: Array<[string, RequestInit]> = [
      ['/api/cypher', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' }],
      ['/api/cypher', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-7' }, body: '{}' }],
      ['/api/cypher', { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'br' }, body: 'garbage' }],
      ['/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `${'['.repeat(200_000)}${']'.repeat(200_000)}` }],
      ['/api/nodes/%E0%A4%A', {}],
      ['/api/positions/%/trace', {}],
    ];
    for (const [path, init] of cases) {
      const res = await app.request(path, init);
      expect(res.status, `${path} ${res.text}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${path} ${res.text}`).toBeLessThan(500);
      expect(res.body, path).toEqual({ error: expect.anything() });
      expect(res.text, path).not.toMatch(STACK_TRACE);
    }
  });
});
