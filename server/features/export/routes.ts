/** Graph exports for Gephi and NetworkX. Thin: parse, call, stream. */
import { once } from 'node:events';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { exportRoutes } from '../../contract/export.ts';
import type { Handlers } from '../../http/mount.ts';
import { collectGraph, openGraph } from '../graph/graph.ts';
import { writeGraphJson } from '../graph/streamGraph.ts';
import { csvLines, gexf, graphml } from './export.ts';

const CONTENT_TYPES = {
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const;

export function exportHandlers(db: Database, config: Config): Handlers<typeof exportRoutes> {
  return {
    exportGraph: async ({ query }, res) => {
      const parts = await openGraph(db, query, { maxNodes: config.graphMaxNodes, maxEdges: config.graphMaxEdges });
      const name = query.format === 'csv' ? `parley-${query.part}.csv` : `parley-graph.${query.format}`;
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      if (query.format === 'json') {
        await writeGraphJson(res, parts);
        return;
      }
      res.status(200).setHeader('Content-Type', CONTENT_TYPES[query.format]);
      if (query.format === 'csv') {
        for await (const line of csvLines(parts, query.part)) if (!res.write(line)) await once(res, 'drain');
        res.end();
        return;
      }
      const { nodes, edges } = await collectGraph(parts);
      res.send(query.format === 'gexf' ? gexf(nodes, edges) : graphml(nodes, edges));
    },
  };
}
