/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and
 * describe answers (server/contract/api.ts), so the docs cannot drift from the code. Each
 * router exports the descriptions of its routes; this module assembles them.
 */
import { z } from 'zod';
import { apiSchemas, errorResponseSchema } from '../contract/api.ts';
import { sourcePayloadJsonSchema, sourcePayloadSchema } from '../contract/sourcePayload.ts';

export interface ResponseDoc {
  description: string;
  /** A schema registered in `apiSchemas` (referenced by name) or any zod schema (inlined). */
  schema?: z.ZodType;
  /** Non-JSON answers: content type → description of the body. */
  content?: Record<string, string>;
}

export interface RouteDoc {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express-style path: /api/nodes/:id */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  query?: z.ZodObject;
  pathParams?: z.ZodObject;
  body?: z.ZodType;
  security?: boolean;
  responses: Record<number, ResponseDoc>;
}

const REF = (id: string) => `#/components/schemas/${id}`;

function clean(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const meta = apiSchemas.get(schema);
  if (meta) return { $ref: REF(meta.id) };
  return clean(z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>);
}

function parameters(schema: z.ZodObject | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

export function buildOpenApi(routes: RouteDoc[]): Record<string, unknown> {
  const components = z.toJSONSchema(apiSchemas, { uri: REF, unrepresentable: 'any' }) as { schemas: Record<string, Record<string, unknown>> };
  const schemas: Record<string, unknown> = Object.fromEntries(Object.entries(components.schemas).map(([k, v]) => [k, clean(v)]));
  schemas.SourcePayload = clean(sourcePayloadJsonSchema);

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const openPath = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const responses: Record<string, unknown> = {};
    for (const [status, doc] of Object.entries({ ...sharedResponses, ...(route.body ? bodyResponses : {}), ...route.responses })) {
      const content: Record<string, unknown> = {};
      if (doc.schema) content['application/json'] = { schema: jsonSchema(doc.schema, 'output') };
      for (const [type, description] of Object.entries(doc.content ?? {})) content[type] = { schema: { type: 'string', description } };
      responses[status] = { description: doc.description, ...(Object.keys(content).length ? { content } : {}) };
    }
    (paths[openPath] ??= {})[route.method] = {
      operationId: `${route.method}${openPath.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      parameters: [...parameters(route.pathParams, 'path'), ...parameters(route.query, 'query')],
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: route.body === sourcePayloadSchema ? { $ref: REF('SourcePayload') } : jsonSchema(route.body, 'input') } } } }
        : {}),
      ...(route.security ? { security: [{ writeToken: [] }] } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Parley API',
      version: '0.1.0',
      description:
        'A Neo4j knowledge graph of negotiation positions: who proposed, demanded, offered, backed, rejected or dismissed each position, when, in which words, on what condition, per which source. Every error has the shape {"error":{"code","message","details?"}}.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'graph', description: 'The visual graph, nodes and neighbourhoods' },
      { name: 'analysis', description: 'Traces, stances, matrix, paths' },
      { name: 'questions', description: 'Named analyst questions and plain-English questions' },
      { name: 'console', description: 'Read-only Cypher console' },
      { name: 'export', description: 'Files for Gephi and NetworkX' },
      { name: 'sources', description: 'Sources: ingestion, listing, deletion and the audit trail' },
      { name: 'meta', description: 'This document and the docs page' },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: { writeToken: { type: 'http', scheme: 'bearer', description: 'A write token (PARLEY_WRITE_TOKEN or one of PARLEY_WRITE_TOKENS)' } },
    },
  };
}

/** Answers of every route that reads a JSON body, which is refused when larger than PARLEY_BODY_LIMIT. */
const bodyResponses: Record<number, ResponseDoc> = {
  413: errorDoc('entity_too_large: the body is larger than the server accepts (PARLEY_BODY_LIMIT, 5mb by default)'),
};

/** Answers any API route can give: every route has a rate limit and most need the database. */
const sharedResponses: Record<number, ResponseDoc> = {
  429: errorDoc('rate_limited: too many requests from this client; see the Retry-After header'),
  503: errorDoc('database_unavailable: the graph database cannot be reached; try again shortly'),
};

/** An error answer in the one error shape. */
export function errorDoc(description: string): ResponseDoc {
  return { description, schema: errorResponseSchema };
}
