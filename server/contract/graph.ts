/** The graph: the streamed visual graph, one node, a neighbourhood, and search over names. */
import { z } from 'zod';
import { NODE_TYPES, STANCE_TYPE_NAMES } from './model.ts';
import { csvList, entityId, gradeFilterShape, graphEdgeSchema, graphNodeSchema, isoDate, limitParam, named, negotiationScopeShape, nodeIdPathSchema } from './common.ts';
import { route } from './route.ts';

export const graphQuerySchema = z.object({
  nodeTypes: csvList(z.enum(NODE_TYPES)).describe('Comma-separated node types to include (default: every type except Source)'),
  stanceTypes: csvList(z.enum(STANCE_TYPE_NAMES)).describe('Comma-separated stance types to draw as edges (default: all)'),
  actor: entityId.optional().describe("Only stances taken by this actor (a party's officials and delegations roll up to it)"),
  position: entityId.optional().describe('Only stances on this position (or event)'),
  asOf: isoDate.optional().describe('Only stances, events and documents dated on or before this day'),
  limit: limitParam(5_000_000).optional().describe('Maximum number of nodes (default and ceiling: the server setting, 2000)'),
  ...gradeFilterShape,
  ...negotiationScopeShape,
});
export type GraphQuery = z.infer<typeof graphQuerySchema>;

const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).describe('Free text: a name or alias, any case, with or without diacritics'),
  types: csvList(z.enum(NODE_TYPES)).describe('Comma-separated node types to search (default: all)'),
  limit: limitParam(100).default(20),
  negotiation: negotiationScopeShape.negotiation.describe('The current negotiation: nodes with stances in it are ranked first (a boost, not a filter). An unknown one is a 404'),
});

const neighborsQuerySchema = z.object({
  depth: z.coerce.number().int().min(1).max(3).default(1).describe('How many hops (a stance counts as one hop)'),
  limit: limitParam(5000).default(200).describe('Maximum number of nodes besides the start node'),
});

export const graphResponseSchema = named(
  'GraphResponse',
  z.object({ nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema), truncated: z.boolean() }),
);


const searchResponseSchema = named(
  'SearchResponse',
  z.object({
    q: z.string(),
    results: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        type: z.string(),
        aliases: z.array(z.string()),
        matched: z.string().nullable().describe('The alias the text matched, when it did not match the name'),
        score: z.number(),
        inNegotiation: z.boolean().optional().describe('With negotiation=: whether the node has stances in it (those come first)'),
      }),
    ),
  }),
);

const nodeResponseSchema = named(
  'NodeResponse',
  z.object({
    node: graphNodeSchema,
    degree: z.object({ stances: z.number().int(), relationships: z.number().int() }).describe('Stances taken or received, and other relationships'),
  }),
);

const neighborsResponseSchema = named(
  'NeighborsResponse',
  z.object({ center: z.string(), depth: z.number().int(), nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema), truncated: z.boolean() }),
);

export type GraphResponse = z.infer<typeof graphResponseSchema>;
export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type SearchResult = SearchResponse['results'][number];


export const graphRoutes = {
  graph: route({
    method: 'get',
    path: '/api/graph',
    tag: 'graph',
    summary: 'The visual graph',
    description:
      'Entities as nodes, each Stance collapsed into one actor → target edge (type = stance type; attributes carry the stance, its condition and evidence). Nodes and edges carry `key` for graphology `import`. The node cap (PARLEY_GRAPH_MAX_NODES) is enforced in the query, the edge cap (PARLEY_GRAPH_MAX_EDGES) as edges stream; `truncated` tells whether either cut the answer. minReliability, minCredibility and excludeAffiliatedWith keep only stances with evidence from admissible sources, and only that evidence (an ungraded source counts as F6). The answer streams.',
    query: graphQuerySchema,
    streamed: true,
    errors: {
      400: 'Invalid input; details name the offending field',
      404: 'Unknown id',
    },
    response: { description: 'The graph', schema: graphResponseSchema },
  }),
  search: route({
    method: 'get',
    path: '/api/search',
    tag: 'graph',
    summary: 'Search names and aliases',
    description: 'Full-text search tolerant of case, diacritics (Erdogan = Erdoğan) and small typos; best matches first. With negotiation=, the nodes with stances in that negotiation come first (the others follow).',
    query: searchQuerySchema,
    errors: {
      400: 'Invalid input; details name the offending field',
      404: 'Unknown negotiation',
    },
    response: { description: 'Ranked matches', schema: searchResponseSchema },
  }),
  node: route({
    method: 'get',
    path: '/api/nodes/:id',
    tag: 'graph',
    summary: 'One node',
    params: nodeIdPathSchema,
    errors: {
      400: 'Invalid input; details name the offending field',
      404: 'Unknown id',
    },
    response: { description: 'The node', schema: nodeResponseSchema },
  }),
  neighbors: route({
    method: 'get',
    path: '/api/nodes/:id/neighbors',
    tag: 'graph',
    summary: 'The neighbourhood of a node',
    description: 'Nodes within `depth` visual hops (a collapsed stance is one hop) and the edges among them.',
    params: nodeIdPathSchema,
    query: neighborsQuerySchema,
    errors: {
      400: 'Invalid input; details name the offending field',
      404: 'Unknown id',
    },
    response: { description: 'The neighbourhood', schema: neighborsResponseSchema },
  }),
};
