/**
 * The floor under the measured extraction quality (docs/extraction.md, `npm run eval:extract`):
 * a little below the figures achieved, so a change that loses quality fails here. The real
 * reports' texts are not in the repository: where they are absent (a fresh clone) those floors
 * skip with a notice. The seed article's text is in ../shared/sources, so its floor always runs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EVAL_TEXTS_DIR, evaluate, summarise } from '../../server/cli/evalExtract.ts';
import { loadConfig } from '../../server/config.ts';
import { loadReports, readSplit } from '../../server/features/extract/score.ts';
import { createNlp } from '../../server/nlp/client.ts';
import { REPO_ROOT } from '../../server/paths.ts';
import { testLogger } from '../support/db.ts';

/** Floors, a little below what docs/extraction.md reports. */
const FLOORS = {
  dev: { f1: 0.40, precision: 0.55, actors: 0.95 },
  test: { f1: 0.23, precision: 0.33, actors: 0.88 },
  seed: { f1: 0.28 },
};

const nlp = createNlp({ ...loadConfig({ ...(process.env.PARLEY_NLP_DIR ? { PARLEY_NLP_DIR: process.env.PARLEY_NLP_DIR } : {}), PARLEY_NLP_WORKERS: '1' }).nlp }, testLogger);
afterAll(() => nlp.stop());

const { present, missing } = loadReports(REPO_ROOT, EVAL_TEXTS_DIR);
if (present.length === 0) {
  console.warn(`extraction floors: the real reports' texts are absent from ${EVAL_TEXTS_DIR} (set PARLEY_EVAL_TEXTS); their floors are skipped, the seed's runs.`);
}
const evaluation = evaluate(nlp);

describe('extraction quality floors', () => {
  const split = readSplit(REPO_ROOT);
  for (const half of ['dev', 'test'] as const) {
    it.skipIf(present.length === 0)(`${half} half: stance F1, precision and actors recognised stay above their floors`, async () => {
      const { reports } = await evaluation;
      const scores = reports.filter((r) => split[half].includes(r.negotiation));
      expect(scores.length, `reports of the ${half} half (missing: ${missing.length})`).toBeGreaterThan(0);
      const summary = summarise(scores);
      expect(summary.stances.f1).toBeGreaterThanOrEqual(FLOORS[half].f1);
      expect(summary.stances.precision).toBeGreaterThanOrEqual(FLOORS[half].precision);
      expect(summary.actors).toBeGreaterThanOrEqual(FLOORS[half].actors);
      expect(summary.quoteOffsetErrors).toBe(0);
    }, 600_000);
  }

  it('the seed article: stance F1 above its floor, every quote exact at its offsets', async () => {
    const { seed } = await evaluation;
    expect(seed, 'the seed article text in PARLEY_ARTICLES_DIR (../shared/sources)').toBeDefined();
    expect(seed!.stances.f1).toBeGreaterThanOrEqual(FLOORS.seed.f1);
    expect(seed!.quoteOffsetErrors).toBe(0);
  }, 600_000);
});
