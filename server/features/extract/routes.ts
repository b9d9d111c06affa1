/** Article extraction: thin, parse → extract → send. Nothing is written. */
import type { Database } from '../../db/database.ts';
import type { extractRoutes } from '../../contract/extract.ts';
import type { Handlers } from '../../http/mount.ts';
import type { NlpService } from '../../nlp/client.ts';
import { extractFromArticle } from './extract.ts';

export function extractHandlers(db: Database, nlp: NlpService): Handlers<typeof extractRoutes> {
  return {
    extract: ({ body }) => extractFromArticle(db, nlp, body),
  };
}
