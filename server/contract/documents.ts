/**
 * Documents point by point: the comparison of two to five documents' points, and of one
 * document's points with its author's public stances (docs/model.md, "A document's points").
 */
import { z } from 'zod';
import { evidenceItemSchema, gradeFilterShape, named, nodeRef } from './common.ts';
import { POINT_TOPICS, STANCE_FAMILIES, STANCE_TYPE_NAMES } from './model.ts';
import { route } from './route.ts';

/** How many documents one comparison takes at most. */
export const MAX_COMPARED_DOCUMENTS = 5;

export const COMPARE_ROW_KINDS = ['common', 'gap', 'contradiction', 'difference'] as const;
export type CompareRowKind = (typeof COMPARE_ROW_KINDS)[number];
/** What differs in a `difference` row. */
export const POINT_DIFFERENCES = ['stance', 'condition', 'order'] as const;

const documentId = z
  .string()
  .max(200)
  .regex(/^document:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a document id like document:russia-memorandum-2025-06-02');

/** `a,b,c` (or the parameter repeated): two to five distinct documents. */
const documentIds = z.preprocess(
  (value) => {
    if (value === undefined) return undefined;
    return (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((p) => p.trim()).filter(Boolean);
  },
  z
    .array(documentId)
    .min(2, 'name at least two documents to compare, separated by commas')
    .max(MAX_COMPARED_DOCUMENTS, `at most ${MAX_COMPARED_DOCUMENTS} documents can be compared at once`)
    .superRefine((ids, ctx) => {
      const twice = ids.find((id, i) => ids.indexOf(id) !== i);
      if (twice !== undefined) ctx.addIssue({ code: 'custom', message: `a document cannot be compared with itself: ${twice} is named twice` });
    }),
);

export const comparedDocumentSchema = named(
  'ComparedDocument',
  z.object({
    id: z.string(),
    label: z.string(),
    kind: z.string().nullable(),
    date: z.string().nullable(),
    author: nodeRef.nullable(),
    points: z.number().int().describe('How many points the document holds (under the grade filter)'),
  }),
);

export const documentPointSchema = named(
  'DocumentPoint',
  z.object({
    stance: z.string().describe('The stance the point is'),
    order: z.number().int(),
    topic: z.enum(POINT_TOPICS),
    type: z.enum(STANCE_TYPE_NAMES),
    family: z.enum(STANCE_FAMILIES),
    condition: z.string().nullable(),
    section: z.string().nullable(),
    position: nodeRef,
    evidence: z.array(evidenceItemSchema),
  }),
);
export type DocumentPoint = z.infer<typeof documentPointSchema>;

export const compareRowSchema = named(
  'CompareRow',
  z.object({
    position: nodeRef,
    positions: z
      .array(nodeRef)
      .min(1)
      .describe(
        'The positions the row aligns: its one position, or two positions the graph sets against each other (one put forward instead of the other) when some documents hold one and the others the other',
      ),
    topic: z.enum(POINT_TOPICS).describe("The topic of the first document's point on the position"),
    kind: z.enum(COMPARE_ROW_KINDS).describe(
      'common: in every document with the same stance, condition and place; gap: in some documents only; contradiction: opposite stances (proposing or backing against rejecting) on one position, or opposed positions held by different documents; difference: in every document, but with another stance, condition or place among the shared points',
    ),
    differences: z.array(z.enum(POINT_DIFFERENCES)).describe('For a difference row: what differs'),
    sides: z
      .array(z.object({ document: z.string(), point: documentPointSchema.nullable() }))
      .describe('One per compared document, in the order asked; point is null where the document holds none of the row\'s positions'),
  }),
);
export type CompareRow = z.infer<typeof compareRowSchema>;

export const documentComparisonSchema = named(
  'DocumentComparison',
  z.object({
    documents: z.array(comparedDocumentSchema),
    rows: z.array(compareRowSchema).describe('By topic (the vocabulary order), then by the earliest point'),
    counts: z.record(z.enum(COMPARE_ROW_KINDS), z.number().int()),
  }),
);
export type DocumentComparison = z.infer<typeof documentComparisonSchema>;

export const AUTHOR_VERDICTS = ['agrees', 'contradicts', 'mixed', 'silent'] as const;

export const publicStanceSchema = named(
  'PublicStance',
  z.object({
    id: z.string(),
    type: z.enum(STANCE_TYPE_NAMES),
    family: z.enum(STANCE_FAMILIES),
    actor: nodeRef,
    date: z.string(),
    when: z.enum(['before', 'same-day', 'after']).describe("Relative to the document's date"),
    opposite: z.boolean().describe("true when the stance's family is opposite to the point's"),
    condition: z.string().nullable(),
    evidence: z.array(evidenceItemSchema),
  }),
);

export const authorComparisonSchema = named(
  'DocumentVsAuthor',
  z.object({
    document: comparedDocumentSchema,
    rows: z.array(
      z.object({
        point: documentPointSchema,
        verdict: z.enum(AUTHOR_VERDICTS).describe(
          'agrees: every public stance of the author on the position goes the same way as the point; contradicts: every one goes the opposite way; mixed: both; silent: none',
        ),
        publicStances: z.array(publicStanceSchema).describe("The author's (and its officials' and delegations') other stances on the position, oldest first"),
      }),
    ),
    counts: z.record(z.enum(AUTHOR_VERDICTS), z.number().int()),
  }),
);
export type DocumentVsAuthor = z.infer<typeof authorComparisonSchema>;

export const documentRoutes = {
  compareDocuments: route({
    method: 'get',
    path: '/api/documents/compare',
    tag: 'analysis',
    summary: 'Compare documents point by point',
    description:
      "Aligns the points of two to five documents by position into rows: common ground, gaps, contradictions and differences (stance, condition or order), each with every side's evidence.",
    query: z.object({
      ids: documentIds.meta({ examples: ['document:russia-memorandum-2025-06-02,document:ukraine-memorandum-2025-06-02'] }),
      ...gradeFilterShape,
    }),
    errors: {
      400: 'Fewer than two or more than five documents, a document named twice, or another invalid input; details name the field',
      404: 'A document that is not in the graph',
    },
    response: { description: 'The comparison', schema: documentComparisonSchema },
  }),
  documentVsAuthor: route({
    method: 'get',
    path: '/api/documents/:id/vs-author',
    tag: 'analysis',
    summary: "A document against its author's public stances",
    description:
      "Each point of the document next to its author's other stances on the same position over time (its officials and delegations count as it): does the document match what the party says in public?",
    params: z.object({ id: documentId.meta({ examples: ['document:russia-memorandum-2025-06-02'] }) }),
    query: z.object(gradeFilterShape),
    errors: {
      400: 'Invalid input; details name the offending field',
      404: 'No such document',
    },
    response: { description: 'The points and the public stances', schema: authorComparisonSchema },
  }),
};

/**
 * A numbered or bulleted point found in a pasted document (or a report of one), in order, with
 * [start, end) offsets into the draft's text; the workbench turns the kept ones into `points`.
 */
export const candidatePointSchema = named(
  'CandidatePoint',
  z.object({
    order: z.number().int().min(1).describe('1 for the first point found'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    text: z.string().describe('Exactly text.slice(start, end): the point without its number or bullet'),
    marker: z.string().describe('The number or bullet as written ("3.", "(b)", "-")'),
    topic: z.enum(POINT_TOPICS).nullable().describe('The topic its words suggest, or null'),
    type: z.enum(STANCE_TYPE_NAMES).describe('The stance its words suggest (proposed unless they demand or refuse)'),
    condition: z.string().nullable().describe('Sequencing or terms found in it ("within 30 days", "after the withdrawal")'),
    position: z.object({ id: z.string(), name: z.string() }).describe('A position proposed for it, named from its first words'),
  }),
);
export type CandidatePoint = z.infer<typeof candidatePointSchema>;
