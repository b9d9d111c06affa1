/**
 * Migrations run at every start, after the schema and before the seed. Each is idempotent: it
 * reads only what still needs changing, so a second run finds nothing and writes nothing.
 *
 * Evidence text (issue 26): stored evidence holds only analyst-facing text. Summaries lose a
 * "Summary:" label and an extractor's cue (`(read from "welcomed")`), by the same rule ingestion
 * applies (`contract/evidenceText.ts`); a `via` naming a source by id ("per
 * source:parley-background-notes") names it by its title. The stored payloads
 * (`SourceRecord.payload`) keep what was sent; they pass the same rule when ingested again.
 */
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import { analystSummary } from '../../contract/evidenceText.ts';
import { type EvidenceTextRow, readEvidenceTextToMigrate, readSourceTitles, writeEvidenceText } from './migrationData.ts';

const SOURCE_ID = /\bsource:[a-z0-9]+(?:-[a-z0-9]+)*/g;

/** "per source:x" → "per <title of x>"; an id with no titled source stays as it is. */
export function viaWithTitles(via: string, titles: Map<string, string>): string {
  return via.replace(SOURCE_ID, (id) => titles.get(id) ?? id);
}

export async function migrateEvidenceText(db: Database, logger: Logger): Promise<number> {
  const rows = await readEvidenceTextToMigrate(db);
  if (rows.length === 0) return 0;
  const ids = [...new Set(rows.flatMap((r) => r.via?.match(SOURCE_ID) ?? []))];
  const titles = new Map((await readSourceTitles(db, ids)).flatMap((s) => (s.title ? [[s.id, s.title] as const] : [])));
  const changed: EvidenceTextRow[] = [];
  for (const row of rows) {
    const summary = row.summary === null ? null : analystSummary(row.summary) || row.summary;
    const via = row.via === null ? null : viaWithTitles(row.via, titles);
    if (summary !== row.summary || via !== row.via) changed.push({ id: row.id, summary, via });
  }
  if (changed.length === 0) return 0;
  const updated = await writeEvidenceText(db, changed);
  logger.info({ updated }, 'migrated stored evidence text: no "Summary:" labels, extractor cues or source ids');
  return updated;
}
