/**
 * POST /api/extract against the real Neo4j: a draft that POST /api/sources takes unchanged,
 * whose stances land in an empty graph exactly as drafted and score what the eval reports; a
 * second extraction and ingestion changes nothing; bad input is a clear 4xx and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../server/db/schema.ts';
import { loadGoldSet, scoreArticle } from '../../server/features/extract/score.ts';
import { evaluateGoldSet } from '../../server/cli/evalExtract.ts';
import { type ExtractDraft, extractDraftSchema } from '../../server/contract/extract.ts';
import { ARTICLES_DIR, REPO_ROOT as ROOT } from '../../server/paths.ts';
import { type TestApp, startTestApp } from '../support/app.ts';
import { resetToSeed, testLogger } from '../support/db.ts';
import { graphFingerprint } from '../support/fingerprint.ts';
import { articlesAvailable } from '../support/articles.ts';

const AUTH = { authorization: 'Bearer test-write-token' };
// The seed article joins the gold set only where PARLEY_ARTICLES_DIR holds it (a notice says so; CI requires it).
const articles = loadGoldSet(ROOT, articlesAvailable() ? ARTICLES_DIR : undefined);
const evalScores = evaluateGoldSet();

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function emptyGraph() {
  await app.db.write('MATCH (n) DETACH DELETE n');
  await applySchema(app.db, testLogger);
}

const extract = (body: Record<string, unknown>) => app.request('/api/extract', { method: 'POST', json: body });

describe('POST /api/extract, then POST /api/sources', () => {
  for (const article of articles) {
    it(`${article.name}: the draft ingests unchanged into an empty graph, scores what the eval reports, and again changes nothing`, async () => {
      await emptyGraph();
      const request = { text: article.text, title: article.gold.source.title, publishedAt: article.gold.source.publishedAt };
      const first = await extract(request);
      expect(first.status).toBe(200);
      const draft = first.body as ExtractDraft;
      expect(extractDraftSchema.safeParse(draft).success).toBe(true);
      for (const quote of draft.provenance.quotes) expect(draft.text.slice(quote.start, quote.end)).toBe(quote.text);

      const ingested = await app.request('/api/sources', { method: 'POST', headers: AUTH, json: draft.payload });
      expect(ingested.status).toBe(201);
      const rows = await app.db.read<{ id: string; actor: string; type: string; target: string }>(
        'MATCH (a)-[:TOOK]->(s:Stance)-[:ON]->(t) RETURN s.id AS id, a.id AS actor, s.type AS type, t.id AS target ORDER BY id',
      );
      const drafted = (draft.payload.stances ?? []).map(({ id, actor, type, target }) => ({ id, actor, type, target }));
      expect(rows).toEqual(drafted.sort((a, b) => a.id.localeCompare(b.id)));
      const fromGraph = { ...draft, payload: { ...draft.payload, stances: (draft.payload.stances ?? []).filter((s) => rows.some((r) => r.id === s.id)) } };
      expect(scoreArticle(article.name, fromGraph, article.gold).stances).toEqual(evalScores.find((s) => s.article === article.name)!.stances);

      const before = await graphFingerprint(app.db);
      const second = await extract(request);
      expect(second.status).toBe(200);
      expect((second.body as ExtractDraft).payload.stances).toEqual(draft.payload.stances);
      const again = await app.request('/api/sources', { method: 'POST', headers: AUTH, json: (second.body as ExtractDraft).payload });
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ removedStances: 0, removedEvidence: 0 });
      expect(await graphFingerprint(app.db)).toEqual(before);
    }, 120_000);
  }

  it('resolves names against the graph: aliases, folded diacritics, titles, and what the graph lacks is proposed', async () => {
    await resetToSeed(app.db);
    const text = [
      'Moscow rejected a proposal for an energy truce on Friday, Kremlin spokesman Dmitry Peskov said.',
      'Erdogan backed the unconditional ceasefire.',
      'Estonian Foreign Minister Kaja Lind called for a tribunal for war crimes.',
    ].join('\n\n');
    const res = await extract({ text, title: 'Names test', publishedAt: '2025-06-10' });
    expect(res.status).toBe(200);
    const draft = res.body as ExtractDraft;
    const stances = draft.payload.stances as Array<{ actor: string; type: string; target: string; date: string; evidence: Array<{ via?: string }> }>;
    expect(stances).toContainEqual(expect.objectContaining({ actor: 'party:russia', type: 'rejected', date: '2025-06-06' }));
    expect(stances).toContainEqual(expect.objectContaining({ actor: 'official:recep-tayyip-erdogan', type: 'backed', target: 'position:unconditional-ceasefire' }));
    const entities = draft.payload.entities as Array<{ id: string; type: string; party?: string; role?: string }>;
    expect(entities).toContainEqual(expect.objectContaining({ id: 'official:kaja-lind', type: 'Official', party: 'party:estonia' }));
    expect(entities.map((e) => e.id)).not.toContain('party:russia');
    const mention = draft.provenance.mentions.find((m) => m.text === 'Erdogan')!;
    expect(mention).toMatchObject({ entity: 'official:recep-tayyip-erdogan', proposed: false });
    expect(text.slice(mention.start, mention.end)).toBe('Erdogan');
  });

  it('reads an HTML page through its main content', async () => {
    const html = `<!doctype html><html><head><title>Page</title></head><body><nav>Home | World | Sport</nav>
      <article><h1>Talks stall</h1><p>Poland called for a special tribunal on Monday.</p><p>Hungary rejected the tribunal, its foreign minister said.</p></article>
      <footer>Copyright</footer></body></html>`;
    const res = await extract({ text: html, title: 'HTML test', publishedAt: '2025-06-10' });
    expect(res.status).toBe(200);
    const draft = res.body as ExtractDraft;
    expect(draft.format).toBe('html');
    expect(draft.text).toContain('Poland called for a special tribunal');
    expect(draft.text).not.toContain('<p>');
    expect((draft.payload.stances as Array<{ actor: string; type: string }>).map((s) => [s.actor, s.type])).toEqual([
      ['party:poland', 'called_for'],
      ['party:hungary', 'rejected'],
    ]);
  });
});

describe('POST /api/extract refuses bad input with a clear 4xx and writes nothing', () => {
  const ok = { title: 'Bad input', publishedAt: '2025-06-10' };
  const cases: Array<[string, Record<string, unknown>, number, string]> = [
    ['empty text', { ...ok, text: '   ' }, 400, 'empty'],
    ['text over the limit', { ...ok, text: 'Moscow rejected the plan. '.repeat(8_000) }, 413, 'limit'],
    ['a file that is not text', { ...ok, text: '%PDF-1.7\n\u0000\u0001\u0002binary' }, 422, 'not text'],
    ['no sentences', { ...ok, text: '12 34 56 -- 78 ## 90' }, 422, 'no sentences'],
    ['missing publishedAt', { title: 'x', text: 'Moscow rejected the plan.' }, 400, 'publishedAt'],
    ['impossible publishedAt', { ...ok, publishedAt: '2025-02-30', text: 'Moscow rejected the plan.' }, 400, 'publishedAt'],
    ['non-English text', { ...ok, text: 'Die Regierung in Moskau lehnte den Vorschlag für eine Waffenruhe am Montag erneut ab, sagte ein Sprecher.' }, 422, 'English'],
  ];
  it.each(cases)('%s', async (_name, body, status, words) => {
    const before = await graphFingerprint(app.db);
    const res = await extract(body);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toContain(words);
    expect(res.text).not.toMatch(/at \w+ \(|node_modules/);
    expect(await graphFingerprint(app.db)).toEqual(before);
  });
});
