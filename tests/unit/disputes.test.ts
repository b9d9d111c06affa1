import { describe, expect, it } from 'vitest';
import { type JudgedStance, judgeDispute, toDispute } from '../../server/core/disputes.ts';
import { STANCE_TYPES, type StanceType } from '../../server/contract/model.ts';

/** A stance with one evidence item per entry of `reports`: `source` or `source!` for first-hand. */
function stance(id: string, type: StanceType, date: string, reports: string[], datePrecision = 'day'): JudgedStance {
  return {
    id,
    type,
    family: STANCE_TYPES[type].family,
    date,
    datePrecision,
    evidence: reports.map((r) => ({ source: r.replace('!', ''), reporting: r.endsWith('!') ? 'first-hand' : 'second-hand' })),
  };
}

describe('judgeDispute', () => {
  it('calls different sources giving opposite stances at the same moment a dispute, headlined by the stronger side', () => {
    const weak = stance('s:a-agreed', 'agreed', '2025-06-02', ['src:one']);
    const strong = stance('s:b-rejected', 'rejected', '2025-06-02', ['src:two!', 'src:three!', 'src:three!']);
    const judgement = judgeDispute([weak, strong])!;
    expect(judgement).toMatchObject({ disputed: true, reason: 'conflict', headline: { id: 's:b-rejected' } });
    expect(toDispute(judgement)).toEqual({
      reason: 'conflict',
      sides: [
        { type: 'rejected', family: 'rejection', stanceIds: ['s:b-rejected'], sources: 2, firstHand: 2, evidenceCount: 3 },
        { type: 'agreed', family: 'support', stanceIds: ['s:a-agreed'], sources: 1, firstHand: 0, evidenceCount: 1 },
      ],
    });
  });

  it('reads a day inside a month-precision stance as the same moment', () => {
    const judgement = judgeDispute([stance('s:x', 'proposed', '2025-06-01', ['src:one'], 'month'), stance('s:y', 'rejected', '2025-06-20', ['src:two'])])!;
    expect(judgement.disputed).toBe(true);
  });

  it('never calls a reversal over time a dispute', () => {
    const judgement = judgeDispute([stance('s:then', 'rejected', '2025-04-10', ['src:one!', 'src:two!']), stance('s:now', 'agreed', '2025-05-20', ['src:three'])])!;
    expect(judgement).toMatchObject({ disputed: false, sides: null, headline: { id: 's:now' } });
    expect(toDispute(judgement)).toBeNull();
  });

  it('with the same sources, disputes only when the opposite side is as strong or stronger', () => {
    const strong = stance('s:rejected', 'rejected', '2025-06-02', ['src:one!', 'src:one!']);
    const weaker = stance('s:backed', 'backed', '2025-06-02', ['src:one']);
    expect(judgeDispute([strong, weaker])).toMatchObject({ disputed: false, headline: { id: 's:rejected' } });
    const asStrong = stance('s:backed', 'backed', '2025-06-02', ['src:one!', 'src:one']);
    expect(judgeDispute([strong, asStrong])).toMatchObject({ disputed: true, reason: 'as-strong' });
  });

  it('lets claims and statements take no side, and keeps one camp undisputed however many sources', () => {
    expect(judgeDispute([stance('s:c', 'claimed', '2025-06-02', ['src:one']), stance('s:r', 'rejected', '2025-06-02', ['src:two'])])).toMatchObject({ disputed: false, headline: { id: 's:r' } });
    expect(judgeDispute([stance('s:p', 'proposed', '2025-06-02', ['src:one']), stance('s:b', 'backed', '2025-06-02', ['src:two'])])!.disputed).toBe(false);
    expect(judgeDispute([])).toBeNull();
  });
});
