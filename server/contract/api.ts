/**
 * The route table: every endpoint of the API, declared once in its feature's contract and
 * gathered here. The server mounts it (server/http/mount.ts), the OpenAPI document is built from
 * it (server/http/openapi.ts), and the client's calls are made from it (client/src/api/client.ts).
 * Order matters where paths overlap: /api/sources/schema is declared before /api/sources/:id.
 */
import { analysisRoutes } from './analysis.ts';
import { askRoutes } from './ask.ts';
import { consoleRoutes } from './console.ts';
import { documentRoutes } from './documents.ts';
import { exportRoutes } from './export.ts';
import { extractRoutes } from './extract.ts';
import { graphRoutes } from './graph.ts';
import { graphViewRoutes } from './graphView.ts';
import { metaRoutes } from './meta.ts';
import { negotiationRoutes } from './negotiations.ts';
import { questionRoutes } from './questions.ts';
import { sourceRoutes } from './sources.ts';
import { watchRoutes } from './watches.ts';

export const apiRoutes = {
  ...graphViewRoutes,
  ...graphRoutes,
  ...analysisRoutes,
  ...documentRoutes,
  ...questionRoutes,
  ...askRoutes,
  ...consoleRoutes,
  ...exportRoutes,
  ...sourceRoutes,
  ...extractRoutes,
  ...metaRoutes,
  ...watchRoutes,
  ...negotiationRoutes,
};

export type ApiRoutes = typeof apiRoutes;
