/**
 * The ingestion contract: one source and the claims it supports. Published as JSON Schema at
 * GET /api/sources/schema; the seed loads through it too. Cross-references (an official's party,
 * a stance's actor, …) are checked by `checkReferences` after the shape is valid, so that every
 * error names the offending field.
 */
import { z } from 'zod';
import { analystSummary } from './evidenceText.ts';
import { MAX_ARTICLE_BYTES, gradeSchema, namedRequest } from './common.ts';
import {
  DATE_PRECISIONS,
  POINT_TOPICS,
  POSITION_RELATION_NAMES,
  SOURCE_KINDS,
  STANCE_TYPE_NAMES,
} from './model.ts';

const MAX_TEXT = 2_000;
const MAX_QUOTE = 4_000;
/** The original article text kept with a source, in UTF-8 bytes: what the workbench accepts. */
export const MAX_SOURCE_TEXT_BYTES = MAX_ARTICLE_BYTES;

const slug = (prefix: string) =>
  z
    .string()
    .max(200)
    .regex(new RegExp(`^${prefix}:[a-z0-9]+(?:-[a-z0-9]+)*$`), `must look like "${prefix}:lower-case-words"`);

const anyId = z
  .string()
  .max(200)
  .regex(/^[a-z]+:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must look like "type:lower-case-words"');

const isoDate = z.iso.date();
const text = z.string().trim().min(1).max(MAX_TEXT);
const aliases = z.array(z.string().trim().min(1).max(200)).max(50).default([]);

const dated = {
  date: isoDate,
  datePrecision: z.enum(DATE_PRECISIONS).default('day'),
};

/** Background facts (not stated by the source itself) carry a note saying where they come from. */
const provenanceNote = z.string().trim().min(1).max(MAX_TEXT).optional();

const base = {
  id: anyId,
  name: z.string().trim().min(1).max(300),
  aliases,
  description: text.optional(),
  note: provenanceNote,
};

export const partySchema = z.strictObject({
  ...base,
  id: slug('party'),
  type: z.literal('Party'),
  kind: z.enum(['state', 'organisation', 'bloc', 'government-body']),
  /** A body that belongs to a larger party (a security service to its state); its stances roll up. */
  partOf: slug('party').optional(),
});

const officialSchema = z.strictObject({
  ...base,
  id: slug('official'),
  type: z.literal('Official'),
  role: text,
  title: text.optional(),
  party: slug('party'),
});

const delegationSchema = z.strictObject({
  ...base,
  id: slug('delegation'),
  type: z.literal('Delegation'),
  party: slug('party'),
  head: slug('official').optional(),
  members: z.array(slug('official')).max(200).default([]),
});

export const positionSchema = z.strictObject({
  ...base,
  id: slug('position'),
  type: z.literal('Position'),
  description: text,
  category: z.enum(['ceasefire', 'territory', 'summit', 'humanitarian', 'sanctions', 'military', 'diplomatic', 'security']),
});

const eventSchema = z.strictObject({
  ...base,
  ...dated,
  id: slug('event'),
  type: z.literal('Event'),
  kind: z.enum(['talks', 'attack', 'capture', 'visit', 'statement', 'exchange', 'troop-movement', 'election']),
  place: slug('place').optional(),
  participants: z
    .array(z.strictObject({ id: anyId, role: z.string().trim().min(1).max(100).default('participant') }))
    .max(500)
    .default([]),
  /** Positions the event produced or advanced (e.g. a prisoner swap agreed at talks). */
  outcomes: z.array(slug('position')).max(100).default([]),
  casualties: z.strictObject({ killed: z.number().int().min(0).optional() }).optional(),
});

const documentSchema = z.strictObject({
  ...base,
  ...dated,
  id: slug('document'),
  type: z.literal('Document'),
  kind: z.enum(['memorandum', 'plan', 'statement', 'agreement', 'letter', 'post']),
  author: slug('party'),
  recipient: slug('party').optional(),
  event: slug('event').optional(),
  /** Positions the document sets out. */
  setsOut: z.array(slug('position')).max(200).default([]),
});

const placeSchema = z.strictObject({
  ...base,
  id: slug('place'),
  type: z.literal('Place'),
  kind: z.enum(['country', 'region', 'city', 'village', 'venue', 'infrastructure', 'peninsula', 'waterway']),
  within: slug('place').optional(),
});

export const entitySchema = z.discriminatedUnion('type', [
  partySchema,
  officialSchema,
  delegationSchema,
  positionSchema,
  eventSchema,
  documentSchema,
  placeSchema,
]);
export type EntityInput = z.infer<typeof entitySchema>;

const evidenceSchema = z.strictObject({
  /** Verbatim words, when the source has them. */
  quote: z.string().trim().min(1).max(MAX_QUOTE).optional(),
  /** What the source says, in our own words, when there is no quote; stored without a "Summary:" label or an extractor's cue (evidenceText.ts). */
  summary: text.transform(analystSummary).pipe(z.string().min(1, 'a summary needs words besides its label')).optional(),
  reporting: z.enum(['first-hand', 'second-hand']),
  /** For second-hand reports: through whom or what the source learned it. */
  via: text.optional(),
  note: provenanceNote,
}).refine((e) => e.quote !== undefined || e.summary !== undefined, {
  message: 'evidence needs a quote or a summary',
  path: ['quote'],
});

const stanceSchema = z.strictObject({
  id: slug('stance'),
  actor: anyId,
  type: z.enum(STANCE_TYPE_NAMES),
  target: anyId,
  ...dated,
  /** The condition in words ("only after the negotiators reach an agreement"). */
  condition: text.optional(),
  /** The position the condition refers to, when the graph has one. */
  conditionPosition: slug('position').optional(),
  confidence: z.number().min(0).max(1).default(0.9),
  /** Where the stance was taken (talks round, press briefing …). */
  event: slug('event').optional(),
  /** The document that records it (e.g. a memorandum). */
  document: slug('document').optional(),
  /** The person who voiced a party's stance (e.g. its top negotiator). */
  voicedBy: slug('official').optional(),
  evidence: z.array(evidenceSchema).min(1).max(50),
});

/**
 * One point of a document (a memorandum's clause, a plan's numbered item): a stance of the
 * document's author on a position, recorded in the document with its order, topic and condition.
 * Ingestion writes it as a stance RECORDED_IN the document (docs/model.md, "A document's points").
 */
export const pointSchema = z.strictObject({
  /** The stance's id; by default derived from the document and the position, so every report of the point names one stance. */
  id: slug('stance').optional(),
  document: slug('document'),
  /** 1 for the document's first point. */
  order: z.number().int().min(1).max(10_000),
  topic: z.enum(POINT_TOPICS),
  /** The author's stance on the position in this point. */
  type: z.enum(STANCE_TYPE_NAMES),
  position: slug('position'),
  /** The document's author; may be left out when the document is declared in the same payload. */
  actor: slug('party').optional(),
  /** The day of the document; may be left out when the document is declared in the same payload. */
  date: isoDate.optional(),
  datePrecision: z.enum(DATE_PRECISIONS).optional(),
  /** Sequencing or terms in words ("within 30 days", "after the withdrawal"). */
  condition: text.optional(),
  /** Where in the document the point stands ("section II"). */
  section: z.string().trim().min(1).max(200).optional(),
  confidence: z.number().min(0).max(1).default(0.9),
  evidence: z.array(evidenceSchema).min(1).max(50),
});
export type PointInput = z.input<typeof pointSchema>;

const positionRelationSchema = z.strictObject({
  type: z.enum(POSITION_RELATION_NAMES),
  from: slug('position'),
  to: slug('position'),
  /** The stance that established the relation, if any. */
  stance: slug('stance').optional(),
  note: provenanceNote,
});

/** A publisher declared with the source; `affiliation` names a party it speaks for (e.g. state media). */
const publisherDeclarationSchema = z.strictObject({
  id: slug('publisher'),
  name: z.string().trim().min(1).max(300),
  aliases,
  country: z.string().trim().min(1).max(100).optional(),
  affiliation: slug('party').optional(),
  note: provenanceNote,
});

/**
 * A negotiation declared with the source (docs/model.md, "Negotiations"): its name and aliases, its
 * parties and mediators (actors of the graph or of this payload) and its period. Declaring it again
 * sets it again; it is not an entity, so deleting the source leaves it.
 */
export const negotiationDeclarationSchema = z
  .strictObject({
    id: slug('negotiation'),
    name: z.string().trim().min(1).max(300),
    aliases,
    parties: z.array(anyId).max(50).default([]),
    mediators: z.array(anyId).max(50).default([]),
    /** The period; a stance dated in it, by one of its parties or mediators, belongs to it unless its source says otherwise. */
    start: isoDate.optional(),
    end: isoDate.optional(),
    description: text.optional(),
  })
  .refine((n) => n.start === undefined || n.end === undefined || n.start <= n.end, { message: 'start must be on or before end', path: ['end'] });
export type NegotiationDeclaration = z.infer<typeof negotiationDeclarationSchema>;

/** A payload's `negotiation`: an existing one's id, or one declared with the source. */
export const payloadNegotiationSchema = z.union([slug('negotiation'), negotiationDeclarationSchema]);

const sourceSchema = z.strictObject({
  id: slug('source'),
  title: z.string().trim().min(1).max(500),
  kind: z.enum(SOURCE_KINDS),
  /** Required, except for background notes, which may be undated (no day of their own). */
  publishedAt: isoDate.optional(),
  dateline: z.string().trim().min(1).max(200).optional(),
  /** Free text; without `publishedBy` it names a Publisher entity derived from it (no affiliation). */
  publisher: z.string().trim().min(1).max(200).optional(),
  /** The publisher entity: declared here, or an existing one's id. */
  publishedBy: z.union([slug('publisher'), publisherDeclarationSchema]).optional(),
  /** Admiralty grade at ingest; PATCH /api/sources/:id/grade changes it later. */
  grade: gradeSchema.optional(),
  url: z.url().optional(),
  language: z.string().min(2).max(10).default('en'),
  /** The original text the claims were drawn from (the workbench fills it); kept with the source, never in the graph. */
  text: z
    .string()
    .max(MAX_SOURCE_TEXT_BYTES)
    .refine((t) => Buffer.byteLength(t, 'utf8') <= MAX_SOURCE_TEXT_BYTES, `must be at most ${MAX_SOURCE_TEXT_BYTES} bytes of UTF-8`)
    .optional(),
}).refine((source) => source.publishedAt !== undefined || source.kind === 'background', {
  message: 'publishedAt is required (only background notes may be undated)',
  path: ['publishedAt'],
});

/** The analyst's choice to keep a spelling this source uses as another name of an existing entity. */
const aliasClaimSchema = z.strictObject({
  entity: anyId,
  alias: z.string().trim().min(1).max(200),
});

export const sourcePayloadSchema = namedRequest('SourcePayload', z.strictObject({
  source: sourceSchema,
  entities: z.array(entitySchema).max(20_000).default([]),
  stances: z.array(stanceSchema).max(50_000).default([]),
  relations: z.array(positionRelationSchema).max(20_000).default([]),
  /** A document's points, each a stance of its author recorded in it, in the document's order. */
  points: z.array(pointSchema).max(5_000).optional(),
  /** Spellings merged into existing entities' aliases while this source holds them. */
  aliases: z.array(aliasClaimSchema).max(1_000).optional(),
  /**
   * The negotiation the source reports on: an existing one's id, or one declared here. Its stances,
   * events and documents belong to it; without it they are assigned by their parties and dates.
   */
  negotiation: payloadNegotiationSchema.optional(),
}));
export type SourcePayload = z.infer<typeof sourcePayloadSchema>;
/** A payload as a client sends it, before defaults apply (what a draft holds). */
export type SourcePayloadInput = z.input<typeof sourcePayloadSchema>;
/** One stance, entity, relation and alias claim of a payload as sent. */
export type PayloadStance = NonNullable<SourcePayloadInput['stances']>[number];
export type PayloadEntity = NonNullable<SourcePayloadInput['entities']>[number];
export type PayloadRelation = NonNullable<SourcePayloadInput['relations']>[number];
export type AliasClaim = NonNullable<SourcePayloadInput['aliases']>[number];
export type PositionCategory = z.infer<typeof positionSchema>['category'];
export type PartyKind = z.infer<typeof partySchema>['kind'];
