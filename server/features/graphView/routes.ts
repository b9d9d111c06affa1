/** The explorer's graph view, its clusters and the stances behind an edge. Thin: parse, call, send. */
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { graphViewRoutes } from '../../contract/graphView.ts';
import type { Handlers } from '../../http/mount.ts';
import { edgeStances, expandCluster, viewGraph } from './graphView.ts';
import type { GraphLayoutKeeper } from './layoutKeeper.ts';

export function graphViewHandlers(db: Database, config: Config, layoutKeeper: GraphLayoutKeeper): Handlers<typeof graphViewRoutes> {
  return {
    graphView: ({ query }) => viewGraph(db, layoutKeeper, query, config.graphView),
    cluster: ({ params: { id }, query: { include } }) => expandCluster(db, layoutKeeper, id, include ?? [], config.graphView),
    edgeStances: ({ params: { actor, target } }) => edgeStances(db, actor, target),
  };
}
