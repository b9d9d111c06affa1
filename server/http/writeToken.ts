import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';

/**
 * Guards write routes: refused outright when PARLEY_WRITE_TOKEN is unset; otherwise the bearer
 * token must match, compared in constant time (hashes of equal length).
 */
export function requireWriteToken(token: string | undefined): RequestHandler {
  const expected = token === undefined ? undefined : crypto.createHash('sha256').update(token).digest();
  return (req, _res, next) => {
    if (!expected) throw new ForbiddenError('writes_disabled', 'Writes are disabled: set PARLEY_WRITE_TOKEN on the server to enable them.');
    const match = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
    if (!match) throw new UnauthorizedError('A write token is required: send "Authorization: Bearer <PARLEY_WRITE_TOKEN>".');
    const given = crypto.createHash('sha256').update(match[1]!).digest();
    if (!crypto.timingSafeEqual(given, expected)) throw new UnauthorizedError('The write token is not valid.');
    next();
  };
}
