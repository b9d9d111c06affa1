import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; `npm start | npx pino-pretty` for humans. A CLI whose stdout is data logs to stderr. */
export function createLogger(level: string, destination: DestinationStream = pino.destination(1)): Logger {
  return pino({ level, base: { app: 'parley' } }, destination);
}
