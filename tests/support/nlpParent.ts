/**
 * A parent of Parley's NLP workers for tests/integration/nlp.test.ts: it starts them, prints
 * their process ids as one JSON line, then waits until the test kills it.
 */
import pino from 'pino';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { createNlp } from '../../server/nlp/client.ts';

const nlp = createNlp(loadConfig(process.env).nlp, createLogger('warn', pino.destination(2)));
await nlp.parse(['The parent is ready.']);
console.log(JSON.stringify((await nlp.info()).pids));
// The workers do not hold the event loop open; this process must stay until it is killed.
setInterval(() => undefined, 60_000);
