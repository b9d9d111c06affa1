/**
 * The contract of POST /api/extract: what an article request looks like and the draft it
 * answers. The draft's `payload` is a source payload that POST /api/sources accepts unchanged;
 * `provenance` says, for every item, where in `text` it came from, by which cue, how surely.
 */
import { z } from 'zod';
import { candidatePointSchema } from './documents.ts';
import { DATE_PRECISIONS, SOURCE_KINDS, STANCE_TYPE_NAMES } from './model.ts';
import { MAX_ARTICLE_BYTES, apiSchemas } from './common.ts';
import { route } from './route.ts';
import { payloadNegotiationSchema, sourcePayloadSchema } from './sourcePayload.ts';

export const ARTICLE_FORMATS = ['text', 'markdown', 'html'] as const;

export const extractRequestSchema = z.strictObject({
  text: z.string().describe(`The article: plain text, Markdown or an HTML page (at most ${MAX_ARTICLE_BYTES} bytes of UTF-8)`),
  title: z.string().trim().min(1).max(500),
  publishedAt: z.iso.date().describe('Publication day, YYYY-MM-DD; relative dates ("on Tuesday") resolve against it'),
  publisher: z.string().trim().min(1).max(200).optional(),
  url: z.url().optional(),
  kind: z.enum(SOURCE_KINDS).optional().describe('Source kind (default news-article)'),
  format: z.enum(ARTICLE_FORMATS).optional().describe('How to read text; guessed from its content when absent'),
});
export type ExtractRequest = z.infer<typeof extractRequestSchema>;

const span = { start: z.number().int().min(0), end: z.number().int().min(0) };
const found = { ...span, cue: z.string().describe('The words or rule that produced the item'), confidence: z.number().min(0).max(1) };

const mentionSchema = z.object({
  ...found,
  text: z.string(),
  entity: z.string().describe('Id of the entity the words name'),
  type: z.string(),
  proposed: z.boolean().describe('true when the entity is new to the graph and declared in the payload'),
});

const quoteSchema = z.object({
  ...found,
  text: z.string().describe('Exactly text.slice(start, end), without the quotation marks'),
  speaker: z.string().nullable().describe('Id of the speaker, when attributed'),
  reporting: z.enum(['first-hand', 'second-hand']),
  via: z.string().optional(),
});

const stanceProvenanceSchema = z.object({
  ...found,
  stance: z.string().describe('Id of the stance in payload.stances'),
  type: z.enum(STANCE_TYPE_NAMES),
  sentence: z.object(span).describe('The sentence it was read from'),
  quote: z.object(span).optional().describe('The quote used as evidence'),
});

const relationProvenanceSchema = z.object({ ...found, index: z.number().int().min(0).describe('Index in payload.relations') });

const dateSchema = z.object({ ...span, text: z.string(), date: z.iso.date(), precision: z.enum(DATE_PRECISIONS) });

/** A candidate stance the graph already holds: ingesting the draft adds its evidence to that stance. */
const stanceMatchSchema = z.object({
  stance: z.string().describe('Id of the stance in payload.stances'),
  existing: z.string().describe('Id of the stance already in the graph'),
  sources: z.number().int().describe('How many sources already report it'),
});

/** A name in the article spelled close to an entity the graph holds: keep it as that entity's alias? */
const aliasOfferSchema = z.object({
  text: z.string().describe('The spelling found in the article'),
  entity: z.string().describe('Id of the existing entity'),
  name: z.string().describe("The existing entity's name"),
  similarity: z.number().min(0).max(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

/** The negotiation the workbench proposes for a draft (server/features/extract/negotiation.ts). */
const negotiationProposalSchema = z.object({
  negotiation: payloadNegotiationSchema.describe("What to send as the payload's `negotiation`: an existing negotiation's id, or the declaration of a new one"),
  name: z.string().describe("The proposed negotiation's name"),
  new: z.boolean().describe("true when no negotiation matches the draft's parties, places and dates: `negotiation` then declares one from its parties and period"),
  reason: z.string().describe('Why it is proposed, in words an analyst reads'),
});

export const extractDraftSchema = z.object({
  payload: sourcePayloadSchema.describe('A source payload (see SourcePayload) that POST /api/sources accepts unchanged'),
  text: z.string().describe('The text every offset refers to: the submitted text, or the main content of an HTML page'),
  format: z.enum(ARTICLE_FORMATS),
  provenance: z.object({
    mentions: z.array(mentionSchema),
    quotes: z.array(quoteSchema),
    stances: z.array(stanceProvenanceSchema),
    relations: z.array(relationProvenanceSchema),
    dates: z.array(dateSchema),
  }),
  points: z.array(candidatePointSchema).optional().describe("When the text is a document or a report of one: its numbered or bulleted points, in order (server/features/extract/points.ts)"),
  negotiation: negotiationProposalSchema
    .nullable()
    .optional()
    .describe("The negotiation proposed for the source, by the assignment rule over the draft's parties and dates (places break ties), else a new one named from its parties; null when the draft has no stance of a party; absent when the draft was made without a graph (the CLI)"),
  matches: z.array(stanceMatchSchema).describe('Candidate stances already in the graph ("already in the graph, reported by N sources")'),
  aliasOffers: z
    .array(aliasOfferSchema)
    .describe('New spellings of existing entities; to keep one, add {entity, alias} to payload.aliases before ingesting'),
  summary: z.object({
    sentences: z.number().int(),
    mentions: z.number().int(),
    quotes: z.number().int(),
    stances: z.number().int(),
    proposedEntities: z.number().int(),
    relations: z.number().int(),
  }),
});
apiSchemas.add(extractDraftSchema, { id: 'ExtractDraft' });
/** A draft as the server sends it: its payload as a client would send it back (defaults not applied). */
export type ExtractDraft = z.input<typeof extractDraftSchema>;
export type MentionProvenance = z.infer<typeof mentionSchema>;
export type QuoteProvenance = z.infer<typeof quoteSchema>;
export type StanceProvenance = z.infer<typeof stanceProvenanceSchema>;
export type RelationProvenance = z.infer<typeof relationProvenanceSchema>;
export type StanceMatch = z.infer<typeof stanceMatchSchema>;
export type AliasOffer = z.infer<typeof aliasOfferSchema>;
export type NegotiationProposal = z.infer<typeof negotiationProposalSchema>;

export const extractRoutes = {
  extract: route({
    method: 'post',
    path: '/api/extract',
    tag: 'sources',
    summary: 'Extract a draft source payload from a news article',
    description: `Reads plain text, Markdown or an HTML page (its main content found by Readability), finds quotes and their speakers, stance verbs with their actors and targets, conditions and dates, and answers a draft: a payload that POST /api/sources accepts unchanged, with [start, end) offsets into \`text\`, the cue and a confidence for every item. Actors and targets resolve against the graph's names and aliases; what the graph lacks is proposed in the payload's entities. Nothing is written. At most ${MAX_ARTICLE_BYTES} bytes of UTF-8.`,
    body: extractRequestSchema,
    rate: 'queries',
    errors: {
      400: 'invalid_request: a field is missing or wrong (empty text, missing or impossible publishedAt, …)',
      413: `text_too_large: the article is longer than ${MAX_ARTICLE_BYTES} bytes`,
      422: 'not_text: binary content; no_sentences: nothing to read; not_english: the text is not English',
    },
    response: { description: 'The draft', schema: extractDraftSchema },
  }),
};
