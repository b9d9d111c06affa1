/**
 * The schema the console completes from, read from Neo4j on every request: labels, relationship
 * types and property keys in use (per label too), every function, and only the procedures the
 * console allows. Nothing is kept between requests, so after an ingestion, here or through
 * another instance, the next request already sees the new names.
 */
import { readFunctions, readLabelProperties, readProcedures, readTokens } from '../data/consoleSchema.ts';
import type { Database } from '../db/database.ts';
import { DESCRIBING_PROCEDURES } from './console.ts';
import type { ConsoleSchema } from '../contract/api.ts';

export async function consoleSchema(db: Database): Promise<ConsoleSchema> {
  const [tokens, labelProperties, functions, procedures] = await Promise.all([
    readTokens(db),
    readLabelProperties(db),
    readFunctions(db),
    readProcedures(db, [...DESCRIBING_PROCEDURES]),
  ]);
  return {
    ...tokens,
    propertiesByLabel: Object.fromEntries(labelProperties.map(({ label, keys }) => [label, keys])),
    functions,
    procedures,
  };
}
