/** Sources: the ingestion contract, ingesting, listing and deleting them, and the audit trail. Thin: parse, call, send. */
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { ingestSource } from './ingest.ts';
import { auditListSchema, deleteReportSchema, ingestReportSchema, pageQuerySchema, sourceIdPathSchema, sourceListSchema } from '../../contract/sourceSchemas.ts';
import { sourcePayloadJsonSchema, sourcePayloadSchema } from '../../contract/sourcePayload.ts';
import { deleteSource, listAudit, listSources, readSource } from './sources.ts';
import { changeSourceGrade } from '../../core/grading.ts';
import { sourceGradeBodySchema, sourceGradeResponseSchema } from '../../contract/api.ts';
import { sourceDetailSchema } from '../../contract/sources.ts';
import { type RouteDoc, errorDoc } from '../../http/openapi.ts';
import { parseInput } from '../../http/parse.ts';
import { requireWriteToken, writerOf } from '../../http/writeToken.ts';

/** `onGraphChanged` runs after each ingestion or deletion (the graph view's layout refreshes in the background). */
export function sourceRoutes(db: Database, writeTokens: readonly { label: string; token: string }[], onGraphChanged: () => void = () => {}): Router {
  const router = Router();
  const writer = requireWriteToken(writeTokens);
  router.get('/api/sources/schema', (_req, res) => {
    res.json(sourcePayloadJsonSchema);
  });
  router.get('/api/sources', async (req, res) => {
    res.json(await listSources(db, parseInput(pageQuerySchema, req.query, 'query')));
  });
  router.get('/api/sources/:id', async (req, res) => {
    const { id } = parseInput(sourceIdPathSchema, req.params, 'path');
    res.json(await readSource(db, id));
  });
  router.post('/api/sources', writer, async (req, res) => {
    const payload = parseInput(sourcePayloadSchema, req.body, 'body');
    res.status(201).json(await ingestSource(db, payload, { writer: writerOf(res) }));
    onGraphChanged();
  });
  router.delete('/api/sources/:id', writer, async (req, res) => {
    const { id } = parseInput(sourceIdPathSchema, req.params, 'path');
    res.json(await deleteSource(db, id, writerOf(res)));
    onGraphChanged();
  });
  router.patch('/api/sources/:id/grade', writer, async (req, res) => {
    const { id } = parseInput(sourceIdPathSchema, req.params, 'path');
    const { grade } = parseInput(sourceGradeBodySchema, req.body, 'body');
    res.json(await changeSourceGrade(db, id, grade, writerOf(res)));
  });
  router.get('/api/audit', writer, async (req, res) => {
    res.json(await listAudit(db, parseInput(pageQuerySchema, req.query, 'query')));
  });
  return router;
}

const tokenErrors = {
  401: errorDoc('Missing or wrong write token'),
  403: errorDoc('Writes are disabled (no write token configured on the server)'),
};

export const sourceRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/sources/schema',
    tag: 'sources',
    summary: 'JSON Schema of a source payload',
    responses: { 200: { description: 'JSON Schema (draft 2020-12) of the ingestion contract', schema: z.record(z.string(), z.unknown()) } },
  },
  {
    method: 'get',
    path: '/api/sources',
    tag: 'sources',
    summary: 'The sources in the graph, latest ingested first',
    description: 'One page of sources with when and through which write token each arrived, and how much of the graph it holds up.',
    query: pageQuerySchema,
    responses: { 200: { description: 'One page of sources', schema: sourceListSchema }, 400: errorDoc('Invalid paging parameter') },
  },
  {
    method: 'get',
    path: '/api/sources/:id',
    tag: 'sources',
    summary: 'One source: its text and the stances it supports',
    description: 'The source with the original text kept with it (so each quote can be read in its context) and every stance its evidence supports, with only its own evidence.',
    pathParams: sourceIdPathSchema,
    responses: {
      200: { description: 'The source', schema: sourceDetailSchema },
      400: errorDoc('Not a source id'),
      404: errorDoc('No such source'),
    },
  },
  {
    method: 'post',
    path: '/api/sources',
    tag: 'sources',
    summary: 'Ingest a source and the claims it supports',
    description:
      'Validated, references resolved, written in one transaction with the accepted payload and its text (source.text, at most 200 kB) kept as the source\'s record and a line in the audit trail; the same payload twice is a no-op, and a changed payload replaces what the source gave before. Needs the write token.',
    body: sourcePayloadSchema,
    security: true,
    responses: {
      201: { description: 'What was written and what the new version no longer claims', schema: ingestReportSchema },
      400: errorDoc('Invalid payload; details name the fields'),
      ...tokenErrors,
      422: errorDoc('dangling_reference: an id does not resolve'),
    },
  },
  {
    method: 'delete',
    path: '/api/sources/:id',
    tag: 'sources',
    summary: 'Delete a source and everything only it held up',
    description:
      'In one transaction: its evidence, the stances left with no evidence, its claim on every relationship and entity, and those no other source still needs. Evidence from other sources is never touched. Deleting a source that is not there answers deleted: false. Needs the write token.',
    pathParams: sourceIdPathSchema,
    security: true,
    responses: { 200: { description: 'What was removed', schema: deleteReportSchema }, 400: errorDoc('Not a source id'), ...tokenErrors },
  },
  {
    method: 'patch',
    path: '/api/sources/:id/grade',
    tag: 'sources',
    summary: "Change a source's Admiralty grade",
    description:
      'Sets the grade ("B2", or {reliability: "B", credibility: 2}; null marks it ungraded) and writes the change, with who made it and the grade before and after, to the audit trail, in one transaction. Filtered answers (minReliability, minCredibility) follow at once. Needs the write token.',
    pathParams: sourceIdPathSchema,
    body: sourceGradeBodySchema,
    security: true,
    responses: {
      200: { description: 'The grade now and before', schema: sourceGradeResponseSchema },
      400: errorDoc('Not a source id, or not a grade'),
      ...tokenErrors,
      404: errorDoc('No such source'),
    },
  },
  {
    method: 'get',
    path: '/api/audit',
    tag: 'sources',
    summary: 'The audit trail of every write, newest first',
    description: 'Each ingestion, restore, deletion and grade change with its time, source, what changed (counts; for a grade change, the grade before and after) and the label of the write token. Needs the write token.',
    query: pageQuerySchema,
    security: true,
    responses: { 200: { description: 'One page of the audit trail', schema: auditListSchema }, 400: errorDoc('Invalid paging parameter'), ...tokenErrors },
  },
];
