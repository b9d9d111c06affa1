/** How node types and stance families look: shared with the server's exports (server/domain/style.ts). */
export { FAMILY_STYLE, NODE_TYPE_STYLE, nodeSizeForDegree, nodeTypeStyle, type NodeShape } from '../../../server/domain/style.ts';

export function humanize(type: string): string {
  return type.replace(/_/g, ' ').toLowerCase();
}
