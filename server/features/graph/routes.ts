/** The graph, one node, a neighbourhood, search. Thin: the declaration parses, the story answers. */
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { graphRoutes } from '../../contract/graph.ts';
import type { Handlers } from '../../http/mount.ts';
import { getNeighbors, getNode, openGraph } from './graph.ts';
import { searchNames } from './search.ts';
import { writeGraphJson } from './streamGraph.ts';

export function graphHandlers(db: Database, config: Config): Handlers<typeof graphRoutes> {
  const caps = { maxNodes: config.graphMaxNodes, maxEdges: config.graphMaxEdges };
  return {
    graph: async ({ query }, res) => writeGraphJson(res, await openGraph(db, query, caps)),
    search: ({ query: { q, types, limit, negotiation } }) => searchNames(db, q, types ?? null, limit, negotiation),
    node: ({ params: { id } }) => getNode(db, id),
    neighbors: ({ params: { id }, query: { depth, limit } }) => getNeighbors(db, id, depth, Math.min(limit, config.graphMaxNodes)),
  };
}
