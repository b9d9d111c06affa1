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

  it('makes two opposed positions, each held by another document, one contradiction row', () => {
    const rows = alignPoints(
      [
        [point('p:settle-now', 1), point('p:shared', 2)],
        [point('p:talk-later', 1, { type: 'stated', family: 'other' }), point('p:shared', 2)],
      ],
      [['p:talk-later', 'p:settle-now']],
    );
    expect(rows.map((r) => [r.positions, r.kind, r.points.map((p) => p?.position.id ?? null)])).toEqual([
      [['p:settle-now', 'p:talk-later'], 'contradiction', ['p:settle-now', 'p:talk-later']],
      [['p:shared'], 'common', ['p:shared', 'p:shared']],
    ]);
    // Without the relation they are two gaps.
    expect(alignPoints([[point('p:settle-now', 1)], [point('p:talk-later', 1)]]).map((r) => r.kind)).toEqual(['gap', 'gap']);
  });

  it('does not pair opposed positions when one document holds both, or one side rejects its own', () => {
    const both = alignPoints([[point('p:x', 1), point('p:y', 2)], [point('p:y', 1)]], [['p:x', 'p:y']]);
    expect(both.map((r) => [r.positions, r.kind])).toEqual([[['p:x'], 'gap'], [['p:y'], 'common']]);
    const rejecting = alignPoints([[point('p:x', 1)], [point('p:y', 1, { type: 'rejected', family: 'rejection' })]], [['p:x', 'p:y']]);
    expect(rejecting.map((r) => [r.positions, r.kind])).toEqual([[['p:x'], 'gap'], [['p:y'], 'gap']]);
  });
});
