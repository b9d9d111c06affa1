/** `npm run extract` writes the API's draft to stdout with a summary on stderr; `npm run ingest` takes the draft. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { resetToSeed, testDatabase, testNeo4j } from '../support/db.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let db: Database;
let dir: string;

function run(script: string, args: string[]) {
  const neo4j = testNeo4j();
  return spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, LOG_LEVEL: 'info' },
  });
}

beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-extract-cli-'));
});
afterAll(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run extract, then npm run ingest', () => {
  it('drafts against the graph, summarises on stderr, and the draft ingests', async () => {
    const article = path.join(dir, 'article.txt');
    fs.writeFileSync(article, 'Grain talks resume\n\nKremlin spokesman Dmitry Peskov rejected the partial truce on Monday.\n\nLatvia called for a maritime corridor.\n');
    const extracted = run('extract', [article, '--published', '2025-06-10']);
    expect(extracted.status).toBe(0);
    const draft = JSON.parse(extracted.stdout);
    expect(draft.payload.source).toMatchObject({ title: 'Grain talks resume', publishedAt: '2025-06-10' });
    expect(draft.payload.stances).toContainEqual(expect.objectContaining({ actor: 'official:dmitry-peskov', type: 'rejected', target: 'position:partial-truce', date: '2025-06-09' }));
    expect(JSON.parse(extracted.stderr.trim().split('\n').pop()!)).toMatchObject({ msg: 'draft written', stances: 2 });

    const file = path.join(dir, 'draft.json');
    fs.writeFileSync(file, extracted.stdout);
    expect(run('ingest', [file]).status).toBe(0);
    const [row] = await db.read<{ n: number }>("MATCH (:Party {id: 'party:latvia'})-[:TOOK]->(s:Stance {type: 'called_for'}) RETURN count(s) AS n");
    expect(row!.n).toBe(1);
  });

  it('refuses an impossible date with a clear message', () => {
    const article = path.join(dir, 'article.txt');
    const refused = run('extract', [article, '--published', '2025-02-30', '--no-graph']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('publishedAt');
  });
});
