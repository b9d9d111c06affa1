/**
 * The floor under ask's measured quality (docs/ask.md, `npm run eval:ask`), on the part of the
 * real question set the seed answers: the Istanbul talks' questions of questions.json and
 * contested.json, asked of the seeded graph alone, and scored by the same rules as the eval. The
 * other negotiations' reports are not in the repository, so their figures live in docs/ask.md.
 * The floors sit a little below what the seed part scores; a wrong answer given with confidence
 * of 0.5 or more has a ceiling instead.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EvalQuestion, type Judgement, judge, tally } from '../../server/features/ask/evalSet.ts';
import { type TestApp, startTestApp } from '../support/app.ts';
import { resetToSeed } from '../support/db.ts';

const SEED_NEGOTIATION = 'russia-ukraine-istanbul';
const FLOORS = {
  dev: { share: 0.22, confidentlyWrong: 2 },
  test: { share: 0.25, confidentlyWrong: 1 },
  contested: { share: 0.38, confidentlyWrong: 0 },
};

const questionsOf = (file: string) =>
  (JSON.parse(fs.readFileSync(new URL(`../fixtures/ask/${file}`, import.meta.url), 'utf8')) as { questions: EvalQuestion[] }).questions.filter(
    (q) => q.negotiation === SEED_NEGOTIATION,
  );

let app: TestApp;
const judgements: Judgement[] = [];
beforeAll(async () => {
  app = await startTestApp();
  await resetToSeed(app.db);
  for (const [file, contested] of [['questions.json', false], ['contested.json', true]] as const) {
    for (const question of questionsOf(file)) judgements.push(judge(question, await app.api.ask({ body: { question: question.question } }), contested));
  }
}, 240_000);
afterAll(() => app.close());

describe("ask's quality floors on the seed's part of the real question set", () => {
  for (const half of ['dev', 'test'] as const) {
    it(`${half} half: share right above its floor, confidently wrong answers under their ceiling`, () => {
      const t = tally(judgements.filter((j) => j.half === half && !j.contested));
      console.info(`ask floors, ${half} half of the seed's questions: ${JSON.stringify(t)}`);
      expect(t.questions).toBeGreaterThan(10);
      expect(t.share).toBeGreaterThanOrEqual(FLOORS[half].share);
      expect(t.confidentlyWrong).toBeLessThanOrEqual(FLOORS[half].confidentlyWrong);
    });
  }

  it('contested, absent and trick questions: mostly right, and almost never confidently wrong', () => {
    const t = tally(judgements.filter((j) => j.contested));
    console.info(`ask floors, the seed's contested questions: ${JSON.stringify(t)}`);
    expect(t.questions).toBeGreaterThan(5);
    expect(t.share).toBeGreaterThanOrEqual(FLOORS.contested.share);
    expect(t.confidentlyWrong).toBeLessThanOrEqual(FLOORS.contested.confidentlyWrong);
  });
});
