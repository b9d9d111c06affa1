/**
 * The OpenAPI 3.1 document, generated from the route table (server/contract/api.ts): the same
 * declarations and zod schemas that mount, validate and type every route, so the document
 * cannot drift from the code.
 */
import { z } from 'zod';
import { apiSchemas, errorResponseSchema, requestSchemas } from '../contract/common.ts';
import { type RouteSpec, type RouteTable } from '../contract/route.ts';

const REF = (id: string) => `#/components/schemas/${id}`;

function clean(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const meta = (io === 'output' ? apiSchemas : requestSchemas).get(schema);
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

interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  content?: Record<string, string>;
}

/** Every answer a route documents: its success, its own failures, and those every route shares. */
function responsesOf(route: RouteSpec): Record<string, unknown> {
  const { status = 200, ...success } = route.response;
  const docs: Record<number, ResponseDoc> = {
    ...sharedResponses,
    ...(route.body ? bodyResponses : {}),
    [status]: success,
    ...(route.auth ? tokenResponses : {}),
    ...Object.fromEntries(Object.entries(route.errors ?? {}).map(([code, description]) => [code, errorDoc(description)])),
  };
  const responses: Record<string, unknown> = {};
  for (const [code, doc] of Object.entries(docs)) {
    const content: Record<string, unknown> = {};
    if (doc.schema) content['application/json'] = { schema: jsonSchema(doc.schema, 'output') };
    for (const [type, description] of Object.entries(doc.content ?? {})) content[type] = { schema: { type: 'string', description } };
    responses[code] = { description: doc.description, ...(Object.keys(content).length ? { content } : {}) };
  }
  return responses;
}

export function buildOpenApi(table: RouteTable): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (const [registry, io] of [[apiSchemas, 'output'], [requestSchemas, 'input']] as const) {
    const components = z.toJSONSchema(registry, { uri: REF, io, unrepresentable: 'any' }) as { schemas: Record<string, Record<string, unknown>> };
    for (const [name, schema] of Object.entries(components.schemas)) schemas[name] = clean(schema);
  }

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of Object.values(table)) {
    const openPath = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    (paths[openPath] ??= {})[route.method] = {
      operationId: `${route.method}${openPath.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
      ...(route.auth ? { security: [{ writeToken: [] }] } : {}),
      responses: responsesOf(route),
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
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas,
      securitySchemes: { writeToken: { type: 'http', scheme: 'bearer', description: 'A write token (PARLEY_WRITE_TOKEN or one of PARLEY_WRITE_TOKENS)' } },
    },
  };
}

/** The groups a route's `tag` names, in the order the docs page lists them. */
const TAGS = {
  graph: 'The visual graph, nodes and neighbourhoods',
  analysis: 'Traces, stances, matrix, paths',
  questions: 'Named analyst questions and plain-English questions',
  console: 'Read-only Cypher console',
  export: 'Files for Gephi and NetworkX',
  sources: 'Sources: ingestion, listing, deletion and the audit trail',
  meta: 'This document and the docs page',
  watches: 'Watches: change events as a feed, live updates and webhooks',
  negotiations: 'Negotiations: the tracks a workspace follows, and the scope of its views',
};

/** An error answer in the one error shape. */
function errorDoc(description: string): ResponseDoc {
  return { description, schema: errorResponseSchema };
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

/** Answers of a route that needs the write token. */
const tokenResponses: Record<number, ResponseDoc> = {
  401: errorDoc('Missing or wrong write token'),
  403: errorDoc('Writes are disabled (no write token configured on the server)'),
};
