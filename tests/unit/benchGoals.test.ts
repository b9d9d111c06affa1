/**
 * The bench report's client goals (issue #18), read off client rows: the first frame at 10k and
 * 50k nodes against their own limits, and the pan/zoom frame time at 10k reported against the aim.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGoals } from '../../bench/report.ts';
import { type ResultRow, summarize } from '../../bench/stats.ts';

const clientRow = (scope: string, measure: string, ms: number): ResultRow => ({
  suite: 'client',
  scope,
  measure,
  unit: 'ms',
  higherIsBetter: false,
  parley: summarize([ms]),
  comparisons: [],
});
const frames = (at10k: number, at50k: number | null) => [
  clientRow('10k nodes / 50k edges', 'Parley first frame', at10k),
  ...(at50k === null ? [] : [clientRow('50k nodes / 250k edges', 'Parley first frame', at50k)]),
];
const goal = (rows: ResultRow[], starts: string) => evaluateGoals(rows).find((g) => g.goal.startsWith(starts))!;

describe('client goals in the bench report', () => {
  it('judges the first frame at each size by its own limit', () => {
    expect(goal(frames(800, 2_500), 'First frame')).toMatchObject({ status: 'met', evidence: '10k: 800 ms median; 50k: 2,500 ms median' });
    // 1.2 s would meet the 50k limit, not the 10k one.
    expect(goal(frames(1_200, 2_500), 'First frame').status).toBe('missed');
    expect(goal(frames(800, 3_100), 'First frame').status).toBe('missed');
  });

  it('says which size was not run, and misses as soon as one measured size misses', () => {
    expect(goal(frames(800, null), 'First frame')).toMatchObject({ status: 'not measured', evidence: '10k: 800 ms median; 50k: not run' });
    expect(goal(frames(1_500, null), 'First frame').status).toBe('missed');
    expect(goal([], 'First frame')).toMatchObject({ status: 'not measured', evidence: 'client suite not run' });
  });

  it('reports the pan/zoom frame time at 10k nodes against the 33 ms aim', () => {
    const panZoom = (ms: number) => goal([clientRow('10k nodes / 50k edges', 'Parley pan/zoom frame time p95', ms)], 'Pan/zoom');
    expect(panZoom(16.7)).toMatchObject({ status: 'met', evidence: '16.7 ms, within the 33 ms aim' });
    expect(panZoom(66.6)).toMatchObject({ status: 'met', evidence: '66.6 ms, above the 33 ms aim' });
    expect(goal([], 'Pan/zoom').status).toBe('not measured');
  });
});
