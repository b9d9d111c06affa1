import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; `npm start | npx pino-pretty` for humans. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'parley' } });
}
