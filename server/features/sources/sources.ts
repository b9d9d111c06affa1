/**
 * Sources as the system of record: listing them, deleting one (everything it alone held up goes,
 * nothing another source gave is touched), and the audit trail of every write.
 */
import { deleteSourceGraph } from './ingestData.ts';
import { forgetNames } from '../../core/namesData.ts';
import { negotiationScope } from '../../core/negotiations.ts';
import { listSourceRows, readAuditRows, readSourceDetail, readStoredPayload, readSupportedStances } from './data.ts';
import type { Database } from '../../db/database.ts';
import { NotFoundError } from '../../errors.ts';
import { claimedLinks } from './ingest.ts';
import { admissibleSources } from '../../core/grading.ts';
import type { GradeFilter } from '../../contract/common.ts';
import { deletionChanges } from '../../core/outbox.ts';

export interface Page {
  limit: number;
  offset: number;
}

/** A page of sources; under a grade filter, only the sources it admits. */
export async function listSources(db: Database, page: Page, grading: GradeFilter = {}, scope: { negotiation?: string | undefined } = {}) {
  const negotiation = await negotiationScope(db, scope.negotiation);
  const { total, rows } = await listSourceRows(db, page, await admissibleSources(db, grading), negotiation);
  return { total, ...page, sources: rows };
}

/** One source as a reader opens it: its record, the text it arrived with, and the stances its evidence supports. */
export async function readSource(db: Database, sourceId: string) {
  const source = await readSourceDetail(db, sourceId);
  if (!source) throw new NotFoundError(`No source with id ${sourceId}`);
  return { ...source, stances: await readSupportedStances(db, sourceId) };
}

/**
 * Deletes one source in one transaction. Its stored payload names the relationships it claimed;
 * entities and stances are found through the graph. Deleting a source that is not there is a
 * no-op that answers `deleted: false`.
 */
export async function deleteSource(db: Database, sourceId: string, writer: string) {
  const stored = await readStoredPayload(db, sourceId);
  const links = stored === undefined ? [] : await claimedLinks(db, sourceId, stored);
  const { existed, ...removed } = await deleteSourceGraph(db, sourceId, links, {
    at: new Date().toISOString(),
    action: 'delete',
    sourceId,
    writer,
    changes: {},
  }, deletionChanges(sourceId));
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
