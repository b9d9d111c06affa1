/**
 * Ask against the seeded graph: the whole question set in tests/fixtures/ask/, the cited-answer
 * contract, and bad input.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, answerOf, errorOf } from '../support/app.ts';
import { type SpecValidator, startSeededAppWithSpec } from '../support/openapi.ts';

interface AskCase {
  question: string;
  path: string;
  status: string;
  answerContains: string[];
  answerExcludes: string[];
  cites: string[];
}
const { questions } = JSON.parse(fs.readFileSync(new URL('../fixtures/ask/seed-questions.json', import.meta.url), 'utf8')) as { questions: AskCase[] };

let app: TestApp;
let spec: SpecValidator;
beforeAll(async () => ({ app, spec } = await startSeededAppWithSpec()));
afterAll(() => app.close());

/** The curated seed article; the seed's further reports of the same round are cited beside it. */
const ARTICLE = 'source:russia-no-quick-breakthroughs-2025-06-03';
/** A raw ask: the bad-input tests send what the typed client would not. */
const askRaw = (question: unknown) => app.request('/api/ask', { method: 'POST', json: { question } });
const ask = (question: string) => app.api.ask({ body: { question } });

describe('the question set', () => {
  it('holds at least 60 questions covering every path and both outcomes', () => {
    expect(questions.length).toBeGreaterThanOrEqual(60);
    expect(new Set(questions.map((q) => q.path))).toEqual(new Set(['structure', 'stances', 'evidence', 'none']));
    expect(new Set(questions.map((q) => q.status))).toEqual(new Set(['answered', 'not_found']));
  });

  it.each(questions.map((q) => [q.question, q] as const))('%s', async (_question, expected) => {
    const res = await askRaw(expected.question);
    expect(res.status).toBe(200);
    spec.expectMatches('post', '/api/ask', 200, res.body);
    const { answer, status, interpretation, citations, closest } = answerOf('ask', res);
    const context = `${answer}\n${JSON.stringify(interpretation)}`;
    expect(status, context).toBe(expected.status);
    expect(interpretation.path, context).toBe(expected.path);
    for (const words of expected.answerContains) expect(answer.toLowerCase(), context).toContain(words.toLowerCase());
    for (const words of expected.answerExcludes) expect(answer.toLowerCase(), context).not.toContain(words.toLowerCase());
    const cited = new Set(citations.flatMap((c) => c.entityIds));
    for (const id of expected.cites) expect([...cited], context).toContain(id);
    if (status === 'answered') expect(citations.length, context).toBeGreaterThan(0);
    // A not-found answer cites nothing as if it answered; what is near goes to `closest`.
    if (status === 'not_found') expect(citations, context).toEqual([]);
    expect(closest.length, context).toBeLessThanOrEqual(6);
  });
});

describe('citations', () => {
  it('keeps verbatim quotes and summaries apart: a summary never sits in quote', async () => {
    const { citations } = await ask('Who backed a leaders’ summit?');
    const zelensky = citations.find((c) => c.sourceId === ARTICLE && c.entityIds.includes('official:volodymyr-zelensky'));
    // The article has only a summary for Zelensky's backing; it must not be presented as his words.
    expect(zelensky).toBeDefined();
    expect(zelensky?.quote).toBeNull();
    expect(zelensky?.summary).toMatch(/Zelensky supports/);
    const erdogan = citations.filter((c) => c.entityIds.includes('official:recep-tayyip-erdogan'));
    expect(erdogan.map((c) => c.quote)).toContain('greatest wish');
  });

  it('names the source and date of each row', async () => {
    const res = await ask('Who rejected the ceasefire?');
    for (const citation of res.citations) expect(citation).toMatchObject({ sourceId: expect.stringMatching(/^source:/), sourceDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(res.citations.find((c) => c.sourceId === ARTICLE)).toMatchObject({
      sourceDate: '2025-06-03',
      date: '2025-06-02',
      stanceId: expect.stringMatching(/^stance:/),
    });
    expect(res.confidence).toBeGreaterThan(0.6);
  });

  it('cites what the sources do record when the stance asked about is not there', async () => {
    const res = await ask('Who rejected the prisoner swap?');
    expect(res.status).toBe('not_found');
    expect(res.citations).toEqual([]);
    const ids = res.closest.map((c) => c.stanceId);
    expect(ids).toContain('stance:russia-agreed-prisoner-swap-2025-06-02');
  });

  it('answers "not found" with the closest passages, never a confident sentence', async () => {
    const res = await ask('How many people were displaced in Odesa last winter?');
    expect(res).toMatchObject({ status: 'not_found', answer: 'I could not find this in the sources.', confidence: 0 });
  });
});

describe('bad input', () => {
  it('refuses an empty question with a 400 naming the problem', async () => {
    const res = await askRaw('   ');
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toMatch(/empty/i);
    spec.expectMatches('post', '/api/ask', 400, res.body);
  });

  it('refuses a question over 1,000 characters', async () => {
    const res = await askRaw(`Who rejected ${'the ceasefire '.repeat(80)}?`);
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toMatch(/1000 characters/);
  });

  it('refuses a question that is not text', async () => {
    for (const question of [42, ['Who rejected the ceasefire?'], { q: 'x' }, null]) {
      const res = await askRaw(question);
      expect(res.status, JSON.stringify(question)).toBe(400);
    }
    expect((await askRaw('?!')).status).toBe(400);
  });

  it('refuses a question that is not English with a 422', async () => {
    for (const question of ['Qui a rejeté le cessez-le-feu ?', 'Wer hat den Waffenstillstand abgelehnt?', 'Кто отверг перемирие?']) {
      const res = await askRaw(question);
      expect(res.status, question).toBe(422);
      expect(errorOf(res).code).toBe('not_english');
      spec.expectMatches('post', '/api/ask', 422, res.body);
    }
  });
});
