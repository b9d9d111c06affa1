import { Router } from 'express';
import type { Database } from '../../db/database.ts';
import { checkHealth } from './health.ts';

export function healthRoutes(db: Database): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const health = await checkHealth(db);
    res.status(health.status === 'ok' ? 200 : 503).json(health);
  });
  return router;
}
