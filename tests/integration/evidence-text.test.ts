/**
 * Issue 26, evidence text: stored evidence holds only analyst-facing text. No "Summary:" label in
 * a summary and no extractor cue (`(read from "welcomed")`), whatever builds the payload; text
 * stored before is migrated at start, idempotently; a `via` names a source by title, not id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TEST_WRITE_AUTHORIZATION, postSource, startTestApp } from '../support/app.ts';
import { resetToSeed, testLogger } from '../support/db.ts';
import { migrateEvidenceText } from '../../server/features/sources/migrations.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await resetToSeed(app.db);
});
afterAll(() => app.close());

const evidenceText = (where: string) =>
  app.db.read<{ id: string; summary: string | null; via: string | null }>(`MATCH (e:Evidence) WHERE ${where} RETURN e.id AS id, e.summary AS summary, e.via AS via ORDER BY id`);

describe('evidence text', () => {
  it('the seed stores no summary label, no extractor cue and no source id in via', async () => {
    expect(await evidenceText("e.summary STARTS WITH 'Summary:' OR e.summary CONTAINS '(read from' OR e.via CONTAINS 'source:'")).toEqual([]);
    const [medinsky] = await evidenceText("e.via STARTS WITH \"Russia's top negotiator (Vladimir Medinsky\"");
    expect(medinsky!.via).toContain('per Parley editorial background notes');
  });

  it('ingestion stores a summary without its label or the cue, whatever built the payload', async () => {
    const payload = {
      source: { id: 'source:evidence-text-check', title: 'Evidence text check', kind: 'news-article', publishedAt: '2025-07-01' },
      entities: [],
      stances: [{
        id: 'stance:russia-welcomed-partial-truce-2025-07-01-check',
        actor: 'party:russia',
        type: 'welcomed',
        target: 'position:partial-truce',
        date: '2025-07-01',
        evidence: [{ summary: 'Summary: Summary: Russia welcomed the partial truce (read from "welcomed").', reporting: 'second-hand', via: 'a wire report' }],
      }],
    };
    const res = await postSource(app.url, payload, TEST_WRITE_AUTHORIZATION);
    expect(res.status, res.text).toBe(201);
    const { stances } = await app.api.actorStances({ params: { id: 'party:russia' }, query: {} });
    const stored = stances.find((s) => s.id === 'stance:russia-welcomed-partial-truce-2025-07-01-check');
    expect(stored?.evidence.map((e) => e.summary)).toEqual(['Russia welcomed the partial truce.']);
    // A summary that is nothing but its label is refused, naming the field.
    const empty = await postSource(app.url, { ...payload, stances: [{ ...payload.stances[0], evidence: [{ summary: 'Summary:', reporting: 'first-hand' }] }] }, TEST_WRITE_AUTHORIZATION);
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('stances.0.evidence.0.summary');
  });

  it('migrates text stored before, once: a second start changes nothing', async () => {
    await app.db.write(`MATCH (e:Evidence) WHERE e.summary IS NOT NULL WITH e ORDER BY e.id LIMIT 2
      SET e.summary = 'Summary: Summary: ' + e.summary + ' (read from "welcomed").'`);
    await app.db.write(`MATCH (e:Evidence) WHERE e.via STARTS WITH "Russia's top negotiator (Vladimir Medinsky"
      SET e.via = "Russia's top negotiator (Vladimir Medinsky, per source:parley-background-notes), speaking after the talks"`);
    const dirty = await evidenceText("e.summary STARTS WITH 'Summary:' OR e.via CONTAINS 'source:'");
    expect(dirty).toHaveLength(3);
    expect(await migrateEvidenceText(app.db, testLogger)).toBe(3);
    const after = await evidenceText(`e.id IN [${dirty.map((d) => `'${d.id}'`).join(', ')}]`);
    for (const row of after) {
      expect(row.summary ?? '').not.toMatch(/^Summary:|read from/);
      expect(row.via ?? '').not.toContain('source:');
    }
    expect(after.find((r) => r.via?.includes('Medinsky'))!.via).toBe("Russia's top negotiator (Vladimir Medinsky, per Parley editorial background notes), speaking after the talks");
    expect(await migrateEvidenceText(app.db, testLogger)).toBe(0);
  });
});

describe('background notes', () => {
  it('are undated, not dated the day they were ingested; other sources still need a day', async () => {
    const { sources } = await app.api.sources({ query: { limit: 200 } });
    expect(sources.find((s) => s.id === 'source:parley-background-notes')?.publishedAt).toBeNull();
    expect(sources.filter((s) => s.kind !== 'background').every((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.publishedAt ?? ''))).toBe(true);
    const undated = await postSource(app.url, { source: { id: 'source:undated-article', title: 'Undated', kind: 'news-article' }, entities: [], stances: [] }, TEST_WRITE_AUTHORIZATION);
    expect(undated.status).toBe(400);
    expect(undated.text).toContain('source.publishedAt');
  });
});
