/** `npm run ingest`: the command-line twin of POST /api/sources, against the real Neo4j. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { resetToSeed, testDatabase, testNeo4j } from '../support/db.ts';
import { REPO_ROOT } from '../../server/paths.ts';

let db: Database;
let dir: string;

function source(n: number) {
  return {
    source: { id: `source:cli-bulletin-${n}`, title: `Bulletin ${n}`, kind: 'news-article', publishedAt: '2025-06-10' },
    stances: [
      {
        id: `stance:cli-ukraine-backed-prisoner-swap-${n}`,
        actor: 'party:ukraine',
        type: 'backed',
        target: 'position:prisoner-swap',
        date: '2025-06-10',
        evidence: [{ summary: `Bulletin ${n} reports support for the swap`, reporting: 'second-hand', via: 'bulletin' }],
      },
    ],
  };
}

function ingest(...files: string[]) {
  const neo4j = testNeo4j();
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/ingest.ts', ...files], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, LOG_LEVEL: 'info' },
  });
}

beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-cli-'));
});
afterAll(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run ingest', () => {
  it('ingests JSON Lines one source per transaction, reports progress, and keeps going past a bad line', async () => {
    const bad = { ...source(3), stances: [{ ...source(3).stances[0], actor: 'party:atlantis' }] };
    const file = path.join(dir, 'bulletins.jsonl');
    fs.writeFileSync(file, [source(1), source(2), bad].map((p) => JSON.stringify(p)).join('\n'));
    const run = ingest(file);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.msg === 'ingested').map((l) => l.sources)).toEqual([1, 2]);
    expect(lines.find((l) => l.code === 'dangling_reference')?.where).toBe('bulletins.jsonl:3');
    const rows = await db.read<{ id: string }>(`MATCH (s:Source) WHERE s.id STARTS WITH 'source:cli-bulletin-' RETURN s.id AS id ORDER BY id`);
    expect(rows.map((r) => r.id)).toEqual(['source:cli-bulletin-1', 'source:cli-bulletin-2']);
  });

  it('ingests a JSON array of payloads and exits 0', () => {
    const file = path.join(dir, 'more.json');
    fs.writeFileSync(file, JSON.stringify([source(4), source(5)]));
    const run = ingest(file);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('"msg":"ingestion finished"');
  });
});
