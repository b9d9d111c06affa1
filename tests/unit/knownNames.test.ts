/** Two reads of the graph's names compare equal only when nothing a question reads has changed. */
import { describe, expect, it } from 'vitest';
import { type KnownNames, sameNames } from '../../server/core/namesData.ts';

const read = (): KnownNames => ({
  latestDate: '2031-04-10',
  names: [
    { id: 'party:norland', label: 'Norland', type: 'Party', names: ['Norland', 'NL'], party: 'party:norland' },
    { id: 'position:river-treaty', label: 'River treaty', type: 'Position', names: ['River treaty', 'water deal'], party: null },
  ],
});

describe('sameNames', () => {
  it('holds for two reads of unchanged names (distinct objects)', () => {
    expect(sameNames(read(), read())).toBe(true);
  });

  it('fails on a new alias, a renamed entity, a changed party, a new entity or a newer stance date', () => {
    const changes: Array<(k: KnownNames) => void> = [
      (k) => k.names[1]!.names.push('the treaty'),
      (k) => (k.names[0]!.label = 'Norlandia'),
      (k) => (k.names[1]!.party = 'party:norland'),
      (k) => k.names.push({ id: 'place:eastport', label: 'Eastport', type: 'Place', names: ['Eastport'], party: null }),
      (k) => (k.latestDate = '2031-04-11'),
    ];
    for (const change of changes) {
      const changed = read();
      change(changed);
      expect(sameNames(read(), changed)).toBe(false);
    }
  });
});
