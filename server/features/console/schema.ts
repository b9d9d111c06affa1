/**
 * The schema the console completes from, read from Neo4j on every request: labels, relationship
 * types and property keys in use (per label too), every function, and only the procedures the
 * console allows. Nothing is kept between requests, so after an ingestion, here or through
 * another instance, the next request already sees the new names. The server's own bookkeeping
 * nodes (the stored layout) are left out: they are no part of the model an analyst queries.
 */
import { type LabelPropertiesRow, type TokenRow, readFunctions, readLabelProperties, readProcedures, readTokens } from './data.ts';
import type { Database } from '../../db/database.ts';
import { DESCRIBING_PROCEDURES } from './console.ts';
import type { ConsoleSchema } from '../../contract/console.ts';

/** Labels the server keeps for itself: the graph view's stored layout (cypher/graph-view/layout-write). */
const INTERNAL_LABELS: ReadonlySet<string> = new Set(['GraphLayout']);

export async function consoleSchema(db: Database): Promise<ConsoleSchema> {
  const [tokens, labelProperties, functions, procedures] = await Promise.all([
    readTokens(db),
    readLabelProperties(db),
    readFunctions(db),
    readProcedures(db, [...DESCRIBING_PROCEDURES]),
  ]);
  const visible = withoutInternalLabels(tokens, labelProperties);
  return {
    ...visible.tokens,
    propertiesByLabel: Object.fromEntries(visible.labelProperties.map(({ label, keys }) => [label, keys])),
    functions,
    procedures,
  };
}

/**
 * The schema without the internal labels: their names, and the property keys found only on their
 * nodes. Relationship keys are not read (that would scan every relationship on each request);
 * no relationship of the model carries a key of the internal nodes.
 */
export function withoutInternalLabels(tokens: TokenRow, labelProperties: LabelPropertiesRow[]): { tokens: TokenRow; labelProperties: LabelPropertiesRow[] } {
  const isInternal = (label: string) => INTERNAL_LABELS.has(label);
  const keysOf = (rows: LabelPropertiesRow[]) => new Set(rows.flatMap((row) => row.keys));
  const modelKeys = keysOf(labelProperties.filter((row) => !isInternal(row.label)));
  const internalOnly = [...keysOf(labelProperties.filter((row) => isInternal(row.label)))].filter((key) => !modelKeys.has(key));
  return {
    tokens: {
      labels: tokens.labels.filter((label) => !isInternal(label)),
      relationshipTypes: tokens.relationshipTypes,
      propertyKeys: tokens.propertyKeys.filter((key) => !internalOnly.includes(key)),
    },
    labelProperties: labelProperties.filter((row) => !isInternal(row.label)),
  };
}
