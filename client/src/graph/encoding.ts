/** How node types and stance families look: shared with the server's exports (server/contract/style.ts). */
export { type EdgeFamily, FAMILY_STYLE, NODE_TYPE_STYLE, nodeSizeForDegree, nodeTypeStyle, type NodeShape } from '../../../server/contract/style.ts';

export function humanize(type: string): string {
  return type.replace(/_/g, ' ').toLowerCase();
}

/** Words for a node property's key, where the key itself is no word ("datePrecision"). */
const PROPERTY_LABELS: Record<string, string> = {
  publishedAt: 'published',
  ingestedAt: 'added',
  textBytes: 'text size (bytes)',
};

/** A property key as a reader's label: "datePrecision" → "date precision", "country_code" → "country code". */
export function propertyLabel(key: string): string {
  return PROPERTY_LABELS[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
}
