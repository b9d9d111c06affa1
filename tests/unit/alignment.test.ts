import { describe, expect, it } from 'vitest';
import { alignPoints, opposite, sameCondition, type AlignedPoint } from '../../server/features/documents/alignment.ts';

const point = (position: string, order: number, over: Partial<AlignedPoint> = {}): AlignedPoint => ({
  position: { id: position },
  order,
  topic: 'ceasefire',
  family: 'proposal',
  type: 'proposed',
  condition: null,
  ...over,
});

describe('aligning points', () => {
  it('opposes proposing or backing to rejecting, and nothing to stating', () => {
    expect([opposite('proposal', 'rejection'), opposite('support', 'rejection'), opposite('proposal', 'support'), opposite('other', 'rejection')]).toEqual([true, true, false, false]);
  });

  it('reads conditions without case, spacing or trailing punctuation', () => {
    expect(sameCondition('Within 30  days.', 'within 30 days')).toBe(true);
    expect(sameCondition(null, 'within 30 days')).toBe(false);
  });

  it('compares order as the rank among shared points, not the number', () => {
    const rows = alignPoints([
      [point('p:a', 1), point('p:only', 2), point('p:b', 3)],
      [point('p:a', 7), point('p:b', 9)],
    ]);
    expect(rows.map((r) => [r.position, r.kind])).toEqual([['p:a', 'common'], ['p:only', 'gap'], ['p:b', 'common']]);
    const swapped = alignPoints([[point('p:a', 1), point('p:b', 2)], [point('p:b', 1), point('p:a', 2)]]);
    expect(swapped.map((r) => [r.kind, r.differences])).toEqual([['difference', ['order']], ['difference', ['order']]]);
  });

  it('calls opposite stances a contradiction before any difference, and a changed type a difference', () => {
    const rows = alignPoints([
      [point('p:a', 1), point('p:b', 2, { type: 'demanded' })],
      [point('p:a', 1, { family: 'rejection', type: 'rejected', condition: 'never' }), point('p:b', 2, { family: 'support', type: 'open_to' })],
    ]);
    expect(rows.map((r) => [r.kind, r.differences])).toEqual([['contradiction', []], ['difference', ['stance']]]);
  });
});
