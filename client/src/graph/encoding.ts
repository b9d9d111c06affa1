/** How node types and stance families look: shared with the server's exports (server/contract/style.ts). */
export { type EdgeFamily, FAMILY_STYLE, NODE_TYPE_STYLE, nodeSizeForDegree, nodeTypeStyle, type NodeShape } from '../../../server/contract/style.ts';

export function humanize(type: string): string {
  return type.replace(/_/g, ' ').toLowerCase();
}
