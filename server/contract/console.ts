/** The read-only Cypher console: running a query, and the schema its completion reads. */
import { z } from 'zod';
import { graphEdgeSchema, graphNodeSchema, named } from './common.ts';
import { route } from './route.ts';

/** Deeper parameter values gain a query nothing and overflow the driver's recursive encoder. */
const MAX_PARAM_DEPTH = 32;

/** Walks with its own stack, so a value nested a million levels deep cannot overflow this check either. */
function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

const cypherBodySchema = z.object({
  query: z.string().trim().min(1).max(20_000).meta({ examples: ['MATCH (p:Party) RETURN p.name AS party'] }),
  params: z
    .record(z.string(), z.unknown())
    .refine((params) => !nestsDeeperThan(params, MAX_PARAM_DEPTH), `must not nest deeper than ${MAX_PARAM_DEPTH} levels`)
    .default({}),
  limit: z.number().int().min(1).max(100_000).optional().describe('Row cap; the server cap (1000) applies when larger'),
});


const count = z.number().nullable();
export const planNodeSchema = named(
  'PlanNode',
  z.object({
    operator: z.string(),
    details: z.string(),
    identifiers: z.array(z.string()),
    estimatedRows: count,
    rows: count.describe('PROFILE only: rows the operator produced'),
    dbHits: count.describe('PROFILE only: database hits'),
    pageCacheHits: count,
    pageCacheMisses: count,
    timeNs: count,
    get children(): z.ZodArray<typeof planNodeSchema> {
      return z.array(planNodeSchema);
    },
  }),
);
export type PlanNode = z.infer<typeof planNodeSchema>;

export const cypherResponseSchema = named(
  'CypherResponse',
  z.object({
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), z.unknown())),
    graph: z.object({ nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema) }),
    summary: z.object({ queryType: z.string(), resultAvailableAfterMs: z.number(), truncated: z.boolean() }),
    plan: planNodeSchema.nullable().optional().describe('For EXPLAIN (estimated rows) and PROFILE (rows and db hits): the plan as a tree'),
  }),
);
export type CypherResponse = z.infer<typeof cypherResponseSchema>;

const signatureSchema = z.object({ name: z.string(), signature: z.string(), description: z.string() });
export const consoleSchemaResponseSchema = named(
  'ConsoleSchema',
  z.object({
    labels: z.array(z.string()),
    relationshipTypes: z.array(z.string()),
    propertyKeys: z.array(z.string()),
    propertiesByLabel: z.record(z.string(), z.array(z.string())),
    functions: z.array(signatureSchema),
    procedures: z.array(signatureSchema.extend({ returnItems: z.array(z.object({ name: z.string(), signature: z.string() })) })),
  }),
);
export type ConsoleSchema = z.infer<typeof consoleSchemaResponseSchema>;

export const consoleRoutes = {
  cypher: route({
    method: 'post',
    path: '/api/cypher',
    tag: 'console',
    summary: 'Run a read-only Cypher query',
    description:
      'A leading EXPLAIN answers with the plan only; a leading PROFILE runs the query and adds the profiled plan (rows and db hits per operator); either way the query they prefix is judged as below. Refused with 403 unless EXPLAIN reports query type r and the plan holds only graph reads; runs once in a READ transaction with a timeout (default 5 s) and a row cap (default 1000, or the smaller `limit`) and a byte cap on the answer (default 10 MB). LOAD CSV, CALL … IN TRANSACTIONS, administration commands other than SHOW INDEXES/CONSTRAINTS/FUNCTIONS/PROCEDURES, and procedures other than the describing db.* ones (labels, schema, full-text and vector search) are refused. `params` may nest at most 32 levels. `graph` holds the nodes and relationships found in the rows, each Stance collapsed into one actor → target edge.',
    body: cypherBodySchema,
    rate: 'queries',
    errors: {
      400: 'Invalid body, or Neo4j refused the query (details: neo4jCode, message, position)',
      403: 'read_only: the query would write, change the schema or run an administration command',
      408: 'query_timeout: the query ran longer than the console allows',
      413: 'answer_too_large: the answer is larger than the console allows (PARLEY_CYPHER_MAX_BYTES, 10 MB by default); entity_too_large: the body is larger than PARLEY_BODY_LIMIT',
      422: 'query_too_large: Neo4j ran out of memory for it; query_failed: Neo4j could not carry it out',
    },
    response: { description: 'Columns, rows, graph and summary', schema: cypherResponseSchema },
  }),
  cypherSchema: route({
    method: 'get',
    path: '/api/cypher/schema',
    tag: 'console',
    summary: "The database's schema, for the console's completion",
    description:
      "Read from Neo4j on every request, so it follows ingestions: the labels, relationship types and property keys in use, the property keys per label, every function, and the procedures the console allows, with their signatures. The server's own bookkeeping (the `GraphLayout` node holding the stored layout, and the keys only it carries) is left out.",
    response: { description: 'Labels, relationship types, property keys, functions and procedures', schema: consoleSchemaResponseSchema },
  }),
};
