import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { createApp } from '../../server/app.ts';
import { type TestApp, startTestApp } from '../support/app.ts';
import { testConfig, testLogger } from '../support/db.ts';
import { freePort } from '../support/processes/ports.ts';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

describe('GET /healthz', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('reports a connected Neo4j 5.26 community server', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', neo4j: { connected: true, version: expect.stringMatching(/^5\.26\.\d+$/), edition: 'community' } });
  });

  it('answers 503 degraded, without crashing, when Neo4j is unreachable', async () => {
    const deadPort = await freePort();
    const db = new Database({ uri: `bolt://127.0.0.1:${deadPort}`, user: 'neo4j', password: 'x', database: 'neo4j' });
    const server = await new Promise<Server>((resolve) => {
      const s = createApp({ config: testConfig(), db, logger: testLogger }).listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'degraded', neo4j: { connected: false } });
    } finally {
      server.close();
      await db.close();
    }
  });
});

describe('GET /api/meta (issue 26)', () => {
  it('says whether writes are enabled, so the UI asks for a token only when they are', async () => {
    const writable = await startTestApp();
    const readOnly = await startTestApp({ PARLEY_WRITE_TOKEN: '' });
    try {
      await expect(writable.api.meta()).resolves.toEqual({ writes: { enabled: true } });
      await expect(readOnly.api.meta()).resolves.toEqual({ writes: { enabled: false } });
    } finally {
      await writable.close();
      await readOnly.close();
    }
  });
});
