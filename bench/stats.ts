/** Summaries of repeated measurements and the result rows every suite produces. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Nearest-rank percentile of a sorted list (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median: sorted.length ? median : Number.NaN, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, runs: sorted.length };
}

export type Suite = 'latency' | 'throughput' | 'ingestion' | 'client' | 'load' | 'extraction' | 'watches' | 'layout' | 'negotiations';

/** The negotiations suite's baseline, by which report.ts judges the scoping goal of issue 27. */
export const ALONE_BASELINE = 'same request on a world holding only that negotiation';

export interface Comparison {
  baseline: string;
  value: Summary;
  /** Parley's median divided by the baseline's median. */
  ratio: number;
}

export interface ResultRow {
  suite: Suite;
  /** The world or data set measured, e.g. "medium" or "10k nodes". */
  scope: string;
  measure: string;
  unit: string;
  higherIsBetter: boolean;
  parley: Summary;
  comparisons: Comparison[];
  /** Set when the measurement was cut short or could not be made. */
  note?: string;
}

export function compare(baseline: string, parley: Summary, value: Summary): Comparison {
  return { baseline, value, ratio: parley.median / value.median };
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export function elapsedMs(start: number): number {
  return performance.now() - start;
}
