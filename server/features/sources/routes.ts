/** Sources: the ingestion contract, ingesting, listing, grading and deleting them, and the audit trail. Thin: parse, call, send. */
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { sourcePayloadSchema } from '../../contract/sourcePayload.ts';
import type { sourceRoutes } from '../../contract/sources.ts';
import type { Handlers } from '../../http/mount.ts';
import { changeSourceGrade } from '../../core/grading.ts';
import { ingestSource } from './ingest.ts';
import { deleteSource, listAudit, listSources, readSource } from './sources.ts';

/** `onGraphChanged` runs after each ingestion or deletion (the graph view's layout refreshes in the background). */
export function sourceHandlers(db: Database, onGraphChanged: () => void): Handlers<typeof sourceRoutes> {
  const payloadJsonSchema = z.toJSONSchema(sourcePayloadSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    sourceSchema: () => payloadJsonSchema,
    sources: ({ query: { limit, offset, negotiation, ...grading } }) => listSources(db, { limit, offset }, grading, { negotiation }),
    source: ({ params: { id } }) => readSource(db, id),
    ingest: async ({ body, writer }) => {
      const report = await ingestSource(db, body, { writer });
      onGraphChanged();
      return report;
    },
    deleteSource: async ({ params: { id }, writer }) => {
      const report = await deleteSource(db, id, writer);
      onGraphChanged();
      return report;
    },
    gradeSource: ({ params: { id }, body: { grade }, writer }) => changeSourceGrade(db, id, grade, writer),
    audit: ({ query }) => listAudit(db, query),
  };
}
