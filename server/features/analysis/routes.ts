/** Conflicting reports. Thin: parse, call, send. */
import { Router } from 'express';
import type { Database } from '../../db/database.ts';
import { listConflicts } from './conflicts.ts';
import { conflictsQuerySchema, conflictsResponseSchema } from '../../contract/api.ts';
import { type RouteDoc, errorDoc } from '../../http/openapi.ts';
import { parseInput } from '../../http/parse.ts';

export function conflictRoutes(db: Database): Router {
  const router = Router();
  router.get('/api/conflicts', async (req, res) => {
    res.json(await listConflicts(db, parseInput(conflictsQuerySchema, req.query, 'query')));
  });
  return router;
}

export const conflictRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/conflicts',
    tag: 'analysis',
    summary: 'Where sources disagree',
    description:
      'Conflicting reports: different sources give one actor opposite stances (rejection against proposal or support) on the same target at the same moment (dates that overlap within their precision). Each conflict shows both sides: stance type, family and date, and every quote (or summary, with `quote` null) with its source. In pages; also the named question source-conflicts.',
    query: conflictsQuerySchema,
    responses: { 200: { description: 'A page of conflicts', schema: conflictsResponseSchema }, 400: errorDoc('Invalid paging; details name the field') },
  },
];
