/**
 * Typed application errors. The central error handler turns them into
 * `{"error":{"code","message","details?"}}` with their status; anything else becomes a
 * generic 500 whose details stay in the log.
 */
import { Neo4jError } from 'neo4j-driver';

/** The code of an error Neo4j raised (Neo.ClientError.Security.Unauthorized, …); undefined for any other error. */
export function neo4jErrorCode(err: unknown): string | undefined {
  return err instanceof Neo4jError ? err.code : undefined;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, 'invalid_request', message, details);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, details?: unknown) {
    super(404, 'not_found', message, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message: string) {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(403, code, message, details);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(409, code, message, details);
  }
}

export class UnprocessableError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(422, code, message, details);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string) {
    super(429, 'rate_limited', message);
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor(message = 'The graph database is unavailable; try again shortly.') {
    super(503, 'database_unavailable', message);
  }
}

/** Startup failures a user can fix; printed as one clear line without a stack trace. */
export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupError';
  }
}

/** The language parser (spaCy, server/nlp/) is not installed, not running or not answering. */
export class NlpUnavailableError extends AppError {
  constructor(message = 'The language parser is unavailable; try again shortly.') {
    super(503, 'nlp_unavailable', message);
  }
}
