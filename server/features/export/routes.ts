/** Graph exports for Gephi and NetworkX. Thin: parse, call, send. */
import { once } from 'node:events';
import { Router } from 'express';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { csvLines, gexf, graphml } from './export.ts';
import { collectGraph, openGraph } from '../graph/graph.ts';
import { exportQuerySchema, graphResponseSchema } from '../../contract/api.ts';
import { type RouteDoc, errorDoc } from '../../http/openapi.ts';
import { parseInput } from '../../http/parse.ts';
import { writeGraphJson } from '../graph/streamGraph.ts';

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const;

export function exportRoutes(db: Database, config: Config): Router {
  const router = Router();
  router.get('/api/export', async (req, res) => {
    const query = parseInput(exportQuerySchema, req.query, 'query');
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
  });
  return router;
}

export const exportRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/export',
    tag: 'export',
    summary: 'Export the graph as a file',
    description:
      'Same filters as /api/graph. json: the /api/graph shape (NetworkX: node_link_graph(data, edges="edges")); gexf and graphml for Gephi and NetworkX (read_gexf, read_graphml); csv: one table, part=edges (id, source, source_label, target, target_label, type, family, date, datePrecision, condition, confidence, evidenceCount, quotes, summaries, sources) or part=nodes (id, label, type, kind, category, date, datePrecision, role, title, description, aliases). Lists are joined with " | "; quotes holds only verbatim quotes, summaries our own wording. GEXF 1.3 carries viz positions, colours and sizes. Sent as an attachment.',
    query: exportQuerySchema,
    responses: {
      200: {
        description: 'The file: for json, the graph as in /api/graph',
        schema: graphResponseSchema,
        content: {
          'application/gexf+xml': 'GEXF 1.2',
          'application/graphml+xml': 'GraphML',
          'text/csv': 'Edges or nodes table',
        },
      },
      400: errorDoc('Invalid input; details name the field'),
      404: errorDoc('Unknown actor, position or excludeAffiliatedWith party id'),
    },
  },
];
