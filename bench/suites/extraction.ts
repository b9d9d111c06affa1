/**
 * 6. Article extraction (POST /api/extract's work, in process): a 1,000- and a 10,000-word
 * article built from the gold-set fixtures, against the seed's names. The baseline in the same
 * run is wink-nlp reading the same text into sentences and tokens, the floor any extraction pays.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../server/logger.ts';
import { extractWithNames } from '../../server/features/extract/extract.ts';
import { type KnownName, readSentences } from '../../server/language/index.ts';
import { REPO_ROOT } from '../processes.ts';
import { compare, elapsedMs, type ResultRow, summarize } from '../stats.ts';
import { cappedRuns } from './context.ts';

const WORD_COUNTS = [1_000, 10_000];

/** Paragraphs of the fixture articles, repeated until the article has `words` words. */
function articleOf(words: number): string {
  const dir = path.join(REPO_ROOT, 'tests', 'fixtures', 'articles');
  const paragraphs = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split(/\n\s*\n/).filter((p) => p.trim()));
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const paragraph = paragraphs[i % paragraphs.length]!;
    out.push(paragraph);
    count += paragraph.split(/\s+/).length;
  }
  return out.join('\n\n');
}

function seedNames(): KnownName[] {
  const seed = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'cypher', 'seed', '010-istanbul-talks-2025-06-03.json'), 'utf8')) as {
    entities: Array<{ id: string; type: string; name: string; aliases?: string[]; party?: string }>;
  };
  return seed.entities.map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases ?? [], ...(e.party ? { party: e.party } : {}) }));
}

export function extractionSuite(runs: number, capSeconds: number, logger: Logger): ResultRow[] {
  const known = seedNames();
  const rows: ResultRow[] = [];
  for (const words of WORD_COUNTS) {
    const text = articleOf(words);
    const request = { text, title: `Bench article of ${words} words`, publishedAt: '2025-06-10' };
    // Warm-up: models loaded, lemma cache and JIT warm, as in a running server.
    extractWithNames(request, known);
    const extraction: number[] = [];
    const tokenizing: number[] = [];
    for (const run of cappedRuns({ runs, capSeconds })) {
      let start = performance.now();
      extractWithNames(request, known);
      extraction.push(elapsedMs(start));
      start = performance.now();
      readSentences(text);
      tokenizing.push(elapsedMs(start));
      logger.info({ suite: 'extraction', words, run: run + 1, of: runs }, 'extraction run done');
    }
    const parley = summarize(extraction);
    rows.push({
      suite: 'extraction',
      scope: `${words.toLocaleString('en')} words`,
      measure: 'extract a draft (goal: 300 ms for 1,000 words, 2 s for 10,000)',
      unit: 'ms',
      higherIsBetter: false,
      parley,
      comparisons: [compare('wink-nlp sentences and tokens only', parley, summarize(tokenizing))],
    });
  }
  return rows;
}
