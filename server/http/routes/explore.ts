/** The visual graph, search, nodes, traces, stances, matrix and paths. Thin: parse, call, send. */
import { Router } from 'express';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { actorStances, partyPositionMatrix, shortestPaths, tracePosition } from '../../domain/explore.ts';
import { getNeighbors, getNode, openGraph } from '../../domain/graph.ts';
import {
  actorStancesResponseSchema,
  gradedAsOfQuerySchema,
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
import { searchNames } from '../../domain/search.ts';
import { type RouteDoc, errorDoc } from '../openapi.ts';
import { parseInput } from '../parse.ts';
import { writeGraphJson } from '../streamGraph.ts';

export function exploreRoutes(db: Database, config: Config): Router {
  const router = Router();

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
