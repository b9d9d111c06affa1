/**
 * Mounts a route table (server/contract/api.ts) on Express: each declaration's budgets, its
 * write-token check, its input parsing and its answer. A feature only writes handlers; the path,
 * the schemas, the status and the rate class come from the declaration.
 */
import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { Answer, Parsed, RouteSpec, RouteTable } from '../contract/route.ts';
import { AppError } from '../errors.ts';
import { parseInput } from './parse.ts';
import { type RateLimitTier, rateLimiter } from './rateLimit.ts';
import { type WriteToken, requireWriteToken, writerOf } from './writeToken.ts';

/** A request as its declaration parses it. */
interface RouteInput<R extends RouteSpec> {
  params: Parsed<R, 'params'>;
  query: Parsed<R, 'query'>;
  body: Parsed<R, 'body'>;
  /** The label of the write token that let a write route through; '' on other routes. */
  writer: string;
}

/** A JSON route's handler returns its answer; a streamed route's handler writes it to `res`. */
export type RouteHandler<R extends RouteSpec> = R extends { streamed: true }
  ? (input: RouteInput<R>, res: Response) => Promise<void> | void
  : (input: RouteInput<R>) => Promise<Answer<R>> | Answer<R>;

/** One handler for every declaration of the table, by the same names. */
export type Handlers<T extends RouteTable> = { [K in keyof T]: RouteHandler<T[K]> };

/**
 * Per-route budgets, mounted before the JSON body is parsed or the token checked, so that a
 * flood stays cheap. Routes of one class share one budget.
 */
export function routeBudgets(table: RouteTable, perMinute: Record<RateLimitTier, number>): Router {
  const router = Router();
  const limiters = { queries: rateLimiter('queries', perMinute.queries), writes: rateLimiter('writes', perMinute.writes) };
  for (const spec of Object.values(table)) if (spec.rate) router[spec.method](spec.path, limiters[spec.rate]);
  return router;
}

/** Every route of the table with its handler; a known path asked with another method answers 405. */
export function mountRoutes<T extends RouteTable>(table: T, handlers: Handlers<T>, writeTokens: readonly WriteToken[]): Router {
  const router = Router();
  const writer = requireWriteToken(writeTokens);
  for (const [name, spec] of Object.entries(table)) {
    const handler = handlers[name as keyof T] as (input: RouteInput<RouteSpec>, res: Response) => unknown;
    const serve: RequestHandler = async (req, res) => {
      const input = parseRequest(spec, req, spec.auth ? writerOf(res) : '');
      if (spec.streamed) {
        await handler(input, res);
        return;
      }
      res.status(spec.response.status ?? 200).json(await handler(input, res));
    };
    router[spec.method](spec.path, ...(spec.auth ? [writer] : []), serve);
  }
  for (const [path, methods] of methodsByPath(Object.values(table))) router.all(path, methodNotAllowed(methods));
  return router;
}

function parseRequest(spec: RouteSpec, req: Request, writer: string): RouteInput<RouteSpec> {
  return {
    params: spec.params ? parseInput(spec.params, req.params, 'path') : {},
    query: spec.query ? parseInput(spec.query, req.query, 'query') : {},
    body: spec.body ? parseInput(spec.body, req.body, 'body') : {},
    writer,
  } as RouteInput<RouteSpec>;
}

function methodsByPath(specs: RouteSpec[]): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const { path, method } of specs) byPath.set(path, [...(byPath.get(path) ?? []), method.toUpperCase()]);
  return byPath;
}

function methodNotAllowed(methods: string[]): RequestHandler {
  const allow = methods.join(', ');
  return (req, res) => {
    res.setHeader('Allow', allow);
    throw new AppError(405, 'method_not_allowed', `${req.method} is not allowed on ${req.path}; use ${allow}.`);
  };
}
