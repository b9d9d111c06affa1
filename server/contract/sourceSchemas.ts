/** Requests and answers of the source records: listing, deleting, the audit trail, backup lines. */
import { z } from 'zod';

export { sourceListSchema } from './sources.ts';

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1_000).default(100).describe('Page size (1–1000, default 100)'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('How many to skip'),
});

export const sourceIdPathSchema = z.object({
  id: z
    .string()
    .max(200)
    .regex(/^source:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a source id like source:my-article')
    .meta({ examples: ['source:an-article-that-is-not-there'] }),
});

const removedCounts = {
  removedStances: z.number().int(),
  removedEvidence: z.number().int(),
  removedRelations: z.number().int(),
  removedEntities: z.number().int(),
};

export const ingestReportSchema = z.object({
  sourceId: z.string(),
  entities: z.number().int(),
  stances: z.number().int().describe('Stances this source holds on its own'),
  attachedStances: z.number().int().optional().describe('Stances of this source the graph already held (same actor, target, family and moment): its evidence went to them'),
  evidence: z.number().int(),
  relations: z.number().int(),
  ...removedCounts,
});

export const deleteReportSchema = z.object({
  sourceId: z.string(),
  deleted: z.boolean().describe('false when there was no such source: deleting is idempotent'),
  ...removedCounts,
});

export const auditListSchema = z.object({
  limit: z.number().int(),
  offset: z.number().int(),
  entries: z.array(
    z.object({
      at: z.string(),
      action: z.string().describe('ingest, restore, delete or grade'),
      sourceId: z.string(),
      writer: z.string().describe('Label of the write token, or of the tool (seed, cli, restore)'),
      changes: z.record(z.string(), z.number()).describe('What the write changed, in counts'),
      grade: z
        .object({ from: z.string().nullable(), to: z.string().nullable() })
        .optional()
        .describe("For a grade change: the source's grade before and after"),
    }),
  ),
});

/** One line of a backup file: a source as it arrived, with when and through whom. */
export const backupLineSchema = z.strictObject({
  sourceId: z.string(),
  ingestedAt: z.iso.datetime(),
  firstIngestedAt: z.iso.datetime(),
  writer: z.string().min(1).max(100),
  grade: z.string().nullable().default(null),
  text: z.string().nullable().default(null),
  payload: z.record(z.string(), z.unknown()),
});
export type BackupLine = z.infer<typeof backupLineSchema>;
