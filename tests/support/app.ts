import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Database } from '../../server/db/database.ts';
import { createApp } from '../../server/app.ts';
import type { Logger } from '../../server/logger.ts';
import { createNlp, type NlpService } from '../../server/nlp/client.ts';
import { type Api, ApiError, createApi } from '../../client/src/api/client.ts';
import { type ApiRoutes, apiRoutes } from '../../server/contract/api.ts';
import { type ErrorResponse, errorResponseSchema } from '../../server/contract/common.ts';
import type { Received, RouteSpec } from '../../server/contract/route.ts';
import { WatchRuntime } from '../../server/features/watches/runtime.ts';
import { testConfig, testLogger } from './db.ts';

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export interface TestApp {
  url: string;
  db: Database;
  /** The explorer's own typed client, pointed at this app: answers typed by the route table. */
  api: Api;
  /** fetch() against the app, with the JSON body parsed. */
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Answer>;
  /** The app's language parser (its own spaCy workers, started on first use). */
  nlp: NlpService;
  close(): Promise<void>;
}

/** fetch() of `path` on the app at `url`; `json` is sent as a JSON body, and a JSON answer is parsed. */
export async function requestAt(url: string, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Answer> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const res = await fetch(url + path, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  return readAnswer(res);
}

/** A fetch answer read whole, its JSON body parsed (undefined when it is not JSON). */
export async function readAnswer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

/**
 * The body of a raw answer, checked against the named route's declared response schema and typed
 * by it: for tests that need the raw request (headers, a malformed query) yet read the answer.
 */
export function answerOf<K extends keyof ApiRoutes>(name: K, answer: Answer): Received<ApiRoutes[K]> {
  const spec: RouteSpec = apiRoutes[name];
  const schema = spec.response.schema;
  if (!schema) throw new Error(`${name} declares no JSON answer`);
  if (answer.status >= 400) throw new Error(`${name} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  schema.parse(answer.body);
  return answer.body as Received<ApiRoutes[K]>;
}

/** The error of a failed raw answer, checked against the API's one error shape. */
export function errorOf(answer: Answer): ErrorResponse['error'] {
  return errorResponseSchema.parse(answer.body).error;
}

/** The ApiError a typed call failed with; a call that succeeded fails the test. */
export async function failureOf(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('the call succeeded, but a failure was expected');
}

/** The write token the test configuration sets (tests/support/db.ts). */
export const TEST_WRITE_TOKEN = 'test-write-token';
export const TEST_WRITE_AUTHORIZATION = `Bearer ${TEST_WRITE_TOKEN}`;

/** POST /api/sources on the app at `url`: a payload as JSON, or a string sent as it is, with the given Authorization header (none when undefined). */
export function postSource(url: string, payload: unknown, authorization: string | undefined): Promise<Answer> {
  const headers = { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) };
  return requestAt(url, '/api/sources', { method: 'POST', headers, body: typeof payload === 'string' ? payload : JSON.stringify(payload) });
}

/**
 * The real Express app on port 0, talking to the run's throwaway Neo4j. With `deliver`, the
 * watches' delivery loop runs too (off by default, so other suites see no background writes).
 */
export async function startTestApp(
  overrides: Record<string, string> = {},
  { deliver = false, logger = testLogger }: { deliver?: boolean; /** Where the app logs (silent by default). */ logger?: Logger } = {},
): Promise<TestApp> {
  const config = testConfig(overrides);
  // From the config, so a suite can point an app at a Neo4j of its own through NEO4J_* overrides.
  const { uri, user, password, database } = config.neo4j;
  const db = new Database({ uri: uri!, user, password: password!, database });
  const nlp = createNlp(config.nlp, logger);
  const watchRuntime = new WatchRuntime(db, config, logger);
  if (deliver) watchRuntime.start();
  const app = createApp({ config, db, logger, nlp, watchRuntime });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    api: createApi(url),
    request: (path, init) => requestAt(url, path, init),
    nlp,
    async close() {
      await watchRuntime.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await nlp.stop();
      await db.close();
    },
  };
}
