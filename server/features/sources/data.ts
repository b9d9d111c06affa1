/** Reading what sources arrived as, and the audit trail; plain rows only. */
import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';
import type { NodeRefRow, StanceRow } from '../../core/stancesData.ts';

interface SourceListRow {
  id: string;
  title: string;
  kind: string;
  publishedAt: string | null;
  publisher: string | null;
  publishedBy: PublisherRow | null;
  url: string | null;
  grade: string | null;
  ingestedAt: string | null;
  writer: string | null;
  textBytes: number | null;
  evidence: number;
  stances: number;
  quotes: number;
  entities: number;
}

interface PublisherRow {
  id: string;
  name: string;
  aliases: string[];
  country: string | null;
  affiliation: { id: string; label: string; type: string } | null;
}

interface StoredSourceRow {
  sourceId: string;
  payload: string;
  text: string | null;
  ingestedAt: string;
  firstIngestedAt: string;
  writer: string;
  grade: string | null;
}

interface SourceDetailRow {
  id: string;
  title: string;
  kind: string;
  publishedAt: string | null;
  publisher: string | null;
  url: string | null;
  grade: string | null;
  ingestedAt: string | null;
  text: string | null;
}

/** A stance a source supports, with only that source's evidence for it. */
type SupportedStanceRow = Pick<StanceRow, 'id' | 'type' | 'family' | 'date' | 'datePrecision' | 'condition' | 'evidence'> & {
  actor: NodeRefRow;
  target: NodeRefRow;
};

interface AuditRow {
  at: string;
  action: string;
  sourceId: string;
  writer: string;
  changes: string;
  /** For a grade change: the grade before and after. */
  grade: { from: string | null; to: string | null } | null;
}

export async function readStoredPayload(db: Database, sourceId: string): Promise<string | undefined> {
  const [row] = await db.read<{ payload: string }>(cypher('sources/previous-payload'), { sourceId });
  return row?.payload;
}

/** A page of sources; `sources` (null: all) the admissible ones of a grade filter. */
export async function listSourceRows(
  db: Database,
  page: { limit: number; offset: number },
  sources: string[] | null = null,
  negotiation: string | null = null,
): Promise<{ total: number; rows: SourceListRow[] }> {
  const [count] = await db.read<{ total: number }>(cypher('sources/count'), { sources, negotiation });
  return { total: count?.total ?? 0, rows: await db.read<SourceListRow>(cypher('sources/list'), { ...page, sources, negotiation }) };
}

export async function readSourceDetail(db: Database, sourceId: string): Promise<SourceDetailRow | undefined> {
  const [row] = await db.read<SourceDetailRow>(cypher('sources/detail'), { sourceId });
  return row;
}

export function readSupportedStances(db: Database, sourceId: string): Promise<SupportedStanceRow[]> {
  return db.read<SupportedStanceRow>(cypher('sources/supported-stances'), { sourceId });
}

/** Every stored source, oldest first, streamed so that a large graph's backup never sits in memory whole. */
export function streamStoredSources(db: Database): AsyncGenerator<StoredSourceRow> {
  return db.stream<StoredSourceRow>(cypher('sources/records'));
}

/** When each stored source was last ingested, by source id. */
export async function readIngestionStamps(db: Database): Promise<Map<string, string>> {
  const rows = await db.read<{ sourceId: string; ingestedAt: string }>(cypher('sources/stamps'));
  return new Map(rows.map((r) => [r.sourceId, r.ingestedAt]));
}

export function readAuditRows(db: Database, page: { limit: number; offset: number }): Promise<AuditRow[]> {
  return db.read<AuditRow>(cypher('audit/list'), page);
}
