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
import type { Database, Transaction } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import { analystSummary } from '../../contract/evidenceText.ts';
import { type EvidenceTextRow, readEvidenceTextToMigrate, readSourceTitles, writeEvidenceText } from './migrationData.ts';
import fs from 'node:fs';
import { seedFiles } from './seed.ts';
import { negotiationRow, parsePayload } from './ingest.ts';
import {
  assignContext,
  assignStancesByRule,
  assignStancesBySource,
  assignUnassigned,
  declareNegotiation,
  dropEmptyUnassigned,
  existingNegotiations,
  readToMigrate,
  sourcesPresent,
} from '../../core/negotiationsData.ts';

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

/** Stances (or events and documents) assigned per transaction by the negotiations migration. */
const NEGOTIATION_PAGE = 5_000;

/**
 * Negotiations (issue 27): a graph from before negotiations had stances, events and documents in
 * none. The seed's negotiation is declared (from the seed payload that declares it) when the graph
 * holds that seed source and not the negotiation; then everything in no negotiation, or only in
 * "Unassigned", is assigned by the rule ingestion applies (`core/negotiationsData.ts`, the Cypher
 * in cypher/negotiations/ and cypher/rules/negotiation-match): its parties and date, else what its
 * sources report, else "Unassigned". Each step runs over the whole graph before the next (a stance
 * placed by what its source reports needs the source's other stances placed first), in pages of
 * stances by id, each page its own transaction. Only what still needs it is read, so a second run
 * writes nothing. Also run after a restore (`reconsider`), so a backup from before the change is
 * upgraded too: its sources were placed as they arrived, before the seed's negotiation was
 * declared, so what went to "Unassigned" is placed again. At a start it is not, so a graph with many
 * unassigned stances is not read whole at every start.
 */
export async function migrateNegotiations(db: Database, logger: Logger, { reconsider = false }: { reconsider?: boolean } = {}): Promise<{ stances: number; context: number }> {
  await declareSeedNegotiations(db, logger);
  // The first step reads every stance that needs assigning; the later ones only those still left.
  const stances = await forEachPage(db, 'stances', assignStancesByRule, reconsider);
  for (const step of [assignStancesBySource, assignUnassigned]) await forEachPage(db, 'stances', step, reconsider);
  const context = await forEachPage(db, 'context', assignContext, reconsider);
  await dropEmptyUnassigned(db);
  if (stances + context > 0) logger.info({ stances, context }, 'assigned stances, events and documents to negotiations');
  return { stances, context };
}

type Step = (tx: Transaction, ids: string[]) => Promise<void>;

async function forEachPage(db: Database, kind: 'stances' | 'context', step: Step, reconsider: boolean): Promise<number> {
  let after = '';
  let seen = 0;
  for (;;) {
    const ids = await readToMigrate(db, kind, after, NEGOTIATION_PAGE, reconsider);
    if (ids.length === 0) return seen;
    await db.transaction('WRITE', (tx) => step(tx, ids), { metadata: { app: 'parley', operation: 'migrate-negotiations' } });
    seen += ids.length;
    after = ids[ids.length - 1]!;
  }
}

/** The negotiations the seed payloads declare, for a graph that holds their source but not them. */
async function declareSeedNegotiations(db: Database, logger: Logger): Promise<void> {
  const declared = seedFiles().flatMap((file) => {
    const payload = parsePayload(JSON.parse(fs.readFileSync(file, 'utf8')));
    return typeof payload.negotiation === 'object' ? [{ sourceId: payload.source.id, negotiation: payload.negotiation }] : [];
  });
  if (declared.length === 0) return;
  const present = await sourcesPresent(db, declared.map((d) => d.sourceId));
  const existing = await existingNegotiations(db, declared.map((d) => d.negotiation.id));
  for (const { sourceId, negotiation } of declared) {
    if (!present.has(sourceId) || existing.has(negotiation.id)) continue;
    await db.transaction('WRITE', (tx) => declareNegotiation(tx, negotiationRow(negotiation)));
    existing.add(negotiation.id);
    logger.info({ negotiation: negotiation.id }, "declared the seed's negotiation");
  }
}
