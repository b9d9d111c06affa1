import { describe, expect, it } from 'vitest';
import { findListedPoints, proposedPosition, suggestStance, suggestTopic } from '../../server/features/extract/points.ts';

const MEMO = [
  'The memorandum handed over in Istanbul sets out these points:',
  '',
  '1. A complete ceasefire for 30 days, in the air, on land and at sea.',
  '2) The return of all deported children, after the ceasefire begins.',
  '   - as a confidence-building measure',
  '3. No restrictions on the size of the armed forces.',
  'Point 4: Ukraine must hold elections within 100 days.',
  '',
  'Officials said talks would continue.',
].join('\n');

describe('points of a pasted document', () => {
  it('finds numbered points in order, with offsets into the text, leaving sub-bullets inside', () => {
    const points = findListedPoints(MEMO);
    expect(points.map((p) => [p.order, p.marker, p.text])).toEqual([
      [1, '1.', 'A complete ceasefire for 30 days, in the air, on land and at sea.'],
      [2, '2)', 'The return of all deported children, after the ceasefire begins.'],
      [3, '3.', 'No restrictions on the size of the armed forces.'],
      [4, 'Point 4:', 'Ukraine must hold elections within 100 days.'],
    ]);
    for (const p of points) expect(MEMO.slice(p.start, p.end)).toBe(p.text);
  });

  it('suggests topic, stance and condition from the words', () => {
    const points = findListedPoints(MEMO);
    expect(points.map((p) => [p.topic, p.type, p.condition])).toEqual([
      ['ceasefire', 'proposed', null],
      ['humanitarian', 'proposed', 'after the ceasefire begins'],
      ['military_limits', 'rejected', null],
      ['elections_governance', 'demanded', 'within 100 days'],
    ]);
    expect([suggestTopic('Lifting of sanctions in stages'), suggestTopic('Nothing here'), suggestStance('Russia demands a referendum')]).toEqual(['sanctions', null, 'demanded']);
  });

  it('takes bullets when nothing is numbered, and needs at least two items', () => {
    const bullets = findListedPoints('Key points:\n- Prisoner exchange of all for all\n• Monitoring by observers\n');
    expect(bullets.map((p) => [p.order, p.topic])).toEqual([[1, 'prisoners_missing'], [2, 'implementation_monitoring']]);
    expect(findListedPoints('1. Only one numbered line.\nAnd prose.')).toEqual([]);
    expect(findListedPoints('At 12:30 the talks ended.\nA. Smith said 2. was fine.')).toEqual([]);
  });

  it('proposes a position named from the first words', () => {
    expect(proposedPosition('The return of all deported children, after the ceasefire begins.')).toEqual({
      id: 'position:the-return-of-all-deported-children',
      name: 'The return of all deported children, after the ceasefire begins',
    });
  });
});
