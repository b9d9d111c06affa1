/**
 * `npm run eval:extract`: runs the extractor over the real-report gold set (tests/gold/extraction)
 * and the seed article, each as against an empty graph, scores them (score.ts, independent of
 * the extractor's own matching), prints the figures per half and per negotiation, names the
 * reports whose text is missing, and writes the tables into docs/extraction.md between its
 * result markers.
 *
 *   PARLEY_EVAL_TEXTS    folder of the reports' texts (default .parley/eval-texts in the checkout)
 *   PARLEY_ARTICLES_DIR  folder holding the seed article's text (default ../shared/sources beside the checkout)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import type { ExtractDraft } from '../contract/extract.ts';
import { extractWithNames } from '../features/extract/extract.ts';
import { type Gold, type GoldReport, loadReports, loadSeed, overall, type ReportScore, readSplit, scoreReport } from '../features/extract/score.ts';
import { createNlp, type NlpService } from '../nlp/client.ts';
import { ARTICLES_DIR, REPO_ROOT as ROOT } from '../paths.ts';
import { writeResultsInDoc } from './resultsInDoc.ts';

const DOC = path.join(ROOT, 'docs', 'extraction.md');
const BEGIN = '<!-- eval:extract results begin -->';
const END = '<!-- eval:extract results end -->';

/** Where the reports' texts are: PARLEY_EVAL_TEXTS, else the checkout's ignored .parley/eval-texts. */
export const EVAL_TEXTS_DIR = path.resolve(process.env.PARLEY_EVAL_TEXTS ?? path.join(ROOT, '.parley', 'eval-texts'));

export interface Evaluation {
  reports: ReportScore[];
  seed?: ReportScore;
  missing: Gold[];
}

export async function draftFor(nlp: NlpService, report: GoldReport): Promise<ExtractDraft> {
  return extractWithNames(nlp, { text: report.text, title: report.gold.title, publishedAt: report.gold.publishedAt }, []);
}

export async function evaluate(nlp: NlpService, textsDir = EVAL_TEXTS_DIR, articlesDir = ARTICLES_DIR, only?: string[]): Promise<Evaluation> {
  const loaded = loadReports(ROOT, textsDir);
  const present = only ? loaded.present.filter((r) => only.includes(r.gold.negotiation)) : loaded.present;
  const missing = loaded.missing;
  const reports: ReportScore[] = [];
  for (const report of present) reports.push(scoreReport(await draftFor(nlp, report), report.gold));
  const seedReport = loadSeed(ROOT, articlesDir);
  const seed = seedReport ? scoreReport(await draftFor(nlp, seedReport), seedReport.gold) : undefined;
  return { reports, ...(seed ? { seed } : {}), missing };
}

export interface Summary {
  reports: number;
  stances: ReturnType<typeof overall>;
  actors: number;
  quoteOffsetErrors: number;
}

export function summarise(scores: ReportScore[]): Summary {
  const found = scores.reduce((n, s) => n + s.actors.found, 0);
  const total = scores.reduce((n, s) => n + s.actors.total, 0);
  return {
    reports: scores.length,
    stances: overall(scores.map((s) => s.stances)),
    actors: total === 0 ? 0 : found / total,
    quoteOffsetErrors: scores.reduce((n, s) => n + s.quoteOffsetErrors, 0),
  };
}

const pct = (n: number) => n.toFixed(2);

export function renderResults(evaluation: Evaluation): string {
  const split = readSplit(ROOT);
  const line = (name: string, s: Summary) =>
    `| ${name} | ${s.reports} | ${pct(s.stances.precision)} / ${pct(s.stances.recall)} / **${pct(s.stances.f1)}** | ${s.stances.truePositives} / ${s.stances.truePositives + s.stances.falseNegatives} | ${pct(s.actors)} | ${s.quoteOffsetErrors} |`;
  const lines = [
    '| Set | Reports | Stances P / R / F1 | Gold stances found | Actors recognised | Quote offset errors |',
    '|---|---|---|---|---|---|',
  ];
  for (const half of ['dev', 'test'] as const) {
    const scores = evaluation.reports.filter((r) => split[half].includes(r.negotiation));
    lines.push(line(`**${half} half${half === 'dev' ? ' (tuned on)' : ' (never tuned on)'}**`, summarise(scores)));
    for (const negotiation of split[half]) lines.push(line(`&nbsp;&nbsp;${negotiation}`, summarise(scores.filter((r) => r.negotiation === negotiation))));
  }
  if (evaluation.seed) lines.push(line('**seed article**', summarise([evaluation.seed])));
  const attributed = evaluation.reports.reduce((n, r) => n + r.quotes.attributed, 0);
  const quotes = evaluation.reports.reduce((n, r) => n + r.quotes.total, 0);
  lines.push('', `Gold quotes with a speaker attributed to that speaker: ${attributed} of ${quotes}.`);
  if (evaluation.missing.length > 0) lines.push('', `Texts missing (not scored): ${evaluation.missing.map((g) => g.text.file).join(', ')}.`);
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const nlp = createNlp(loadConfig().nlp, pino({ level: 'warn' }));
  try {
    // --dev: the dev half only (and the seed), for tuning; the test half is never looked at in detail.
    const devOnly = process.argv.includes('--dev');
    const evaluation = await evaluate(nlp, EVAL_TEXTS_DIR, ARTICLES_DIR, devOnly ? readSplit(ROOT).dev : undefined);
    const verbose = devOnly && process.argv.includes('--verbose');
    for (const s of [...evaluation.reports, ...(evaluation.seed ? [evaluation.seed] : [])]) {
      console.log(`${s.report}: F1 ${pct(s.stances.f1)} (P ${pct(s.stances.precision)}, R ${pct(s.stances.recall)}), actors ${s.actors.found}/${s.actors.total}`);
      if (!verbose) continue;
      for (const m of s.missed) console.log(`  missed   ${m}`);
      for (const m of s.spurious) console.log(`  spurious ${m}`);
      for (const m of s.actors.missed) console.log(`  actor?   ${m}`);
    }
    for (const g of evaluation.missing) console.log(`missing text: ${g.text.file} (${g.id})`);
    const table = renderResults(evaluation);
    console.log(`\n${table}`);
    if (!devOnly && !process.argv.includes('--no-write')) {
      writeResultsInDoc(DOC, BEGIN, END, table);
    }
  } finally {
    await nlp.stop();
  }
}
