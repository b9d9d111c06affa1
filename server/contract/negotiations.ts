/** Negotiations: the tracks a workspace follows, each with its parties, period and members (docs/model.md, "Negotiations"). */
import { z } from 'zod';
import { named, negotiationId, nodeRef } from './common.ts';
import { route } from './route.ts';

/** Stances, events and documents are members of negotiations; positions, sources and actors are counted through their stances. */
export const negotiationSchema = named(
  'Negotiation',
  z.object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    description: z.string().nullable(),
    start: z.string().nullable().describe('First day of its period (YYYY-MM-DD), null when open'),
    end: z.string().nullable().describe('Last day of its period, null when open or ongoing'),
    parties: z.array(nodeRef),
    mediators: z.array(nodeRef),
    counts: z
      .object({
        stances: z.number().int(),
        events: z.number().int(),
        documents: z.number().int(),
        positions: z.number().int().describe('Positions its stances are on (a position may be in several negotiations)'),
        sources: z.number().int().describe('Sources whose evidence supports its stances'),
      })
      .describe('What belongs to it'),
  }),
);
export type NegotiationAnswer = z.infer<typeof negotiationSchema>;

export const negotiationListSchema = z.object({ negotiations: z.array(negotiationSchema).describe('By name; "Unassigned" (what no negotiation matched) last') });

export const negotiationRoutes = {
  negotiations: route({
    method: 'get',
    path: '/api/negotiations',
    tag: 'negotiations',
    summary: 'The negotiations of the workspace, with what belongs to each',
    description:
      'Every negotiation with its aliases, parties, mediators, period and counts of its stances, events, documents, positions and sources. Its id scopes the read endpoints (`negotiation=`). Stances that no negotiation matched are in "Unassigned".',
    response: { description: 'The negotiations', schema: negotiationListSchema },
  }),
  negotiation: route({
    method: 'get',
    path: '/api/negotiations/:id',
    tag: 'negotiations',
    summary: 'One negotiation',
    params: z.object({ id: negotiationId.meta({ examples: ['negotiation:istanbul-talks'] }) }),
    errors: {
      400: 'Not a negotiation id',
      404: 'No such negotiation',
    },
    response: { description: 'The negotiation', schema: negotiationSchema },
  }),
};
