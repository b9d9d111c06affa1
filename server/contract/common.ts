/**
 * The pieces every feature's contract is made of: ids, dates, lists, the grade filter, and the
 * shapes of nodes, stances and their evidence that several answers share. Named schemas are
 * registered in `apiSchemas` (answers) or `requestSchemas` (request bodies) and become the
 * OpenAPI document's `components.schemas`.
 */
import { z } from 'zod';
import { STANCE_FAMILIES, STANCE_TYPE_NAMES } from './model.ts';

export const apiSchemas = z.registry<{ id: string }>();
export function named<T extends z.ZodType>(id: string, schema: T): T {
  apiSchemas.add(schema, { id });
  return schema;
}

/** Request bodies described by name, as the client sends them (before defaults apply). */
export const requestSchemas = z.registry<{ id: string }>();
export function namedRequest<T extends z.ZodType>(id: string, schema: T): T {
  requestSchemas.add(schema, { id });
  return schema;
}

// ---------------------------------------------------------------- request pieces

/** Largest article accepted, in UTF-8 bytes of the submitted text; a source keeps its text within the same bound. */
export const MAX_ARTICLE_BYTES = 200_000;

export const isoDate = z.iso.date().describe('A date as YYYY-MM-DD');
export const entityId = z
  .string()
  .min(3)
  .max(200)
  .regex(/^[a-z]+:[^\s]+$/, 'must be an id like party:russia')
  .describe('A node id such as party:russia or position:unconditional-ceasefire');

/** `a,b,c` or a repeated parameter, as a list. An empty value is not an absent one: it names no item and is refused. */
export function csvList<T extends z.ZodType>(item: T): z.ZodType<z.output<T>[] | undefined, readonly z.input<T>[] | string | undefined> {
  return z.preprocess((value) => {
    if (value === undefined) return undefined;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
    return parts.map((p) => p.trim()).filter(Boolean);
  }, z.array(item).min(1).optional()) as z.ZodType<z.output<T>[] | undefined, readonly z.input<T>[] | string | undefined>;
}

export const limitParam = (max: number) => z.coerce.number().int().min(1).max(max);

// ---------------------------------------------------------------- source grading (NATO Admiralty code)

/** Source reliability, best first: A completely reliable … E unreliable, F cannot be judged. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY_GRADES)[number];
/** Information credibility, best first: 1 confirmed … 5 improbable, 6 cannot be judged. */
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;

/** A grade as sent: "B2" (any case) or {reliability: "B", credibility: 2}; always read as "B2". */
export const gradeSchema = z
  .union([
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-F][1-6]$/, 'must be an Admiralty grade like B2: source reliability A–F, then information credibility 1–6'),
    z.strictObject({
      reliability: z.enum(RELIABILITY_GRADES).describe('A completely reliable, B usually, C fairly, D not usually, E unreliable, F cannot be judged'),
      credibility: z.number().int().min(1).max(6).describe('1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged'),
    }),
  ])
  .transform((grade) => (typeof grade === 'string' ? grade : `${grade.reliability}${grade.credibility}`))
  .describe('Admiralty grade: "B2", or {reliability: "B", credibility: 2}');

const partyIdParam = z
  .string()
  .max(200)
  .regex(/^party:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a party id like party:russia')
  .meta({ examples: ['party:russia'] });

/**
 * Which sources count. A stance counts only through evidence from an admissible source; a stance
 * with none disappears and evidence lists show only admissible evidence.
 */
export const gradeFilterShape = {
  minReliability: z
    .enum(RELIABILITY_GRADES)
    .optional()
    .describe('Only evidence from sources at least this reliable (A best, F cannot be judged). An ungraded source counts as F, so any value but F leaves ungraded sources out'),
  minCredibility: z.coerce
    .number()
    .int()
    .min(1)
    .max(6)
    .optional()
    .describe('Only evidence from sources whose information is at least this credible (1 best, 6 cannot be judged). An ungraded source counts as 6, so any value but 6 leaves ungraded sources out'),
  excludeAffiliatedWith: partyIdParam
    .optional()
    .describe('Leave out evidence from sources whose publisher is affiliated with this party (or with a body that is part of it), e.g. its state media'),
};
export const gradeFilterSchema = z.object(gradeFilterShape);
export type GradeFilter = z.infer<typeof gradeFilterSchema>;

/** A negotiation's id (docs/model.md, "Negotiations"). */
export const negotiationId = z
  .string()
  .max(200)
  .regex(/^negotiation:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a negotiation id like negotiation:istanbul-talks')
  .describe('A negotiation id such as negotiation:istanbul-talks');

/** The scope of a read: one negotiation's stances only (absent: every negotiation, as before). */
export const negotiationScopeShape = {
  negotiation: negotiationId
    .optional()
    .describe('Only the stances (and what they involve) of this negotiation (GET /api/negotiations); absent: all negotiations. An unknown one is a 404'),
};

/** An id in the path; the example, a node of the seed, lets API fuzzers reach past the 404. */
const idPath = (example: string) => z.object({ id: entityId.meta({ examples: [example] }) });
export const nodeIdPathSchema = idPath('party:russia');
export const positionIdPathSchema = idPath('position:unconditional-ceasefire');
const asOfQuerySchema = z.object({ asOf: isoDate.optional().describe('Only stances and events dated on or before this day') });
/** The analyst views (trace, actor stances, matrix): a day, and which sources count. */
export const gradedAsOfQuerySchema = asOfQuerySchema.extend(gradeFilterShape);

// ---------------------------------------------------------------- answers

const attributes = z.record(z.string(), z.unknown());

export const graphNodeSchema = named(
  'GraphNode',
  z.object({
    id: z.string(),
    key: z.string().describe('Same as id, for graphology import'),
    label: z.string(),
    type: z.string().describe('Node label: Party, Official, Delegation, Position, Event, Document, Place, Source'),
    attributes: attributes.describe("The node's properties; dates as YYYY-MM-DD"),
  }),
);
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const evidenceItemSchema = named(
  'EvidenceItem',
  z.object({
    quote: z.string().nullable(),
    summary: z.string().nullable(),
    reporting: z.string().nullable(),
    via: z.string().nullable(),
    source: z.string().nullable().describe('Source id'),
    sourceTitle: z.string().nullable(),
    sourceGrade: z.string().nullable().describe('Admiralty grade of the source ("B2"), null when ungraded'),
    sourcePublisher: z.string().nullable().describe("Name of the source's publisher"),
  }),
);
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

/** How well a stance is attested: by how many sources and publishers, first- or second-hand. */
export const corroborationSchema = named(
  'Corroboration',
  z.object({
    sources: z.number().int().describe('Distinct sources whose evidence supports the stance'),
    publishers: z.number().int().describe('Distinct publishers among those sources (a source without a publisher counts as its own)'),
    firstHand: z.number().int().describe('Sources that quote the actor directly (at least one first-hand piece of evidence)'),
    secondHand: z.number().int().describe('Sources that only report it second-hand'),
  }),
);
export type Corroboration = z.infer<typeof corroborationSchema>;

/** One end of a reversal: a stance of the actor on the target at one moment. */
export const stanceStepSchema = named(
  'StanceStep',
  z.object({
    stanceId: z.string(),
    type: z.enum(STANCE_TYPE_NAMES),
    family: z.enum(STANCE_FAMILIES),
    date: z.string(),
    datePrecision: z.string(),
  }),
);
export type StanceStep = z.infer<typeof stanceStepSchema>;

/** A collapsed stance's attributes on its actor → target edge; linked nodes are given by id. */
export const stanceEdgeAttributesSchema = named(
  'StanceEdgeAttributes',
  z.object({
    stanceId: z.string(),
    stanceType: z.enum(STANCE_TYPE_NAMES),
    family: z.enum(STANCE_FAMILIES),
    date: z.string().nullable(),
    datePrecision: z.string(),
    condition: z.string().nullable(),
    conditionPosition: z.string().nullable().describe('Id of the position the condition refers to'),
    confidence: z.number().nullable(),
    event: z.string().nullable().describe('Id of the event where the stance was taken'),
    voicedBy: z.string().nullable().describe('Id of the official who voiced it'),
    evidenceCount: z.number().int(),
    evidence: z.array(evidenceItemSchema),
    corroboration: corroborationSchema.optional(),
  }),
);
export type StanceEdgeAttributes = z.infer<typeof stanceEdgeAttributesSchema>;

export const graphEdgeSchema = named(
  'GraphEdge',
  z.object({
    id: z.string(),
    key: z.string().describe('Same as id, for graphology import'),
    source: z.string(),
    target: z.string(),
    type: z.string().describe('Stance type (proposed, rejected, …) for a collapsed stance; otherwise the relationship type'),
    attributes: z
      .union([stanceEdgeAttributesSchema, attributes])
      .describe('For a stance edge: StanceEdgeAttributes. For other edges: the relationship properties.'),
  }),
);
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const nodeRef = named('NodeRef', z.object({ id: z.string(), label: z.string(), type: z.string() }));

/** Who publishes a source: an entity with a country and, where the analyst says so, a party it is affiliated with. */
export const publisherSchema = named(
  'Publisher',
  z.object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    country: z.string().nullable(),
    affiliation: nodeRef.nullable().describe('The party the publisher is affiliated with (e.g. state media), or null'),
  }),
);

export const stanceSchema = named(
  'Stance',
  z.object({
    id: z.string(),
    type: z.enum(STANCE_TYPE_NAMES),
    family: z.enum(STANCE_FAMILIES),
    actor: nodeRef,
    party: nodeRef.nullable().describe('The party the actor rolls up to (itself for a party)'),
    target: nodeRef,
    date: z.string(),
    datePrecision: z.string(),
    condition: z.string().nullable(),
    conditionPosition: nodeRef.nullable(),
    confidence: z.number().nullable(),
    event: nodeRef.nullable().describe('Where the stance was taken'),
    voicedBy: nodeRef.nullable(),
    evidence: z.array(evidenceItemSchema),
    corroboration: corroborationSchema,
  }),
);
export type Stance = z.infer<typeof stanceSchema>;

/** An actor's stance on one target changing family over time (rejected, later agreed). */
export const reversalSchema = named(
  'Reversal',
  z.object({
    actor: nodeRef.describe('Whose stance changed (for a party, its officials and delegations count as it)'),
    target: nodeRef,
    from: stanceStepSchema.describe('The earlier stance'),
    to: stanceStepSchema.describe('The later stance that reversed it'),
  }),
);
export type Reversal = z.infer<typeof reversalSchema>;

export const errorResponseSchema = named(
  'Error',
  z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) }),
);

export type ErrorResponse = z.infer<typeof errorResponseSchema>;
