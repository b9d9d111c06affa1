import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stanceEdgeAttributesSchema } from '../../server/contract/common.ts';
import { type TestApp, errorOf, failureOf, startTestApp } from '../support/app.ts';
import { type SpecValidator, startSeededAppWithSpec } from '../support/openapi.ts';

let app: TestApp;
let spec: SpecValidator;
beforeAll(async () => ({ app, spec } = await startSeededAppWithSpec()));
afterAll(() => app.close());

const cypher = (query: string, extra: { params?: Record<string, unknown>; limit?: number } = {}) => app.api.cypher({ body: { query, ...extra } });
/** The raw answer, for the failures checked against the OpenAPI document. */
const rawCypher = (on: TestApp, query: string) => on.request('/api/cypher', { method: 'POST', json: { query } });

describe('POST /api/cypher', () => {
  it('runs a read query with params and reports columns, rows and summary', async () => {
    const res = await cypher('MATCH (p:Party {id: $id}) RETURN p.name AS name, p.aliases AS aliases', { params: { id: 'party:russia' } });
    spec.expectMatches('post', '/api/cypher', 200, res);
    expect(res.columns).toEqual(['name', 'aliases']);
    expect(res.rows).toEqual([{ name: 'Russia', aliases: ['Moscow', 'the Kremlin', 'Kremlin', 'Russian Federation'] }]);
    expect(res.summary).toMatchObject({ queryType: 'r', truncated: false });
  });

  it('passes JSON integers to Neo4j as integers (LIMIT $n, range), nested ones too, and keeps fractions as floats', async () => {
    const limited = await app.api.cypher({ body: { query: 'MATCH (p:Party) RETURN p.id AS id LIMIT $n', params: { n: 2 } } });
    expect(limited.rows).toHaveLength(2);
    const nested = await app.api.cypher({ body: { query: 'RETURN range(1, $m.top) AS r, [x IN $list | x + 1] AS next, $half * 2 AS whole, valueType($n) AS t', params: { m: { top: 3 }, list: [1, 2], half: 0.5, n: 5 } } });
    expect(nested.rows).toEqual([{ r: [1, 2, 3], next: [2, 3], whole: 1, t: 'INTEGER NOT NULL' }]);
  });

  it('collapses returned stances into edges in the graph part', async () => {
    const res = await cypher("MATCH (a)-[t:TOOK]->(s:Stance {id: 'stance:russia-rejected-unconditional-ceasefire-2025-06-02'})-[o:ON]->(b) RETURN a, t, s, o, b");
    spec.expectMatches('post', '/api/cypher', 200, res);
    expect(res.graph.nodes.map((n) => n.id).sort()).toEqual(['party:russia', 'position:unconditional-ceasefire']);
    expect(res.graph.edges).toEqual([
      expect.objectContaining({ source: 'party:russia', target: 'position:unconditional-ceasefire', type: 'rejected' }),
    ]);
    // Several sources report this one stance; the edge carries every report.
    const attributes = stanceEdgeAttributesSchema.parse(res.graph.edges[0]?.attributes);
    expect(attributes.evidenceCount).toBe(attributes.evidence.length);
    expect(attributes.evidenceCount).toBeGreaterThanOrEqual(3);
  });

  it('turns paths into graph nodes and edges and dates into strings', async () => {
    const res = await cypher("MATCH p = (:Official {id: 'official:dmitry-peskov'})-[:REPRESENTS]->(:Party) RETURN p, date('2025-06-02') AS d");
    expect(res.rows[0]?.['d']).toBe('2025-06-02');
    expect(res.graph.edges).toEqual([expect.objectContaining({ source: 'official:dmitry-peskov', target: 'party:russia', type: 'REPRESENTS' })]);
  });

  it('caps rows at the smaller of limit and the server cap and says it truncated', async () => {
    const res = await cypher('UNWIND range(1, 50) AS x RETURN x', { limit: 10 });
    expect(res.rows).toHaveLength(10);
    expect(res.summary.truncated).toBe(true);
    const capped = await startTestApp({ PARLEY_CYPHER_MAX_ROWS: '5' });
    try {
      const big = await capped.api.cypher({ body: { query: 'UNWIND range(1, 50) AS x RETURN x', limit: 100 } });
      expect(big.rows).toHaveLength(5);
    } finally {
      await capped.close();
    }
  });

  it('refuses an answer larger than the byte cap with 413 naming the cap, and serves one under it', async () => {
    const capped = await startTestApp({ PARLEY_CYPHER_MAX_BYTES: '5000' });
    try {
      const big = await rawCypher(capped, "UNWIND range(1, 500) AS i RETURN i, '0123456789abcdef' AS pad");
      expect(big.status).toBe(413);
      spec.expectMatches('post', '/api/cypher', 413, big.body);
      expect(errorOf(big)).toMatchObject({ code: 'answer_too_large', details: { maxBytes: 5000 } });
      expect(errorOf(big).message).toMatch(/larger than the console's cap of 5000 bytes \(PARLEY_CYPHER_MAX_BYTES\)/);
      const small = await capped.api.cypher({ body: { query: "UNWIND range(1, 50) AS i RETURN i, '0123456789abcdef' AS pad" } });
      expect(small.rows).toHaveLength(50);
    } finally {
      await capped.close();
    }
  });

  it('stops a query past the per-transaction memory cap of the generated neo4j.conf with 422, leaving no transaction behind', { timeout: 90_000 }, async () => {
    const patient = await startTestApp({ PARLEY_CYPHER_TIMEOUT_MS: '60000' });
    try {
      const query = 'UNWIND range(1, 100000000) AS x WITH collect(x) AS xs RETURN size(xs) AS n';
      const err = await failureOf(patient.api.cypher({ body: { query } }));
      expect(err.status).toBe(422);
      expect(err.code).toBe('query_too_large');
      expect(err.details).toMatchObject({ neo4jCode: 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' });
      expect(err.details).toHaveProperty('message', expect.stringMatching(/db\.memory\.transaction\.max threshold reached/));
      const running = await patient.db.read('SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $query RETURN currentQuery', { query });
      expect(running).toEqual([]);
    } finally {
      await patient.close();
    }
  });

  it("answers the heap case with 422 before the console's timeout, and leaves no transaction holding memory", async () => {
    const transactionsHoldingMemory = () =>
      app.db.read<{ query: string; heap: number }>(
        "SHOW TRANSACTIONS YIELD currentQuery, estimatedUsedHeapMemory WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN currentQuery AS query, estimatedUsedHeapMemory AS heap",
      );
    const query = 'RETURN size(reduce(s = "x", i IN range(1, 32) | s + s)) AS s';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const err = await failureOf(cypher(query));
      // 422, not the 408 the console's timeout would give: the transaction memory cap stopped it first.
      expect(err.status).toBe(422);
      expect(err.code).toBe('query_too_large');
      // Each refused attempt, which would need 8 GiB, gives back what it took before the next one.
      expect(await transactionsHoldingMemory()).toEqual([]);
    }
    expect((await cypher('RETURN 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it("answers bad Cypher with 400 and Neo4j's message and position in the user's query", async () => {
    const res = await rawCypher(app, 'MATCH (n RETURN n');
    expect(res.status).toBe(400);
    spec.expectMatches('post', '/api/cypher', 400, res.body);
    const error = errorOf(res);
    expect(error.code).toBe('cypher_syntax_error');
    expect(error.details).toHaveProperty('neo4jCode', 'Neo.ClientError.Statement.SyntaxError');
    expect(error.details).toHaveProperty('position', { line: 1, column: 10, offset: 9 });
    expect(error.message).toContain("Invalid input 'RETURN'");
  });

  it('refuses several statements, missing parameters and runtime errors with 400, never 5xx', async () => {
    for (const [query, status] of [
      ['RETURN 1; RETURN 2', 400],
      ['RETURN $missing AS x', 400],
      ['RETURN 1 / 0 AS x', 400],
      ['MATCH (n) RETURN m', 400],
      ['', 400],
    ] as const) {
      const err = await failureOf(cypher(query));
      expect(err.status, query).toBe(status);
    }
    expect((await failureOf(cypher('RETURN 1', { limit: 0 }))).message).toContain('limit');
  });
});
