/**
 * Sources as the system of record: listing them, deleting one (everything it alone held up goes,
 * nothing another source gave is touched), and the audit trail of every write.
 */
import { deleteSourceGraph } from '../data/ingest.ts';
import { forgetNames } from '../data/names.ts';
import { listSourceRows, readAuditRows, readStoredPayload } from '../data/sources.ts';
import type { Database } from '../db/database.ts';
import { plannedLinks } from './ingest.ts';

export interface Page {
  limit: number;
  offset: number;
}

export async function listSources(db: Database, page: Page) {
  const { total, rows } = await listSourceRows(db, page);
  return { total, ...page, sources: rows };
}

/**
 * Deletes one source in one transaction. Its stored payload names the relationships it claimed;
 * entities and stances are found through the graph. Deleting a source that is not there is a
 * no-op that answers `deleted: false`.
 */
export async function deleteSource(db: Database, sourceId: string, writer: string) {
  const stored = await readStoredPayload(db, sourceId);
  const links = stored === undefined ? [] : plannedLinks(stored);
  const { existed, ...removed } = await deleteSourceGraph(db, sourceId, links, {
    at: new Date().toISOString(),
    action: 'delete',
    sourceId,
    writer,
    changes: {},
  });
  if (existed) forgetNames(db);
  return { sourceId, deleted: existed, ...removed };
}

export async function listAudit(db: Database, page: Page) {
  const rows = await readAuditRows(db, page);
  return {
    ...page,
    entries: rows.map(({ grade, ...row }) => ({ ...row, changes: JSON.parse(row.changes) as Record<string, number>, ...(grade ? { grade } : {}) })),
  };
}
