/** Documents point by point: the comparison and a document against its author. Thin: parse, call, send. */
import type { Database } from '../../db/database.ts';
import type { documentRoutes } from '../../contract/documents.ts';
import type { Handlers } from '../../http/mount.ts';
import { compareDocuments, documentVsAuthor } from './documents.ts';

export function documentHandlers(db: Database): Handlers<typeof documentRoutes> {
  return {
    compareDocuments: ({ query: { ids, ...grading } }) => compareDocuments(db, ids, grading),
    documentVsAuthor: ({ params: { id }, query }) => documentVsAuthor(db, id, query),
  };
}
