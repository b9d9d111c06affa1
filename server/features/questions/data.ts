/** Runs named questions and the Cypher console in READ transactions; plain objects only. */
import type { Database, PlanTree, Row, Transaction } from '../../db/database.ts';

interface TabularResult {
  columns: string[];
  rows: Row[];
  truncated: boolean;
  /** The console's byte cap stopped the reading. */
  oversized: boolean;
  queryType: string;
  resultAvailableAfterMs: number;
  /** The profiled plan, for a console query run with `profiled`. */
  profile: PlanTree | null;
}

/**
 * One read-only query in a READ transaction, with a row cap. A console query (`consoleLimits`) is
 * tried once, with the console's timeout (`profiled` when it is a PROFILE); named questions are
 * the app's own and may be retried.
 */
export async function runReadQuery(
  db: Database,
  text: string,
  params: Record<string, unknown>,
  maxRows: number,
  consoleLimits?: { timeoutMs: number; maxBytes: number; profiled?: boolean },
): Promise<TabularResult> {
  const work = (tx: Transaction) => tx.runWithSummary(text, params, maxRows, { profiled: consoleLimits?.profiled ?? false, maxBytes: consoleLimits?.maxBytes });
  const result = await db.transaction('READ', work, consoleLimits ? { timeoutMs: consoleLimits.timeoutMs, once: true } : {});
  return { columns: result.keys, rows: result.rows, truncated: result.truncated, oversized: result.oversized, ...result.summary, profile: result.profile };
}
