/** A comparison gold's reports brought into a test app, declaring only what its graph lacks. */
import { readNodesById } from '../../server/core/nodesData.ts';
import { type ComparisonGold, goldEntityIds, reportPayloads } from '../../server/features/documents/comparisonGold.ts';
import { TEST_WRITE_TOKEN, type TestApp } from './app.ts';

export async function ingestComparisonReports(app: TestApp, gold: ComparisonGold): Promise<void> {
  const existing = new Set((await readNodesById(app.db, goldEntityIds(gold))).map((n) => n.id));
  for (const payload of reportPayloads(gold, existing)) await app.api.ingest({ body: payload }, { token: TEST_WRITE_TOKEN });
}
