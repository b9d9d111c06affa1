/**
 * `npm run fuzz`: schemathesis, from PyPI, against the /api/openapi.json that a Parley it starts
 * serves on loopback (its own Neo4j in a temporary home; see startIsolatedApp in tests/support/processes/appProcess.ts).
 * Every operation is tried with examples, boundary values, random valid and invalid input and
 * stateful sequences; the run fails on any server error, any answer that breaks the document
 * (status, content type, schema, headers), any write accepted without the token, and any
 * schema-valid request refused other than as schemathesis.toml beside this file allows.
 *
 * schemathesis is installed on first use into .parley/fuzz-venv (python3 with venv is needed:
 * Debian's python3-venv). FUZZ_MAX_EXAMPLES (default 40) bounds the cases per operation and
 * phase; FUZZ_SEED makes a run reproducible.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT as REPO } from '../../server/paths.ts';
import { startIsolatedApp } from '../support/processes/appProcess.ts';

const SCHEMATHESIS_VERSION = '4.32.5';
const VENV = path.join(REPO, '.parley', 'fuzz-venv');
const WRITE_TOKEN = 'fuzz-write-token';
const maxExamples = Number(process.env.FUZZ_MAX_EXAMPLES ?? 40);

/** The venv's schemathesis at the pinned version, installed from PyPI when missing or different. */
function ensureSchemathesis(): string {
  const bin = path.join(VENV, 'bin', 'schemathesis');
  const installed = fs.existsSync(bin) && spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.includes(SCHEMATHESIS_VERSION);
  if (installed) return bin;
  console.log(`Installing schemathesis ${SCHEMATHESIS_VERSION} into ${path.relative(REPO, VENV)} …`);
  run('python3', ['-m', 'venv', VENV], 'python3 -m venv failed; install python3 and python3-venv (Debian: apt-get install python3-venv)');
  run(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`], 'pip could not install schemathesis from PyPI');
  return bin;
}

function run(command: string, args: string[], failure: string): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.error || result.status !== 0) throw new Error(`${failure} (${command} ${args.join(' ')})`);
}

const schemathesis = ensureSchemathesis();
console.log('Starting Parley with its own Neo4j on free loopback ports …');
// No rate limits: the fuzzer sends far more than a person would, and 429s would hide real answers.
const parley = await startIsolatedApp({ PARLEY_WRITE_TOKEN: WRITE_TOKEN, PARLEY_RATE_LIMIT_REQUESTS: '0', PARLEY_RATE_LIMIT_QUERIES: '0', PARLEY_RATE_LIMIT_WRITES: '0' });
let status = 1;
try {
  const reportDir = path.join(REPO, '.parley', 'fuzz-report');
  const args = [
    '--config-file',
    path.join(REPO, 'tests', 'fuzz', 'schemathesis.toml'),
    'run',
    `${parley.url}/api/openapi.json`,
    '--checks',
    'all',
    '--max-examples',
    String(maxExamples),
    // One worker: hypothesis describes its strategies with ast.parse, which CPython 3.11 can
    // trip over when threads run it at once ("AST constructor recursion depth mismatch").
    '--workers',
    '1',
    '--header',
    `Authorization: Bearer ${WRITE_TOKEN}`,
    '--request-timeout',
    '30',
    '--report',
    'junit',
    '--report-dir',
    reportDir,
    ...(process.env.FUZZ_SEED ? ['--seed', process.env.FUZZ_SEED] : []),
  ];
  console.log(`schemathesis ${args.join(' ')}`);
  // Run from .parley, so schemathesis's own cache folder lands there, out of the work tree.
  status = spawnSync(schemathesis, args, { cwd: path.join(REPO, '.parley'), stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } }).status ?? 1;
  console.log(`\nschemathesis ${status === 0 ? 'found nothing' : `failed (exit ${status})`}; JUnit report in ${path.relative(REPO, reportDir)}`);
} finally {
  await parley.stop();
}
process.exit(status);
