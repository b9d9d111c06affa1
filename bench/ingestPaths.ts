/**
 * The two ways stances get into the graph in this benchmark: Parley's ingestion (`ingestSource`,
 * one transaction per source, with validation and reference checks) and the baseline a user
 * could write instead, the same rows through the driver as plain `UNWIND` batches.
 */
import type { Database } from '../server/db/database.ts';
import { ingestSource, parsePayload, planIngestion } from '../server/features/sources/ingest.ts';
import type { SourcePayload } from '../server/contract/sourcePayload.ts';
import type { Logger } from '../server/logger.ts';

/** Loads payloads through Parley's ingestion, logging progress every few seconds. */
export async function ingestThroughParley(db: Database, payloads: Iterable<SourcePayload>, logger: Logger, what: string): Promise<{ stances: number; seconds: number }> {
  const started = performance.now();
  let stances = 0;
  let sources = 0;
  let lastReport = started;
  for (const payload of payloads) {
    // Parsed as an ingested body is, so the row measures validation too.
    await ingestSource(db, parsePayload(payload));
    stances += payload.stances.length;
    sources += 1;
    const now = performance.now();
    if (now - lastReport > 5_000) {
      lastReport = now;
      logger.info({ what, sources, stances, stancesPerSecond: Math.round(stances / ((now - started) / 1000)) }, 'ingesting');
    }
  }
  return { stances, seconds: (performance.now() - started) / 1000 };
}

/** The rows of a payload as the raw baseline writes them: planned up front, outside the timing. */
export function rawRows(payload: SourcePayload) {
  const { plan } = planIngestion(payload);
  return { source: plan.source, sourceId: plan.sourceId, stances: plan.stances, evidence: plan.evidence, links: plan.links };
}
export type RawRows = ReturnType<typeof rawRows>;

const RAW_STANCES = `
MERGE (src:Entity {id: $source.id}) SET src:Source, src += $source
WITH src
UNWIND $stances AS row
MATCH (actor:Entity {id: row.actor})
MATCH (target:Entity {id: row.target})
MERGE (s:Entity {id: row.id}) SET s:Stance, s += row.props, s.date = date(row.date)
CREATE (actor)-[:TOOK]->(s), (s)-[:ON]->(target)`;

const RAW_EVIDENCE = `
MATCH (src:Entity {id: $sourceId})
UNWIND $evidence AS row
MATCH (s:Entity {id: row.stance})
MERGE (e:Entity {id: row.id}) SET e:Evidence, e += row.props
CREATE (s)-[:EVIDENCED_BY]->(e), (e)-[:FROM]->(src)`;

const RAW_LINKS = `
UNWIND $links AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b) SET r = row.props`;

/** The baseline: each source's rows in one transaction of three `UNWIND` statements, nothing else. */
export async function ingestRaw(db: Database, batches: RawRows[]): Promise<{ stances: number; seconds: number }> {
  const started = performance.now();
  let stances = 0;
  for (const rows of batches) {
    const session = db.driver.session({ database: db.name });
    try {
      await session.executeWrite(async (tx) => {
        await tx.run(RAW_STANCES, { source: rows.source, stances: rows.stances });
        await tx.run(RAW_EVIDENCE, { sourceId: rows.sourceId, evidence: rows.evidence });
        await tx.run(RAW_LINKS, { links: rows.links });
      });
    } finally {
      await session.close();
    }
    stances += rows.stances.length;
  }
  return { stances, seconds: (performance.now() - started) / 1000 };
}

/** Removes what a batch of extra sources added: their stances with evidence, then the sources. */
export async function removeClaims(db: Database, claimPrefix: string): Promise<void> {
  await db.write(
    `MATCH (s:Entity) WHERE s.id STARTS WITH $stancePrefix
     OPTIONAL MATCH (s)-[:EVIDENCED_BY]->(e)
     DETACH DELETE s, e`,
    { stancePrefix: `stance:${claimPrefix}-` },
  );
  await db.write('MATCH (s:Entity) WHERE s.id STARTS WITH $sourcePrefix DETACH DELETE s', { sourcePrefix: `source:${claimPrefix}-` });
}
