/** What the database itself says about its schema, for the console's completion; plain rows. */
import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';

export interface TokenRow {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

export interface LabelPropertiesRow {
  label: string;
  keys: string[];
}

interface SignatureRow {
  name: string;
  signature: string;
  description: string;
}

interface ProcedureRow extends SignatureRow {
  returnItems: Array<{ name: string; signature: string }>;
}

export async function readTokens(db: Database): Promise<TokenRow> {
  const [row] = await db.read<TokenRow>(cypher('console/tokens'));
  return row ?? { labels: [], relationshipTypes: [], propertyKeys: [] };
}

export function readLabelProperties(db: Database): Promise<LabelPropertiesRow[]> {
  return db.read<LabelPropertiesRow>(cypher('console/label-properties'));
}

export function readFunctions(db: Database): Promise<SignatureRow[]> {
  return db.read<SignatureRow>(cypher('console/functions'));
}

export function readProcedures(db: Database, names: string[]): Promise<ProcedureRow[]> {
  return db.read<ProcedureRow>(cypher('console/procedures'), { names });
}
