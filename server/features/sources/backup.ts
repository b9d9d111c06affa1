/**
 * Backup and restore: every source as it arrived, one JSON line each in ingestion order, and the
 * replay of such a file through the ordinary ingestion path, each source in its own transaction
 * with its original times, writer and grade, so the rebuilt graph has the same checksum.
 */
import { countEntities } from './statsData.ts';
import { readIngestionStamps, streamStoredSources } from './data.ts';
import type { Database } from '../../db/database.ts';
import { ConflictError, ValidationError } from '../../errors.ts';
import { type IngestReport, ingestSource, parsePayload } from './ingest.ts';
import { z } from 'zod';
import { zodIssues } from '../../core/validation.ts';

/** One line of a backup file: a source as it arrived, with when and through whom. */
const backupLineSchema = z.strictObject({
  sourceId: z.string(),
  ingestedAt: z.iso.datetime(),
  firstIngestedAt: z.iso.datetime(),
  writer: z.string().min(1).max(100),
  grade: z.string().nullable().default(null),
  text: z.string().nullable().default(null),
  payload: z.record(z.string(), z.unknown()),
});
type BackupLine = z.infer<typeof backupLineSchema>;

/** Every stored source as one line of JSON, oldest first; read while Parley keeps serving. */
export async function* backupLines(db: Database): AsyncGenerator<string> {
  for await (const row of streamStoredSources(db)) {
    const line: BackupLine = {
      sourceId: row.sourceId,
      ingestedAt: row.ingestedAt,
      firstIngestedAt: row.firstIngestedAt,
      writer: row.writer,
      grade: row.grade,
      text: row.text,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
    };
    yield JSON.stringify(line);
  }
}

/**
 * Checks that a restore may start: into an empty database, or into one that holds data when told
 * to (to finish a restore that was cut short). Answers what is already there, so that a source
 * restored before, with the same ingestion time, is skipped rather than written again.
 */
export async function prepareRestore(db: Database, { allowNonEmpty }: { allowNonEmpty: boolean }): Promise<Map<string, string>> {
  const existing = await countEntities(db);
  if (existing > 0 && !allowNonEmpty) {
    throw new ConflictError(
      'database_not_empty',
      `The database already holds ${existing} nodes; restore into an empty one, or pass --allow-non-empty to add to it (for example to finish a restore that was cut short).`,
    );
  }
  return readIngestionStamps(db);
}

/** Restores one backup line, unless the same version of that source is already there. */
export async function restoreLine(db: Database, text: string, restored: Map<string, string>): Promise<IngestReport | 'skipped'> {
  const line = parseBackupLine(text);
  if (restored.get(line.sourceId) === line.ingestedAt) return 'skipped';
  const source = { ...(line.payload.source as Record<string, unknown>), ...(line.text === null ? {} : { text: line.text }) };
  const report = await ingestSource(db, parsePayload({ ...line.payload, source }), {
    writer: line.writer,
    action: 'restore',
    ingestedAt: line.ingestedAt,
    firstIngestedAt: line.firstIngestedAt,
    // The grade the source had when backed up, changed or cleared since its payload arrived.
    grade: line.grade,
  });
  restored.set(line.sourceId, line.ingestedAt);
  return report;
}

function parseBackupLine(text: string): BackupLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationError('The backup line is not JSON.');
  }
  const parsed = backupLineSchema.safeParse(json);
  if (!parsed.success) {
    const [first] = zodIssues(parsed.error);
    throw new ValidationError(`The backup line is not valid: ${first?.path || '(root)'}: ${first?.message}`, zodIssues(parsed.error));
  }
  return parsed.data;
}
