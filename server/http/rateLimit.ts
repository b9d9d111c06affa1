/**
 * Per-client request budgets. Three tiers, because their costs differ by orders of magnitude:
 * every request under /api, queries on top (console Cypher and questions run reads up to the
 * console timeout) and writes on top (a source ingestion is one large transaction, and the token
 * check must not be brute-forced). A limit of 0 switches a tier off.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { TooManyRequestsError } from '../errors.ts';

export type RateLimitTier = 'requests' | 'queries' | 'writes';

export function rateLimiter(tier: RateLimitTier, perMinute: number): RequestHandler {
  if (perMinute === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    // RateLimit and RateLimit-Policy headers (IETF draft 8); each tier names its own policy.
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: tier,
    handler: (_req, res, next, options) => {
      res.setHeader('Retry-After', String(Math.ceil(options.windowMs / 1000)));
      next(new TooManyRequestsError(`Too many ${tier === 'requests' ? 'API requests' : tier} from this client: at most ${perMinute} a minute. Retry after the time in the Retry-After header.`));
    },
  });
}
