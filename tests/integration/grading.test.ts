/**
 * Source grading against the real Neo4j: publishers and Admiralty grades arrive with the source;
 * a grade filter removes a low-grade source's stances and evidence from the graph, the trace, the
 * matrix, an actor's stances and ask; excluding an affiliation removes state-media evidence; a
 * grade changed with the write token changes the filtered answers and is in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupLines } from '../../server/features/sources/backup.ts';
import { applySchema } from '../../server/db/schema.ts';
import {
  BLOG,
  BLOG_ONLY_STANCE,
  PAPER,
  PAPER_ONLY_STANCE,
  SHARED_STANCE,
  WIRE,
  WIRE_ONLY_STANCE,
  independentPaper,
  stateWire,
  ungradedBlog,
} from '../fixtures/gradedSources.ts';
import type { z } from 'zod';
import { type gradeFilterSchema, stanceEdgeAttributesSchema } from '../../server/contract/common.ts';
import { type TestApp, answerOf, errorOf, postSource, startTestApp } from '../support/app.ts';
import { testLogger } from '../support/db.ts';
import { loadSpecValidator } from '../support/openapi.ts';

const ANALYST = 'Bearer analyst-token';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ PARLEY_WRITE_TOKENS: 'analyst:analyst-token' });
  await app.db.write('MATCH (n) DETACH DELETE n');
  await applySchema(app.db, testLogger);
  for (const payload of [independentPaper(), stateWire(), ungradedBlog()]) {
    const res = await postSource(app.url, payload, ANALYST);
    expect(res.status, res.text).toBe(201);
  }
});
afterAll(() => app.close());

/** A grade filter as the API's query takes it. */
type Filter = z.input<typeof gradeFilterSchema>;

/** Stance id → the sources of its evidence, from the visual graph. */
async function graphStances(filter: Filter = {}) {
  const { edges } = await app.api.graph({ query: { nodeTypes: 'Party,Position', ...filter } });
  const stances = edges.filter((e) => e.attributes.stanceId);
  return new Map(stances.map((e) => [e.id, stanceEdgeAttributesSchema.parse(e.attributes).evidence.map((x) => x.source).sort()]));
}

async function traceStances(position: string, filter: Filter = {}) {
  return Object.values((await app.api.trace({ params: { id: position }, query: filter })).stances).flat();
}

async function actorStanceIds(actor: string, filter: Filter = {}): Promise<string[]> {
  return (await app.api.actorStances({ params: { id: actor }, query: filter })).stances.map((s) => s.id).sort();
}

async function matrixCells(filter: Filter = {}) {
  const { cells } = await app.api.matrix({ query: filter });
  return new Map(cells.map((c) => [`${c.party} ${c.position}`, c]));
}

async function askCitedStances(question: string, filter: Filter = {}): Promise<(string | null)[]> {
  return (await app.api.ask({ body: { question, ...filter } })).citations.map((c) => c.stanceId);
}

async function sourceList() {
  return (await app.api.sources()).sources;
}

describe('publishers and grades at ingest', () => {
  it('lists each source with its grade and publisher: declared with an affiliation, or derived from the free-text name', async () => {
    const byId = new Map((await sourceList()).map((s) => [s.id, s]));
    expect(byId.get(PAPER)).toMatchObject({
      grade: 'A2',
      publisher: 'Coastal Gazette',
      publishedBy: { id: 'publisher:coastal-gazette', name: 'Coastal Gazette', aliases: ['the Gazette'], country: 'Eastmark', affiliation: null },
    });
    expect(byId.get(WIRE)).toMatchObject({
      grade: 'C3',
      publishedBy: { id: 'publisher:southland-state-wire', affiliation: { id: 'party:southland', label: 'Southland', type: 'Party' } },
    });
    expect(byId.get(BLOG)).toMatchObject({
      grade: null,
      publisher: 'Harbour Watch',
      publishedBy: { id: 'publisher:harbour-watch', name: 'Harbour Watch', country: null, affiliation: null },
    });
  });

  it('shows each piece of evidence with its source grade and publisher', async () => {
    const shared = (await traceStances('position:harbour-truce')).find((s) => s.id === SHARED_STANCE)!;
    expect(shared.evidence.map((e) => [e.source, e.sourceGrade, e.sourcePublisher]).sort()).toEqual([
      [PAPER, 'A2', 'Coastal Gazette'],
      [WIRE, 'C3', 'Southland State Wire'],
    ]);
  });

  it('refuses a grade outside the Admiralty code, naming the field', async () => {
    const payload = independentPaper();
    const res = await postSource(app.url, { ...payload, source: { ...payload.source, grade: 'G7' } }, ANALYST);
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toContain('source.grade');
  });
});

describe('a minimum grade', () => {
  it('removes the stances only low-grade and ungraded sources report, and their evidence, from the graph', async () => {
    const all = await graphStances();
    expect([...all.keys()]).toEqual(expect.arrayContaining([PAPER_ONLY_STANCE, SHARED_STANCE, WIRE_ONLY_STANCE, BLOG_ONLY_STANCE]));
    expect(all.get(SHARED_STANCE)).toEqual([PAPER, WIRE]);

    const reliable = await graphStances({ minReliability: 'B' });
    expect([...reliable.keys()].sort()).toEqual([PAPER_ONLY_STANCE, SHARED_STANCE].sort());
    expect(reliable.get(SHARED_STANCE)).toEqual([PAPER]);
    // Credibility alone: the wire's 3 passes a minimum of 3, the ungraded blog (6) does not.
    expect([...(await graphStances({ minCredibility: 3 })).keys()].sort()).toEqual([PAPER_ONLY_STANCE, SHARED_STANCE, WIRE_ONLY_STANCE].sort());
    // F and 6 admit everything, ungraded sources too.
    expect([...(await graphStances({ minReliability: 'F', minCredibility: 6 })).keys()].sort()).toEqual([...all.keys()].sort());
  });

  it('filters the graph around an actor the same way', async () => {
    const graph = await app.api.graph({ query: { actor: 'party:southland', minReliability: 'B' } });
    const stances = graph.edges.filter((e) => e.attributes.stanceId).map((e) => e.id);
    expect(stances).toEqual([SHARED_STANCE]);
    expect(graph.nodes.map((n) => n.id)).not.toContain('position:grain-corridor');
  });

  it('filters the trace: the stance and its timeline line go, the shared stance keeps only admissible evidence', async () => {
    expect((await traceStances('position:grain-corridor')).map((s) => s.id)).toEqual([WIRE_ONLY_STANCE]);
    const filtered = await app.api.trace({ params: { id: 'position:grain-corridor' }, query: { minReliability: 'B' } });
    expect(Object.values(filtered.stances).flat()).toEqual([]);
    expect(filtered.timeline.filter((t) => t.kind === 'stance')).toEqual([]);
    const shared = (await traceStances('position:harbour-truce', { minReliability: 'B' })).find((s) => s.id === SHARED_STANCE)!;
    expect(shared.evidence.map((e) => e.source)).toEqual([PAPER]);
  });

  it("filters an actor's stances", async () => {
    expect(await actorStanceIds('party:northland')).toEqual([BLOG_ONLY_STANCE, PAPER_ONLY_STANCE].sort());
    expect(await actorStanceIds('party:northland', { minReliability: 'E' })).toEqual([PAPER_ONLY_STANCE]);
  });

  it('filters the matrix: the cell goes, and evidence counts only admissible evidence', async () => {
    const all = await matrixCells();
    expect(all.get('party:southland position:grain-corridor')?.latest.id).toBe(WIRE_ONLY_STANCE);
    expect(all.get('party:southland position:harbour-truce')?.evidenceCount).toBe(2);
    const reliable = await matrixCells({ minReliability: 'B' });
    expect(reliable.has('party:southland position:grain-corridor')).toBe(false);
    expect(reliable.has('party:northland position:fishing-crew-release')).toBe(false);
    expect(reliable.get('party:southland position:harbour-truce')?.evidenceCount).toBe(1);
  });

  // The first question loads the language model.
  it('filters ask', { timeout: 180_000 }, async () => {
    expect(await askCitedStances('What did Southland offer?')).toContain(WIRE_ONLY_STANCE);
    expect(await askCitedStances('What did Southland offer?', { minReliability: 'B' })).not.toContain(WIRE_ONLY_STANCE);
    expect(await askCitedStances('What did Northland demand?')).toContain(BLOG_ONLY_STANCE);
    expect(await askCitedStances('What did Northland demand?', { minCredibility: 5 })).not.toContain(BLOG_ONLY_STANCE);
  });
});

describe('excluding an affiliation', () => {
  it("removes the evidence of a party's state media everywhere, and the stances only it reports", { timeout: 120_000 }, async () => {
    const query = { excludeAffiliatedWith: 'party:southland' };
    const graph = await graphStances(query);
    expect(graph.has(WIRE_ONLY_STANCE)).toBe(false);
    expect(graph.get(SHARED_STANCE)).toEqual([PAPER]);
    // The ungraded blog has no affiliation: it stays.
    expect(graph.has(BLOG_ONLY_STANCE)).toBe(true);
    expect(await traceStances('position:grain-corridor', query)).toEqual([]);
    expect(await actorStanceIds('party:southland', query)).toEqual([SHARED_STANCE]);
    expect((await matrixCells(query)).has('party:southland position:grain-corridor')).toBe(false);
    expect(await askCitedStances('What did Southland offer?', { excludeAffiliatedWith: 'party:southland' })).not.toContain(WIRE_ONLY_STANCE);
  });

  it('answers 404 for a party that is not in the graph, and 400 for a grade that is not one', async () => {
    for (const path of ['/api/graph?excludeAffiliatedWith=party:atlantis', '/api/matrix?excludeAffiliatedWith=party:atlantis']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(errorOf(res).message).toContain('party:atlantis');
    }
    for (const path of ['/api/matrix?minReliability=G', '/api/matrix?minCredibility=7', '/api/actors/party:southland/stances?minCredibility=0']) {
      expect((await app.request(path)).status, path).toBe(400);
    }
  });
});

describe('PATCH /api/sources/:id/grade', () => {
  const patch = (id: string, json: unknown, authorization?: string) =>
    app.request(`/api/sources/${id}/grade`, { method: 'PATCH', json, headers: authorization ? { authorization } : {} });

  it('is refused without the write token, and for a bad grade or an unknown source', async () => {
    expect((await patch(WIRE, { grade: 'A1' })).status).toBe(401);
    expect((await patch(WIRE, { grade: 'A1' }, 'Bearer wrong')).status).toBe(401);
    const bad = await patch(WIRE, { grade: 'A9' }, ANALYST);
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toContain('grade');
    expect((await patch('source:not-here', { grade: 'A1' }, ANALYST)).status).toBe(404);
    expect((await sourceList()).find((s) => s.id === WIRE)?.grade).toBe('C3');
  });

  it('changes the filtered answers and writes who changed it, and from what to what, in the audit trail', { timeout: 120_000 }, async () => {
    expect((await graphStances({ minReliability: 'B' })).has(WIRE_ONLY_STANCE)).toBe(false);
    const res = await patch(WIRE, { grade: { reliability: 'B', credibility: 2 } }, ANALYST);
    expect(res.status, res.text).toBe(200);
    expect(answerOf('gradeSource', res)).toEqual({ sourceId: WIRE, grade: 'B2', previous: 'C3' });

    expect((await graphStances({ minReliability: 'B' })).get(SHARED_STANCE)).toEqual([PAPER, WIRE]);
    expect(await actorStanceIds('party:southland', { minReliability: 'B' })).toEqual([SHARED_STANCE, WIRE_ONLY_STANCE].sort());
    expect((await matrixCells({ minReliability: 'B' })).get('party:southland position:grain-corridor')?.latest.id).toBe(WIRE_ONLY_STANCE);

    const [latest] = (await app.api.audit({}, { token: 'analyst-token' })).entries;
    expect(latest).toMatchObject({ action: 'grade', sourceId: WIRE, writer: 'analyst', grade: { from: 'C3', to: 'B2' } });
    expect(Date.parse(latest?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);

    // Cleared, the source is ungraded again: it cannot be judged, and a minimum leaves it out.
    expect(answerOf('gradeSource', await patch(WIRE, { grade: null }, ANALYST))).toEqual({ sourceId: WIRE, grade: null, previous: 'B2' });
    expect((await graphStances({ minCredibility: 5 })).has(WIRE_ONLY_STANCE)).toBe(false);
    await patch(WIRE, { grade: 'b2' }, ANALYST);
  });

  it('answers in the documented shapes: the source list, a grade change, the audit trail, a filtered trace', async () => {
    const validator = await loadSpecValidator(app);
    validator.expectMatches('get', '/api/sources', 200, (await app.request('/api/sources')).body);
    const change = await patch(BLOG, { grade: 'E5' }, ANALYST);
    validator.expectMatches('patch', '/api/sources/{id}/grade', 200, change.body);
    await patch(BLOG, { grade: null }, ANALYST);
    validator.expectMatches('patch', '/api/sources/{id}/grade', 404, (await patch('source:not-here', { grade: 'A1' }, ANALYST)).body);
    validator.expectMatches('get', '/api/audit', 200, (await app.request('/api/audit', { headers: { authorization: ANALYST } })).body);
    const trace = await app.request('/api/positions/position:harbour-truce/trace?minReliability=B');
    validator.expectMatches('get', '/api/positions/{id}/trace', 200, trace.body);
  });

  it('keeps the changed grade in the backup', async () => {
    const lines: { sourceId: string; grade: string | null }[] = [];
    for await (const line of backupLines(app.db)) lines.push(JSON.parse(line));
    expect(lines.find((l) => l.sourceId === WIRE)?.grade).toBe('B2');
    expect(lines.find((l) => l.sourceId === BLOG)?.grade).toBeNull();
  });
});
