import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../server/contract/common.ts';
import { type TestApp, startTestApp } from '../support/app.ts';
import { resetToSeed } from '../support/db.ts';
import { loadSpecValidator } from '../support/openapi.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await resetToSeed(app.db);
});
afterAll(() => app.close());

describe('GET /api/openapi.json', () => {
  it('is OpenAPI 3.1 documenting every API route with parameters from the zod schemas', async () => {
    const { spec } = await loadSpecValidator(app);
    const doc = spec as unknown as { openapi: string; paths: Record<string, Record<string, { parameters: { name: string; in: string; required: boolean }[] }>> };
    expect(doc.openapi).toBe('3.1.0');
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(
      [
        'GET /api/graph', 'GET /api/search', 'GET /api/nodes/{id}', 'GET /api/nodes/{id}/neighbors', 'GET /api/positions/{id}/trace',
        'GET /api/actors/{id}/stances', 'GET /api/matrix', 'GET /api/paths', 'GET /api/questions', 'POST /api/questions/{id}', 'POST /api/ask',
        'POST /api/cypher', 'GET /api/cypher/schema', 'GET /api/export', 'GET /api/openapi.json', 'GET /api/docs', 'GET /api/meta', 'GET /api/sources/schema', 'GET /api/sources', 'POST /api/sources',
        'GET /api/sources/{id}', 'DELETE /api/sources/{id}', 'PATCH /api/sources/{id}/grade', 'GET /api/audit', 'POST /api/extract', 'GET /api/conflicts',
        'GET /api/graph/view', 'GET /api/graph/clusters/{id}', 'GET /api/graph/edges/{actor}/{target}/stances',
        'GET /api/documents/compare', 'GET /api/documents/{id}/vs-author',
        'POST /api/watches', 'GET /api/watches', 'GET /api/watches/{id}', 'DELETE /api/watches/{id}', 'GET /api/watches/{id}/deliveries',
        'POST /api/watches/{id}/feed', 'POST /api/watches/{id}/webhook', 'DELETE /api/watches/{id}/feed', 'GET /api/feeds/{token}', 'GET /api/changes', 'GET /api/changes/stream',
        'GET /api/negotiations', 'GET /api/negotiations/{id}',
      ].sort(),
    );
    const graphParams = doc.paths['/api/graph']!.get!.parameters.map((p) => p.name);
    expect(graphParams).toEqual(['nodeTypes', 'stanceTypes', 'actor', 'position', 'asOf', 'limit', 'minReliability', 'minCredibility', 'excludeAffiliatedWith', 'negotiation']);
    expect(doc.paths['/api/actors/{id}/stances']!.get!.parameters.map((p) => p.name)).toContain('byNegotiation');
    for (const path of ['/api/positions/{id}/trace', '/api/actors/{id}/stances', '/api/matrix']) {
      expect(doc.paths[path]!.get!.parameters.map((p) => p.name), path).toEqual(expect.arrayContaining(['asOf', 'minReliability', 'minCredibility', 'excludeAffiliatedWith', 'negotiation']));
    }
    for (const path of ['/api/graph/view', '/api/conflicts', '/api/sources', '/api/export']) {
      expect(doc.paths[path]!.get!.parameters.map((p) => p.name), path).toContain('negotiation');
    }
    expect(doc.paths['/api/nodes/{id}']!.get!.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });

  it('every documented route answers (no documented path is a 404 route)', async () => {
    const { spec } = await loadSpecValidator(app);
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const method of Object.keys(ops)) {
        const url = path.replace('{id}', 'party:russia');
        // An event stream never ends: its headers are the answer.
        if (JSON.stringify((ops as Record<string, unknown>)[method]).includes('text/event-stream')) {
          const stream = await fetch(app.url + url);
          expect(stream.headers.get('content-type'), `${method} ${path}`).toMatch(/^text\/event-stream/);
          await stream.body?.cancel();
          continue;
        }
        const res = await app.request(url, { method: method.toUpperCase(), ...(method === 'post' ? { json: {} } : {}) });
        const failure = errorResponseSchema.safeParse(res.body);
        expect(failure.success ? failure.data.error.message : '', `${method} ${path}`).not.toMatch(/^No route/);
      }
    }
  });

  it('the ingestion answer matches its documented schema', async () => {
    const validator = await loadSpecValidator(app);
    const schema = await app.request('/api/sources/schema');
    validator.expectMatches('get', '/api/sources/schema', 200, schema.body);
    const bad = await app.request('/api/sources', { method: 'POST', json: {}, headers: { authorization: 'Bearer test-write-token' } });
    validator.expectMatches('post', '/api/sources', bad.status, bad.body);
  });

  it('the validator rejects an answer that breaks the schema, so the schema checks in the other files can fail', async () => {
    const validator = await loadSpecValidator(app);
    expect(() => validator.expectMatches('get', '/api/graph', 200, { nodes: [{ id: 'x' }], edges: [], truncated: false })).toThrow();
  });
});

describe('GET /api/docs', () => {
  it('serves a readable page that loads its script from this server only', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('<script src="/api/docs/docs.js"');
    expect(res.text).not.toMatch(/https?:\/\//);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    const script = await app.request('/api/docs/docs.js');
    expect(script.status).toBe(200);
    expect(script.text).toContain('/api/openapi.json');
  });
});
