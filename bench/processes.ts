/**
 * The processes a benchmark run owns: a dedicated local Neo4j per world (its own data folder
 * under bench/data, free ports, a larger heap) and Parley's server as a child process, so that
 * its memory is measured apart from the harness.
 */
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import type { Logger } from '../server/logger.ts';
import { LocalNeo4j, type Neo4jCredentials } from '../server/neo4j/localNeo4j.ts';
import { REPO_ROOT } from '../server/paths.ts';
import { type AppProcess, startApp } from '../tests/support/processes/appProcess.ts';
import { freePort } from '../tests/support/processes/ports.ts';

export { REPO_ROOT };

export const BENCH_DATA = path.join(REPO_ROOT, 'bench', 'data');

export interface Neo4jTarget extends Neo4jCredentials {
  database: string;
}

export interface BenchNeo4j {
  target: Neo4jTarget;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts a Neo4j on free ports with its data in bench/data/worlds/<name>, reusing the runtime cache. */
export async function startBenchNeo4j(name: string, memory: { heap: string; pageCache: string }, logger: Logger): Promise<BenchNeo4j> {
  const dataDir = path.join(BENCH_DATA, 'worlds', name);
  const server = new LocalNeo4j(
    {
      // The runtime cache is found as the app finds it (PARLEY_NEO4J_RUNTIME or .parley/neo4j-runtime).
      ...loadConfig({ ...process.env, PARLEY_HOME: path.join(REPO_ROOT, '.parley') }).localNeo4j,
      dataDir,
      boltPort: await freePort(),
      httpPort: await freePort(),
      ...memory,
      startTimeoutMs: 300_000,
    },
    logger.child({ component: 'bench-neo4j' }),
  );
  const credentials = await server.start();
  return { target: { ...credentials, database: 'neo4j' }, dataDir, stop: () => server.stop() };
}

/**
 * Parley's server as a child process against the given Neo4j, with the limits meant for
 * interactive use lifted: the bench asks for whole worlds, from one client, on loopback. It is
 * tied to this process, so a harness killed half-way leaves no server behind.
 */
export function startParleyServer(neo4j: Neo4jTarget, logger: Logger, env: Record<string, string> = {}): Promise<AppProcess> {
  return startApp(
    {
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      PARLEY_SEED: 'false',
      LOG_LEVEL: 'warn',
      PARLEY_GRAPH_MAX_NODES: '5000000',
      PARLEY_GRAPH_MAX_EDGES: '50000000',
      PARLEY_CYPHER_MAX_ROWS: '100000',
      // 0 turns a rate limit off: load from one client is the point here.
      PARLEY_RATE_LIMIT_REQUESTS: '0',
      PARLEY_RATE_LIMIT_QUERIES: '0',
      PARLEY_RATE_LIMIT_WRITES: '0',
      // Every server on a world runs the watches' delivery loop; the receivers are local, so each
      // must be allowed to call them (else one refuses what another delivers, and switches webhooks off).
      PARLEY_WEBHOOK_ALLOW_PRIVATE: 'true',
      ...env,
    },
    { lifeline: true },
  ).then((server) => {
    logger.info({ url: server.url, pid: server.pid }, 'Parley server is up');
    return server;
  });
}
