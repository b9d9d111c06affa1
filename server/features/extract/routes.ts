/** Article extraction: thin, parse → extract → send. Nothing is written. */
import { Router } from 'express';
import type { Database } from '../../db/database.ts';
import { MAX_ARTICLE_BYTES, extractDraftSchema, extractRequestSchema } from '../../contract/extract.ts';
import { extractFromArticle } from './extract.ts';
import { type RouteDoc, errorDoc } from '../../http/openapi.ts';
import { parseInput } from '../../http/parse.ts';

export function extractRoutes(db: Database): Router {
  const router = Router();
  router.post('/api/extract', async (req, res) => {
    const request = parseInput(extractRequestSchema, req.body, 'body');
    res.json(await extractFromArticle(db, request));
  });
  return router;
}

export const extractRouteDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/extract',
    tag: 'sources',
    summary: 'Extract a draft source payload from a news article',
    description: `Reads plain text, Markdown or an HTML page (its main content found by Readability), finds quotes and their speakers, stance verbs with their actors and targets, conditions and dates, and answers a draft: a payload that POST /api/sources accepts unchanged, with [start, end) offsets into \`text\`, the cue and a confidence for every item. Actors and targets resolve against the graph's names and aliases; what the graph lacks is proposed in the payload's entities. Nothing is written. At most ${MAX_ARTICLE_BYTES} bytes of UTF-8.`,
    body: extractRequestSchema,
    responses: {
      200: { description: 'The draft', schema: extractDraftSchema },
      400: errorDoc('invalid_request: a field is missing or wrong (empty text, missing or impossible publishedAt, …)'),
      413: errorDoc(`text_too_large: the article is longer than ${MAX_ARTICLE_BYTES} bytes`),
      422: errorDoc('not_text: binary content; no_sentences: nothing to read; not_english: the text is not English'),
    },
  },
];
