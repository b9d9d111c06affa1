/** `npm run nlp:install`: installs the language parser's venv ahead of its first use (CI, Docker). */
import { loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { ensureNlpRuntime } from '../nlp/install.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
try {
  const runtime = await ensureNlpRuntime(config.nlp, logger);
  logger.info({ python: runtime.python, venvDir: runtime.venvDir }, 'NLP runtime is in place');
} catch (err) {
  console.error(err instanceof AppError ? `nlp:install: ${err.message}` : err);
  process.exit(1);
}
