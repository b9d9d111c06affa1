/** Named analyst questions: the catalogue built from cypher/questions/, and running one. */
import { z } from 'zod';
import { named, negotiationScopeShape } from './common.ts';
import { route } from './route.ts';

const questionBodySchema = z.object({ params: z.record(z.string(), z.unknown()).default({}), ...negotiationScopeShape });

export const questionParamSchema = named(
  'QuestionParam',
  z.object({ name: z.string(), type: z.string(), required: z.boolean(), description: z.string() }),
);
export const questionSchema = named(
  'Question',
  z.object({ id: z.string(), title: z.string(), description: z.string(), params: z.array(questionParamSchema), cypher: z.string() }),
);
const questionsResponseSchema = named('QuestionCatalogue', z.object({ questions: z.array(questionSchema) }));

export const askEvidenceSchema = named(
  'AskEvidence',
  z.object({
    quote: z.string().nullable().describe('Verbatim words from the source, or null'),
    summary: z.string().nullable().describe('Our own wording where the source gives no quote; never words someone said'),
    source: z.string().nullable(),
    date: z.string().nullable(),
  }),
);
export type AskEvidence = z.infer<typeof askEvidenceSchema>;

export const questionAnswerSchema = named(
  'QuestionAnswer',
  z.object({ columns: z.array(z.string()), rows: z.array(z.record(z.string(), z.unknown())), evidence: z.array(askEvidenceSchema) }),
);


export type QuestionParam = z.infer<typeof questionParamSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionAnswer = z.infer<typeof questionAnswerSchema>;

const questionIdPath = z.object({ id: z.string().regex(/^[a-z0-9-]+$/).max(100).describe('Question id from the catalogue').meta({ examples: ['actor-stances'] }) });

export const questionRoutes = {
  questions: route({
    method: 'get',
    path: '/api/questions',
    tag: 'questions',
    summary: 'The catalogue of named analyst questions',
    description: 'Built from the .cypher files in cypher/questions/: id, title, description, typed parameters and the Cypher text.',
    response: { description: 'The catalogue', schema: questionsResponseSchema },
  }),
  runQuestion: route({
    method: 'post',
    path: '/api/questions/:id',
    tag: 'questions',
    summary: 'Run a named question',
    description:
      'Parameters are validated against the types the question declares (id, ids, date, int, string, stanceType, stanceTypes, stanceFamily; ids may be restricted to node types). Runs read-only. `negotiation` (beside `params`) keeps only that negotiation\'s stances, events and documents; the structural shortest-path question is not scoped.',
    params: questionIdPath,
    body: questionBodySchema,
    rate: 'queries',
    errors: {
      400: 'Invalid parameters; details name them',
      404: 'Unknown question, unknown id in the parameters, or unknown negotiation',
    },
    response: { description: 'Columns, rows and the evidence behind them', schema: questionAnswerSchema },
  }),
};
