import crypto from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';

/** A write token and the label the audit trail records for it. */
export interface WriteToken {
  label: string;
  token: string;
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest();

/**
 * Guards write routes: refused outright when no write token is configured; otherwise the bearer
 * token must match one of them, compared in constant time (hashes of equal length, every token
 * compared, so neither the length nor which token matched shows in the timing). The matching
 * token's label is left in `res.locals.writer` for the audit trail.
 */
export function requireWriteToken(tokens: readonly WriteToken[]): RequestHandler {
  const expected = tokens.map(({ label, token }) => ({ label, hash: sha256(token) }));
  return (req, res, next) => {
    if (expected.length === 0) {
      throw new ForbiddenError('writes_disabled', 'Writes are disabled: set PARLEY_WRITE_TOKEN or PARLEY_WRITE_TOKENS on the server to enable them.');
    }
    const match = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
    if (!match) throw new UnauthorizedError('A write token is required: send "Authorization: Bearer <write token>".');
    const given = sha256(match[1]!);
    let writer: string | undefined;
    for (const { label, hash } of expected) {
      if (crypto.timingSafeEqual(given, hash)) writer = label;
    }
    if (writer === undefined) throw new UnauthorizedError('The write token is not valid.');
    res.locals.writer = writer;
    next();
  };
}

/** The label of the write token that `requireWriteToken` accepted. */
export function writerOf(res: Response): string {
  return String(res.locals.writer);
}
