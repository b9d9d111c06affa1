import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { ingestSource } from '../../domain/ingest.ts';
import { sourcePayloadSchema } from '../../domain/sourcePayload.ts';
import { requireWriteToken } from '../writeToken.ts';

const payloadJsonSchema = z.toJSONSchema(sourcePayloadSchema, { io: 'input', unrepresentable: 'any' });

export function sourceRoutes(db: Database, writeToken: string | undefined): Router {
  const router = Router();
  router.get('/api/sources/schema', (_req, res) => {
    res.json(payloadJsonSchema);
  });
  router.post('/api/sources', requireWriteToken(writeToken), async (req, res) => {
    res.status(201).json(await ingestSource(db, req.body));
  });
  return router;
}
