/**
 * Starts one throwaway Neo4j for the test run (temporary data folder, free ports) and stops it
 * afterwards. If it cannot start, the run fails: integration tests never skip.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { LocalNeo4j } from '../../server/neo4j/localNeo4j.ts';
import { freePort } from './processes/ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; httpUrl: string; user: string; password: string; database: string };
  }
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-test-neo4j-'));
  const config = loadConfig({});
  const server = new LocalNeo4j(
    {
      ...config.localNeo4j,
      dataDir,
      boltPort: await freePort(),
      httpPort: await freePort(),
      heap: '768m',
      pageCache: '256m',
    },
    createLogger(process.env.LOG_LEVEL ?? 'warn'),
  );
  const credentials = await server.start();
  project.provide('neo4j', { ...credentials, database: 'neo4j' });
  return async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
