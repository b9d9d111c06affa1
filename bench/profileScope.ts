/**
 * `node --import tsx bench/profileScope.ts [size]`: PROFILE of the statements behind the reads the
 * negotiations suite measures, scoped on the world (every track) and unscoped on the world that
 * holds track 0 alone (both kept in bench/data by an earlier `npm run bench -- --suites
 * negotiations`). Prints each statement's database hits and rows, so a scoped read that does more
 * work than the same read on the world of one track shows which statement does it.
 */
import { cypher } from '../server/db/cypherFiles.ts';
import { Database } from '../server/db/database.ts';
import { createLogger } from '../server/logger.ts';

const logger = createLogger('warn');
import { tracePlan } from './clients.ts';
import { startBenchNeo4j } from './processes.ts';
import { negotiationId, negotiationMembers, planWorld, positionId, WORLD_SIZES, type WorldSize } from './world.ts';
import { STANCE_TYPE_NAMES } from '../server/contract/model.ts';

const size = (process.argv[2] ?? 'small') as WorldSize;
const plan = planWorld(WORLD_SIZES[size]);
const negotiation = negotiationId(plan, 0);
const own = negotiationMembers(plan, 0).ownPositions;
const position = positionId(plan, own[Math.floor(own.length / 4)]!);

type Profile = { dbHits: number; rows: number; operatorType: string; children: Profile[] };
const hits = (p: Profile): number => p.dbHits + p.children.reduce((s, c) => s + hits(c), 0);

async function statements(db: Database, scope: string | null): Promise<[string, string, Record<string, unknown>][]> {
  const [actors] = await db.read<{ ids: string[] }>(cypher('graph-view/stance-actors').replace(/RETURN a\.id AS id, stances\s+ORDER BY id/, 'RETURN collect(a.id) AS ids'), { ids: null, negotiation: scope });
  const filter = { stanceTypes: STANCE_TYPE_NAMES, asOf: '2100-01-01', sources: null, negotiation: scope };
  const trace = tracePlan(position).flat().map((s, i) => [`trace ${i}`, s.cypher, { ...s.params, negotiation: 'negotiation' in s.params ? scope : undefined }] as [string, string, Record<string, unknown>]);
  // The live graph view: scoped, the negotiation's edges in one read, then its nodes given their ends; unscoped, the nodes, then the edges of their actors.
  // Its structural edges: unscoped, all of them (filtered to the view's nodes in the server); scoped, those among the view's nodes.
  const view: [string, string, Record<string, unknown>][] =
    scope === null
      ? [
          ['graph view: view-nodes', cypher('graph-view/view-nodes'), { asOf: '2100-01-01', negotiation: null, ends: null }],
          ['graph view: stance-actors', cypher('graph-view/stance-actors'), { ids: null, negotiation: null }],
          ['graph view: stance edges', cypher('graph-view/view-stance-edges'), { ...filter, actors: actors?.ids ?? [], targets: null }],
          ['graph view: structural edges', cypher('graph-view/view-structural-edges'), { ids: null }],
        ]
      : await (async () => {
          const ends = [...new Set((await db.read<{ source: string; target: string }>(cypher('graph-view/view-negotiation-edges'), filter)).flatMap((r) => [r.source, r.target]))];
          const nodes = await db.read<{ id: string }>(cypher('graph-view/view-nodes'), { asOf: '2100-01-01', negotiation: scope, ends });
          return [
            ['graph view: view-nodes', cypher('graph-view/view-nodes'), { asOf: '2100-01-01', negotiation: scope, ends }],
            ['graph view: stance-actors', 'RETURN 1', {}],
            ['graph view: stance edges', cypher('graph-view/view-negotiation-edges'), filter],
            ['graph view: structural edges', cypher('graph-view/view-structural-edges'), { ids: nodes.map((n) => n.id) }],
          ] as [string, string, Record<string, unknown>][];
        })();
  return [
    ...view,
    ['matrix', cypher('analysis/matrix'), { asOf: null, sources: null, stanceTypes: null, negotiation: scope }],
    ['matrix-axes', cypher('analysis/matrix-axes'), { negotiation: scope }],
    ...trace,
    ['source-conflicts', cypher('questions/source-conflicts'), { asOf: null, negotiation: scope }],
  ];
}

async function profileWorld(name: string, scope: string | null): Promise<Map<string, string>> {
  const neo4j = await startBenchNeo4j(name, { heap: '1g', pageCache: '1g' }, logger);
  const db = new Database(neo4j.target);
  const out = new Map<string, string>();
  try {
    for (const [label, text, params] of await statements(db, scope)) {
      const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
      await db.driver.executeQuery(text, clean, { database: db.name }); // plan cached
      const result = await db.driver.executeQuery(`PROFILE ${text}`, clean, { database: db.name });
      const profile = result.summary.profile as unknown as Profile;
      // The median of five timed runs (noisy on a shared machine; the database hits are not).
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        await db.driver.executeQuery(text, clean, { database: db.name });
        times.push(performance.now() - start);
      }
      const median = times.sort((a, b) => a - b)[2]!;
      out.set(label, `${hits(profile).toLocaleString('en')} db hits, ${result.records.length} rows, ${median.toFixed(median < 10 ? 1 : 0)} ms`);
    }
  } finally {
    await db.close();
    await neo4j.stop();
  }
  return out;
}

const scoped = await profileWorld(size, negotiation);
const alone = await profileWorld(`${size}-negotiation-0`, null);
console.log(`| Statement | scoped on the ${size} world (${negotiation}) | unscoped on the world of that track alone |`);
console.log('|---|---|---|');
for (const [label, value] of scoped) console.log(`| ${label} | ${value} | ${alone.get(label)} |`);
