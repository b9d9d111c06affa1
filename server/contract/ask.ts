/** Ask's contract: the question it accepts and the cited answer it gives (registered for OpenAPI). */
import { z } from 'zod';
import { apiSchemas, corroborationSchema, gradeFilterShape, negotiationScopeShape } from './common.ts';
import { route } from './route.ts';

const MAX_QUESTION_LENGTH = 1000;

const askBodySchema = z.object({
  question: z
    .string()
    .trim()
    .min(1, 'The question is empty')
    .max(MAX_QUESTION_LENGTH, `The question is longer than ${MAX_QUESTION_LENGTH} characters`)
    .regex(/\p{L}/u, 'The question has no words')
    .meta({ examples: ['Who rejected the ceasefire?'] }),
  ...gradeFilterShape,
  ...negotiationScopeShape,
});

const citationSchema = z.object({
  statement: z.string().describe('What this row says, in one line'),
  stanceId: z.string().nullable(),
  entityIds: z.array(z.string()).describe('The entities the row is about'),
  date: z.string().nullable(),
  quote: z.string().nullable().describe('Verbatim words from the source, or null; never a summary'),
  summary: z.string().nullable().describe('Our own short wording (a summary, not a quote), or null'),
  via: z.string().nullable().describe('Whom the source reports it through'),
  sourceId: z.string().nullable(),
  sourceTitle: z.string().nullable(),
  sourceDate: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  corroboration: corroborationSchema.nullable().optional().describe("For a row about a stance: how many sources and publishers report it"),
  sourceGrade: z.string().nullable().describe('Admiralty grade of the source, null when ungraded'),
  sourcePublisher: z.string().nullable().describe("Name of the source's publisher"),
});
apiSchemas.add(citationSchema, { id: 'AskCitation' });
export type AskCitation = z.infer<typeof citationSchema>;

const interpretationSchema = z.object({
  path: z.enum(['structure', 'stances', 'evidence', 'compare', 'none']).describe('Which way the answer was found (compare: from the point-by-point comparison of documents)'),
  reading: z.string().describe('The question as ask understood it'),
  entities: z.array(z.object({ id: z.string(), label: z.string(), type: z.string(), role: z.string(), text: z.string() })),
  stanceTypes: z.array(z.string()).nullable(),
  negated: z.boolean(),
  passive: z.boolean(),
  both: z.boolean(),
  only: z.boolean(),
  compare: z.boolean(),
  contested: z.boolean(),
  timeline: z.boolean(),
  condition: z.boolean(),
  after: z.string().nullable(),
  before: z.string().nullable(),
  order: z.enum(['latest', 'earliest']).nullable(),
  unexplained: z.array(z.string()).describe('Words of the question the answer does not account for'),
  negotiation: z
    .object({ id: z.string(), name: z.string(), text: z.string().nullable().describe('The words of the question that named it ("the Istanbul talks"); null when only the parameter did') })
    .optional()
    .describe('The negotiation the answer is scoped to (the `negotiation` field, or a scope phrase such as "in the Istanbul talks"); absent: all negotiations'),
});
apiSchemas.add(interpretationSchema, { id: 'AskInterpretation' });
export type AskInterpretation = z.infer<typeof interpretationSchema>;

export const askResponseSchema = z.object({
  question: z.string(),
  status: z.enum(['answered', 'not_found']),
  answer: z.string().describe('One or two sentences; "I could not find this in the sources" when nothing is good enough'),
  confidence: z.number().min(0).max(1),
  interpretation: interpretationSchema,
  citations: z.array(citationSchema).describe('The rows behind the answer'),
  closest: z.array(citationSchema).describe('For a not-found answer: the closest passages in the sources'),
});
apiSchemas.add(askResponseSchema, { id: 'AskAnswer' });
export type AskResponse = z.infer<typeof askResponseSchema>;

export const askRoutes = {
  ask: route({
    method: 'post',
    path: '/api/ask',
    tag: 'questions',
    summary: 'Ask in plain English',
    description:
      'Deterministic, no outside service (docs/ask.md). The question is read with wink-nlp (lemmas, negation), the graph\'s names and aliases and chrono-node dates, then answered from the graph\'s structure ("Who led the Ukrainian delegation?"), its stances ("What did Russia offer instead of a ceasefire?", "Which positions did Ukraine and Russia both accept?") or, failing those, from full-text retrieval over quotes, summaries and descriptions. Every answer cites its rows; when nothing is good enough the answer says so and lists the closest passages. minReliability, minCredibility and excludeAffiliatedWith limit the stances and quotes it answers from to those of admissible sources (an ungraded source counts as F6). `negotiation`, or a scope phrase in the question ("in the Istanbul talks", "during the Istanbul process": a negotiation\'s name or alias), limits the stances, conflicts and passages to that negotiation; the interpretation reports the scope.',
    body: askBodySchema,
    rate: 'queries',
    errors: {
      400: 'Empty question, over 1,000 characters, not a string, or no words',
      404: 'excludeAffiliatedWith names no party, or negotiation names no negotiation',
      422: 'not_english: ask reads English questions only',
    },
    response: {
      description: 'The answer, its citations, the interpretation and a confidence; status not_found with the closest passages when the sources do not hold it',
      schema: askResponseSchema,
    },
  }),
};
