/** Every API router of issue 4, in one place, with the OpenAPI document built from their docs. */
import { Router } from 'express';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { exploreRouteDocs, exploreRoutes } from './explore.ts';
import { consoleRouteDocs, consoleRoutes } from './console.ts';
import { questionRouteDocs, questionRoutes } from './questions.ts';

export function apiRoutes(db: Database, config: Config): Router {
  const router = Router();
  router.use(exploreRoutes(db, config));
  router.use(questionRoutes(db, config));
  router.use(consoleRoutes(db, config));
  return router;
}

export const apiRouteDocs = [...exploreRouteDocs, ...questionRouteDocs, ...consoleRouteDocs];
