/**
 * Documents point by point (issue 29): points in through POST /api/sources, the comparison of
 * documents, a document against its author's public stances, and bad input. The Istanbul pair is
 * brought in from the reports the gold cites (tests/fixtures/comparePoints.ts) and checked against
 * the gold row by row; a constructed pair checks each kind of row and each side's evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../client/src/api/client.ts';
import type { SourcePayloadInput } from '../../server/contract/sourcePayload.ts';
import { readComparisonGold } from '../../server/features/documents/comparisonGold.ts';
import { type TestApp, startTestApp } from '../support/app.ts';
import { resetToSeed } from '../support/db.ts';
import { loadSpecValidator } from '../support/openapi.ts';
import { ingestComparisonReports } from '../support/comparison.ts';

const TOKEN = 'test-write-token';
const RU = 'document:russia-memorandum-2025-06-02';
const UA = 'document:ukraine-memorandum-2025-06-02';
const gold = readComparisonGold('istanbul-memorandums-2025-06-02');

// ---------------------------------------------------------------- a constructed pair
const OST = 'party:ostland';
const WEST = 'party:westland';
const A = 'document:ostland-plan-2025-03-01';
const B = 'document:westland-plan-2025-03-08';
const P = (name: string) => `position:test-${name}`;
const POSITIONS = ['truce', 'pullback', 'referendum', 'amnesty', 'border-commission', 'aid-corridor', 'observers'];

/** Ostland's plan: truce 1st, aid corridor 2nd, pullback, referendum, amnesty, observers. */
function ostlandPlan(): SourcePayloadInput {
  return {
    source: { id: 'source:test-ostland-plan', title: 'Ostland publishes its plan', kind: 'news-article', publishedAt: '2025-03-01', publisher: 'Ostland Herald' },
    entities: [
      { id: OST, type: 'Party', name: 'Ostland', kind: 'state', aliases: [] },
      { id: WEST, type: 'Party', name: 'Westland', kind: 'state', aliases: [] },
      ...POSITIONS.map((p) => ({ id: P(p), type: 'Position' as const, name: `Test ${p}`, description: `The ${p} of the test pair.`, category: 'ceasefire' as const, aliases: [] })),
      { id: A, type: 'Document', name: 'Ostland plan', kind: 'memorandum', date: '2025-03-01', author: OST, setsOut: [], aliases: [] },
    ],
    points: [
      { document: A, order: 1, topic: 'ceasefire', type: 'proposed', position: P('truce'), condition: 'within 30 days', evidence: [{ quote: 'a truce within 30 days', reporting: 'second-hand' }] },
      { document: A, order: 2, topic: 'humanitarian', type: 'proposed', position: P('aid-corridor'), evidence: [{ quote: 'open an aid corridor', reporting: 'second-hand' }] },
      { document: A, order: 3, topic: 'withdrawal', type: 'demanded', position: P('pullback'), condition: 'after the truce', evidence: [{ quote: 'pull back after the truce', reporting: 'second-hand' }] },
      { document: A, order: 4, topic: 'elections_governance', type: 'demanded', position: P('referendum'), evidence: [{ quote: 'a referendum in the east', reporting: 'second-hand' }] },
      { document: A, order: 5, topic: 'prisoners_missing', type: 'offered', position: P('amnesty'), evidence: [{ quote: 'an amnesty for fighters', reporting: 'second-hand' }] },
      { document: A, order: 6, topic: 'implementation_monitoring', type: 'proposed', position: P('observers'), evidence: [{ quote: 'observers on the line', reporting: 'second-hand' }] },
    ],
  };
}

/** Westland's reply: aid corridor 1st and truce 2nd (order), pullback at once (condition), referendum rejected, border commission (gap), observers. */
function westlandPlan(): SourcePayloadInput {
  return {
    source: { id: 'source:test-westland-plan', title: 'Westland answers', kind: 'news-article', publishedAt: '2025-03-08', publisher: 'Westland Post' },
    entities: [{ id: B, type: 'Document', name: 'Westland plan', kind: 'memorandum', date: '2025-03-08', author: WEST, setsOut: [], aliases: [] }],
    points: [
      { document: B, order: 1, topic: 'humanitarian', type: 'proposed', position: P('aid-corridor'), evidence: [{ quote: 'the corridor comes first', reporting: 'second-hand' }] },
      { document: B, order: 2, topic: 'ceasefire', type: 'proposed', position: P('truce'), condition: 'Within 30 days.', evidence: [{ quote: 'then a truce within 30 days', reporting: 'second-hand' }] },
      { document: B, order: 3, topic: 'withdrawal', type: 'demanded', position: P('pullback'), condition: 'at once, before any truce', evidence: [{ quote: 'pull back at once', reporting: 'second-hand' }] },
      { document: B, order: 4, topic: 'elections_governance', type: 'rejected', position: P('referendum'), evidence: [{ quote: 'no referendum', reporting: 'second-hand' }] },
      { document: B, order: 5, topic: 'territory', type: 'proposed', position: P('border-commission'), evidence: [{ quote: 'a border commission', reporting: 'second-hand' }] },
      { document: B, order: 6, topic: 'implementation_monitoring', type: 'proposed', position: P('observers'), evidence: [{ quote: 'observers, as Ostland says', reporting: 'second-hand' }] },
    ],
  };
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await resetToSeed(app.db);
  await ingestComparisonReports(app, gold);
  await app.api.ingest({ body: ostlandPlan() }, { token: TOKEN });
  await app.api.ingest({ body: westlandPlan() }, { token: TOKEN });
}, 240_000);
afterAll(() => app?.close());

async function refused(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('the Istanbul memorandums against the gold', () => {
  it('gives one row per gold row, of the gold kind, with each document’s stance', async () => {
    const comparison = await app.api.compareDocuments({ query: { ids: [RU, UA] } });
    expect(comparison.documents.map((d) => [d.id, d.author?.id, d.points])).toEqual(gold.documents.map((d) => [d.id, d.author, d.points.length]));
    const goldRows = gold.rows.filter((r) => r.position !== undefined);
    expect(comparison.rows.map((r) => r.position.id).sort()).toEqual(goldRows.map((r) => r.position!).sort());
    for (const goldRow of goldRows) {
      const row = comparison.rows.find((r) => r.position.id === goldRow.position)!;
      expect([row.position.id, row.kind], goldRow.position).toEqual([goldRow.position, goldRow.kind]);
      const stances = Object.fromEntries(row.sides.filter((s) => s.point !== null).map((s) => [s.document, s.point!.type]));
      expect(stances, goldRow.position).toEqual(goldRow.stances);
    }
    expect(comparison.counts).toEqual({
      common: gold.rows.filter((r) => r.kind === 'common').length,
      gap: gold.rows.filter((r) => r.kind === 'gap').length,
      contradiction: gold.rows.filter((r) => r.kind === 'contradiction').length,
      difference: gold.rows.filter((r) => r.kind === 'difference').length,
    });
  });

  it("carries every side's evidence: each quote the gold cites, from its outlet", async () => {
    const comparison = await app.api.compareDocuments({ query: { ids: [RU, UA] } });
    for (const document of gold.documents) {
      for (const point of document.points) {
        const side = comparison.rows.find((r) => r.position.id === point.position.id)!.sides.find((s) => s.document === document.id)!;
        expect(side.point?.order, point.position.id).toBe(point.order);
        expect(side.point?.topic).toBe(point.topic);
        const quotes = side.point!.evidence.map((e) => `${e.source} ${e.quote}`);
        for (const e of point.evidence) expect(quotes).toContain(`source:compare-${e.report} ${e.quote}`);
      }
    }
  });

  it('the points are stances the other views see: trace and the matrix', async () => {
    const trace = await app.api.trace({ params: { id: 'position:ukrainian-neutrality' } });
    const types = Object.values(trace.stances).flat().map((s) => [s.party?.id, s.type]);
    expect(types).toEqual(expect.arrayContaining([['party:russia', 'demanded'], ['party:ukraine', 'rejected']]));
    const matrix = await app.api.matrix();
    expect(matrix.cells.find((c) => c.party === 'party:ukraine' && c.position === 'position:return-of-children')?.latest.type).toBe('demanded');
  });

  it('compares the Russian memorandum with Russia’s public stances', async () => {
    const before = await app.api.documentVsAuthor({ params: { id: RU } });
    expect(before.rows.map((r) => r.point.order)).toEqual(gold.documents[0]!.points.map((p) => p.order));
    // The seed's reports have Russia agreeing to hand over bodies on the day (Post News): it agrees.
    const bodies = before.rows.find((r) => r.point.position.id === 'position:repatriation-of-bodies')!;
    expect(bodies.verdict).toBe('agrees');
    expect(bodies.publicStances.map((s) => [s.type, s.when])).toContainEqual(['agreed', 'same-day']);
    // Nothing Russia said in public on elections yet; then a (constructed) later rejection contradicts the memorandum.
    expect(before.rows.find((r) => r.point.position.id === 'position:ukrainian-elections')!.verdict).toBe('silent');
    await app.api.ingest(
      {
        body: {
          source: { id: 'source:test-russia-on-elections', title: 'A constructed later statement', kind: 'news-article', publishedAt: '2025-07-01' },
          stances: [
            { id: 'stance:test-russia-rejected-ukrainian-elections', actor: 'party:russia', type: 'rejected', target: 'position:ukrainian-elections', date: '2025-07-01',
              evidence: [{ summary: 'A constructed statement for the test.', reporting: 'second-hand' }] },
          ],
        },
      },
      { token: TOKEN },
    );
    const after = await app.api.documentVsAuthor({ params: { id: RU } });
    const elections = after.rows.find((r) => r.point.position.id === 'position:ukrainian-elections')!;
    expect([elections.verdict, elections.publicStances.map((s) => [s.id, s.when, s.opposite])]).toEqual([
      'contradicts',
      [['stance:test-russia-rejected-ukrainian-elections', 'after', true]],
    ]);
    expect(after.counts.contradicts).toBe(before.counts.contradicts + 1);
  });
});

describe('a constructed pair', () => {
  it('finds common ground, gaps, contradictions, different conditions and different order', async () => {
    const comparison = await app.api.compareDocuments({ query: { ids: [A, B] } });
    const kinds = Object.fromEntries(comparison.rows.map((r) => [r.position.id, [r.kind, r.differences]]));
    expect(kinds).toEqual({
      [P('truce')]: ['difference', ['order']],
      [P('aid-corridor')]: ['difference', ['order']],
      [P('pullback')]: ['difference', ['condition']],
      [P('referendum')]: ['contradiction', []],
      [P('amnesty')]: ['gap', []],
      [P('border-commission')]: ['gap', []],
      [P('observers')]: ['common', []],
    });
    expect(comparison.counts).toEqual({ common: 1, gap: 2, contradiction: 1, difference: 3 });
    // Rows follow the topic vocabulary.
    expect(comparison.rows.map((r) => r.topic)).toEqual(['ceasefire', 'withdrawal', 'territory', 'prisoners_missing', 'humanitarian', 'elections_governance', 'implementation_monitoring']);
  });

  it("gives every side its own point and evidence, and null where a document has none", async () => {
    const comparison = await app.api.compareDocuments({ query: { ids: [B, A] } });
    const sides = (position: string) => comparison.rows.find((r) => r.position.id === P(position))!.sides;
    expect(sides('pullback').map((s) => [s.document, s.point?.order, s.point?.condition, s.point?.evidence.map((e) => [e.quote, e.source])])).toEqual([
      [B, 3, 'at once, before any truce', [['pull back at once', 'source:test-westland-plan']]],
      [A, 3, 'after the truce', [['pull back after the truce', 'source:test-ostland-plan']]],
    ]);
    expect(sides('amnesty').map((s) => [s.document, s.point?.evidence[0]?.quote ?? null])).toEqual([[B, null], [A, 'an amnesty for fighters']]);
    expect(sides('referendum').map((s) => s.point?.type)).toEqual(['rejected', 'demanded']);
  });

  it('ingesting the same points twice changes nothing; a changed order is replaced', async () => {
    const first = await app.api.compareDocuments({ query: { ids: [A, B] } });
    const again = await app.api.ingest({ body: ostlandPlan() }, { token: TOKEN });
    expect(again).toMatchObject({ points: 6, removedStances: 0, removedRelations: 0 });
    expect(await app.api.compareDocuments({ query: { ids: [A, B] } })).toEqual(first);
    const reordered = ostlandPlan();
    reordered.points = reordered.points!.map((p) => ({ ...p, order: p.position === P('truce') ? 2 : p.position === P('aid-corridor') ? 1 : p.order }));
    await app.api.ingest({ body: reordered }, { token: TOKEN });
    const now = await app.api.compareDocuments({ query: { ids: [A, B] } });
    expect(now.rows.find((r) => r.position.id === P('truce'))).toMatchObject({ kind: 'common', differences: [] });
    await app.api.ingest({ body: ostlandPlan() }, { token: TOKEN });
  });

  it('compares up to five documents: a third document with none of the points turns shared rows into gaps', async () => {
    const comparison = await app.api.compareDocuments({ query: { ids: [A, B, RU] } });
    expect(comparison.documents.map((d) => d.id)).toEqual([A, B, RU]);
    expect(comparison.rows.find((r) => r.position.id === P('observers'))).toMatchObject({ kind: 'gap' });
    expect(comparison.rows.find((r) => r.position.id === P('observers'))!.sides.map((s) => s.point === null)).toEqual([false, false, true]);
  });
});

describe('the answers match the OpenAPI document', () => {
  it('compare, vs-author and a refusal', async () => {
    const spec = await loadSpecValidator(app);
    const ids = encodeURIComponent(`${RU},${UA}`);
    const compare = await app.request(`/api/documents/compare?ids=${ids}`);
    spec.expectMatches('get', '/api/documents/compare', 200, compare.body);
    const vsAuthor = await app.request(`/api/documents/${encodeURIComponent(RU)}/vs-author`);
    spec.expectMatches('get', '/api/documents/{id}/vs-author', 200, vsAuthor.body);
    const refused = await app.request(`/api/documents/compare?ids=${encodeURIComponent(`${RU},${RU}`)}`);
    expect(refused.status).toBe(400);
    spec.expectMatches('get', '/api/documents/compare', 400, refused.body);
  });
});

describe('bad input', () => {
  it('an unknown document is a 404 naming it', async () => {
    const error = await refused(app.api.compareDocuments({ query: { ids: [A, 'document:no-such-plan'] } }));
    expect([error.status, error.message]).toEqual([404, 'No document with id document:no-such-plan']);
    expect((await refused(app.api.documentVsAuthor({ params: { id: 'document:no-such-plan' } }))).status).toBe(404);
  });

  it('a document compared with itself is a clear 400', async () => {
    const error = await refused(app.api.compareDocuments({ query: { ids: [A, A] } }));
    expect(error.status).toBe(400);
    expect(JSON.stringify(error.details)).toContain(`a document cannot be compared with itself: ${A} is named twice`);
  });

  it('more than five documents, or fewer than two, is a 400', async () => {
    const six = [A, B, RU, UA, 'document:fidan-social-media-post-2025-06-02', 'document:zelensky-video-post-2025-06-03'];
    const error = await refused(app.api.compareDocuments({ query: { ids: six } }));
    expect(error.status).toBe(400);
    expect(JSON.stringify(error.details)).toContain('at most 5 documents');
    expect((await refused(app.api.compareDocuments({ query: { ids: [A] } }))).status).toBe(400);
    expect((await refused(app.api.compareDocuments({ query: { ids: ['party:russia', A] } }))).status).toBe(400);
  });

  it('a point is refused when its topic is unknown, its author is not the document’s, or it cannot be dated', async () => {
    const base = ostlandPlan();
    const bad = (points: SourcePayloadInput['points']) => refused(app.api.ingest({ body: { ...base, points } }, { token: TOKEN }));
    const point = base.points![0]!;
    const topic = await bad([{ ...point, topic: 'weather' as never }]);
    expect([topic.status, JSON.stringify(topic.details)]).toEqual([400, expect.stringContaining('points.0.topic')]);
    const author = await bad([{ ...point, actor: WEST }]);
    expect([author.status, author.message]).toEqual([400, "points.0.actor: a point is a stance of the document's author, party:ostland"]);
    const undated = await refused(
      app.api.ingest({ body: { source: { id: 'source:test-undated-point', title: 'x', kind: 'news-article', publishedAt: '2025-03-09' }, points: [{ ...point, document: B }] } }, { token: TOKEN }),
    );
    expect([undated.status, JSON.stringify(undated.details)]).toEqual([400, expect.stringContaining('points.0.actor')]);
    // Nothing of the refused payloads was written.
    expect((await app.api.compareDocuments({ query: { ids: [A, B] } })).counts).toEqual({ common: 1, gap: 2, contradiction: 1, difference: 3 });
  });
});

describe('deleting a source', () => {
  it('takes away the points only it reported, and its evidence from the others', async () => {
    const tass = 'source:compare-istanbul-2025-06-02-tass-settlement';
    const before = await app.api.compareDocuments({ query: { ids: [RU, UA] } });
    const only = gold.documents[0]!.points.filter((p) => p.evidence.every((e) => `source:compare-${e.report}` === tass)).map((p) => p.position.id);
    expect(only.length).toBeGreaterThan(0);
    await app.api.deleteSource({ params: { id: tass } }, { token: TOKEN });
    const after = await app.api.compareDocuments({ query: { ids: [RU, UA] } });
    expect(after.rows.map((r) => r.position.id).sort()).toEqual(before.rows.map((r) => r.position.id).filter((id) => !only.includes(id)).sort());
    const sources = after.rows.flatMap((r) => r.sides.flatMap((s) => s.point?.evidence.map((e) => e.source) ?? []));
    expect(sources).not.toContain(tass);
    expect(after.rows.find((r) => r.position.id === 'position:recognition-of-russian-annexations')?.kind).toBe('contradiction');
  });
});
