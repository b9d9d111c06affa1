/**
 * Sources: the ingestion contract's answers (what an ingestion or a deletion did), the list, one
 * source opened with its text and the stances it supports, grading and the audit trail.
 */
import { z } from 'zod';
import { STANCE_FAMILIES, STANCE_TYPE_NAMES } from './model.ts';
import { evidenceItemSchema, gradeFilterShape, gradeSchema, named, negotiationScopeShape, nodeRef, publisherSchema } from './common.ts';
import { route } from './route.ts';
import { sourcePayloadSchema } from './sourcePayload.ts';

/** What the list and an opened source both say about a source. */
const sourceFields = {
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  publishedAt: z.string().nullable().describe('Publication day; null for undated background notes'),
  publisher: z.string().nullable().describe("The publisher's name: its entity's, else the payload's free text"),
  url: z.string().nullable(),
  grade: z.string().nullable().describe('Admiralty grade ("B2"), null when ungraded'),
  ingestedAt: z.string().nullable().describe('When its current version arrived (null for a source stored before records were kept)'),
};

export const sourceListSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  sources: z.array(
    z.object({
      ...sourceFields,
      publishedBy: publisherSchema.nullable().describe('The publisher entity, with its country and affiliation'),
      writer: z.string().nullable().describe('Label of the write token that sent it'),
      textBytes: z.number().int().nullable().describe('Size of the original text kept with it'),
      evidence: z.number().int(),
      stances: z.number().int().describe('Stances its evidence supports'),
      quotes: z.number().int().describe('Pieces of its evidence that are verbatim quotes'),
      entities: z.number().int(),
    }),
  ),
});
export type SourceList = z.infer<typeof sourceListSchema>;

const supportedStanceSchema = named(
  'SupportedStance',
  z.object({
    id: z.string(),
    type: z.enum(STANCE_TYPE_NAMES),
    family: z.enum(STANCE_FAMILIES),
    actor: nodeRef,
    target: nodeRef,
    date: z.string(),
    datePrecision: z.string(),
    condition: z.string().nullable(),
    evidence: z.array(evidenceItemSchema).describe("Only this source's evidence for the stance"),
  }),
);

export const sourceDetailSchema = named(
  'SourceDetail',
  z.object({
    ...sourceFields,
    text: z.string().nullable().describe('The original text kept with the source, so each quote can be read in its context (null when none was kept)'),
    stances: z.array(supportedStanceSchema),
  }),
);
export type SourceDetail = z.infer<typeof sourceDetailSchema>;

const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1_000).default(100).describe('Page size (1–1000, default 100)'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('How many to skip'),
});

const sourceIdPathSchema = z.object({
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

const ingestReportSchema = z.object({
  sourceId: z.string(),
  entities: z.number().int(),
  stances: z.number().int().describe('Stances this source holds on its own'),
  attachedStances: z.number().int().optional().describe('Stances of this source the graph already held (same actor, target, family and moment): its evidence went to them'),
  evidence: z.number().int(),
  relations: z.number().int(),
  points: z.number().int().optional().describe("Points of documents in the payload (each one of the stances)"),
  ...removedCounts,
});

const deleteReportSchema = z.object({
  sourceId: z.string(),
  deleted: z.boolean().describe('false when there was no such source: deleting is idempotent'),
  ...removedCounts,
});

const auditListSchema = z.object({
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

const sourceGradeBodySchema = z.object({
  grade: gradeSchema.nullable().describe('The new grade, or null to mark the source ungraded'),
});
export const sourceGradeResponseSchema = named(
  'SourceGradeChange',
  z.object({
    sourceId: z.string(),
    grade: z.string().nullable().describe('The grade now'),
    previous: z.string().nullable().describe('The grade before the change'),
  }),
);
export type SourceGradeChange = z.infer<typeof sourceGradeResponseSchema>;

export const sourceRoutes = {
  sourceSchema: route({
    method: 'get',
    path: '/api/sources/schema',
    tag: 'sources',
    summary: 'JSON Schema of a source payload',
    response: { description: 'JSON Schema (draft 2020-12) of the ingestion contract', schema: z.record(z.string(), z.unknown()) },
  }),
  sources: route({
    method: 'get',
    path: '/api/sources',
    tag: 'sources',
    summary: 'The sources in the graph, latest ingested first',
    description:
      'One page of sources with when and through which write token each arrived, and how much of the graph it holds up. minReliability, minCredibility and excludeAffiliatedWith list only the sources they admit (an ungraded source counts as F6).',
    query: pageQuerySchema.extend(gradeFilterShape).extend(negotiationScopeShape),
    errors: {
      400: 'Invalid paging parameter or grade filter',
      404: 'excludeAffiliatedWith names no party, or negotiation names no negotiation',
    },
    response: { description: 'One page of sources', schema: sourceListSchema },
  }),
  source: route({
    method: 'get',
    path: '/api/sources/:id',
    tag: 'sources',
    summary: 'One source: its text and the stances it supports',
    description:
      'The source with the original text kept with it (so each quote can be read in its context) and every stance its evidence supports, with only its own evidence.',
    params: sourceIdPathSchema,
    errors: {
      400: 'Not a source id',
      404: 'No such source',
    },
    response: { description: 'The source', schema: sourceDetailSchema },
  }),
  ingest: route({
    method: 'post',
    path: '/api/sources',
    tag: 'sources',
    summary: 'Ingest a source and the claims it supports',
    description:
      "Validated, references resolved, written in one transaction with the accepted payload and its text (source.text, at most 200 kB) kept as the source's record and a line in the audit trail; the same payload twice is a no-op, and a changed payload replaces what the source gave before. Needs the write token.",
    body: sourcePayloadSchema,
    rate: 'writes',
    auth: 'write',
    errors: {
      400: 'Invalid payload; details name the fields',
      404: 'negotiation names no negotiation (declare it in the payload instead)',
      422: 'dangling_reference: an id does not resolve',
    },
    response: { status: 201, description: 'What was written and what the new version no longer claims', schema: ingestReportSchema },
  }),
  deleteSource: route({
    method: 'delete',
    path: '/api/sources/:id',
    tag: 'sources',
    summary: 'Delete a source and everything only it held up',
    description:
      'In one transaction: its evidence, the stances left with no evidence, its claim on every relationship and entity, and those no other source still needs. Evidence from other sources is never touched. Deleting a source that is not there answers deleted: false. Needs the write token.',
    params: sourceIdPathSchema,
    rate: 'writes',
    auth: 'write',
    errors: {
      400: 'Not a source id',
    },
    response: { description: 'What was removed', schema: deleteReportSchema },
  }),
  gradeSource: route({
    method: 'patch',
    path: '/api/sources/:id/grade',
    tag: 'sources',
    summary: "Change a source's Admiralty grade",
    description:
      'Sets the grade ("B2", or {reliability: "B", credibility: 2}; null marks it ungraded) and writes the change, with who made it and the grade before and after, to the audit trail, in one transaction. Filtered answers (minReliability, minCredibility) follow at once. Needs the write token.',
    params: sourceIdPathSchema,
    body: sourceGradeBodySchema,
    rate: 'writes',
    auth: 'write',
    errors: {
      400: 'Not a source id, or not a grade',
      404: 'No such source',
    },
    response: { description: 'The grade now and before', schema: sourceGradeResponseSchema },
  }),
  audit: route({
    method: 'get',
    path: '/api/audit',
    tag: 'sources',
    summary: 'The audit trail of every write, newest first',
    description:
      'Each ingestion, restore, deletion and grade change with its time, source, what changed (counts; for a grade change, the grade before and after) and the label of the write token. Needs the write token.',
    query: pageQuerySchema,
    auth: 'write',
    errors: {
      400: 'Invalid paging parameter',
    },
    response: { description: 'One page of the audit trail', schema: auditListSchema },
  }),
};
