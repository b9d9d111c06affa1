import type { Database } from '../../db/database.ts';
import { readComponents } from './data.ts';

type Health =
  | { status: 'ok'; neo4j: { connected: true; version: string; edition: string } }
  | { status: 'degraded'; neo4j: { connected: false; error: string } };

/** Asks Neo4j itself; any failure means degraded, never a crash. */
export async function checkHealth(db: Database): Promise<Health> {
  try {
    const kernel = (await readComponents(db)).find((c) => c.name === 'Neo4j Kernel');
    return { status: 'ok', neo4j: { connected: true, version: kernel?.version ?? 'unknown', edition: kernel?.edition ?? 'unknown' } };
  } catch {
    return { status: 'degraded', neo4j: { connected: false, error: 'Neo4j is not reachable' } };
  }
}
