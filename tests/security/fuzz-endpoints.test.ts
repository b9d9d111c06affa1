/**
 * Property-based fuzzing of every operation in the served /api/openapi.json, so a new endpoint is
 * fuzzed without touching this file. Random and malformed path parameters, query parameters,
 * bodies, content types and tokens must never give a 5xx; every /api error is the one JSON error
 * shape without internals, every status is one the document lists, and the graph is unchanged.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorResponseSchema } from '../../server/contract/common.ts';
import { type Answer, type TestApp, readAnswer, startTestApp } from '../support/app.ts';
import { resetToSeed } from '../support/db.ts';
import { graphFingerprint } from '../support/fingerprint.ts';
import { STACK_TRACE } from './leaks.ts';

interface Parameter {
  name: string;
  in: 'path' | 'query';
  schema: JsonSchema;
}
interface JsonSchema {
  type?: string;
  enum?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  format?: string;
  /** Only the names are read. */
  properties?: Record<string, unknown>;
  $ref?: string;
}
interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  parameters: Parameter[];
  /** Property names of the JSON body, when the operation takes one. */
  bodyProperties?: string[];
  secured: boolean;
  statuses: Set<number>;
  /** Answers an event stream, which never ends: only its status and headers are read. */
  streams: boolean;
}

interface FuzzRequest {
  path: string;
  init: RequestInit & { headers: Record<string, string> };
}

const METHODS = ['get', 'post', 'patch', 'delete'] as const;

/** The parts of a JSON Schema the generators read, checked as the served document is read. */
const jsonSchema: z.ZodType<JsonSchema> = z.object({
  type: z.string().optional(),
  enum: z.array(z.string()).optional(),
  get items() {
    return jsonSchema.optional();
  },
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  format: z.string().optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  $ref: z.string().optional(),
});

/** The parts of the served OpenAPI document this file reads: operations, their parameters, bodies, security and statuses. */
const openApiDocument = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        parameters: z.array(z.object({ name: z.string(), in: z.enum(['path', 'query']), schema: jsonSchema })),
        requestBody: z.object({ content: z.record(z.string(), z.object({ schema: jsonSchema })) }).optional(),
        security: z.array(z.unknown()).optional(),
        responses: z.record(z.string(), z.unknown()),
      }),
    ),
  ),
  components: z.object({ schemas: z.record(z.string(), z.object({ properties: z.record(z.string(), z.unknown()).optional() })) }),
});

/** How many examples each operation gets per property; the total is printed at the end. */
const RUNS_PER_OPERATION = 100;
/** Ids that exist in the seed, so that fuzzed filters also reach the queries behind valid ids. */
const SEED_IDS = ['party:russia', 'party:ukraine', 'position:unconditional-ceasefire', 'official:dmitry-peskov'];

let app: TestApp;
let operations: Operation[];
/** Answers by status, printed at the end to show the fuzzing reached past validation. */
const statusCounts: Record<number, number> = {};
let graphBefore: Awaited<ReturnType<typeof graphFingerprint>>;

beforeAll(async () => {
  app = await startTestApp();
  await resetToSeed(app.db);
  graphBefore = await graphFingerprint(app.db);
  operations = operationsOf(openApiDocument.parse(await app.api.openApi()));
});
afterAll(async () => {
  const total = Object.values(statusCounts).reduce((a, b) => a + b, 0);
  console.info(`fast-check: ${total} fuzzed requests over ${operations.length} operations; answers by status:`, statusCounts);
  await app.close();
});

function operationsOf(spec: z.infer<typeof openApiDocument>): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const body = op.requestBody?.content['application/json']?.schema;
      const resolved = body?.$ref ? spec.components.schemas[body.$ref.replace('#/components/schemas/', '')] : body;
      return {
        method: z.enum(METHODS).parse(method),
        path,
        parameters: op.parameters,
        ...(resolved ? { bodyProperties: Object.keys(resolved.properties ?? {}) } : {}),
        secured: Array.isArray(op.security),
        statuses: new Set(Object.keys(op.responses).map(Number)),
        streams: JSON.stringify(op.responses).includes('text/event-stream'),
      };
    }),
  );
}

// ------------------------------------------------------------------------------ generators

/** Text an attacker would try in any field: control characters, lone surrogates, encodings, injections. */
const nastyText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\u202e',
  '%',
  '%00',
  '%zz',
  '..',
  '../../etc/passwd',
  "' OR 1=1 --",
  "x'}) DETACH DELETE n //",
  '$where',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  'null',
  'true',
  '[]',
  '{}',
  '9999-99-99',
  '2025-02-30',
  'x'.repeat(10_000),
);

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 50 }), nastyText);

/** A value for one parameter: often plausible for its schema, often not. */
function parameterValue(schema: JsonSchema): fc.Arbitrary<string | string[]> {
  const plausible: Array<fc.Arbitrary<string | string[]>> = [];
  const choices = schema.enum ?? schema.items?.enum;
  if (choices) plausible.push(fc.subarray(choices, { minLength: 1 }).map((c) => c.join(',')), fc.array(fc.constantFrom(...choices), { maxLength: 3 }));
  if (schema.type === 'integer') plausible.push(fc.integer({ min: (schema.minimum ?? 0) - 2, max: (schema.maximum ?? 1000) + 2 }).map(String));
  if (schema.format === 'date') plausible.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  if (schema.type === 'string' && !schema.format) plausible.push(fc.constantFrom(...SEED_IDS), fc.stringMatching(/^[a-z]+:[a-z-]{1,20}$/));
  return fc.oneof(...plausible, anyText, fc.array(anyText, { minLength: 2, maxLength: 3 }));
}

/** Path segments that are not even well-formed percent-encoding, sent as they are. */
const rawSegments = fc.constantFrom('%', '%zz', '%E0%A4%A', '%2e%2e', '%2F', '%00', ';', '..%2F..%2F', 'a%', '%%');

/** Percent-encodes every byte but the unreserved ones; lone surrogates become U+FFFD, never an exception. */
function encodeSegment(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~:]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0').toUpperCase()}`)).join('');
}

function urlOf(op: Operation): fc.Arbitrary<string> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const segments = fc.tuple(...pathParams.map((p) => fc.oneof(parameterValue(p.schema).map((v) => encodeSegment(String(v))), rawSegments)));
  const query = fc.tuple(
    ...queryParams.map((p) => fc.option(parameterValue(p.schema), { nil: undefined, freq: 3 }).map((v) => [p.name, v] as const)),
    fc.option(fc.tuple(anyText, anyText), { nil: undefined, freq: 2 }),
  );
  return fc.tuple(segments, query).map(([values, params]) => {
    let path = op.path;
    pathParams.forEach((p, i) => (path = path.replace(`{${p.name}}`, () => values[i]!)));
    const search = new URLSearchParams();
    for (const pair of params) {
      if (!pair || pair[1] === undefined) continue;
      for (const value of [pair[1]].flat()) search.append(pair[0], value);
    }
    const text = search.toString();
    return text ? `${path}?${text}` : path;
  });
}

/** Deeply nested JSON as text: JSON.stringify of such a value would overflow the stack itself. */
const deepJson = fc.integer({ min: 100, max: 200_000 }).chain((depth) => fc.constantFrom(`${'['.repeat(depth)}${']'.repeat(depth)}`, `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

function bodyOf(op: Operation): fc.Arbitrary<{ contentType: string | undefined; body: string }> {
  const known = op.bodyProperties ?? [];
  const field = fc.oneof(fc.jsonValue(), anyText, fc.constant('x'.repeat(1_000_000)));
  const wrongObject = known.length ? [fc.dictionary(fc.constantFrom(...known), field, { minKeys: 1 }).map((o) => JSON.stringify(o))] : [];
  const json = fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), ...wrongObject, deepJson, anyText, fc.constant(''));
  return fc.record({ contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', undefined), body: json });
}

/** A bearer token for write operations: none, wrong, malformed or the right one. */
const authorization = fc.constantFrom(undefined, 'Bearer test-write-token', 'Bearer wrong', 'Bearer ', 'Basic dGVzdDp0ZXN0', 'bearer test-write-token', `Bearer ${'x'.repeat(10_000)}`);

function requestOf(op: Operation): fc.Arbitrary<FuzzRequest> {
  const body = op.method === 'post' || op.bodyProperties ? bodyOf(op) : fc.constant(undefined);
  return fc.record({ url: urlOf(op), body, auth: op.secured ? authorization : fc.constant(undefined) }).map(({ url, body, auth }) => {
    const headers: Record<string, string> = {};
    if (body?.contentType) headers['content-type'] = body.contentType;
    if (auth) headers.authorization = auth;
    return { path: url, init: { method: op.method.toUpperCase(), headers, ...(body ? { body: body.body } : {}) } };
  });
}

// ------------------------------------------------------------------------------ the property

/** A request to an event stream: its status and headers, and its body only when it is an error (a stream never ends). */
async function streamRequest(request: FuzzRequest): Promise<Answer> {
  const res = await fetch(app.url + request.path, request.init);
  if (res.ok) {
    await res.body?.cancel();
    return { status: res.status, headers: res.headers, body: undefined, text: '' };
  }
  return readAnswer(res);
}

async function expectWellBehaved(op: Operation, request: FuzzRequest): Promise<void> {
  const res = op.streams ? await streamRequest(request) : await app.request(request.path, request.init);
  statusCounts[res.status] = (statusCounts[res.status] ?? 0) + 1;
  const where = `${request.init.method} ${request.path.slice(0, 200)} → ${res.status} ${res.text.slice(0, 300)}`;
  // Node itself refuses a request head over 16 KB (431, no body) before the app sees it.
  if (res.status === 431) {
    // Not `return expect(…)`: fast-check fails a property whose predicate returns anything but undefined or true.
    // The head is the path and the headers: a long path with a 10 kB token passes 16 KB too.
    const headers = Object.entries(request.init.headers);
    const headLength = request.path.length + headers.reduce((n, [name, value]) => n + name.length + value.length, 0);
    expect(headLength, where).toBeGreaterThan(15_000);
    return;
  }
  expect(res.status, where).toBeLessThan(500);
  expect(res.text, where).not.toMatch(STACK_TRACE);
  // A malformed path may match no route at all (the app's 404), or an empty segment may make it
  // another path that does not serve this method (the app's 405): either way, not this operation.
  const answered = errorResponseSchema.safeParse(res.body);
  const error = answered.success ? answered.data.error : undefined;
  const unrouted =
    (res.status === 404 && error?.code === 'not_found' && /^No route/.test(error.message)) ||
    (res.status === 405 && error?.code === 'method_not_allowed');
  if (!unrouted) expect(op.statuses.has(res.status), `${where}: status documented for ${op.method} ${op.path}`).toBe(true);
  if (res.status >= 400) {
    expect(res.headers.get('content-type'), where).toMatch(/^application\/json/);
    expect(res.body, where).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  }
}

describe('fuzzing every operation of /api/openapi.json', () => {
  it('finds the operations in the served document, writes included', () => {
    expect(operations.length).toBeGreaterThanOrEqual(15);
    expect(operations.some((op) => op.secured && op.method === 'post')).toBe(true);
  });

  it('never answers random and malformed input with a 5xx, a stack trace or an undocumented status', async () => {
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(requestOf(op), (request) => expectWellBehaved(op, request)),
        { numRuns: RUNS_PER_OPERATION },
      );
    }
  }, 600_000);

  it('leaves the graph unchanged, since no fuzzed payload is a valid source', async () => {
    expect(await graphFingerprint(app.db)).toEqual(graphBefore);
  });
});
