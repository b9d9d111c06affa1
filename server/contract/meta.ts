/** This API's own description: the OpenAPI document and the page that renders it. */
import { z } from 'zod';
import { route } from './route.ts';

export const appMetaSchema = z.object({
  writes: z
    .object({
      enabled: z.boolean().describe('false while no write token is set (PARLEY_WRITE_TOKEN or PARLEY_WRITE_TOKENS): every write is refused'),
    })
    .describe('Whether this server takes writes at all; the UI asks for a token only when it does'),
});
export type AppMeta = z.infer<typeof appMetaSchema>;

export const metaRoutes = {
  meta: route({
    method: 'get',
    path: '/api/meta',
    tag: 'meta',
    summary: 'What this server allows',
    description: 'Whether writes are enabled, so a client knows before it asks anyone for a write token. Never says which tokens exist.',
    response: { description: 'The server settings a client needs', schema: appMetaSchema },
  }),
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
