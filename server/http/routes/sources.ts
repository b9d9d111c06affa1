/** Ingestion: the payload's JSON Schema, and writing a source with its claims. Thin: parse, call, send. */
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { ingestSource } from '../../domain/ingest.ts';
import { sourcePayloadJsonSchema, sourcePayloadSchema } from '../../domain/sourcePayload.ts';
import { type RouteDoc, errorDoc } from '../openapi.ts';
import { parseInput } from '../parse.ts';
import { requireWriteToken } from '../writeToken.ts';

export function sourceRoutes(db: Database, writeToken: string | undefined): Router {
  const router = Router();
  router.get('/api/sources/schema', (_req, res) => {
    res.json(sourcePayloadJsonSchema);
  });
  router.post('/api/sources', requireWriteToken(writeToken), async (req, res) => {
    const payload = parseInput(sourcePayloadSchema, req.body, 'body');
    res.status(201).json(await ingestSource(db, payload));
  });
  return router;
}

export const sourceRouteDocs: RouteDoc[] = [
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
