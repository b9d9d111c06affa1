/**
 * Runs the attack corpus (cypherAttacks.ts) against the real app and Neo4j. Every case must be
 * refused with its status, code and reason, in the one error shape, without a stack trace; and
 * afterwards the graph, its schema, its tokens, the users and the databases are exactly as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { type TestApp, errorOf, startTestApp } from '../support/app.ts';
import { resetToSeed, testDatabase } from '../support/db.ts';
import { graphFingerprint } from '../support/fingerprint.ts';
import { type SpecValidator, loadSpecValidator } from '../support/openapi.ts';
import { type AttackCase, cypherAttacks } from './cypherAttacks.ts';
import { STACK_TRACE } from './leaks.ts';

let app: TestApp;
let spec: SpecValidator;
let before: GraphState;

beforeAll(async () => {
  // A short console timeout keeps the runaway queries quick; they are stopped all the same.
  app = await startTestApp({ PARLEY_CYPHER_TIMEOUT_MS: '1500' });
  await resetToSeed(app.db);
  spec = await loadSpecValidator(app);
  before = await graphState(app.db);
});
afterAll(() => app.close());

interface GraphState {
  graph: Awaited<ReturnType<typeof graphFingerprint>>;
  schema: unknown[];
  tokens: unknown;
  users: unknown[];
  databases: unknown[];
}

/** Everything an attack could change: data, indexes and constraints, label/type/key tokens, users, databases. */
async function graphState(db: Database): Promise<GraphState> {
  const [indexes, constraints, [tokens]] = await Promise.all([
    db.read('SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties RETURN name, type, state, labelsOrTypes, properties ORDER BY name'),
    db.read('SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name'),
    db.read(
      `CALL db.labels() YIELD label WITH collect(label) AS labels
       CALL db.relationshipTypes() YIELD relationshipType WITH labels, collect(relationshipType) AS types
       CALL db.propertyKeys() YIELD propertyKey RETURN labels, types, collect(propertyKey) AS keys`,
    ),
  ]);
  const system = db.driver.session({ database: 'system' });
  try {
    const users = (await system.run('SHOW USERS YIELD user, passwordChangeRequired RETURN user, passwordChangeRequired ORDER BY user')).records.map((r) => r.toObject());
    const databases = (await system.run('SHOW DATABASES YIELD name, currentStatus RETURN name, currentStatus ORDER BY name')).records.map((r) => r.toObject());
    return { graph: await graphFingerprint(db), schema: [...indexes, ...constraints], tokens, users, databases };
  } finally {
    await system.close();
  }
}

function send({ request }: AttackCase) {
  if ('query' in request) return app.request('/api/cypher', { method: 'POST', json: request });
  return app.request('/api/cypher', { method: 'POST', headers: { 'content-type': request.contentType }, body: request.body() });
}

/** Transactions still running a given console query, as Neo4j itself reports them. */
async function stillRunning(query: string): Promise<unknown[]> {
  return app.db.read('SHOW TRANSACTIONS YIELD currentQuery, status WHERE currentQuery CONTAINS $query RETURN currentQuery, status', { query });
}

describe(`the attack corpus against POST /api/cypher (${cypherAttacks.length} cases)`, () => {
  it.each(cypherAttacks.map((attack) => [`${attack.category}: ${attack.name}`, attack] as const))('refuses %s', async (_name, attack) => {
    const res = await send(attack);
    expect(res.status, res.text.slice(0, 500)).toBe(attack.status);
    expect(res.body).toEqual({ error: expect.anything() });
    expect(errorOf(res).code).toBe(attack.code);
    expect(errorOf(res).message).toMatch(attack.reason);
    expect(res.text).not.toMatch(STACK_TRACE);
    spec.expectMatches('post', '/api/cypher', attack.status, res.body);
    if ('query' in attack.request && attack.status === 408) expect(await stillRunning(attack.request.query)).toEqual([]);
  });

  it('has at least 100 distinct cases in every category the issue names', () => {
    const requests = cypherAttacks.map(({ request }) => ('query' in request ? JSON.stringify(request) : request.body()));
    expect(new Set(requests).size).toBe(cypherAttacks.length);
    expect(cypherAttacks.length).toBeGreaterThanOrEqual(100);
    const perCategory: Record<string, number> = {};
    for (const { category } of cypherAttacks) perCategory[category] = (perCategory[category] ?? 0) + 1;
    console.info(`attack corpus: ${cypherAttacks.length} cases`, perCategory);
    expect(Object.keys(perCategory).sort()).toEqual(
      ['IN TRANSACTIONS', 'LOAD CSV', 'comments and Unicode', 'malformed request', 'oversized request', 'parameter smuggling', 'procedure', 'runaway query', 'schema and administration', 'several statements', 'write clause'].sort(),
    );
  });

  it('leaves the graph, schema, tokens, users and databases exactly as they were, and the password working', async () => {
    expect(await graphState(app.db)).toEqual(before);
    const fresh = testDatabase();
    try {
      await fresh.verifyConnectivity();
    } finally {
      await fresh.close();
    }
  });
});

describe('what the console still allows', () => {
  it('treats parameters as values, never as Cypher', async () => {
    const smuggled = "x'}) DETACH DELETE n // ; MATCH (m) DELETE m";
    const res = await app.api.cypher({ body: { query: 'OPTIONAL MATCH (n:Party {id: $id}) RETURN $id AS id, count(n) AS matches', params: { id: smuggled } } });
    expect(res.rows).toEqual([{ id: smuggled, matches: 0 }]);
  });

  it('lets through keywords inside strings and comments, and the describing commands and procedures', async () => {
    for (const query of [
      "RETURN 'LOAD CSV FROM file:///etc/passwd; CREATE (n)' AS text",
      'MATCH (n:Party) /* DETACH DELETE n */ RETURN count(n) AS parties // CALL dbms.listConfig()',
      'SHOW INDEXES YIELD name RETURN name',
      'SHOW CONSTRAINTS',
      'CALL db.labels()',
      "CALL db.index.fulltext.queryNodes('entity_names', 'Russia') YIELD node RETURN node.id AS id",
    ]) {
      await expect(app.api.cypher({ body: { query } }), query).resolves.toMatchObject({ columns: expect.any(Array) });
    }
  });
});
