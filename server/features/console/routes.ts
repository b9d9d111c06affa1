/** The read-only Cypher console. Thin: parse, call, send. */
import { Router } from 'express';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { runConsoleQuery } from './console.ts';
import { consoleSchema } from './schema.ts';
import { consoleSchemaResponseSchema, cypherBodySchema, cypherResponseSchema } from '../../contract/api.ts';
import { type RouteDoc, errorDoc } from '../../http/openapi.ts';
import { parseInput } from '../../http/parse.ts';

export function consoleRoutes(db: Database, config: Config): Router {
  const router = Router();
  router.post('/api/cypher', async (req, res) => {
    const body = parseInput(cypherBodySchema, req.body, 'body');
    res.json(await runConsoleQuery(db, body, config.cypherConsole));
  });
  router.get('/api/cypher/schema', async (_req, res) => {
    res.json(await consoleSchema(db));
  });
  return router;
}

export const consoleRouteDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/cypher',
    tag: 'console',
    summary: 'Run a read-only Cypher query',
    description:
      'A leading EXPLAIN answers with the plan only; a leading PROFILE runs the query and adds the profiled plan (rows and db hits per operator); either way the query they prefix is judged as below. Refused with 403 unless EXPLAIN reports query type r and the plan holds only graph reads; runs once in a READ transaction with a timeout (default 5 s) and a row cap (default 1000, or the smaller `limit`) and a byte cap on the answer (default 10 MB). LOAD CSV, CALL … IN TRANSACTIONS, administration commands other than SHOW INDEXES/CONSTRAINTS/FUNCTIONS/PROCEDURES, and procedures other than the describing db.* ones (labels, schema, full-text and vector search) are refused. `params` may nest at most 32 levels. `graph` holds the nodes and relationships found in the rows, each Stance collapsed into one actor → target edge.',
    body: cypherBodySchema,
    responses: {
      200: { description: 'Columns, rows, graph and summary', schema: cypherResponseSchema },
      400: errorDoc('Invalid body, or Neo4j refused the query (details: neo4jCode, message, position)'),
      403: errorDoc('read_only: the query would write, change the schema or run an administration command'),
      408: errorDoc('query_timeout: the query ran longer than the console allows'),
      413: errorDoc('answer_too_large: the answer is larger than the console allows (PARLEY_CYPHER_MAX_BYTES, 10 MB by default); entity_too_large: the body is larger than PARLEY_BODY_LIMIT'),
      422: errorDoc('query_too_large: Neo4j ran out of memory for it; query_failed: Neo4j could not carry it out'),
    },
  },
  {
    method: 'get',
    path: '/api/cypher/schema',
    tag: 'console',
    summary: "The database's schema, for the console's completion",
    description:
      'Read from Neo4j on every request, so it follows ingestions: the labels, relationship types and property keys in use, the property keys per label, every function, and the procedures the console allows, with their signatures. The server\'s own bookkeeping (the `GraphLayout` node holding the stored layout, and the keys only it carries) is left out.',
    responses: { 200: { description: 'Labels, relationship types, property keys, functions and procedures', schema: consoleSchemaResponseSchema } },
  },
];
