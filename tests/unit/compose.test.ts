/** docker-compose.yml offers the same stack as the embedded default: Neo4j 5.26 and the app on NEO4J_URI. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../server/paths.ts';

const hasCompose = spawnSync('docker', ['compose', 'version']).status === 0;

describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'));

  it('runs Neo4j 5.26 community with a named volume and a health check', () => {
    expect(compose.services.neo4j.image).toBe('neo4j:5.26-community');
    expect(compose.services.neo4j.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect(compose.services.neo4j.healthcheck.test).toBeDefined();
  });

  it('points the app at that Neo4j through a routing NEO4J_URI once it is healthy', () => {
    expect(compose.services.app.environment.NEO4J_URI).toBe('neo4j://neo4j:7687');
    expect(compose.services.app.depends_on.neo4j.condition).toBe('service_healthy');
    expect(fs.existsSync(path.join(REPO_ROOT, compose.services.app.build, 'Dockerfile'))).toBe(true);
  });

  it.runIf(hasCompose)('is accepted by `docker compose config -q`', () => {
    const run = spawnSync('docker', ['compose', 'config', '-q'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
