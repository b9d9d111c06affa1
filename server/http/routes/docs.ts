/** The OpenAPI document and the page that renders it (served from this folder, no CDN). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { type RouteDoc, buildOpenApi } from '../openapi.ts';

const DOCS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs');

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
