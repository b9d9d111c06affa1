/**
 * Validates API answers against the OpenAPI document the app itself serves: the schema of the
 * documented response for the method, path template and status.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';
import { type TestApp, startTestApp } from './app.ts';
import { resetToSeed } from './db.ts';

type Spec = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>; components: unknown };

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface SpecValidator {
  spec: Spec;
  /** Fails the test unless `body` matches the documented JSON answer of `method path` with `status`. */
  expectMatches(method: string, pathTemplate: string, status: number, body: unknown): void;
}

export async function loadSpecValidator(app: TestApp): Promise<SpecValidator> {
  const res = await app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  const spec = res.body as Spec;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: spec.components } as object);
  return {
    spec,
    expectMatches(method, pathTemplate, status, body) {
      const operation = spec.paths[pathTemplate]?.[method.toLowerCase()];
      expect(operation, `${method} ${pathTemplate} is documented`).toBeDefined();
      const schema = operation!.responses[String(status)]?.content?.['application/json']?.schema;
      expect(schema, `${method} ${pathTemplate} documents a JSON ${status}`).toBeDefined();
      const validate = ajv.compile(rebase(schema));
      const ok = validate(body);
      expect(ok, `${method} ${pathTemplate} ${status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    },
  };
}

/** `#/components/…` references point into the document registered as openapi.json. */
function rebase(schema: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')) as Record<string, unknown>;
}

/** The real app on the freshly seeded graph, with a validator for the OpenAPI document it serves. */
export async function startSeededAppWithSpec(): Promise<{ app: TestApp; spec: SpecValidator }> {
  const app = await startTestApp();
  await resetToSeed(app.db);
  return { app, spec: await loadSpecValidator(app) };
}
