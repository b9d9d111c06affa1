/** Every API router of issue 4, in one place, with the OpenAPI document built from their docs. */
import { type RequestHandler, Router } from 'express';
import { AppError } from '../../errors.ts';
import { sourcePayloadSchema } from '../../domain/sourcePayload.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { type RouteDoc, errorDoc } from '../openapi.ts';
import { consoleRouteDocs, consoleRoutes } from './console.ts';
import { docsRoutes } from './docs.ts';
import { exploreRouteDocs, exploreRoutes } from './explore.ts';
import { exportRouteDocs, exportRoutes } from './export.ts';
import { extractRouteDocs, extractRoutes } from './extract.ts';
import { questionRouteDocs, questionRoutes } from './questions.ts';
import { z } from 'zod';

/** The source routes predate this module (routes/sources.ts); documented here. */
const sourceRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/sources/schema',
    tag: 'sources',
    summary: 'JSON Schema of a source payload',
    responses: { 200: { description: 'JSON Schema (draft 2020-12) of the ingestion contract', schema: z.record(z.string(), z.unknown()) } },
  },
  {
    method: 'post',
    path: '/api/sources',
    tag: 'sources',
    summary: 'Ingest a source and the claims it supports',
    description: 'Validated, references resolved, written in one transaction; the same payload twice is a no-op. Needs the write token.',
    body: sourcePayloadSchema,
    security: true,
    responses: {
      201: {
        description: 'What was written',
        schema: z.object({
          sourceId: z.string(),
          entities: z.number().int(),
          stances: z.number().int(),
          evidence: z.number().int(),
          relations: z.number().int(),
          removedStances: z.number().int(),
          removedEvidence: z.number().int(),
        }),
      },
      400: errorDoc('Invalid payload; details name the fields'),
      401: errorDoc('Missing or wrong write token'),
      403: errorDoc('Writes are disabled (no PARLEY_WRITE_TOKEN on the server)'),
      422: errorDoc('dangling_reference: an id does not resolve'),
    },
  },
];

const metaRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'meta',
    summary: 'This OpenAPI 3.1 document',
    responses: { 200: { description: 'The document', schema: z.record(z.string(), z.unknown()) } },
  },
  {
    method: 'get',
    path: '/api/docs',
    tag: 'meta',
    summary: 'A readable page rendering this document',
    responses: { 200: { description: 'HTML page', content: { 'text/html': 'The docs page' } } },
  },
];

export const apiRouteDocs: RouteDoc[] = [
  ...exploreRouteDocs,
  ...questionRouteDocs,
  ...consoleRouteDocs,
  ...exportRouteDocs,
  ...sourceRouteDocs,
  ...extractRouteDocs,
  ...metaRouteDocs,
];

export function apiRoutes(db: Database, config: Config): Router {
  const router = Router();
  router.use(exploreRoutes(db, config));
  router.use(questionRoutes(db, config));
  router.use(consoleRoutes(db, config));
  router.use(exportRoutes(db, config));
  router.use(extractRoutes(db));
  router.use(docsRoutes(apiRouteDocs));
  // A documented path asked with a method it does not serve: 405 naming the ones it does, not a 404.
  for (const [path, methods] of methodsByPath(apiRouteDocs)) router.all(path, methodNotAllowed(methods));
  return router;
}

function methodsByPath(docs: RouteDoc[]): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const { path, method } of docs) byPath.set(path, [...(byPath.get(path) ?? []), method.toUpperCase()]);
  return byPath;
}

function methodNotAllowed(methods: string[]): RequestHandler {
  const allow = methods.join(', ');
  return (req, res) => {
    res.setHeader('Allow', allow);
    throw new AppError(405, 'method_not_allowed', `${req.method} is not allowed on ${req.path}; use ${allow}.`);
  };
}
