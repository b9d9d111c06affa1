/** The console's calls: run a query, read the live schema, read the named questions as templates. */
import type { z } from 'zod';
import type { ConsoleSchema, cypherResponseSchema, questionsResponseSchema } from '../../../server/domain/schemas.ts';
import { request } from '../api/client.ts';

export type ConsoleAnswer = z.infer<typeof cypherResponseSchema>;
export type Template = z.infer<typeof questionsResponseSchema>['questions'][number];

export const consoleApi = {
  run: (query: string, params: Record<string, unknown>) => request('/api/cypher', { method: 'POST', json: { query, params } }) as Promise<ConsoleAnswer>,
  schema: () => request('/api/cypher/schema') as Promise<ConsoleSchema>,
  templates: async () => ((await request('/api/questions')) as z.infer<typeof questionsResponseSchema>).questions,
};
