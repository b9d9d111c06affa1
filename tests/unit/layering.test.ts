/** The import rules of docs/architecture.md, checked over the source tree. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/paths.ts';

/** Every relative import of every .ts file under `folder`, resolved to a path from the repository root. */
function importsUnder(folder: string): { file: string; target: string }[] {
  const files = fs.readdirSync(path.join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return files.flatMap((relative) => {
    const file = path.join(folder, relative);
    const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
    return [...text.matchAll(/\bfrom\s+'(\.[^']+)'|\bimport\(\s*'(\.[^']+)'\s*\)/g)].map((m) => ({
      file,
      target: path.relative(REPO_ROOT, path.resolve(REPO_ROOT, path.dirname(file), m[1] ?? m[2]!)),
    }));
  });
}

const outside = (imports: { file: string; target: string }[], forbidden: (target: string) => boolean) =>
  imports.filter(({ target }) => forbidden(target)).map(({ file, target }) => `${file} → ${target}`);

/** A data module runs named Cypher and returns plain rows: data.ts, or a name ending in Data.ts. */
const isData = (file: string) => /(^|\/)(data|\w+Data)\.ts$/.test(file);
const featureOf = (file: string) => /^server\/features\/([^/]+)\//.exec(file)?.[1];

describe('the import rules', () => {
  it('the client imports no server file but the shared contract', () => {
    const imports = importsUnder('client/src');
    expect(imports.some(({ target }) => target.startsWith('server/contract/'))).toBe(true);
    expect(outside(imports, (t) => t.startsWith('server/') && !t.startsWith('server/contract/'))).toEqual([]);
  });

  it('the contract imports nothing of the server', () => {
    expect(outside(importsUnder('server/contract'), (t) => !t.startsWith('server/contract/'))).toEqual([]);
  });

  it('a data module returns its own rows: it imports the driver wrapper, the vocabulary and other rows, never answers, stories or routes', () => {
    const dataImports = ['server/core', 'server/features'].flatMap(importsUnder).filter(({ file }) => isData(file));
    expect(dataImports.length).toBeGreaterThan(10);
    const allowed = (t: string) => t.startsWith('server/db/') || t === 'server/contract/model.ts' || isData(t);
    expect(outside(dataImports, (t) => !allowed(t))).toEqual([]);
  });

  it('only a feature\'s routes.ts reaches the HTTP machinery; stories and data never do', () => {
    const imports = ['server/core', 'server/features'].flatMap(importsUnder).filter(({ file }) => !file.endsWith('/routes.ts'));
    expect(outside(imports, (t) => t.startsWith('server/http/'))).toEqual([]);
  });

  it('the shared rules in core/ never reach up into a feature, and no feature reaches into another\'s routes', () => {
    expect(outside(importsUnder('server/core'), (t) => t.startsWith('server/features/') || t.startsWith('server/http/'))).toEqual([]);
    const features = importsUnder('server/features').filter(({ file }) => file !== 'server/features/routes.ts');
    expect(outside(features, (t) => t.endsWith('/routes.ts') && featureOf(t) !== undefined)).toEqual([]);
  });

  it('the HTTP machinery knows no feature: the app (server/app.ts) assembles them', () => {
    expect(outside(importsUnder('server/http'), (t) => t.startsWith('server/features/') || t === 'server/app.ts')).toEqual([]);
  });

  it('nothing imports server/start.ts for a constant, and the benchmarks take from tests/ only the process harness', () => {
    const all = ['server', 'bench', 'tests'].flatMap(importsUnder);
    expect(outside(all, (t) => t === 'server/start.ts').filter((line) => !/^server\/(main|dev)\.ts|^tests\/browser\/\w+\.test\.ts|^tests\/support\/browser\.ts/.test(line))).toEqual([]);
    expect(outside(importsUnder('bench'), (t) => t.startsWith('tests/') && !t.startsWith('tests/support/processes/'))).toEqual([]);
  });
});
