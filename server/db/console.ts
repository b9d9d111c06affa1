/**
 * The driver call only the read-only Cypher console needs: planning a query without running it.
 * Kept beside the console's rules (server/features/console/console.ts) rather than in the
 * general wrapper, which every other query uses.
 */
import neo4j, { type Plan } from 'neo4j-driver';
import { type Database, type Params, type PlanTree, type QueryOptions, planTree, transactionConfig } from './database.ts';

/**
 * Parameters as the console's user meant them: a JSON number without a fraction (`{"n": 5}`) is
 * an integer to Neo4j, so `LIMIT $n` and `range(0, $n)` accept it. The driver would otherwise
 * send every JavaScript number as a float. Numbers past 2^53 have lost their digits already and
 * stay floats; arrays and maps are walked (their depth is bounded by the contract).
 */
export function consoleParams(params: Params): Params {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, withIntegers(value)]));
}

function withIntegers(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(withIntegers);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withIntegers(item)]));
  return value;
}

/** One operator of a query plan: its type (ProcedureCall, LoadCSV, ShowTransactions, …) and Neo4j's details. */
export interface PlanOperator {
  type: string;
  details: string;
}

/** The prefix `explainQuery` puts before the query; positions Neo4j reports are shifted by its length. */
export const EXPLAIN_PREFIX = 'EXPLAIN ';

/**
 * Plans a query without running it (`EXPLAIN`): its query type (r, rw, w or s) and every
 * operator of its plan, so callers judge what a query would do however its text is spelled; and
 * the plan as a tree, for the console to draw.
 */
export function explainQuery(
  db: Database,
  cypher: string,
  params: Params = {},
  options: QueryOptions = {},
): Promise<{ queryType: string; operators: PlanOperator[]; plan: PlanTree | null }> {
  return db.withSession('READ', async (session) => {
    const result = await session.run(`${EXPLAIN_PREFIX}${cypher}`, params, transactionConfig(options));
    const { plan } = result.summary;
    return { queryType: result.summary.queryType, operators: planOperators(plan), plan: plan ? planTree(plan) : null };
  });
}

function planOperators(plan: Plan | false): PlanOperator[] {
  if (!plan) return [];
  // Operator types carry the runtime's suffix, as in ProcedureCall@neo4j.
  const own = { type: plan.operatorType.replace(/@.*$/, ''), details: plan.arguments.Details ?? '' };
  return [own, ...plan.children.flatMap(planOperators)];
}
