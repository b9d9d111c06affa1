/**
 * 6. Article extraction (POST /api/extract's work, in process, with Parley's own spaCy worker):
 * a warm 1,000- and 10,000-word article built from the gold-set fixtures, against the seed's
 * names. The baseline in the same run is spaCy's own parse of the same text (its time measured
 * in Python around nlp.pipe): what extraction adds on top of the parser. Also how long a fresh
 * NLP process takes to be ready (its first answer).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../server/logger.ts';
import { loadConfig } from '../../server/config.ts';
import { extractWithNames } from '../../server/features/extract/extract.ts';
import type { KnownName } from '../../server/language/index.ts';
import { createNlp } from '../../server/nlp/client.ts';
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

export async function extractionSuite(runs: number, capSeconds: number, logger: Logger): Promise<ResultRow[]> {
  const known = seedNames();
  const rows: ResultRow[] = [];
  const config = loadConfig();
  // A fresh NLP process: from nothing to its first answer.
  const ready: number[] = [];
  for (const run of cappedRuns({ runs: Math.min(runs, 3), capSeconds })) {
    const fresh = createNlp({ ...config.nlp, workers: 1 }, logger);
    const start = performance.now();
    try {
      await fresh.info();
      ready.push(elapsedMs(start));
    } finally {
      await fresh.stop();
    }
    logger.info({ suite: 'extraction', run: run + 1 }, 'NLP ready run done');
  }
  const readyTime = summarize(ready);
  rows.push({ suite: 'extraction', scope: 'NLP process', measure: 'ready, from start to first answer (goal ≤ 5 s)', unit: 'ms', higherIsBetter: false, parley: readyTime, comparisons: [] });

  const nlp = createNlp({ ...config.nlp, workers: 1 }, logger);
  try {
    for (const words of WORD_COUNTS) {
      const text = articleOf(words);
      const request = { text, title: `Bench article of ${words} words`, publishedAt: '2025-06-10' };
      // Warm-up: the worker started, the model loaded, the JIT warm, as in a running server.
      await extractWithNames(nlp, request, known);
      const extraction: number[] = [];
      const parsing: number[] = [];
      for (const run of cappedRuns({ runs, capSeconds })) {
        const start = performance.now();
        await extractWithNames(nlp, request, known);
        extraction.push(elapsedMs(start));
        const parsed = await nlp.parse([text]);
        parsing.push(parsed.timing.spacyMs);
        logger.info({ suite: 'extraction', words, run: run + 1, of: runs }, 'extraction run done');
      }
      const parley = summarize(extraction);
      const heap = process.memoryUsage().heapUsed;
      rows.push({
        suite: 'extraction',
        scope: `${words.toLocaleString('en')} words`,
        measure: 'extract a draft, warm (goal ≤ 1.5× spaCy’s own parse)',
        unit: 'ms',
        higherIsBetter: false,
        parley,
        comparisons: [compare('spaCy’s own parse of the same text', parley, summarize(parsing))],
        note: `heap after: ${Math.round(heap / 1e6)} MB`,
      });
    }
  } finally {
    await nlp.stop();
  }
  return rows;
}
