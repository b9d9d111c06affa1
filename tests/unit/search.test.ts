/** Search ranking and the Lucene query it sends, without a database. */
import { describe, expect, it } from 'vitest';
import { luceneQuery, rankHits } from '../../server/features/graph/search.ts';

const hit = (id: string, label: string, type: string, aliases: string[], score: number) => ({ id, label, type, aliases, score });

describe('rankHits', () => {
  const hits = [
    hit('position:tougher-sanctions-on-russia', 'Tougher sanctions on Russia', 'Position', ['sanctions on Russia'], 9),
    hit('place:russia', 'Russia', 'Place', ['Russian Federation'], 5),
    hit('party:russia', 'Russia', 'Party', ['Moscow', 'the Kremlin', 'Kremlin'], 4),
  ];

  it('puts an exact name first, a party before a place of the same name, whatever the index scored', () => {
    expect(rankHits('russia', hits).map((h) => h.id)).toEqual(['party:russia', 'place:russia', 'position:tougher-sanctions-on-russia']);
  });

  it('says which alias matched when the name did not', () => {
    const [first] = rankHits('Kremlin', hits);
    expect(first).toMatchObject({ id: 'party:russia', matched: 'Kremlin' });
    expect(rankHits('Russia', hits)[0]!.matched).toBeNull();
  });
});

describe('luceneQuery', () => {
  it('also tries two neighbouring words written as one', () => {
    expect(luceneQuery('cease fire')).toContain('(ceasefire^3 OR ceasefire*^2 OR ceasefire~1)');
    expect(luceneQuery('unconditional cease-fire')).toContain('(unconditional^3 OR unconditional*^2 OR unconditional~1) AND (ceasefire^3');
  });

  it('sends one word without phrase or joined clauses, and nothing for text without words', () => {
    expect(luceneQuery('ceasefire')).toBe('((ceasefire^3 OR ceasefire*^2 OR ceasefire~1))');
    expect(luceneQuery(' :: ')).toBeNull();
  });
});
