/**
 * `npm run ingest`: the command-line twin of POST /api/sources, against the real Neo4j; and
 * `npm run extract`, whose draft it takes.
 */
import { spawnSync } from 'node:child_process';
import { readmeCommands } from '../support/readme.ts';
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

function runCli(script: 'ingest' | 'extract', ...args: string[]) {
  const neo4j = testNeo4j();
  return spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, LOG_LEVEL: 'info' },
  });
}

const ingest = (...files: string[]) => runCli('ingest', ...files);

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

describe('npm run extract, then npm run ingest', () => {
  it('drafts against the graph, summarises on stderr, and the draft ingests', async () => {
    const article = path.join(dir, 'article.txt');
    fs.writeFileSync(article, 'Grain talks resume\n\nKremlin spokesman Dmitry Peskov rejected the partial truce on Monday.\n\nLatvia called for a maritime corridor.\n');
    const extracted = runCli('extract', article, '--published', '2025-06-10');
    expect(extracted.status, extracted.stderr).toBe(0);
    const draft = JSON.parse(extracted.stdout);
    expect(draft.payload.source).toMatchObject({ title: 'Grain talks resume', publishedAt: '2025-06-10' });
    expect(draft.payload.stances).toContainEqual(expect.objectContaining({ actor: 'official:dmitry-peskov', type: 'rejected', target: 'position:partial-truce', date: '2025-06-09' }));
    // The summary among the log lines (the language parser's stop is logged after it).
    const logLines = extracted.stderr.trim().split('\n').map((line) => JSON.parse(line) as { msg?: string });
    expect(logLines.find((line) => line.msg === 'draft written')).toMatchObject({ msg: 'draft written', stances: 2 });

    const file = path.join(dir, 'draft.json');
    fs.writeFileSync(file, extracted.stdout);
    expect(ingest(file).status).toBe(0);
    const [row] = await db.read<{ n: number }>("MATCH (:Party {id: 'party:latvia'})-[:TOOK]->(s:Stance {type: 'called_for'}) RETURN count(s) AS n");
    expect(row!.n).toBe(1);
  }, 120_000);

  it('refuses an impossible date with a clear message', () => {
    const refused = runCli('extract', path.join(dir, 'article.txt'), '--published', '2025-02-30', '--no-graph');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('publishedAt');
  }, 60_000);
});

describe("the README's command-line pipeline, run as written", () => {
  /** Runs a README command line in a shell in `dir`, with npm resolving the checkout's scripts. */
  function shell(command: string) {
    const neo4j = testNeo4j();
    return spawnSync('sh', ['-c', command], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, LOG_LEVEL: 'warn' },
    });
  }

  it('extract then ingest works with -o, with npm run -s and >, and even with the plain > of older instructions', async () => {
    const commands = readmeCommands(/npm run (?:-s )?extract|npm run ingest/);
    // The README names three: extract with -o, extract with -s and >, and ingest.
    const withOut = commands.find((c) => c.startsWith('npm run extract') && c.includes('-o draft.json'));
    const withSilent = commands.find((c) => c.startsWith('npm run -s extract') && c.includes('> draft.json'));
    const ingestCommand = commands.find((c) => c.startsWith('npm run ingest') && c.includes('draft.json'));
    expect([withOut, withSilent, ingestCommand].every(Boolean), commands.join('\n')).toBe(true);
    fs.writeFileSync(path.join(dir, 'article.txt'), 'Corridor talks\n\nLatvia called for a maritime corridor.\n');
    // The README's placeholders, filled in: the title and the rest of the options.
    const fill = (command: string) => `cd ${JSON.stringify(REPO_ROOT)} && ${command.replace('article.txt', JSON.stringify(path.join(dir, 'article.txt'))).replace('"…"', '"Corridor talks"').replace(/draft\.json/g, JSON.stringify(path.join(dir, 'draft.json')))}`;
    for (const extract of [withOut!, withSilent!, 'npm run extract -- article.txt --published 2025-06-03 --title "…" > draft.json']) {
      fs.rmSync(path.join(dir, 'draft.json'), { force: true });
      const extracted = shell(fill(extract));
      expect(extracted.status, `${extract}\n${extracted.stderr}`).toBe(0);
      const ingested = shell(fill(ingestCommand!));
      expect(ingested.status, `${extract} | ${ingestCommand}\n${ingested.stderr}${ingested.stdout}`).toBe(0);
    }
    const [row] = await db.read<{ n: number }>("MATCH (s:Source {title: 'Corridor talks'}) RETURN count(s) AS n");
    expect(row!.n).toBeGreaterThanOrEqual(1);
  }, 600_000);
});
