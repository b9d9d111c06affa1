/**
 * The visual graph: entities as nodes, each Stance collapsed into one actor → target edge whose
 * type is the stance type, ready for graphology's `import` (nodes and edges carry `key`).
 */
import { negotiationScope } from '../../core/negotiations.ts';
import type { Database } from '../../db/database.ts';
import { type NodeRow, readNodesById } from '../../core/nodesData.ts';
import { type EdgeRow, readGraphEdges, readNeighborIds, readNodeDegree, streamGraphEdges, streamGraphNodes } from './data.ts';
import { NotFoundError } from '../../errors.ts';
import { admissibleSources } from '../../core/grading.ts';
import { NODE_TYPES, STANCE_TYPE_NAMES } from '../../contract/model.ts';
import type { GraphEdge, GraphNode } from '../../contract/common.ts';
import type { GraphQuery } from '../../contract/graph.ts';

/** Node types drawn unless asked otherwise: sources are provenance, not part of the picture. */
export const DEFAULT_NODE_TYPES = NODE_TYPES.filter((t) => t !== 'Source');

export function toGraphNode(row: NodeRow): GraphNode {
  const { aliasText: _aliasText, ...attributes } = row.properties;
  return { id: row.id, key: row.id, label: row.label, type: row.type, attributes };
}

export function toGraphEdge(row: EdgeRow): GraphEdge {
  return { id: row.id, key: row.id, source: row.source, target: row.target, type: row.type, attributes: row.attributes };
}

export type GraphPart = { part: 'node'; node: GraphNode } | { part: 'edge'; edge: GraphEdge } | { part: 'end'; truncated: boolean };

/** The server's ceilings on one graph answer. */
interface GraphCaps {
  maxNodes: number;
  maxEdges: number;
}

/**
 * Opens the graph for the filters: unknown actor or position ids fail here, before anything is
 * streamed; then nodes, edges and finally whether the node or edge cap cut the answer short.
 */
export async function openGraph(db: Database, query: GraphQuery, { maxNodes, maxEdges }: GraphCaps): Promise<AsyncGenerator<GraphPart>> {
  await assertNodesExist(db, [query.actor, query.position]);
  const sources = await admissibleSources(db, query);
  const negotiation = await negotiationScope(db, query.negotiation);
  const limit = Math.min(query.limit ?? maxNodes, maxNodes);
  const stanceTypes = query.stanceTypes ?? STANCE_TYPE_NAMES;
  const asOf = query.asOf ?? null;
  const nodeQuery = {
    nodeTypes: query.nodeTypes ?? DEFAULT_NODE_TYPES,
    stanceTypes,
    actor: query.actor ?? null,
    position: query.position ?? null,
    asOf,
    // One more than shown, to learn whether the cap cut the answer.
    limit: limit + 1,
    sources,
    negotiation,
  };
  return (async function* () {
    const ids: string[] = [];
    let truncated = false;
    for await (const row of streamGraphNodes(db, nodeQuery)) {
      if (ids.length === limit) {
        truncated = true;
        break;
      }
      ids.push(row.id);
      yield { part: 'node', node: toGraphNode(row) } as const;
    }
    let edges = 0;
    // Leaving the loop closes the stream, so Neo4j stops producing the edges past the cap.
    for await (const row of streamGraphEdges(db, ids, stanceTypes, asOf, sources, negotiation)) {
      if (edges === maxEdges) {
        truncated = true;
        break;
      }
      edges += 1;
      yield { part: 'edge', edge: toGraphEdge(row) } as const;
    }
    yield { part: 'end', truncated } as const;
  })();
}

/** The whole graph in memory, for exports that serialize through graphology. */
export async function collectGraph(parts: AsyncIterable<GraphPart>): Promise<{ nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }> {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  let truncated = false;
  for await (const p of parts) {
    if (p.part === 'node') nodes.push(p.node);
    else if (p.part === 'edge') edges.push(p.edge);
    else truncated = p.truncated;
  }
  return { nodes, edges, truncated };
}

export async function getNode(db: Database, id: string) {
  const [row] = await readNodesById(db, [id]);
  if (!row) throw new NotFoundError(`No node with id ${id}`);
  return { node: toGraphNode(row), degree: await readNodeDegree(db, id) };
}

/** The neighbourhood of a node, breadth first, one visual hop (a stance or a relationship) per step. */
export async function getNeighbors(db: Database, id: string, depth: number, limit: number) {
  const [center] = await readNodesById(db, [id]);
  if (!center) throw new NotFoundError(`No node with id ${id}`);
  const seen = [id];
  let frontier = [id];
  let truncated = false;
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const room = limit - (seen.length - 1);
    if (room <= 0) {
      truncated = true;
      break;
    }
    const found = await readNeighborIds(db, frontier, seen, DEFAULT_NODE_TYPES, room + 1);
    if (found.length > room) {
      truncated = true;
      found.length = room;
    }
    seen.push(...found);
    frontier = found;
  }
  const nodes = await readNodesById(db, seen);
  const edges = await readGraphEdges(db, seen, STANCE_TYPE_NAMES, null);
  return { center: id, depth, nodes: nodes.map(toGraphNode), edges: edges.map(toGraphEdge), truncated };
}

/** Unknown ids among the given ones are a 404, named in the message. */
async function assertNodesExist(db: Database, ids: (string | undefined | null)[]): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return;
  const found = new Set((await readNodesById(db, wanted)).map((r) => r.id));
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length > 0) throw new NotFoundError(`No node with id ${missing.join(', ')}`, { missing });
}
