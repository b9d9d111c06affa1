import type { Database } from '../../server/db/database.ts';
import type { Logger } from '../../server/logger.ts';
import type { AppProcess } from '../../tests/support/processes/appProcess.ts';
import type { Neo4jTarget } from '../processes.ts';
import type { WorldPlan } from '../world.ts';

/** Everything a per-world suite needs: the loaded world, its Neo4j, and Parley serving it. */
export interface WorldContext {
  scope: string;
  plan: WorldPlan;
  db: Database;
  neo4j: Neo4jTarget;
  server: AppProcess;
  runs: number;
  /** A suite starts no new run after this long (it always completes one). */
  capSeconds: number;
  logger: Logger;
}

/** Run indices, as many as asked for or as fit in the suite's time cap, whichever is fewer. */
export function* cappedRuns(context: Pick<WorldContext, 'runs' | 'capSeconds'>): Generator<number> {
  const deadline = performance.now() + context.capSeconds * 1000;
  for (let run = 0; run < context.runs; run++) {
    if (run > 0 && performance.now() > deadline) return;
    yield run;
  }
}
