/** This API's own description: the OpenAPI document and the page that renders it. */
import { z } from 'zod';
import { route } from './route.ts';

export const metaRoutes = {
  openApi: route({
    method: 'get',
    path: '/api/openapi.json',
    tag: 'meta',
    summary: 'This OpenAPI 3.1 document',
    response: { description: 'The document', schema: z.record(z.string(), z.unknown()) },
  }),
  docsPage: route({
    method: 'get',
    path: '/api/docs',
    tag: 'meta',
    summary: 'A readable page rendering this document',
    streamed: true,
    response: { description: 'HTML page', content: { 'text/html': 'The docs page' } },
  }),
};
