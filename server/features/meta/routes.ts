/** The OpenAPI document and the page that renders it (served from server/http/docs/, no CDN), with their own route docs. */
import path from 'node:path';
import express, { Router } from 'express';
import { z } from 'zod';
import { DOCS_DIR } from '../../paths.ts';
import { type RouteDoc, buildOpenApi } from '../../http/openapi.ts';

export function docsRoutes(routeDocs: RouteDoc[]): Router {
  const router = Router();
  const spec = buildOpenApi(routeDocs);
  router.get('/api/openapi.json', (_req, res) => {
    res.json(spec);
  });
  router.get('/api/docs', (_req, res) => {
    res.sendFile(path.join(DOCS_DIR, 'index.html'));
  });
  router.use('/api/docs', express.static(DOCS_DIR, { index: false, maxAge: '10m' }));
  return router;
}

export const metaRouteDocs: RouteDoc[] = [
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
