/** Named analyst questions and plain-English questions. Thin: parse, call, send. */
import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { askQuestion } from '../ask/ask.ts';
import { questionCatalogue, runQuestion } from './questions.ts';
import { askBodySchema, askResponseSchema } from '../../contract/ask.ts';
import { questionAnswerSchema, questionBodySchema, questionsResponseSchema } from '../../contract/api.ts';
import { type RouteDoc, errorDoc } from '../../http/openapi.ts';
import { parseInput } from '../../http/parse.ts';

const questionIdPath = z.object({ id: z.string().regex(/^[a-z0-9-]+$/).max(100).describe('Question id from the catalogue').meta({ examples: ['actor-stances'] }) });

export function questionRoutes(db: Database, config: Config): Router {
  const router = Router();
  router.get('/api/questions', (_req, res) => {
    res.json({ questions: questionCatalogue() });
  });
  router.post('/api/questions/:id', async (req, res) => {
    const { id } = parseInput(questionIdPath, req.params, 'path');
    const { params } = parseInput(questionBodySchema, req.body, 'body');
    res.json(await runQuestion(db, id, params, config.cypherConsole.maxRows));
  });
  router.post('/api/ask', async (req, res) => {
    const { question, ...grading } = parseInput(askBodySchema, req.body, 'body');
    res.json(await askQuestion(db, question, config.cypherConsole.maxRows, grading));
  });
  return router;
}

export const questionRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/questions',
    tag: 'questions',
    summary: 'The catalogue of named analyst questions',
    description: 'Built from the .cypher files in cypher/questions/: id, title, description, typed parameters and the Cypher text.',
    responses: { 200: { description: 'The catalogue', schema: questionsResponseSchema } },
  },
  {
    method: 'post',
    path: '/api/questions/:id',
    tag: 'questions',
    summary: 'Run a named question',
    description:
      'Parameters are validated against the types the question declares (id, ids, date, int, string, stanceType, stanceTypes, stanceFamily; ids may be restricted to node types). Runs read-only.',
    pathParams: questionIdPath,
    body: questionBodySchema,
    responses: {
      200: { description: 'Columns, rows and the evidence behind them', schema: questionAnswerSchema },
      400: errorDoc('Invalid parameters; details name them'),
      404: errorDoc('Unknown question or unknown id in the parameters'),
    },
  },
  {
    method: 'post',
    path: '/api/ask',
    tag: 'questions',
    summary: 'Ask in plain English',
    description:
      'Deterministic, no outside service (docs/ask.md). The question is read with wink-nlp (lemmas, negation), the graph\'s names and aliases and chrono-node dates, then answered from the graph\'s structure ("Who led the Ukrainian delegation?"), its stances ("What did Russia offer instead of a ceasefire?", "Which positions did Ukraine and Russia both accept?") or, failing those, from full-text retrieval over quotes, summaries and descriptions. Every answer cites its rows; when nothing is good enough the answer says so and lists the closest passages. minReliability, minCredibility and excludeAffiliatedWith limit the stances and quotes it answers from to those of admissible sources (an ungraded source counts as F6).',
    body: askBodySchema,
    responses: {
      200: { description: 'The answer, its citations, the interpretation and a confidence; status not_found with the closest passages when the sources do not hold it', schema: askResponseSchema },
      400: errorDoc('Empty question, over 1,000 characters, not a string, or no words'),
      404: errorDoc('excludeAffiliatedWith names no party'),
      422: errorDoc('not_english: ask reads English questions only'),
    },
  },
];
