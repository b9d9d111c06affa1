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

describe('the import rules', () => {
  it('the client imports no server file but the shared contract', () => {
    const imports = importsUnder('client/src');
    expect(imports.some(({ target }) => target.startsWith('server/contract/'))).toBe(true);
    expect(outside(imports, (t) => t.startsWith('server/') && !t.startsWith('server/contract/'))).toEqual([]);
  });

  it('the contract imports nothing of the server', () => {
    expect(outside(importsUnder('server/contract'), (t) => !t.startsWith('server/contract/'))).toEqual([]);
  });

  it('the data layer returns its own rows: it imports neither the HTTP answer shapes nor the domain or routes', () => {
    expect(outside(importsUnder('server/data'), (t) => t === 'server/contract/api.ts' || t.startsWith('server/domain/') || t.startsWith('server/http/'))).toEqual([]);
  });

  it('the domain never reaches up into the HTTP layer', () => {
    expect(outside(importsUnder('server/domain'), (t) => t.startsWith('server/http/'))).toEqual([]);
  });

  it('nothing imports server/start.ts for a constant, and the benchmarks import nothing from tests/', () => {
    const all = ['server', 'bench', 'tests'].flatMap(importsUnder);
    expect(outside(all, (t) => t === 'server/start.ts').filter((line) => !/^server\/(main|dev)\.ts|^tests\/browser\/\w+\.test\.ts/.test(line))).toEqual([]);
    expect(outside(importsUnder('bench'), (t) => t.startsWith('tests/'))).toEqual([]);
  });
});
