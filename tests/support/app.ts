import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Database } from '../../server/db/database.ts';
import { createApp } from '../../server/app.ts';
import { WatchRuntime } from '../../server/features/watches/runtime.ts';
import { type Api, createApi } from '../../client/src/api/client.ts';
import { testConfig, testLogger } from './db.ts';

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface TestApp {
  url: string;
  db: Database;
  /** The explorer's own typed client, pointed at this app: answers typed by the route table. */
  api: Api;
  /** fetch() against the app, with the JSON body parsed. */
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Answer>;
  close(): Promise<void>;
}

/** fetch() of `path` on the app at `url`; `json` is sent as a JSON body, and a JSON answer is parsed. */
export async function requestAt(url: string, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Answer> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const res = await fetch(url + path, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** The write token the test configuration sets (tests/support/db.ts). */
export const TEST_WRITE_AUTHORIZATION = 'Bearer test-write-token';

/** POST /api/sources on the app at `url`: a payload as JSON, or a string sent as it is, with the given Authorization header (none when undefined). */
export function postSource(url: string, payload: unknown, authorization: string | undefined): Promise<Answer> {
  const headers = { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) };
  return requestAt(url, '/api/sources', { method: 'POST', headers, body: typeof payload === 'string' ? payload : JSON.stringify(payload) });
}

/**
 * The real Express app on port 0, talking to the run's throwaway Neo4j. With `deliver`, the
 * watches' delivery loop runs too (off by default, so other suites see no background writes).
 */
export async function startTestApp(overrides: Record<string, string> = {}, { deliver = false }: { deliver?: boolean } = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  // From the config, so a suite can point an app at a Neo4j of its own through NEO4J_* overrides.
  const { uri, user, password, database } = config.neo4j;
  const db = new Database({ uri: uri!, user, password: password!, database });
  const watchRuntime = new WatchRuntime(db, config, testLogger);
  if (deliver) watchRuntime.start();
  const app = createApp({ config, db, logger: testLogger, watchRuntime });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    api: createApi(url),
    request: (path, init) => requestAt(url, path, init),
    async close() {
      await watchRuntime.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await db.close();
    },
  };
}
