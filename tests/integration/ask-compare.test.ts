/**
 * Ask about the comparison of documents (issue 29): the question set's 'compare' questions
 * (tests/fixtures/ask/questions.json, wording untouched) through the real API, on the seed with
 * the Istanbul memorandums' points brought in from the reports behind the comparison gold (the
 * seed itself holds the two documents but none of their points); the issue's own questions; and
 * an honest answer when a document is unknown.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskResponse } from '../../server/contract/ask.ts';
import { readComparisonGold } from '../../server/features/documents/comparisonGold.ts';
import { type TestApp, answerOf } from '../support/app.ts';
import { type SpecValidator, startSeededAppWithSpec } from '../support/openapi.ts';
import { ingestComparisonReports } from '../support/comparison.ts';

const RU = 'document:russia-memorandum-2025-06-02';
const UA = 'document:ukraine-memorandum-2025-06-02';

interface SetQuestion {
  id: string;
  negotiation: string;
  kind: string;
  question: string;
  expect: { verdict: string; mustMention: string[]; mustNotMention: string[]; yesNo: 'yes' | 'no' | null };
}
const questionSet = JSON.parse(fs.readFileSync(new URL('../fixtures/ask/questions.json', import.meta.url), 'utf8')) as { questions: SetQuestion[] };
const compareQuestions = questionSet.questions.filter((q) => q.kind === 'compare');
const contested = JSON.parse(fs.readFileSync(new URL('../fixtures/ask/contested.json', import.meta.url), 'utf8')) as { questions: SetQuestion[] };
const byId = (id: string) => [...questionSet.questions, ...contested.questions].find((q) => q.id === id)!;
/**
 * Questions ask does not answer yet, with why; each must still fail (it.fails), so one that starts
 * passing is noticed and moved back.
 */
const NOT_YET: Record<string, string> = {
  'ist-q051':
    "It names no document (\"Russia's sequence of steps\"), and its answer is the first step of the Russian memorandum's section III (the bodies), while the points are ordered from section I.",
};

let app: TestApp;
let spec: SpecValidator;
beforeAll(async () => ({ app, spec } = await startSeededAppWithSpec()), 240_000);
afterAll(() => app?.close());

async function ask(question: string): Promise<AskResponse> {
  const res = await app.request('/api/ask', { method: 'POST', json: { question } });
  expect(res.status).toBe(200);
  spec.expectMatches('post', '/api/ask', 200, res.body);
  return answerOf('ask', res);
}

/** The question set's matching rules (questions.json `matching`): substrings, case aside; '|' gives alternatives. */
function mentions(answer: string, entry: string): boolean {
  return entry.split('|').some((alternative) => answer.toLowerCase().includes(alternative.toLowerCase()));
}
function yesNoOf(answer: string): 'yes' | 'no' | null {
  return /^yes\b/i.test(answer) ? 'yes' : /^no\b/i.test(answer) ? 'no' : null;
}

describe('before the memorandums have points', () => {
  it('says the graph holds no document points to compare, and cites nothing', async () => {
    const res = await ask('How do the Russian and Ukrainian memorandums differ on the ceasefire?');
    expect([res.status, res.interpretation.path, res.citations]).toEqual(['not_found', 'compare', []]);
    expect(res.answer).toMatch(/no document with points/);
  });
});

describe('with the Istanbul memorandums’ points', () => {
  beforeAll(async () => {
    const gold = readComparisonGold('istanbul-memorandums-2025-06-02');
    await ingestComparisonReports(app, gold);
  }, 240_000);

  it('the question set holds the compare questions; all but the few named are answered', () => {
    expect(compareQuestions.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(NOT_YET).every((id) => compareQuestions.some((q) => q.id === id))).toBe(true);
    expect(Object.keys(NOT_YET).length).toBeLessThanOrEqual(1);
  });

  async function answersAsExpected(q: SetQuestion): Promise<void> {
    const res = await ask(q.question);
    const context = `${res.answer}\n${JSON.stringify(res.interpretation)}`;
    expect(q.expect.verdict).toBe('answer');
    expect(res.status, context).toBe('answered');
    for (const entry of q.expect.mustMention) expect(mentions(res.answer, entry), `${entry}\n${context}`).toBe(true);
    for (const entry of q.expect.mustNotMention) expect(mentions(res.answer, entry), `${entry}\n${context}`).toBe(false);
    if (q.expect.yesNo !== null) expect(yesNoOf(res.answer), context).toBe(q.expect.yesNo);
    expect(res.citations.length, context).toBeGreaterThan(0);
  }
  const answerable = compareQuestions.filter((q) => !(q.id in NOT_YET));
  it.each(answerable.map((q) => [`${q.id}: ${q.question}`, q] as const))('%s', (_name, q) => answersAsExpected(q));
  it.fails.each(compareQuestions.filter((q) => q.id in NOT_YET).map((q) => [`not yet: ${q.id}: ${q.question}`, q] as const))('%s', (_name, q) => answersAsExpected(q));

  it('answers the issue’s question from the comparison, citing each side’s evidence', async () => {
    const res = await ask('How do the Russian and Ukrainian memorandums differ on the ceasefire?');
    expect([res.status, res.interpretation.path]).toEqual(['answered', 'compare']);
    const comparison = await app.api.compareDocuments({ query: { ids: [RU, UA] } });
    const row = comparison.rows.find((r) => r.position.id === 'position:thirty-day-ceasefire')!;
    for (const side of row.sides) {
      expect(res.answer).toContain(`point ${side.point!.order}`);
      for (const e of side.point!.evidence) expect(res.citations).toContainEqual(expect.objectContaining({ stanceId: side.point!.stance, sourceId: e.source, quote: e.quote }));
    }
    // Both documents are cited, each for its own side.
    expect(new Set(res.citations.map((c) => c.entityIds[0]))).toEqual(new Set([RU, UA]));
  });

  it('"Where do the two memorandums agree?": no point on the same terms, and what both hold on different terms', async () => {
    const res = await ask('Where do the two memorandums agree?');
    const comparison = await app.api.compareDocuments({ query: { ids: [RU, UA] } });
    expect(comparison.counts.common).toBe(0);
    expect(res.status).toBe('answered');
    expect(res.answer).toMatch(/^No point is held on the same terms by both documents/);
    const shared = comparison.rows.filter((r) => r.kind === 'difference');
    for (const row of shared) expect(res.answer).toContain(row.position.label);
    expect(new Set(res.citations.map((c) => c.entityIds[1]))).toEqual(new Set(shared.map((r) => r.position.id)));
  });

  it('names the documents as the graph holds them: a document’s alias works as well as its author', async () => {
    const byAlias = await ask('How does the Russian memorandum differ from the Ukrainian memorandum on sanctions?');
    expect(byAlias.status).toBe('answered');
    expect(byAlias.citations.map((c) => c.entityIds[1])).toEqual(expect.arrayContaining(['position:lifting-sanctions-on-russia']));
    expect(byAlias.answer).toMatch(/snapback/);
  });

  it('says so when a document is unknown, and cites nothing', async () => {
    const res = await ask('How do the Turkish and Russian memorandums differ on the ceasefire?');
    expect([res.status, res.interpretation.path, res.citations]).toEqual(['not_found', 'compare', []]);
    expect(res.answer).toContain('no document by Türkiye with points');
  });

  it('leaves a question about one document to the rest of ask', async () => {
    const res = await ask('What does the Russian memorandum set out?');
    expect(res.interpretation.path).not.toBe('compare');
    // The question set's questions about one memorandum, another party only their object.
    for (const id of ['ist-q017', 'ist-q038', 'ist-q039', 'ist-q065']) expect((await ask(byId(id).question)).interpretation.path, id).not.toBe('compare');
  });

  it('says one document holds no point on what is asked, rather than answering from the other (contested ist-c006)', async () => {
    const q = byId('ist-c006');
    expect(q.expect.verdict).toBe('not_in_sources');
    const res = await ask(q.question);
    expect([res.status, res.citations], res.answer).toEqual(['not_found', []]);
    expect(res.answer).toMatch(/^Ukrainian memorandum .* holds no point on what the question asks about/);
  });
});
