import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { zodIssues } from '../core/validation.ts';
import { AppError, ValidationError } from '../errors.ts';
import type { Logger } from '../logger.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const BODY_MUST_BE_JSON = 'The body must be JSON (Content-Type: application/json).';

/**
 * express.json() leaves a body of any other type unread, and a route would then report its
 * missing fields ("received undefined"); naming the real problem is kinder.
 */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  next(hasBody && !req.is('application/json') ? new ValidationError(BODY_MUST_BE_JSON) : undefined);
};

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'not_found', message: `No route for ${req.method} ${req.path}` } } satisfies ErrorBody);
};

/** The one place errors become responses; stack traces and internal messages stay in the log. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  // Driver errors were already mapped to typed errors by the one session block (server/db/database.ts).
  return (err, req, res, _next) => {
    let status = 500;
    let body: ErrorBody = { error: { code: 'internal_error', message: 'Something went wrong on our side.' } };
    if (err instanceof AppError) {
      status = err.status;
      body = { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
    } else if (err instanceof ZodError) {
      status = 400;
      body = { error: { code: 'invalid_request', message: 'The request is not valid.', details: zodIssues(err) } };
    } else if (isHttpError(err)) {
      status = err.status;
      const message = err.type === 'entity.parse.failed' ? `${BODY_MUST_BE_JSON} It could not be parsed.` : err.expose ? err.message : 'The request could not be read.';
      body = { error: { code: (err.type ?? 'bad_request').replaceAll('.', '_'), message } };
    }
    if (status >= 500) logger.error({ err, method: req.method, path: pathForLog(req.path) }, 'request failed');
    else logger.debug({ status, code: body.error.code, path: pathForLog(req.path) }, 'request rejected');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(status).json(body);
  };
}

/**
 * The path as logged, with secrets masked: a secret carried in a path (a feed's token) is a long
 * URL-safe string, while every id carries a "type:" prefix and every fixed segment is short. No
 * secret may reach a log, even a rejected request's (a 405 or 429 on a feed URL).
 */
export function pathForLog(path: string): string {
  return path
    .split('/')
    .map((segment) => (/^[A-Za-z0-9_-]{20,}$/.test(segment) ? '(secret)' : segment))
    .join('/');
}

/** Errors thrown by body-parser and friends carry a 4xx status and an `expose` flag. */
function isHttpError(err: unknown): err is { status: number; expose?: boolean; message: string; type?: string } {
  if (typeof err !== 'object' || err === null) return false;
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
