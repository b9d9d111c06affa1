// Prints the PROFILE tree of one statement on a bench world: node --import tsx bench/planOf.ts <world dir name> <cypher name> '<params json>'
import { cypher } from '../server/db/cypherFiles.ts';
import { Database } from '../server/db/database.ts';
import { createLogger } from '../server/logger.ts';
import { startBenchNeo4j } from './processes.ts';
type Profile = { dbHits: number; rows: number; operatorType: string; arguments: Record<string, unknown>; children: Profile[] };
const [world, name, params] = process.argv.slice(2);
const neo4j = await startBenchNeo4j(world!, { heap: '1g', pageCache: '1g' }, createLogger('warn'));
const db = new Database(neo4j.target);
try {
  const text = cypher(name!);
  const p = JSON.parse(params ?? '{}');
  await db.driver.executeQuery(text, p, { database: db.name });
  const result = await db.driver.executeQuery(`PROFILE ${text}`, p, { database: db.name });
  const show = (node: Profile, depth: number) => {
    console.log(`${'  '.repeat(depth)}${node.operatorType} hits=${node.dbHits} rows=${node.rows} ${String(node.arguments.Details ?? '').slice(0, 150)}`);
    for (const c of node.children) show(c, depth + 1);
  };
  show(result.summary.profile as unknown as Profile, 0);
} finally {
  await db.close();
  await neo4j.stop();
}
