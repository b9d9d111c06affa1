import crypto from 'node:crypto';
import type { Database } from '../../server/db/database.ts';

/**
 * A checksum of the whole graph: every node's labels and properties and every relationship's
 * endpoints, type and properties, sources' records included. The audit trail is not part of it:
 * it records writes to the graph (a restore writes its own lines), it is not the graph. Nor is
 * the graph view's stored layout: it is derived from the graph and recomputed in the background,
 * nor the watches' outbox and deliveries (a restore writes no change events).
 */
export async function graphFingerprint(db: Database): Promise<{ nodes: number; relationships: number; hash: string }> {
  const nodes = await db.read<{ labels: string[]; props: Record<string, unknown> }>(
    'MATCH (n) WHERE NOT n:AuditEntry AND NOT n:GraphLayout AND NOT n:ChangeEvent AND NOT n:ChangeSet AND NOT n:Delivery AND NOT n:Watch RETURN labels(n) AS labels, properties(n) AS props',
  );
  const relationships = await db.read<{ from: string; type: string; to: string; props: Record<string, unknown> }>(
    'MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props',
  );
  const canonical = (rows: unknown[]) => rows.map((r) => JSON.stringify(r, sortedKeys)).sort();
  const hash = crypto
    .createHash('sha256')
    .update(JSON.stringify([canonical(nodes.map((n) => ({ ...n, labels: [...n.labels].sort() }))), canonical(relationships)]))
    .digest('hex');
  return { nodes: nodes.length, relationships: relationships.length, hash };
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
}
