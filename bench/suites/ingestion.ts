/**
 * 3. Bulk ingestion: stances per second through Parley's ingestion (validation, reference
 * checks, one transaction per source) against the same rows as raw `UNWIND` batches. Each run
 * adds a fresh batch of news sources to the loaded world and removes it afterwards.
 */
import { ingestRaw, ingestThroughParley, rawRows, removeClaims } from '../ingestPaths.ts';
import { compare, type ResultRow, summarize } from '../stats.ts';
import { sourceCount, stanceSource, type WorldPlan } from '../world.ts';
import { cappedRuns, type WorldContext } from './context.ts';

export interface IngestionOptions {
  /** Stances per run and path. */
  stances: number;
}

/** News sources over the world's entities, under their own id prefix, without position relations (they would touch the world's). */
function* extraSources(world: WorldPlan, stances: number, claimPrefix: string) {
  const plan: WorldPlan = { ...world, stances, claimPrefix };
  for (let i = 0; i < sourceCount(plan); i++) yield { ...stanceSource(plan, i), relations: [] };
}

export async function ingestionSuite(context: WorldContext, options: IngestionOptions): Promise<ResultRow[]> {
  const parleyRates: number[] = [];
  const rawRates: number[] = [];
  for (const run of cappedRuns(context)) {
    const parleyPrefix = `bench-parley-${run}`;
    const rawPrefix = `bench-raw-${run}`;
    const throughParley = async () => {
      const { stances, seconds } = await ingestThroughParley(context.db, extraSources(context.plan, options.stances, parleyPrefix), context.logger, 'ingestion run');
      parleyRates.push(stances / seconds);
    };
    const throughRaw = async () => {
      const { stances, seconds } = await ingestRaw(context.db, [...extraSources(context.plan, options.stances, rawPrefix)].map(rawRows));
      rawRates.push(stances / seconds);
    };
    // Alternate which path goes first: the second one meets a slightly larger store.
    for (const path of run % 2 === 0 ? [throughParley, throughRaw] : [throughRaw, throughParley]) await path();
    await removeClaims(context.db, parleyPrefix);
    await removeClaims(context.db, rawPrefix);
    context.logger.info({ scope: context.scope, run: run + 1, of: context.runs, parley: Math.round(parleyRates.at(-1)!), raw: Math.round(rawRates.at(-1)!) }, 'ingestion run done');
  }
  const parley = summarize(parleyRates);
  return [
    {
      suite: 'ingestion',
      scope: `${context.scope}, +${options.stances.toLocaleString('en')} stances per run in sources of ${context.plan.stancesPerSource}`,
      measure: 'stances/s',
      unit: 'stances/s',
      higherIsBetter: true,
      parley,
      comparisons: [compare('raw UNWIND batches (driver)', parley, summarize(rawRates))],
    },
  ];
}
