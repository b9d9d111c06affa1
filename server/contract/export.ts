/** Exports of the graph as files for Gephi and NetworkX. */
import { z } from 'zod';
import { graphQuerySchema, graphResponseSchema } from './graph.ts';
import { route } from './route.ts';

const exportQuerySchema = graphQuerySchema.extend({
  format: z.enum(['json', 'gexf', 'graphml', 'csv']).default('json').describe('File format'),
  part: z.enum(['nodes', 'edges']).default('edges').describe('For csv: which table to return'),
});


export const exportRoutes = {
  exportGraph: route({
    method: 'get',
    path: '/api/export',
    tag: 'export',
    summary: 'Export the graph as a file',
    description:
      'Same filters as /api/graph. json: the /api/graph shape (NetworkX: node_link_graph(data, edges="edges")); gexf and graphml for Gephi and NetworkX (read_gexf, read_graphml); csv: one table, part=edges (id, source, source_label, target, target_label, type, family, date, datePrecision, condition, confidence, evidenceCount, quotes, summaries, sources) or part=nodes (id, label, type, kind, category, date, datePrecision, role, title, description, aliases). Lists are joined with " | "; quotes holds only verbatim quotes, summaries our own wording. GEXF 1.3 carries viz positions, colours and sizes. Sent as an attachment.',
    query: exportQuerySchema,
    streamed: true,
    errors: {
      400: 'Invalid input; details name the field',
      404: 'Unknown actor, position or excludeAffiliatedWith party id',
    },
    response: {
      description: 'The file: for json, the graph as in /api/graph',
      schema: graphResponseSchema,
      content: {
        'application/gexf+xml': 'GEXF 1.2',
        'application/graphml+xml': 'GraphML',
        'text/csv': 'Edges or nodes table',
      },
    },
  }),
};
