/**
 * `npm run eval:ask`: builds ask's workspace in a Neo4j of its own (the seed, then each report
 * of tests/fixtures/ask/sources.json through the workbench's routes: POST /api/extract for the
 * draft, POST /api/sources for the reviewed payload) and the Istanbul memorandums' points from
 * their reports (tests/gold/compare), asks every question of questions.json and
 * contested.json through POST /api/ask, scores the answers (server/features/ask/evalSet.ts),
 * prints the figures per half, per negotiation and for the contested set, with a calibration
 * table of the test half, and writes them into docs/ask.md between its result markers.
 *
 *   PARLEY_EVAL_TEXTS           folder of the reports' texts (default .parley/eval-texts); a
 *                               report's `text.file` is read relative to its parent folder
 *   PARLEY_EVAL_NEO4J_BOLT_PORT the eval's own Neo4j (data in .parley/eval-ask, never the app's):
 *   PARLEY_EVAL_NEO4J_HTTP_PORT default 7697 and 7484
 *
 *   --dev      ask the dev half only (and show why each wrong answer is wrong): for tuning
 *   --no-write print, but leave docs/ask.md as it is
 *   --only ID,ID  ask only these questions (with --dev: of the dev half) and show how each was read
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApi, ApiError } from '../../client/src/api/client.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { AskResponse } from '../contract/ask.ts';
import type { SourcePayloadInput } from '../contract/sourcePayload.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { applySchema } from '../db/schema.ts';
import { type CalibrationRow, type EvalQuestion, type Judgement, calibration, judge, tally } from '../features/ask/evalSet.ts';
import { type EvalReport, type ReviewedGold, reviewedPayload, sourceOf } from '../features/ask/evalWorkspace.ts';
import { loadSeed } from '../features/sources/seed.ts';
import { goldEntityIds, readComparisonGold, reportPayloads } from '../features/documents/comparisonGold.ts';
import { createLogger } from '../logger.ts';
import { createNlp } from '../nlp/client.ts';
import { WatchRuntime } from '../features/watches/runtime.ts';
import { REPO_ROOT as ROOT } from '../paths.ts';
import { writeResultsInDoc } from './resultsInDoc.ts';
import { EVAL_TEXTS_DIR } from './evalExtract.ts';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'ask');
const DOC = path.join(ROOT, 'docs', 'ask.md');
const BEGIN = '<!-- eval:ask results begin -->';
/** The comparison gold whose reports carry the Istanbul memorandums' points (tests/gold/compare/). */
const ISTANBUL_MEMORANDUMS = 'istanbul-memorandums-2025-06-02';
const END = '<!-- eval:ask results end -->';

interface QuestionFile {
  questions: EvalQuestion[];
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** Each report with its text when the stored text is present and unchanged (its sha256 matches). */
function readReports(): { present: Array<{ report: EvalReport; text: string }>; missing: string[] } {
  const { reports } = readJson<{ reports: EvalReport[] }>(path.join(FIXTURES, 'sources.json'));
  const textsRoot = path.dirname(EVAL_TEXTS_DIR);
  const present: Array<{ report: EvalReport; text: string }> = [];
  const missing: string[] = [];
  for (const report of reports) {
    const file = path.join(textsRoot, report.text.file);
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (text !== undefined && crypto.createHash('sha256').update(text).digest('hex') === report.text.sha256) present.push({ report, text });
    else missing.push(`${report.id} (${text === undefined ? 'no text at' : 'changed text at'} ${path.relative(ROOT, file)})`);
  }
  return { present, missing };
}

const pct = (n: number | null) => (n === null ? '–' : `${Math.round(n * 100)}%`);

function renderResults(judgements: Judgement[], missing: string[], devOnly: boolean): string {
  const row = (name: string, js: Judgement[]) => {
    const t = tally(js);
    return `| ${name} | ${t.questions} | ${t.right} | **${pct(t.share)}** | ${t.confidentlyWrong} |`;
  };
  const lines = ['| Set | Questions | Right | Share right | Wrong with confidence ≥ 0.5 |', '|---|---|---|---|---|'];
  for (const half of devOnly ? (['dev'] as const) : (['dev', 'test'] as const)) {
    const inHalf = judgements.filter((j) => j.half === half && !j.contested);
    lines.push(row(`**${half} half${half === 'dev' ? ' (tuned on)' : ' (never tuned on)'}**`, inHalf));
    for (const negotiation of [...new Set(inHalf.map((j) => j.negotiation))].sort()) lines.push(row(`&nbsp;&nbsp;${negotiation}`, inHalf.filter((j) => j.negotiation === negotiation)));
  }
  const contested = judgements.filter((j) => j.contested);
  lines.push(row('**contested, absent and trick questions** (both halves)', contested));
  for (const half of ['dev', 'test'] as const) lines.push(row(`&nbsp;&nbsp;${half} half`, contested.filter((j) => j.half === half)));
  if (!devOnly) {
    const table = (rows: CalibrationRow[]) => rows.map((r) => `| ${r.from.toFixed(2)}–${r.to.toFixed(2)} | ${r.answers} | ${r.right} | ${pct(r.share)} |`);
    lines.push('', 'Calibration on the test half (question set and contested set together): answers by confidence, and how often each bucket is right.', '', '| Confidence | Answers | Right | Share right |', '|---|---|---|---|', ...table(calibration(judgements.filter((j) => j.half === 'test'))));
  }
  if (missing.length > 0) lines.push('', `Reports missing (not brought in; their questions are still asked): ${missing.join(', ')}.`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const devOnly = process.argv.includes('--dev');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt > 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : null;
  const token = crypto.randomBytes(16).toString('hex');
  const env = { ...process.env };
  // The eval empties its database: it never runs against a server named for the app.
  delete env.NEO4J_URI;
  // The app's own Neo4j jars and spaCy install serve the eval too; only the data is its own.
  const appConfig = loadConfig();
  const config = loadConfig({
    ...env,
    PORT: '0',
    PARLEY_HOME: path.join(ROOT, '.parley', 'eval-ask'),
    PARLEY_NEO4J_RUNTIME: appConfig.localNeo4j.runtimeDir,
    PARLEY_NLP_DIR: appConfig.nlp.installDir,
    PARLEY_NEO4J_BOLT_PORT: env.PARLEY_EVAL_NEO4J_BOLT_PORT ?? '7697',
    PARLEY_NEO4J_HTTP_PORT: env.PARLEY_EVAL_NEO4J_HTTP_PORT ?? '7484',
    PARLEY_WRITE_TOKEN: token,
    PARLEY_RATE_LIMIT_REQUESTS: '0',
    PARLEY_RATE_LIMIT_QUERIES: '0',
    PARLEY_RATE_LIMIT_WRITES: '0',
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
  });
  const logger = createLogger(config.logLevel);
  // The eval's own progress is always shown; the app it runs logs at LOG_LEVEL (default warn).
  const progress = createLogger('info');
  const { present, missing } = readReports();
  const { db, localNeo4j } = await openDatabase(config, logger);
  const nlp = createNlp(config.nlp, logger);
  // Its delivery loop never starts (no watches here), but ingestions nudge it: stopped before the database closes.
  const watchRuntime = new WatchRuntime(db, config, logger);
  let server: Server | undefined;
  try {
    await db.write('MATCH (n) DETACH DELETE n');
    await applySchema(db, logger);
    await loadSeed(db, logger);
    const app = createApp({ config, db, logger, nlp, watchRuntime });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const api = createApi(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const known = async (id: string) => {
      try {
        await api.node({ params: { id } });
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return false;
        throw err;
      }
    };
    for (const [i, { report, text }] of present.entries()) {
      const draft = await api.extract({ body: { text, title: report.title, publishedAt: report.publishedAt, publisher: report.originalPublisher, url: report.url } });
      let payload: SourcePayloadInput;
      if (report.gold) {
        const gold = readJson<ReviewedGold>(path.join(ROOT, report.gold));
        const ids = [...new Set([...gold.actors.map((a) => a.id), ...gold.stances.map((s) => s.target.id)])];
        const held = new Set<string>();
        for (const id of ids) if (await known(id)) held.add(id);
        payload = reviewedPayload(report, gold, text, held);
      } else {
        payload = { ...draft.payload, source: sourceOf(report, text) };
      }
      const result = await api.ingest({ body: payload }, { token });
      progress.info({ report: report.id, reviewed: Boolean(report.gold), stances: result.stances, step: `${i + 1}/${present.length}` }, 'report brought in');
    }
    // The seed's memorandums' points come in from their reports (issue 29), as the compare questions need.
    const memorandums = readComparisonGold(ISTANBUL_MEMORANDUMS);
    const held = new Set<string>();
    for (const id of goldEntityIds(memorandums)) if (await known(id)) held.add(id);
    for (const payload of reportPayloads(memorandums, held)) await api.ingest({ body: payload }, { token });
    progress.info({ gold: ISTANBUL_MEMORANDUMS }, "the memorandums' points brought in");
    const sets = [
      { file: 'questions.json', contested: false },
      { file: 'contested.json', contested: true },
    ];
    const judgements: Judgement[] = [];
    for (const set of sets) {
      const { questions } = readJson<QuestionFile>(path.join(FIXTURES, set.file));
      for (const question of questions.filter((q) => (!devOnly || q.half === 'dev') && (!only || only.has(q.id)))) {
        const answer: AskResponse = await api.ask({ body: { question: question.question } });
        const judgement = judge(question, answer, set.contested);
        judgements.push(judgement);
        if (devOnly && !judgement.right) console.log(`${question.id} ${question.question}\n  → ${answer.answer} (${answer.confidence})\n  ✗ ${judgement.faults.join('; ')}`);
        if (only) console.log(`${question.id} read as: ${answer.interpretation.path}; ${answer.interpretation.reading}; unexplained: ${answer.interpretation.unexplained.join(', ') || '–'}; names: ${answer.interpretation.entities.map((e) => `“${e.text}” ${e.type} ${e.role}`).join(', ')}`);
      }
      progress.info({ set: set.file, asked: judgements.filter((j) => j.contested === set.contested).length }, 'questions asked');
    }
    const table = renderResults(judgements, missing, devOnly);
    console.log(`\n${table}`);
    if (!devOnly && !process.argv.includes('--no-write')) {
      writeResultsInDoc(DOC, BEGIN, END, table);
    }
    return 0;
  } finally {
    if (server) {
      const s = server;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    }
    await watchRuntime.stop();
    await nlp.stop();
    await db.close();
    await localNeo4j?.stop();
  }
}

process.exit(await main());
