/**
 * The language parser for real: Parley's own spaCy processes (installed on first need, so a
 * clean clone works; `.ci/run` installs them beforehand), a shared service reached through
 * PARLEY_NLP_URL, and the typed error when Python is missing. Nothing here needs Neo4j.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { NlpUnavailableError } from '../../server/errors.ts';
import { createLogger } from '../../server/logger.ts';
import { createNlp, type NlpConfig, type NlpService } from '../../server/nlp/client.ts';
import { ensureNlpRuntime, SERVICE_SCRIPT } from '../../server/nlp/install.ts';
import type { ParsedDoc } from '../../server/nlp/parsedDoc.ts';
import { freePort } from '../support/processes/ports.ts';
import { REPO_ROOT } from '../../server/paths.ts';

/** The checkout's install (or the one PARLEY_NLP_DIR names), one worker unless a test asks for more. */
const config: NlpConfig = loadConfig({ PARLEY_NLP_DIR: process.env.PARLEY_NLP_DIR, PARLEY_NLP_WORKERS: '1' }).nlp;
const INSTALL_TIMEOUT_MS = 600_000;

/** A pino logger whose lines the test can read. */
function capturingLogger() {
  const lines: { msg: string; [key: string]: unknown }[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

/** Alive and not a zombie (an orphan that nobody reaped is gone for our purposes). */
function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection, got an answer'),
    (err: unknown) => err,
  );
}

/** Whether a UTF-16 offset falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return /[\uD800-\uDBFF]/.test(text.charAt(offset - 1)) && /[\uDC00-\uDFFF]/.test(text.charAt(offset));
}

function tokenNamed(doc: ParsedDoc, text: string) {
  const token = doc.tokens.find((t) => t.text === text);
  if (!token) throw new Error(`no token "${text}" in ${doc.tokens.map((t) => t.text).join(' ')}`);
  return token;
}

/** Many sentences: spaCy takes seconds over them, long enough to kill it half-way. */
function longText(sentences: number): string {
  const pattern = [
    'The delegation rejected the proposal for a ceasefire on Tuesday, officials said.',
    'Mediators offered new guarantees before the second round of talks.',
    'The foreign minister demanded the withdrawal of all forces from the border region.',
  ];
  return Array.from({ length: sentences }, (_, n) => pattern[n % pattern.length]).join(' ');
}

describe("Parley's own spaCy process", () => {
  const log = capturingLogger();
  let nlp: NlpService;

  beforeAll(async () => {
    nlp = createNlp(config, log.logger);
    // First use: installs the venv when this checkout has none (progress in the log), then starts a worker.
    await nlp.info();
  }, INSTALL_TIMEOUT_MS);

  afterAll(() => nlp?.stop());

  it('parses a sentence: the subject of "rejected", its lemma and tense, and the places and date', async () => {
    const text = "Ukraine's foreign minister rejected the proposal in Geneva on Monday.";
    const { docs, model, timing } = await nlp.parse([text]);
    const doc = docs[0]!;
    const rejected = tokenNamed(doc, 'rejected');
    expect(rejected).toMatchObject({ lemma: 'reject', pos: 'VERB', tag: 'VBD', dep: 'ROOT' });
    expect(rejected.morph).toMatchObject({ Tense: 'Past', VerbForm: 'Fin' });
    const subject = doc.children(rejected.i).map((i) => doc.token(i)).find((t) => t.dep === 'nsubj');
    expect(subject?.text).toBe('minister');
    expect(tokenNamed(doc, 'proposal')).toMatchObject({ dep: 'dobj', head: rejected.i });
    expect(doc.entities.map((e) => [e.text, e.label])).toEqual(expect.arrayContaining([['Geneva', 'GPE'], ['Monday', 'DATE']]));
    expect(doc.nounChunks.map((c) => c.text)).toContain('the proposal');
    expect(doc.sentences).toHaveLength(1);
    expect(model).toBe(config.model);
    expect(timing.spacyMs).toBeGreaterThan(0);
    expect(timing.totalMs).toBeGreaterThanOrEqual(timing.spacyMs);
  });

  it('keeps every offset right in a text with emoji, a flag, a mathematical letter and a lone surrogate', async () => {
    const text = 'Talks resumed 🤝 in Doha 🇶🇦 on Monday.\nThe 𝒳 delegation, led by Maria Zakharova, rejected it 😀. 中文 too \uD800.';
    const [doc] = (await nlp.parse([text])).docs;
    for (const token of doc!.tokens) {
      expect(text.slice(token.start, token.end)).toBe(token.text);
      expect(splitsPair(text, token.start) || splitsPair(text, token.end)).toBe(false);
    }
    expect(doc!.tokens.map((t) => t.text + t.whitespace).join('')).toBe(text);
    for (const word of ['Doha', 'Monday', 'delegation', 'rejected', '😀', '中文']) {
      expect(tokenNamed(doc!, word).start).toBe(text.indexOf(word));
    }
    for (const span of [...doc!.entities, ...doc!.sentences, ...doc!.nounChunks]) expect(text.slice(span.charStart, span.charEnd)).toBe(span.text);
    // Four astral characters come before the name: unconverted offsets would be four units short.
    expect(doc!.entities.find((e) => e.text === 'Maria Zakharova')).toMatchObject({ label: 'PERSON', charStart: text.indexOf('Maria') });
  });

  it('drains fifty concurrent questions into shared batches, each answered with its own text, before a long article drained with them', async () => {
    // While the worker parses the first text, the article and the questions queue up and are drained together.
    const busy = nlp.parse([longText(300)]);
    const article = nlp.parse([longText(200)]);
    const questions = Array.from({ length: 50 }, (_, n) => `Who rejected proposal number ${n + 1}?`);
    const answers = await Promise.all(questions.map((question) => nlp.parse([question])));
    const { timing: articleTiming } = await article;
    await busy;
    answers.forEach((answer, n) => {
      expect(answer.docs[0]!.text).toBe(questions[n]);
      expect(tokenNamed(answer.docs[0]!, String(n + 1)).i).toBe(4);
    });
    expect(Math.max(...answers.map((a) => a.timing.batchTexts))).toBeGreaterThan(1);
    const withArticle = answers.filter((a) => a.timing.batchTexts === articleTiming.batchTexts);
    expect(withArticle.length).toBeGreaterThan(0);
    // Parsed in a group of their own ahead of the article: well before it, not at the end of one shared nlp.pipe call.
    for (const answer of withArticle) expect(answer.timing.spacyMs).toBeLessThan(articleTiming.spacyMs / 2);
  });

  it('answers several texts in one call, an empty one included, and refuses a text over the maximum length', async () => {
    const { docs } = await nlp.parse(['The envoy proposed a truce.', '', 'Moscow dismissed it.']);
    expect(docs.map((d) => d.tokens.length)).toEqual([6, 0, 4]);
    const { maxLength } = await nlp.info();
    const error = await rejection(nlp.parse(['a'.repeat(maxLength + 1)]));
    expect(error).toMatchObject({ status: 400, code: 'invalid_request' });
    expect((error as Error).message).toMatch(/at most/);
  });

  it('fails the request a killed worker was parsing with the typed error, and the next request succeeds', async () => {
    const before = await nlp.info();
    const [pid] = before.pids!;
    const parsing = rejection(nlp.parse([longText(3_000)]));
    await vi.waitFor(
      async () => {
        const health = (await (await fetch(`${before.url}/health`)).json()) as { load: { parsing: number } };
        expect(health.load.parsing).toBe(1);
      },
      { timeout: 20_000, interval: 50 },
    );
    process.kill(pid!, 'SIGKILL');
    const error = await parsing;
    expect(error).toBeInstanceOf(NlpUnavailableError);
    expect(error).toMatchObject({ status: 503, code: 'nlp_unavailable' });

    const [doc] = (await nlp.parse(['The mediator proposed a truce.'])).docs;
    expect(tokenNamed(doc!, 'proposed').dep).toBe('ROOT');
    const after = await nlp.info();
    expect(after.pids).toHaveLength(1);
    expect(after.pids).not.toContain(pid);
    expect(log.lines.some((line) => line.msg === 'NLP worker ready' && line.pid === after.pids![0])).toBe(true);
  });
});

describe('the NLP processes are never left behind', () => {
  it('stopping the manager ends every worker', async () => {
    const nlp = createNlp({ ...config, workers: 2 }, capturingLogger().logger);
    await nlp.parse(['The talks resumed.']);
    // The second worker starts in the background once the first one serves.
    await vi.waitFor(async () => expect((await nlp.info()).pids).toHaveLength(2), { timeout: 30_000, interval: 100 });
    const { pids } = await nlp.info();
    await nlp.stop();
    for (const pid of pids!) expect(running(pid)).toBe(false);
    await expect(nlp.parse(['After the stop.'])).rejects.toBeInstanceOf(NlpUnavailableError);
  });

  it('a worker exits by itself when its parent is killed', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', path.join('tests', 'support', 'nlpParent.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, PARLEY_NLP_DIR: config.installDir, PARLEY_NLP_URL: '', PARLEY_NLP_WORKERS: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const firstLine = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: parent.stdout! }).once('line', resolve);
      parent.once('exit', (code) => reject(new Error(`the parent exited (${code}) before its workers were ready`)));
    });
    const pids = JSON.parse(firstLine) as number[];
    expect(pids).toHaveLength(1);
    expect(running(pids[0]!)).toBe(true);
    parent.kill('SIGKILL');
    await vi.waitFor(() => expect(pids.filter(running)).toEqual([]), { timeout: 15_000, interval: 100 });
  });
});

describe('PARLEY_NLP_URL: a shared service started on its own', () => {
  let service: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const { python } = await ensureNlpRuntime(config, capturingLogger().logger);
    const port = await freePort();
    // As a team would run it: no --exit-with-stdin, a fixed port.
    service = spawn(python, [SERVICE_SCRIPT, '--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const ready = await new Promise<string>((resolve) => readline.createInterface({ input: service.stdout! }).once('line', resolve));
    expect(JSON.parse(ready)).toMatchObject({ event: 'ready', port });
    url = `http://127.0.0.1:${port}`;
  }, INSTALL_TIMEOUT_MS);

  afterAll(() => {
    service?.kill('SIGKILL');
  });

  it('parses through the shared service, and stopping the client leaves the service running', async () => {
    const nlp = createNlp({ ...config, url }, capturingLogger().logger);
    const { docs } = await nlp.parse(['The delegation from Kyiv rejected the offer.']);
    expect(docs[0]!.entities.map((e) => e.text)).toContain('Kyiv');
    expect(await nlp.info()).toMatchObject({ mode: 'remote', url, protocol: 1, model: { name: config.model, lang: 'en' } });
    await nlp.stop();
    expect(((await (await fetch(`${url}/health`)).json()) as { status: string }).status).toBe('ok');
    await expect(nlp.parse(['After the stop.'])).rejects.toBeInstanceOf(NlpUnavailableError);
  });

  it('answers the protocol errors with JSON that names the problem', async () => {
    const bad = await fetch(`${url}/parse`, { method: 'POST', body: JSON.stringify({ texts: 'not a list' }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'invalid_request', message: 'The body must be {"texts": [string, ...]}.' } });
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
  });

  it('a shared service that is gone gives the typed error naming its URL', async () => {
    const port = await freePort();
    const nlp = createNlp({ ...config, url: `http://127.0.0.1:${port}` }, capturingLogger().logger);
    const error = await rejection(nlp.parse(['Anyone there?']));
    expect(error).toBeInstanceOf(NlpUnavailableError);
    expect((error as Error).message).toContain(`http://127.0.0.1:${port}`);
  });
});

describe('without a usable Python', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-nlp-'));
  });

  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('a missing interpreter gives the typed error naming what to install', async () => {
    const nlp = createNlp({ ...config, python: path.join(scratch, 'no-python3'), installDir: path.join(scratch, 'nlp') }, capturingLogger().logger);
    for (const call of [nlp.parse(['Hello.']), nlp.info()]) {
      const error = await rejection(call);
      expect(error).toBeInstanceOf(NlpUnavailableError);
      expect((error as Error).message).toMatch(/python3 and python3-venv/);
    }
    await nlp.stop();
  });

  it('an interpreter without venv support gives the same advice and leaves no half-made venv', async () => {
    // Debian's python3 without python3-venv: it runs, but `-m venv` fails for want of ensurepip.
    const withoutVenv = path.join(scratch, 'python3-without-venv');
    fs.writeFileSync(
      withoutVenv,
      `#!/bin/sh\nif [ "$1" = "-m" ] && [ "$2" = "venv" ]; then echo "The virtual environment was not created successfully because ensurepip is not available." >&2; exit 1; fi\nexec python3 "$@"\n`,
      { mode: 0o755 },
    );
    const installDir = path.join(scratch, 'nlp-no-venv');
    const nlp = createNlp({ ...config, python: withoutVenv, installDir }, capturingLogger().logger);
    const error = await rejection(nlp.parse(['Hello.']));
    expect(error).toBeInstanceOf(NlpUnavailableError);
    expect((error as Error).message).toMatch(/ensurepip is not available/);
    expect((error as Error).message).toMatch(/python3-venv/);
    expect(fs.readdirSync(installDir)).toEqual([]);
    await nlp.stop();
  });
});
