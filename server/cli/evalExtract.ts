/**
 * `npm run eval:extract`: runs the extractor over the gold set, as against an empty graph (the
 * acceptance setting: a draft ingested into an empty database), prints precision, recall and F1
 * per article and overall, and writes them into docs/extraction.md between its result markers.
 *
 *   PARLEY_ARTICLES_DIR  folder holding the seed article's text (default ../shared/sources beside the checkout)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractWithNames } from '../features/extract/extract.ts';
import { ARTICLES_DIR, REPO_ROOT as ROOT } from '../paths.ts';
import { type ArticleScore, loadGoldSet, overall, type Score, scoreArticle } from '../features/extract/score.ts';

const DOC = path.join(ROOT, 'docs', 'extraction.md');
const BEGIN = '<!-- eval:extract results begin -->';
const END = '<!-- eval:extract results end -->';

export function evaluateGoldSet(articlesDir = ARTICLES_DIR): ArticleScore[] {
  return loadGoldSet(ROOT, articlesDir).map(({ name, text, gold }) => {
    const draft = extractWithNames({ text, title: gold.source.title, publishedAt: gold.source.publishedAt ?? '' }, []);
    return scoreArticle(name, draft, gold);
  });
}

const pct = (n: number) => n.toFixed(2);
const row = (name: string, s: Score) => `${pct(s.precision)} / ${pct(s.recall)} / **${pct(s.f1)}**`;

export function renderResults(scores: ArticleScore[]): string {
  const others = scores.filter((s) => s.article !== 'seed');
  const lines = [
    '| Article | Stances P / R / F1 | Quote attribution P / R / F1 | Entity resolution P / R / F1 | Quote offset errors |',
    '|---|---|---|---|---|',
    ...scores.map((s) => `| ${s.article} | ${row(s.article, s.stances)} | ${row(s.article, s.quotes)} | ${row(s.article, s.entities)} | ${s.quoteOffsetErrors} |`),
    `| **overall (micro)** | ${row('', overall(scores.map((s) => s.stances)))} | ${row('', overall(scores.map((s) => s.quotes)))} | ${row('', overall(scores.map((s) => s.entities)))} | ${scores.reduce((n, s) => n + s.quoteOffsetErrors, 0)} |`,
    '',
    `Stance F1 averaged over the ${others.length} fixture articles (macro): **${pct(others.reduce((n, s) => n + s.stances.f1, 0) / Math.max(1, others.length))}**.`,
  ];
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const scores = evaluateGoldSet();
  for (const s of scores) {
    console.log(`\n${s.article}: stances F1 ${pct(s.stances.f1)} (P ${pct(s.stances.precision)}, R ${pct(s.stances.recall)}), quotes F1 ${pct(s.quotes.f1)}, entities F1 ${pct(s.entities.f1)}`);
    for (const m of s.missed) console.log(`  missed   ${m}`);
    for (const m of s.spurious) console.log(`  spurious ${m}`);
  }
  const table = renderResults(scores);
  console.log(`\n${table}`);
  const doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : `${BEGIN}\n${END}\n`;
  const at = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (at < 0 || end < 0) throw new Error(`docs/extraction.md lacks the markers ${BEGIN} … ${END}`);
  fs.writeFileSync(DOC, `${doc.slice(0, at + BEGIN.length)}\n${table}\n${doc.slice(end)}`);
  console.log(`\nwritten to ${path.relative(ROOT, DOC)}`);
}
