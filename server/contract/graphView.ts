/** The graph view: the explorer's first screen, laid out on the server, its clusters and the stances behind an edge. */
import { z } from 'zod';
import { STANCE_FAMILIES, STANCE_TYPE_NAMES } from './model.ts';
import { csvList, entityId, gradeFilterShape, isoDate, named, negotiationScopeShape, nodeRef, stanceSchema } from './common.ts';
import { route } from './route.ts';

/** Node kinds the graph view leaves out unless asked: they are context, not the negotiation. */
export const GRAPH_VIEW_EXTRAS = ['places', 'documents', 'events'] as const;

export const graphViewQuerySchema = z.object({
  include: csvList(z.enum(GRAPH_VIEW_EXTRAS)).describe(
    'Comma-separated extra node kinds: places, documents, events (events that are the target of a stance are always in)',
  ),
  stanceTypes: csvList(z.enum(STANCE_TYPE_NAMES)).describe('Comma-separated stance types counted on the edges (default: all)'),
  asOf: isoDate.optional().describe('Only stances, events and documents dated on or before this day'),
  ...gradeFilterShape,
  ...negotiationScopeShape,
});
export type GraphViewQuery = z.infer<typeof graphViewQuerySchema>;

/** A cluster of the stored layout, named `cluster:<number>`. */
const clusterIdPathSchema = z.object({
  id: z
    .string()
    .regex(/^cluster:\d{1,9}$/, 'must be a cluster id like cluster:3')
    .meta({ examples: ['cluster:0'] })
    .describe('A cluster id from a clustered graph view'),
});

const edgeStancesPathSchema = z.object({
  actor: entityId.meta({ examples: ['official:dmitry-peskov'] }),
  target: entityId.meta({ examples: ['position:unconditional-ceasefire'] }),
});


/**
 * The graph view in columns: one array per attribute, element i of each array describing node
 * (or edge) i, so a large answer costs a few bytes per element rather than a repeated object.
 */
const graphViewNodesSchema = z.object({
  id: z.array(z.string()).describe('Node id (entity id, or cluster:<n> for a cluster)'),
  label: z.array(z.string()),
  type: z.array(z.string()).describe('Party, Official, Delegation, Position, Event, Document, Place, or Cluster'),
  size: z.array(z.number().int()).describe('1 for an entity; the member count for a cluster'),
  cluster: z.array(z.number().int().nullable()).describe('The Louvain community of the stored layout (null until computed)'),
  x: z.array(z.number().nullable()).describe('Stored layout position (null for a node added since the layout was computed)'),
  y: z.array(z.number().nullable()),
  date: z.array(z.string().nullable()).describe("An event's or document's date (ISO), null for undated nodes and clusters"),
});

const graphViewEdgesSchema = z.object({
  source: z.array(z.number().int()).describe('Index of the source node in `nodes`'),
  target: z.array(z.number().int()).describe('Index of the target node in `nodes`'),
  relation: z
    .array(z.string())
    .describe('STANCES for an aggregated actor → target edge (or cluster → cluster); otherwise the structural relationship type'),
  stanceCount: z.array(z.number().int()).describe('How many stances the edge stands for (0 for a structural edge)'),
  latestType: z.array(z.enum(STANCE_TYPE_NAMES).nullable()).describe("The latest stance's type"),
  latestFamily: z.array(z.enum(STANCE_FAMILIES).nullable()).describe("The latest stance's family"),
  latestDate: z.array(z.string().nullable()).describe("The latest stance's date, YYYY-MM-DD"),
});

export const graphViewResponseSchema = named(
  'GraphView',
  z.object({
    mode: z.enum(['entities', 'clusters']).describe('clusters: the graph is over the node budget and each node is a community'),
    nodes: graphViewNodesSchema,
    edges: graphViewEdgesSchema,
    layout: z.object({
      computedAt: z.string().nullable().describe('When the stored layout was computed (null: not yet)'),
      stale: z.boolean().describe('The graph changed since; a new layout is being computed in the background'),
    }),
    totals: z.object({ nodes: z.number().int(), edges: z.number().int() }).describe('Nodes and aggregated edges of the whole view before any budget'),
    truncated: z.boolean().describe('A node, edge or byte bound cut this answer short'),
  }),
);
export type GraphView = z.infer<typeof graphViewResponseSchema>;

export const edgeStancesResponseSchema = named(
  'EdgeStances',
  z.object({
    actor: nodeRef,
    target: nodeRef,
    stances: z.array(stanceSchema).describe('Every stance of the actor on the target, oldest first, each with its evidence'),
  }),
);
export type EdgeStances = z.infer<typeof edgeStancesResponseSchema>;


export const graphViewRoutes = {
  graphView: route({
    method: 'get',
    path: '/api/graph/view',
    tag: 'graph',
    summary: "The explorer's first screen: actors, positions and one edge per actor → target",
    description:
      'Parties, officials, delegations, positions and the events stances target (places, documents and other events with `include`), each placed by the layout stored on the server, and one edge per actor → target with how many stances it stands for and the latest one (open them with /api/graph/edges/{actor}/{target}/stances); structural relationships (who represents whom, preconditions) as edges of their own. Columns: element i of every array describes node (or edge) i; edges name their nodes by index. Over the node budget (PARLEY_GRAPH_NODE_BUDGET) the answer is the stored Louvain communities as cluster nodes sized by their members, with the stances between them summed (expand one with /api/graph/clusters/{id}). Bounded by PARLEY_GRAPH_VIEW_MAX_EDGES and PARLEY_GRAPH_VIEW_MAX_BYTES; `truncated` says when a bound cut it. Never waits for a layout: a stale one is refreshed in the background and `layout.stale` says so.',
    query: graphViewQuerySchema,
    errors: {
      400: 'Invalid input; details name the offending field',
      404: 'negotiation names no negotiation',
    },
    response: { description: 'The graph view', schema: graphViewResponseSchema },
  }),
  cluster: route({
    method: 'get',
    path: '/api/graph/clusters/:id',
    tag: 'graph',
    summary: 'Expand one cluster of the graph view into its members',
    description: 'The members of one Louvain community of the stored layout and the edges among them, in the graph view columns (mode `entities`), placed by the stored layout.',
    params: clusterIdPathSchema,
    query: graphViewQuerySchema.pick({ include: true }),
    errors: {
      400: 'Invalid input; details name the offending field',
      404: 'No such cluster in the current layout',
    },
    response: { description: 'The cluster, as entities', schema: graphViewResponseSchema },
  }),
  edgeStances: route({
    method: 'get',
    path: '/api/graph/edges/:actor/:target/stances',
    tag: 'graph',
    summary: 'The stances behind one aggregated edge',
    description: 'Every stance the actor took on the target, oldest first: type, date, condition, the party it rolls up to, and its evidence (a verbatim quote, or a summary in `summary`, with its source).',
    params: edgeStancesPathSchema,
    errors: {
      400: 'Invalid input; details name the offending field',
      404: 'Unknown id',
    },
    response: { description: 'The stances (empty when the actor took none on the target)', schema: edgeStancesResponseSchema },
  }),
};
