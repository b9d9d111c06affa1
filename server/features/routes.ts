/** Every API router of issue 4, in one place, with the OpenAPI document built from their docs. */
import { type RequestHandler, Router } from 'express';
import { AppError } from '../errors.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { GraphLayoutKeeper } from './graphView/layoutKeeper.ts';
import type { RouteDoc } from '../http/openapi.ts';
import { conflictRouteDocs, conflictRoutes } from './analysis/routes.ts';
import { consoleRouteDocs, consoleRoutes } from './console/routes.ts';
import { docsRoutes, metaRouteDocs } from './meta/routes.ts';
import { exploreRouteDocs, exploreRoutes } from './graph/routes.ts';
import { exportRouteDocs, exportRoutes } from './export/routes.ts';
import { extractRouteDocs, extractRoutes } from './extract/routes.ts';
import { questionRouteDocs, questionRoutes } from './questions/routes.ts';
import { sourceRouteDocs } from './sources/routes.ts';

export const apiRouteDocs: RouteDoc[] = [
  ...exploreRouteDocs,
  ...conflictRouteDocs,
  ...questionRouteDocs,
  ...consoleRouteDocs,
  ...exportRouteDocs,
  ...sourceRouteDocs,
  ...extractRouteDocs,
  ...metaRouteDocs,
];

export function apiRoutes(db: Database, config: Config, layoutKeeper: GraphLayoutKeeper): Router {
  const router = Router();
  router.use(exploreRoutes(db, config, layoutKeeper));
  router.use(conflictRoutes(db));
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
