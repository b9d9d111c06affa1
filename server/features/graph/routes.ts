/** The visual graph, search, nodes, traces, stances, matrix and paths. Thin: parse, call, send. */
import { Router } from 'express';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { actorStances, partyPositionMatrix, shortestPaths, tracePosition } from '../analysis/analysis.ts';
import { getNeighbors, getNode, openGraph } from './graph.ts';
import { edgeStances, expandCluster, viewGraph } from '../graphView/graphView.ts';
import type { GraphLayoutKeeper } from '../graphView/layoutKeeper.ts';
import {
  actorStancesResponseSchema,
  gradedAsOfQuerySchema,
  clusterIdPathSchema,
  edgeStancesPathSchema,
  edgeStancesResponseSchema,
  graphViewQuerySchema,
  graphViewResponseSchema,
  graphQuerySchema,
  graphResponseSchema,
  nodeIdPathSchema,
  matrixResponseSchema,
  neighborsQuerySchema,
  neighborsResponseSchema,
  nodeResponseSchema,
  pathsQuerySchema,
  pathsResponseSchema,
  positionIdPathSchema,
  searchQuerySchema,
  searchResponseSchema,
  traceResponseSchema,
} from '../../contract/api.ts';
import { searchNames } from './search.ts';
import { type RouteDoc, errorDoc } from '../../http/openapi.ts';
import { parseInput } from '../../http/parse.ts';
import { writeGraphJson } from './streamGraph.ts';

export function exploreRoutes(db: Database, config: Config, layoutKeeper: GraphLayoutKeeper): Router {
  const router = Router();

  router.get('/api/graph/view', async (req, res) => {
    const query = parseInput(graphViewQuerySchema, req.query, 'query');
    res.json(await viewGraph(db, layoutKeeper, query, config.graphView));
  });

  router.get('/api/graph/clusters/:id', async (req, res) => {
    const { id } = parseInput(clusterIdPathSchema, req.params, 'path');
    const { include } = parseInput(graphViewQuerySchema.pick({ include: true }), req.query, 'query');
    res.json(await expandCluster(db, layoutKeeper, id, include ?? [], config.graphView));
  });

  router.get('/api/graph/edges/:actor/:target/stances', async (req, res) => {
    const { actor, target } = parseInput(edgeStancesPathSchema, req.params, 'path');
    res.json(await edgeStances(db, actor, target));
  });

  router.get('/api/graph', async (req, res) => {
    const query = parseInput(graphQuerySchema, req.query, 'query');
    await writeGraphJson(res, await openGraph(db, query, { maxNodes: config.graphMaxNodes, maxEdges: config.graphMaxEdges }));
  });

  router.get('/api/search', async (req, res) => {
    const { q, types, limit } = parseInput(searchQuerySchema, req.query, 'query');
    res.json(await searchNames(db, q, types ?? null, limit));
  });

  router.get('/api/nodes/:id', async (req, res) => {
    const { id } = parseInput(nodeIdPathSchema, req.params, 'path');
    res.json(await getNode(db, id));
  });

  router.get('/api/nodes/:id/neighbors', async (req, res) => {
    const { id } = parseInput(nodeIdPathSchema, req.params, 'path');
    const { depth, limit } = parseInput(neighborsQuerySchema, req.query, 'query');
    res.json(await getNeighbors(db, id, depth, Math.min(limit, config.graphMaxNodes)));
  });

  router.get('/api/positions/:id/trace', async (req, res) => {
    const { id } = parseInput(positionIdPathSchema, req.params, 'path');
    const { asOf, ...grading } = parseInput(gradedAsOfQuerySchema, req.query, 'query');
    res.json(await tracePosition(db, id, { asOf: asOf ?? null, ...grading }));
  });

  router.get('/api/actors/:id/stances', async (req, res) => {
    const { id } = parseInput(nodeIdPathSchema, req.params, 'path');
    const { asOf, ...grading } = parseInput(gradedAsOfQuerySchema, req.query, 'query');
    res.json(await actorStances(db, id, { asOf: asOf ?? null, ...grading }));
  });

  router.get('/api/matrix', async (req, res) => {
    const { asOf, ...grading } = parseInput(gradedAsOfQuerySchema, req.query, 'query');
    res.json(await partyPositionMatrix(db, { asOf: asOf ?? null, ...grading }));
  });

  router.get('/api/paths', async (req, res) => {
    const { from, to, max } = parseInput(pathsQuerySchema, req.query, 'query');
    res.json(await shortestPaths(db, from, to, max));
  });

  return router;
}

const bad = errorDoc('Invalid input; details name the offending field');
const missing = errorDoc('Unknown id');

export const exploreRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/graph/view',
    tag: 'graph',
    summary: "The explorer's first screen: actors, positions and one edge per actor → target",
    description:
      'Parties, officials, delegations, positions and the events stances target (places, documents and other events with `include`), each placed by the layout stored on the server, and one edge per actor → target with how many stances it stands for and the latest one (open them with /api/graph/edges/{actor}/{target}/stances); structural relationships (who represents whom, preconditions) as edges of their own. Columns: element i of every array describes node (or edge) i; edges name their nodes by index. Over the node budget (PARLEY_GRAPH_NODE_BUDGET) the answer is the stored Louvain communities as cluster nodes sized by their members, with the stances between them summed (expand one with /api/graph/clusters/{id}). Bounded by PARLEY_GRAPH_VIEW_MAX_EDGES and PARLEY_GRAPH_VIEW_MAX_BYTES; `truncated` says when a bound cut it. Never waits for a layout: a stale one is refreshed in the background and `layout.stale` says so.',
    query: graphViewQuerySchema,
    responses: { 200: { description: 'The graph view', schema: graphViewResponseSchema }, 400: bad },
  },
  {
    method: 'get',
    path: '/api/graph/clusters/:id',
    tag: 'graph',
    summary: 'Expand one cluster of the graph view into its members',
    description: 'The members of one Louvain community of the stored layout and the edges among them, in the graph view columns (mode `entities`), placed by the stored layout.',
    pathParams: clusterIdPathSchema,
    query: graphViewQuerySchema.pick({ include: true }),
    responses: { 200: { description: 'The cluster, as entities', schema: graphViewResponseSchema }, 400: bad, 404: errorDoc('No such cluster in the current layout') },
  },
  {
    method: 'get',
    path: '/api/graph/edges/:actor/:target/stances',
    tag: 'graph',
    summary: 'The stances behind one aggregated edge',
    description: 'Every stance the actor took on the target, oldest first: type, date, condition, the party it rolls up to, and its evidence (a verbatim quote, or a summary in `summary`, with its source).',
    pathParams: edgeStancesPathSchema,
    responses: { 200: { description: 'The stances (empty when the actor took none on the target)', schema: edgeStancesResponseSchema }, 400: bad, 404: missing },
  },
  {
    method: 'get',
    path: '/api/graph',
    tag: 'graph',
    summary: 'The visual graph',
    description:
      'Entities as nodes, each Stance collapsed into one actor → target edge (type = stance type; attributes carry the stance, its condition and evidence). Nodes and edges carry `key` for graphology `import`. The node cap (PARLEY_GRAPH_MAX_NODES) is enforced in the query, the edge cap (PARLEY_GRAPH_MAX_EDGES) as edges stream; `truncated` tells whether either cut the answer. minReliability, minCredibility and excludeAffiliatedWith keep only stances with evidence from admissible sources, and only that evidence (an ungraded source counts as F6). The answer streams.',
    query: graphQuerySchema,
    responses: { 200: { description: 'The graph', schema: graphResponseSchema }, 400: bad, 404: missing },
  },
  {
    method: 'get',
    path: '/api/search',
    tag: 'graph',
    summary: 'Search names and aliases',
    description: 'Full-text search tolerant of case, diacritics (Erdogan = Erdoğan) and small typos; best matches first.',
    query: searchQuerySchema,
    responses: { 200: { description: 'Ranked matches', schema: searchResponseSchema }, 400: bad },
  },
  {
    method: 'get',
    path: '/api/nodes/:id',
    tag: 'graph',
    summary: 'One node',
    pathParams: nodeIdPathSchema,
    responses: { 200: { description: 'The node', schema: nodeResponseSchema }, 400: bad, 404: missing },
  },
  {
    method: 'get',
    path: '/api/nodes/:id/neighbors',
    tag: 'graph',
    summary: 'The neighbourhood of a node',
    description: 'Nodes within `depth` visual hops (a collapsed stance is one hop) and the edges among them.',
    pathParams: nodeIdPathSchema,
    query: neighborsQuerySchema,
    responses: { 200: { description: 'The neighbourhood', schema: neighborsResponseSchema }, 400: bad, 404: missing },
  },
  {
    method: 'get',
    path: '/api/positions/:id/trace',
    tag: 'analysis',
    summary: 'Trace a position',
    description:
      'Every stance on the position grouped by type, with actor, the party it rolls up to, date, condition and evidence (quote and source); the positions it depends on, replaces or conditions; stances elsewhere conditional on it; a timeline.',
    pathParams: positionIdPathSchema,
    query: gradedAsOfQuerySchema,
    responses: { 200: { description: 'The trace', schema: traceResponseSchema }, 400: bad, 404: missing },
  },
  {
    method: 'get',
    path: '/api/actors/:id/stances',
    tag: 'analysis',
    summary: "An actor's stances",
    description: "For a party, its officials' and delegations' stances too, marked `rolledUp: true`.",
    pathParams: nodeIdPathSchema,
    query: gradedAsOfQuerySchema,
    responses: { 200: { description: 'The stances', schema: actorStancesResponseSchema }, 400: bad, 404: missing },
  },
  {
    method: 'get',
    path: '/api/matrix',
    tag: 'analysis',
    summary: 'Party × position matrix',
    description: "Each party's latest stance on each position (officials roll up to their party), with stance and evidence counts.",
    query: gradedAsOfQuerySchema,
    responses: { 200: { description: 'The matrix', schema: matrixResponseSchema }, 400: bad, 404: errorDoc('excludeAffiliatedWith names no party') },
  },
  {
    method: 'get',
    path: '/api/paths',
    tag: 'analysis',
    summary: 'Shortest paths between two nodes',
    description: 'Over stances and structural relationships (not provenance), at most `max` relationships long.',
    query: pathsQuerySchema,
    responses: { 200: { description: 'The paths (empty when none within max)', schema: pathsResponseSchema }, 400: bad, 404: missing },
  },
];
