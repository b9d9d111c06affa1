/**
 * POST /api/extract against the real Neo4j and the real spaCy worker: a draft that POST
 * /api/sources takes unchanged, whose stances land in an empty graph exactly as drafted; a second
 * extraction and ingestion changes nothing; bad input is a clear 4xx and writes nothing; an HTML
 * page's scripts and styles are never read; a parser killed mid-request is a 503 for that
 * request only; without Python the answer is a 503 naming what to install.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../server/db/schema.ts';
import { loadSeed } from '../../server/features/extract/score.ts';
import { type ExtractDraft, extractDraftSchema } from '../../server/contract/extract.ts';
import { ARTICLES_DIR, REPO_ROOT as ROOT } from '../../server/paths.ts';
import { MAX_ARTICLE_BYTES } from '../../server/contract/common.ts';
import { type TestApp, answerOf, errorOf, startTestApp } from '../support/app.ts';
import { resetToSeed, testLogger } from '../support/db.ts';
import { graphFingerprint } from '../support/fingerprint.ts';

const AUTH = { authorization: 'Bearer test-write-token' };
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'articles');
/** The seed article when its text is at hand, and one fictional fixture (mechanics only). */
const articles = [
  ...(loadSeed(ROOT, ARTICLES_DIR) ? [{ name: 'seed', text: loadSeed(ROOT, ARTICLES_DIR)!.text, title: loadSeed(ROOT, ARTICLES_DIR)!.gold.title, publishedAt: loadSeed(ROOT, ARTICLES_DIR)!.gold.publishedAt }] : []),
  { name: 'istanbul-first-round', text: fs.readFileSync(path.join(FIXTURES, 'istanbul-first-round-2025-05-17.txt'), 'utf8'), title: 'Istanbul first round', publishedAt: '2025-05-17' },
];

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
    it(`${article.name}: the draft ingests unchanged into an empty graph, and again changes nothing`, async () => {
      await emptyGraph();
      const request = { text: article.text, title: article.title, publishedAt: article.publishedAt };
      const first = await extract(request);
      expect(first.status).toBe(200);
      const draft = answerOf('extract', first);
      expect(extractDraftSchema.safeParse(draft).success).toBe(true);
      expect(draft.payload.stances?.length).toBeGreaterThan(0);
      for (const quote of draft.provenance.quotes) expect(draft.text.slice(quote.start, quote.end)).toBe(quote.text);
      for (const stance of draft.payload.stances ?? []) {
        for (const evidence of stance.evidence) {
          // The report's own words, never a label or an internal cue.
          expect(draft.text).toContain(evidence.quote!);
          expect(evidence.quote).not.toMatch(/^Summary:|\(read from /);
        }
      }

      const ingested = await app.request('/api/sources', { method: 'POST', headers: AUTH, json: draft.payload });
      expect(ingested.status).toBe(201);
      const rows = await app.db.read<{ id: string; actor: string; type: string; target: string }>(
        'MATCH (a)-[:TOOK]->(s:Stance)-[:ON]->(t) RETURN s.id AS id, a.id AS actor, s.type AS type, t.id AS target ORDER BY id',
      );
      const drafted = (draft.payload.stances ?? []).map(({ id, actor, type, target }) => ({ id, actor, type, target }));
      expect(rows).toEqual(drafted.sort((a, b) => a.id.localeCompare(b.id)));

      const before = await graphFingerprint(app.db);
      const second = await extract(request);
      expect(second.status).toBe(200);
      expect(answerOf('extract', second).payload.stances).toEqual(draft.payload.stances);
      const again = await app.request('/api/sources', { method: 'POST', headers: AUTH, json: answerOf('extract', second).payload });
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ removedStances: 0, removedEvidence: 0 });
      expect(await graphFingerprint(app.db)).toEqual(before);
    }, 120_000);
  }

  it('resolves names against the graph, and proposes a new official with the party its title names', async () => {
    await resetToSeed(app.db);
    const text = [
      'Moscow rejected a proposal for an energy truce on Friday, Kremlin spokesman Dmitry Peskov said.',
      'Estonian Foreign Minister Kaja Lind called for a tribunal for war crimes.',
    ].join('\n\n');
    const res = await extract({ text, title: 'Names test', publishedAt: '2025-06-10' });
    expect(res.status).toBe(200);
    const draft = res.body as ExtractDraft;
    const stances = draft.payload.stances as Array<{ actor: string; type: string; target: string; date: string; evidence: Array<{ via?: string; reporting: string }> }>;
    expect(stances).toContainEqual(expect.objectContaining({ actor: 'party:russia', type: 'rejected', date: '2025-06-06' }));
    const entities = draft.payload.entities as Array<{ id: string; type: string; party?: string; role?: string }>;
    expect(entities).toContainEqual(expect.objectContaining({ id: 'official:kaja-lind', type: 'Official', party: 'party:estonia' }));
    expect(entities.map((e) => e.id)).not.toContain('party:russia');
    const mention = draft.provenance.mentions.find((m) => m.text === 'Moscow')!;
    expect(mention).toMatchObject({ entity: 'party:russia', proposed: false });
  }, 60_000);

  it("reads an HTML page through its main content, never its scripts or styles", async () => {
    const html = `<!doctype html><html><head><title>Page</title><style>.x{content:"Hungary backed the tribunal"}</style>
      <script>var s = "Russia agreed to the ceasefire";</script></head><body><nav>Home | World | Sport</nav>
      <article><h1>Talks stall</h1><p>Poland called for a special tribunal on Monday.</p><script>document.write("Ukraine rejected the talks")</script><p>Hungary rejected the tribunal, its foreign minister said.</p></article>
      <footer>Copyright</footer></body></html>`;
    const res = await extract({ text: html, title: 'HTML test', publishedAt: '2025-06-10' });
    expect(res.status).toBe(200);
    const draft = res.body as ExtractDraft;
    expect(draft.format).toBe('html');
    expect(draft.text).toContain('Poland called for a special tribunal');
    expect(draft.text).not.toMatch(/<p>|Russia agreed|Ukraine rejected|Hungary backed|content:/);
    expect((draft.payload.stances as Array<{ actor: string; type: string }>).map((s) => [s.actor, s.type])).toEqual([
      ['party:poland', 'called_for'],
      ['party:hungary', 'rejected'],
    ]);
  }, 60_000);
});

describe('POST /api/extract refuses bad input with a clear 4xx and writes nothing', () => {
  const ok = { title: 'Bad input', publishedAt: '2025-06-10' };
  const cases: Array<[string, Record<string, unknown>, number, string]> = [
    ['empty text', { ...ok, text: '   ' }, 400, 'empty'],
    ['text over the limit', { ...ok, text: 'Moscow rejected the plan. '.repeat(8_000) }, 413, 'limit'],
    ['a file that is not text', { ...ok, text: '%PDF-1.7\n\u0000\u0001\u0002binary' }, 422, 'not text'],
    // As a browser reads a dropped binary file (File.text()): bytes that are no UTF-8 become U+FFFD, with no NUL among them.
    ['a binary file read as text', { ...ok, text: Buffer.from(Array.from({ length: 4_000 }, (_, i) => 0x80 + ((i * 37) % 128))).toString('utf8') }, 422, 'not text'],
    // Under the limit in characters, over it in UTF-8 bytes: the limit is bytes.
    ['text over the limit in bytes, not characters', { ...ok, text: '“Kyiv’s plan”—rejected. '.repeat(Math.ceil(MAX_ARTICLE_BYTES / 30)) }, 413, 'limit'],
    ['no sentences', { ...ok, text: '12 34 56 -- 78 ## 90' }, 422, 'no sentences'],
    ['missing publishedAt', { title: 'x', text: 'Moscow rejected the plan.' }, 400, 'publishedAt'],
    ['impossible publishedAt', { ...ok, publishedAt: '2025-02-30', text: 'Moscow rejected the plan.' }, 400, 'publishedAt'],
    ['non-English text', { ...ok, text: 'Die Regierung in Moskau lehnte den Vorschlag für eine Waffenruhe am Montag erneut ab, sagte ein Sprecher.' }, 422, 'not supported'],
  ];
  it('the byte case is under the limit in characters', () => {
    const text = cases.find(([name]) => name.startsWith('text over the limit in bytes'))![1].text as string;
    expect([text.length <= MAX_ARTICLE_BYTES, Buffer.byteLength(text, 'utf8') > MAX_ARTICLE_BYTES]).toEqual([true, true]);
  });
  it.each(cases)('%s', async (_name, body, status, words) => {
    const before = await graphFingerprint(app.db);
    const res = await extract(body);
    expect(res.status).toBe(status);
    expect(errorOf(res).message).toContain(words);
    expect(res.text).not.toMatch(/at \w+ \(|node_modules/);
    expect(await graphFingerprint(app.db)).toEqual(before);
  });
});

describe('when the language parser fails', () => {
  it('a parser killed during an extraction gives a 503 for that request, and the next request succeeds', async () => {
    const { pids } = await app.nlp.info();
    expect(pids?.length).toBeGreaterThan(0);
    const long = Array.from({ length: 1500 }, (_, i) => `Delegation ${i} of Moscow rejected proposal number ${i} for a truce on Friday.`).join(' ');
    const pending = extract({ text: long, title: 'Killed', publishedAt: '2025-06-10' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const pid of pids!) process.kill(pid, 'SIGKILL');
    const killed = await pending;
    expect(killed.status).toBe(503);
    expect(errorOf(killed).code).toBe('nlp_unavailable');
    const next = await extract({ text: 'Poland called for a special tribunal on Monday.', title: 'After', publishedAt: '2025-06-10' });
    expect(next.status).toBe(200);
  }, 120_000);

  it('without Python, POST /api/extract answers 503 naming what to install, and the rest of the API works', async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-extract-'));
    const noPython = await startTestApp({ PARLEY_NLP_PYTHON: path.join(scratch, 'no-python3'), PARLEY_NLP_DIR: path.join(scratch, 'nlp') });
    try {
      const res = await noPython.request('/api/extract', { method: 'POST', json: { text: 'Poland called for a special tribunal on Monday.', title: 'No Python', publishedAt: '2025-06-10' } });
      expect(res.status).toBe(503);
      expect(errorOf(res).message).toMatch(/python3/);
      expect((await noPython.request('/api/sources/schema')).status).toBe(200);
    } finally {
      await noPython.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});
