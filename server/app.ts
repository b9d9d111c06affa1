/**
 * Builds the Express app from its dependencies; listening is the caller's business
 * (server/start.ts), so tests can mount it on port 0.
 */
import fs from 'node:fs';
import path from 'node:path';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Logger } from './logger.ts';
import { apiRoutes } from './contract/api.ts';
import { GraphLayoutKeeper } from './features/graphView/layoutKeeper.ts';
import { healthRoutes } from './features/health/routes.ts';
import { apiHandlers } from './features/routes.ts';
import { WatchRuntime } from './features/watches/runtime.ts';
import { errorHandler, notFoundHandler, requireJsonBody } from './http/errorHandler.ts';
import { mountRoutes, routeBudgets } from './http/mount.ts';
import { rateLimiter } from './http/rateLimit.ts';
import { DOCS_DIR } from './paths.ts';
import { createNlp, type NlpService } from './nlp/client.ts';

interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  /** Folder of the built client; served at / when present. */
  clientDir?: string;
  /** Keeps the graph view's stored layout current; one is made when not given. */
  layoutKeeper?: GraphLayoutKeeper;
  /** The language parser for extraction; its owner stops it. One is made (started on first use) when not given. */
  nlp?: NlpService;
  /** Watches' delivery loop and live stream; one that is not started (no deliveries) when not given. */
  watchRuntime?: WatchRuntime;
}

export function createApp({
  config,
  db,
  logger,
  clientDir,
  layoutKeeper = new GraphLayoutKeeper(db, logger, config.graphView.nodeBudget),
  nlp = createNlp(config.nlp, logger),
  watchRuntime = new WatchRuntime(db, config, logger),
}: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Parley is often served over plain HTTP on a LAN host; upgrading would break it.
          'upgrade-insecure-requests': null,
          // Sigma draws with WebGL and the layout runs in a blob worker.
          'worker-src': ["'self'", 'blob:'],
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  // Same-origin by default; other browser origins only when listed in PARLEY_CORS_ORIGINS.
  app.use(cors({ origin: config.corsOrigins, methods: ['GET', 'POST'] }));
  app.use(healthRoutes(db));

  // Budgets are spent before the body is parsed or the token checked, so floods stay cheap.
  app.use('/api', rateLimiter('requests', config.rateLimits.requests));
  app.use(routeBudgets(apiRoutes, config.rateLimits));
  app.use(express.json({ limit: config.bodyLimit }));
  app.use(requireJsonBody);

  app.use(mountRoutes(apiRoutes, apiHandlers(db, config, layoutKeeper, nlp, watchRuntime, logger), config.writeTokens));
  // The docs page's own scripts and styles (the page itself is the docsPage route).
  app.use('/api/docs', express.static(DOCS_DIR, { index: false, maxAge: '10m' }));

  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
  }
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
