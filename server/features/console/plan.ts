/**
 * EXPLAIN and PROFILE in the console. Both are reads of a plan, but the console judges the query
 * they prefix, never the prefixed text: the keyword is blanked out (spaces of the same length, so
 * Neo4j's error positions still point into what the user typed) and the rest goes through every
 * read-only check. EXPLAIN then answers with the plan only; PROFILE runs the query in the same
 * READ transaction with its timeout and row cap, and answers with rows and the profiled plan.
 */

type PlanMode = 'run' | 'explain' | 'profile';

/** The query's leading EXPLAIN or PROFILE, and the query with that keyword blanked out. */
export function readPlanMode(query: string): { mode: PlanMode; query: string } {
  const match = /^(\s*)(EXPLAIN|PROFILE)(?=\s)/i.exec(query);
  if (!match) return { mode: 'run', query };
  const keyword = match[2]!;
  return { mode: keyword.toLowerCase() as PlanMode, query: match[1]! + ' '.repeat(keyword.length) + query.slice(match[0].length) };
}
