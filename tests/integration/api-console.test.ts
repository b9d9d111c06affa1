/**
 * The console's additions against the real Neo4j: the schema it completes from (read live, so it
 * follows an ingestion), EXPLAIN and PROFILE answered as plan trees, and error positions that point
 * into the text the user typed even behind a PROFILE.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESCRIBING_PROCEDURES } from '../../server/features/console/console.ts';
import { ingestSource, parsePayload } from '../../server/features/sources/ingest.ts';
import { CYPHER_DIR } from '../../server/db/cypherFiles.ts';
import type { CypherResponse, PlanNode } from '../../server/contract/console.ts';
import { type TestApp, failureOf } from '../support/app.ts';
import { resetToSeed } from '../support/db.ts';
import { type SpecValidator, startSeededAppWithSpec } from '../support/openapi.ts';

let app: TestApp;
let spec: SpecValidator;
beforeAll(async () => ({ app, spec } = await startSeededAppWithSpec()));
afterAll(async () => {
  await resetToSeed(app.db);
  await app.close();
});

const cypher = (query: string, extra: { limit?: number } = {}) => app.api.cypher({ body: { query, ...extra } });
const TRACE = "MATCH (a)-[:TOOK]->(s:Stance)-[:ON]->(p:Position {id: 'position:unconditional-ceasefire'}) RETURN a.name AS actor, s.type AS stance";

const operators = (plan: PlanNode): PlanNode[] => [plan, ...plan.children.flatMap(operators)];
/** The plan of an EXPLAIN or PROFILE answer; an answer without one fails the test. */
function planOf(answer: CypherResponse): PlanNode {
  if (!answer.plan) throw new Error(`no plan in the answer (columns ${answer.columns.join(', ')})`);
  return answer.plan;
}

describe('GET /api/cypher/schema', () => {
  it("answers the database's labels, types, keys per label, functions and only the allowed procedures", async () => {
    const res = await app.api.cypherSchema();
    spec.expectMatches('get', '/api/cypher/schema', 200, res);
    expect(res.labels).toEqual(expect.arrayContaining(['Party', 'Official', 'Position', 'Stance', 'Evidence', 'Source']));
    expect(res.relationshipTypes).toEqual(expect.arrayContaining(['TOOK', 'ON', 'EVIDENCED_BY', 'REPRESENTS']));
    expect(res.propertyKeys).toEqual(expect.arrayContaining(['id', 'name', 'quote']));
    expect(res.propertiesByLabel.Party).toEqual(expect.arrayContaining(['id', 'name', 'aliases', 'kind']));
    expect(res.propertiesByLabel.Evidence).toContain('reporting');
    expect(res.propertiesByLabel.Party).not.toContain('reporting');
    expect(res.functions.map((f) => f.name)).toEqual(expect.arrayContaining(['toLower', 'coalesce', 'date']));
    const procedures = res.procedures.map((p) => p.name);
    expect(procedures).toEqual(expect.arrayContaining(['db.labels', 'db.schema.visualization', 'db.index.fulltext.queryNodes']));
    expect(procedures.every((name) => DESCRIBING_PROCEDURES.has(name))).toBe(true);
    const labels = res.procedures.find((p) => p.name === 'db.labels');
    expect(labels?.returnItems).toEqual([{ name: 'label', signature: 'label :: STRING' }]);
  });

  it("leaves out the server's layout node, its label and the keys only it carries, while queries still read it", async () => {
    // The graph view's first request stores the layout, in the background: waited for.
    for (let attempt = 0; attempt < 100 && (await app.api.graphView()).layout.stale; attempt++) await new Promise((resolve) => setTimeout(resolve, 200));
    const [layout] = await app.db.read<{ keys: string[] }>('MATCH (l:GraphLayout) RETURN keys(l) AS keys');
    const [model] = await app.db.read<{ keys: string[] }>('MATCH (n) WHERE NOT n:GraphLayout UNWIND keys(n) AS key RETURN collect(DISTINCT key) AS keys');
    const layoutOnly = layout!.keys.filter((key) => !model!.keys.includes(key));
    expect(layoutOnly.length).toBeGreaterThan(0);

    const res = await app.api.cypherSchema();
    spec.expectMatches('get', '/api/cypher/schema', 200, res);
    expect(res.labels).not.toContain('GraphLayout');
    expect(res.propertiesByLabel).not.toHaveProperty('GraphLayout');
    expect(res.propertyKeys.filter((key) => layoutOnly.includes(key))).toEqual([]);
    expect(res.propertyKeys).toEqual(expect.arrayContaining(model!.keys));

    const counted = await cypher('MATCH (l:GraphLayout) RETURN count(l) AS layouts');
    expect(counted.rows).toEqual([{ layouts: 1 }]);
  });

  it('follows an ingestion: labels and keys appear once the graph holds them', async () => {
    await app.db.write('MATCH (n) DETACH DELETE n');
    const empty = await app.api.cypherSchema();
    expect(empty.labels).toEqual([]);
    expect(empty.propertiesByLabel).toEqual({});

    const seed = JSON.parse(fs.readFileSync(path.join(CYPHER_DIR, 'seed', '010-istanbul-talks-2025-06-03.json'), 'utf8'));
    await ingestSource(app.db, parsePayload(seed));
    const after = await app.api.cypherSchema();
    expect(after.labels).toEqual(expect.arrayContaining(['Party', 'Position', 'Stance']));
    expect(after.relationshipTypes).toContain('TOOK');
    expect(after.propertiesByLabel.Stance).toEqual(expect.arrayContaining(['type', 'date']));
    await resetToSeed(app.db);
  });
});

describe('EXPLAIN and PROFILE in the console', () => {
  it('answers EXPLAIN with the plan tree and its estimated rows, without running the query', async () => {
    const res = await cypher(`EXPLAIN ${TRACE}`);
    spec.expectMatches('post', '/api/cypher', 200, res);
    expect(res.rows).toEqual([]);
    expect(planOf(res).operator).toBe('ProduceResults');
    const all = operators(planOf(res));
    // Which leaf the planner picks (index seek or label scan) depends on its statistics, which an
    // earlier test's delete-and-reseed leaves stale; every plan reads the graph through one of them.
    expect(all.length).toBeGreaterThan(2);
    expect(all.some((op) => op.children.length === 0 && /Seek|Scan/.test(op.operator))).toBe(true);
    expect(all.every((op) => typeof op.estimatedRows === 'number' && op.rows === null && op.dbHits === null)).toBe(true);
  });

  it('answers PROFILE with the rows and every operator’s rows and db hits', async () => {
    const plain = await cypher(TRACE);
    const res = await cypher(`profile ${TRACE}`);
    spec.expectMatches('post', '/api/cypher', 200, res);
    expect(res.rows).toEqual(plain.rows);
    expect(planOf(res).operator).toBe('ProduceResults');
    expect(planOf(res).rows).toBe(plain.rows.length);
    const all = operators(planOf(res));
    expect(all.every((op) => typeof op.rows === 'number' && typeof op.dbHits === 'number')).toBe(true);
    expect(all.reduce((sum, op) => sum + (op.dbHits ?? 0), 0)).toBeGreaterThan(0);
  });

  it('profiles a query past the row cap: rows capped, plan counting them all', async () => {
    const res = await cypher('PROFILE UNWIND range(1, 50) AS x RETURN x', { limit: 10 });
    expect(res.rows).toHaveLength(10);
    expect(res.summary.truncated).toBe(true);
    expect(planOf(res).rows).toBe(50);
  });

  it('refuses a write behind EXPLAIN or PROFILE, and writes nothing', async () => {
    for (const query of ["PROFILE CREATE (n:Intruder {id: 'intruder:profile'}) RETURN n", "EXPLAIN MERGE (n:Intruder {id: 'intruder:explain'})", 'PROFILE MATCH (n:Party) SET n.name = 1']) {
      const err = await failureOf(cypher(query));
      expect(err.status, query).toBe(403);
      expect(err.code).toBe('read_only');
    }
    const [left] = await app.db.read<{ n: number }>("MATCH (n) WHERE n:Intruder OR n.name = 1 RETURN count(n) AS n");
    expect(left!.n).toBe(0);
  });

  it('marks an error at its place in the typed text, behind PROFILE and on a later line too', async () => {
    const plain = await failureOf(cypher('MATCH (n:Party)\nRETRN n'));
    expect(plain.status).toBe(400);
    expect(plain.details).toHaveProperty('position', { line: 2, column: 1, offset: 16 });
    const profiled = await failureOf(cypher('PROFILE MATCH (n:Party) RETRN n'));
    expect(profiled.details).toHaveProperty('position', { line: 1, column: 25, offset: 24 });
    const firstLine = await failureOf(cypher('MATCH (n:Party) RETRN n'));
    expect(firstLine.details).toHaveProperty('position', { line: 1, column: 17, offset: 16 });
  });

  it('names a parameter the query uses without a value', async () => {
    const res = await failureOf(cypher('MATCH (p:Party {id: $party}) RETURN p'));
    expect(res.status).toBe(400);
    expect(res.message).toMatch(/Expected parameter\(s\): party/);
  });
});
