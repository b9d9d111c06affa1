/**
 * Many reports of one stance, against the real Neo4j: a second report of a stance the graph holds
 * adds evidence and no stance; a report that disagrees about the same moment is a conflict; a
 * later change of family is a reversal; and deleting, re-ingesting, backing up and restoring one
 * source never takes away another source's evidence (graph checksums).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { applySchema } from '../../server/db/schema.ts';
import { backupLines, prepareRestore, restoreLine } from '../../server/features/sources/backup.ts';
import { type IngestContext, ingestSource, parsePayload } from '../../server/features/sources/ingest.ts';
import { conflictingReport, firstReport, laterReport, secondReport } from '../fixtures/sources/manyReports.ts';
import { TEST_WRITE_TOKEN, type TestApp, answerOf, failureOf, startTestApp } from '../support/app.ts';
import { testLogger } from '../support/db.ts';
import { graphFingerprint } from '../support/fingerprint.ts';
import { type SpecValidator, loadSpecValidator } from '../support/openapi.ts';

const REFUSAL = 'stance:valemark-rejected-lake-ceasefire-2025-04-10';

const at = (minute: number): IngestContext => ({ writer: 'analyst', ingestedAt: `2025-07-01T10:${String(minute).padStart(2, '0')}:00.000Z` });

let app: TestApp;
let db: Database;
let spec: SpecValidator;
beforeAll(async () => {
  app = await startTestApp();
  db = app.db;
  spec = await loadSpecValidator(app);
});
afterAll(() => app.close());

async function graphOf(...sources: Array<[payload: unknown, context: IngestContext]>): Promise<void> {
  await db.write('MATCH (n) DETACH DELETE n');
  await applySchema(db, testLogger);
  for (const [payload, context] of sources) await ingestSource(db, parsePayload(payload), context);
}

/** The sources behind each stance on the lake ceasefire, by stance id. */
async function evidenceByStance(): Promise<Record<string, string[]>> {
  const rows = await db.read<{ id: string; sources: string[] }>(
    `MATCH (s:Stance)-[:ON]->(:Position {id: 'position:lake-ceasefire'})
     RETURN s.id AS id, COLLECT { MATCH (s)-[:EVIDENCED_BY]->()-[:FROM]->(src) RETURN src.id ORDER BY src.id } AS sources`,
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.sources]));
}

describe('one stance, many reports', () => {
  it('attaches a second report to the stance the graph holds, idempotently, and deleting it leaves the graph that never had it', { timeout: 300_000 }, async () => {
    await graphOf([firstReport(), at(1)]);
    const onlyFirst = await graphFingerprint(db);

    const report = await ingestSource(db, parsePayload(secondReport()), at(2));
    expect(report).toMatchObject({ stances: 0, attachedStances: 1, evidence: 1 });
    expect(await evidenceByStance()).toEqual({
      'stance:ridgeland-proposed-lake-ceasefire-2025-04-10': ['source:lake-talks-first-report'],
      [REFUSAL]: ['source:lake-talks-first-report', 'source:lake-talks-second-report'],
    });
    const withSecond = await graphFingerprint(db);
    await ingestSource(db, parsePayload(secondReport()), at(2));
    expect(await graphFingerprint(db)).toEqual(withSecond);

    const trace = await app.request('/api/positions/position:lake-ceasefire/trace');
    spec.expectMatches('get', '/api/positions/{id}/trace', 200, trace.body);
    const [refusal] = answerOf('trace', trace).stances.rejected ?? [];
    expect(refusal?.id).toBe(REFUSAL);
    expect(refusal?.corroboration).toEqual({ sources: 2, publishers: 2, firstHand: 1, secondHand: 1 });
    expect(refusal?.evidence.map((e) => e.sourcePublisher).sort()).toEqual(['Lakeside Wire', 'Northern Courier']);

    const deleted = await app.api.deleteSource({ params: { id: 'source:lake-talks-second-report' } }, { token: TEST_WRITE_TOKEN });
    expect(deleted).toMatchObject({ deleted: true, removedStances: 0, removedEvidence: 1 });
    expect(await graphFingerprint(db)).toEqual(onlyFirst);
  });

  it('keeps the other reports when the first reporter goes, and rebuilds the same graph when it comes back or from a backup', { timeout: 300_000 }, async () => {
    await graphOf([firstReport(), at(1)], [secondReport(), at(2)]);
    const both = await graphFingerprint(db);

    await app.api.deleteSource({ params: { id: 'source:lake-talks-first-report' } }, { token: TEST_WRITE_TOKEN });
    // The refusal stays, held up by the second report alone; the voice link only the first gave goes.
    expect(await evidenceByStance()).toEqual({ [REFUSAL]: ['source:lake-talks-second-report'] });
    expect(await db.read(`MATCH (:Stance {id: '${REFUSAL}'})-[:VOICED_BY]->(o) RETURN o.id AS id`)).toEqual([]);
    const withoutFirst = await graphFingerprint(db);
    await ingestSource(db, parsePayload(secondReport()), at(2));
    expect(await graphFingerprint(db)).toEqual(withoutFirst);

    await ingestSource(db, parsePayload(firstReport()), at(1));
    expect(await graphFingerprint(db)).toEqual(both);

    const lines: string[] = [];
    for await (const line of backupLines(db)) lines.push(line);
    await db.write('MATCH (n) DETACH DELETE n');
    const restored = await prepareRestore(db, { allowNonEmpty: false });
    for (const line of lines) await restoreLine(db, line, restored);
    expect(await graphFingerprint(db)).toEqual(both);
  });
});

describe('conflicting reports', () => {
  it('lists two sources that disagree about one moment side by side, in pages, and answers the named question and ask', { timeout: 300_000 }, async () => {
    await graphOf([firstReport(), at(1)], [secondReport(), at(2)], [conflictingReport(), at(3)], [laterReport(), at(4)]);
    const res = await app.request('/api/conflicts');
    expect(res.status).toBe(200);
    spec.expectMatches('get', '/api/conflicts', 200, res.body);
    const conflicts = answerOf('conflicts', res);
    // The May agreement is a later moment: a reversal, not a conflict.
    expect(conflicts).toMatchObject({ total: 1, limit: 50, offset: 0 });
    const [conflict] = conflicts.conflicts;
    if (!conflict) throw new Error('no conflict listed');
    expect(conflict.actor).toEqual({ id: 'party:valemark', label: 'Valemark', type: 'Party' });
    expect(conflict.target.id).toBe('position:lake-ceasefire');
    expect(conflict.a).toMatchObject({ stanceId: 'stance:valemark-agreed-lake-ceasefire-2025-04-10', type: 'agreed', family: 'support', date: '2025-04-10' });
    expect(conflict.a.reports).toEqual([
      {
        quote: 'Our boats will stay in harbour',
        summary: null,
        reporting: 'first-hand',
        via: null,
        source: { id: 'source:lake-talks-vale-press', title: 'Valemark signs on to lake calm', publisher: 'Vale Press Agency', url: 'https://valepress.example/lake-calm' },
      },
    ]);
    expect(conflict.b).toMatchObject({ stanceId: REFUSAL, type: 'rejected', family: 'rejection' });
    // The second report's summary stays a summary.
    expect(conflict.b.reports.map((r) => [r.source.id, r.quote])).toEqual([
      ['source:lake-talks-first-report', 'We will not tie our boats to the shore'],
      ['source:lake-talks-second-report', null],
    ]);

    expect(await app.api.conflicts({ query: { offset: 1 } })).toMatchObject({ total: 1, conflicts: [] });
    expect((await failureOf(app.api.conflicts({ query: { limit: 0 } }))).status).toBe(400);

    const question = await app.api.runQuestion({ params: { id: 'source-conflicts' }, body: { params: {} } });
    expect(question.rows.map((r) => [r.actorId, r.targetId])).toEqual([['party:valemark', 'position:lake-ceasefire']]);

    const asked = await app.api.ask({ body: { question: 'Where do sources disagree?' } });
    expect(asked.status).toBe('answered');
    expect(asked.answer).toMatch(/Valemark/);
    // One citation per report, each side's; the second report's summary is never a quote.
    expect(asked.citations.map((c) => [c.stanceId, c.sourceId, c.quote !== null])).toEqual([
      ['stance:valemark-agreed-lake-ceasefire-2025-04-10', 'source:lake-talks-vale-press', true],
      [REFUSAL, 'source:lake-talks-first-report', true],
      [REFUSAL, 'source:lake-talks-second-report', false],
    ]);
  });

  it('lists nothing when the sources agree', { timeout: 300_000 }, async () => {
    await graphOf([firstReport(), at(1)], [secondReport(), at(2)]);
    expect(await app.api.conflicts()).toMatchObject({ total: 0, conflicts: [] });
  });
});

describe('reversals', () => {
  it("shows an actor's change of family in its stances, the matrix cell and the position's timeline", { timeout: 300_000 }, async () => {
    await graphOf([firstReport(), at(1)], [laterReport(), at(4)]);
    const stances = await app.request('/api/actors/party:valemark/stances');
    spec.expectMatches('get', '/api/actors/{id}/stances', 200, stances.body);
    expect(answerOf('actorStances', stances).reversals).toEqual([
      {
        actor: { id: 'party:valemark', label: 'Valemark', type: 'Party' },
        target: { id: 'position:lake-ceasefire', label: 'Lake ceasefire', type: 'Position' },
        from: { stanceId: REFUSAL, type: 'rejected', family: 'rejection', date: '2025-04-10', datePrecision: 'day' },
        to: { stanceId: 'stance:valemark-agreed-lake-ceasefire-2025-05-20', type: 'agreed', family: 'support', date: '2025-05-20', datePrecision: 'day' },
      },
    ]);

    const matrix = await app.request('/api/matrix');
    spec.expectMatches('get', '/api/matrix', 200, matrix.body);
    const { cells } = answerOf('matrix', matrix);
    const cell = (party: string) => cells.find((c) => c.party === party && c.position === 'position:lake-ceasefire');
    expect(cell('party:valemark')?.reversal).toMatchObject({ date: '2025-05-20', from: { family: 'rejection' }, to: { family: 'support' } });
    expect(cell('party:ridgeland')?.reversal).toBeNull();
    // As of before the change, there is none.
    const before = await app.api.matrix({ query: { asOf: '2025-05-01' } });
    expect(before.cells.find((c) => c.party === 'party:valemark')?.reversal).toBeNull();

    const trace = await app.api.trace({ params: { id: 'position:lake-ceasefire' } });
    const reversing = trace.timeline.filter((entry) => entry.reverses);
    expect(reversing.map((e) => [e.id, e.reverses?.stanceId])).toEqual([
      ['stance:valemark-agreed-lake-ceasefire-2025-05-20', REFUSAL],
    ]);
  });
});

describe('a new spelling kept as an alias, and the draft', () => {
  it('merges an alias claim into the entity while its source holds it, and the draft marks a stance already reported', { timeout: 300_000 }, async () => {
    await graphOf([firstReport(), at(1)]);
    const beforeClaim = await graphFingerprint(db);
    const claiming = { ...secondReport(), aliases: [{ entity: 'official:mira-tane', alias: 'Mira Taine' }] };
    await app.api.ingest({ body: claiming }, { token: TEST_WRITE_TOKEN });
    const aliasesOfTane = () => db.read(`MATCH (o:Official {id: 'official:mira-tane'}) RETURN o.reportedAliases AS reported, o.aliasText AS aliasText`);
    expect(await aliasesOfTane()).toEqual([{ reported: ['Mira Taine'], aliasText: 'Mira Taine' }]);
    // Re-sending the source that declares her keeps the other source's claim.
    await ingestSource(db, parsePayload(firstReport()), at(1));
    expect(await aliasesOfTane()).toEqual([{ reported: ['Mira Taine'], aliasText: 'Mira Taine' }]);
    const search = await app.api.search({ query: { q: 'Taine' } });
    expect(search.results[0]).toMatchObject({ id: 'official:mira-tane', aliases: ['Mira Taine'] });

    const draft = await app.request('/api/extract', {
      method: 'POST',
      json: {
        text: 'Valemark rejected the lake ceasefire on Thursday, its foreign minister Mira Taine said. "We will not tie our boats to the shore," Taine told reporters.',
        title: 'Vale minister rules out lake truce',
        publishedAt: '2025-04-11',
      },
    });
    expect(draft.status).toBe(200);
    spec.expectMatches('post', '/api/extract', 200, draft.body);
    expect(answerOf('extract', draft).matches).toEqual([{ stance: REFUSAL, existing: REFUSAL, sources: 2 }]);

    const unknown = await failureOf(app.api.ingest({ body: { ...secondReport(), aliases: [{ entity: 'official:nobody-known', alias: 'Nobody' }] } }, { token: TEST_WRITE_TOKEN }));
    expect(unknown.status).toBe(422);
    expect(unknown.message).toMatch(/aliases\.0\.entity/);

    await app.api.deleteSource({ params: { id: 'source:lake-talks-second-report' } }, { token: TEST_WRITE_TOKEN });
    expect(await graphFingerprint(db)).toEqual(beforeClaim);
  });
});
