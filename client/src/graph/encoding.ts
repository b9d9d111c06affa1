/** How node types and stance families look: one place for the graph, legend, trace and matrix. */
import type { NodeType, StanceFamily } from '../../../server/contract/model.ts';

/** An edge is drawn by its stance's family, or as structure when it is not a stance. */
export type EdgeFamily = StanceFamily | 'structure';

export type NodeShape = 'circle' | 'square' | 'diamond' | 'triangle';

export const NODE_TYPE_STYLE: Record<NodeType, { color: string; shape: NodeShape; description: string }> = {
  Party: { color: '#5f3dc4', shape: 'circle', description: 'State, bloc or body holding positions' },
  Official: { color: '#ae3ec9', shape: 'circle', description: 'Person speaking for a party' },
  Delegation: { color: '#1098ad', shape: 'circle', description: "A party's team at a meeting" },
  Position: { color: '#f08c00', shape: 'square', description: 'Something proposed, backed or rejected' },
  Event: { color: '#495057', shape: 'diamond', description: 'Talks, attacks, visits, statements' },
  Document: { color: '#8d6e63', shape: 'triangle', description: 'Memorandum, statement, letter' },
  Place: { color: '#94a085', shape: 'circle', description: 'Country, region, city, venue' },
  Source: { color: '#adb5bd', shape: 'triangle', description: 'Where the claims come from' },
};

const UNKNOWN_TYPE_STYLE = { color: '#868e96', shape: 'circle' as NodeShape, description: 'Other' };

export function nodeTypeStyle(type: string) {
  return type in NODE_TYPE_STYLE ? NODE_TYPE_STYLE[type as NodeType] : UNKNOWN_TYPE_STYLE;
}

export const FAMILY_STYLE: Record<EdgeFamily, { color: string; label: string }> = {
  proposal: { color: '#1c7ed6', label: 'Proposal, demand, offer' },
  support: { color: '#2f9e44', label: 'Support' },
  rejection: { color: '#e03131', label: 'Rejection' },
  other: { color: '#868e96', label: 'Other statement' },
  structure: { color: '#d3d8de', label: 'Structure (membership, place, …)' },
};

/** Nodes grow with their number of connections, within bounds so hubs do not swamp the view. */
export function nodeSizeForDegree(degree: number): number {
  return Math.min(13, 3 + 1.5 * Math.sqrt(degree));
}

export function humanize(type: string): string {
  return type.replace(/_/g, ' ').toLowerCase();
}
