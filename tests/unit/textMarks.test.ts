/** Quotes found in a stored text, and a text cut into marked and plain runs. */
import { describe, expect, it } from 'vitest';
import { findQuotes, markRuns } from '../../client/src/views/textMarks.ts';

describe('findQuotes', () => {
  const text = 'The minister said: “We won’t tie our boats to the shore.” Later: "Sixty quiet days".';

  it('finds a quote whatever its quotation marks, apostrophes and case, at offsets of the text itself', () => {
    const [found] = findQuotes(text, ["we won't tie our boats"]);
    expect(found).toMatchObject({ start: text.indexOf('We won’t') });
    expect(text.slice(found!.start, found!.end)).toBe('We won’t tie our boats');
  });

  it('orders quotes by where they stand, counts a repeated quote once and leaves out what the text does not hold', () => {
    expect(findQuotes(text, ['Sixty quiet days', 'tie our boats', 'Sixty quiet days', 'not in the text', '']).map((q) => q.quote)).toEqual([
      'tie our boats',
      'Sixty quiet days',
    ]);
  });

  it('keeps offsets right after a character whose lower case is longer', () => {
    const turkish = 'İstanbul talks: “no deal”';
    const [found] = findQuotes(turkish, ['no deal']);
    expect(turkish.slice(found!.start, found!.end)).toBe('no deal');
  });
});

describe('markRuns', () => {
  it('cuts the text into plain and marked runs, the earlier or longer mark winning an overlap', () => {
    const runs = markRuns('abcdefghij', [
      { start: 2, end: 6, kind: 'quote', title: 'q' },
      { start: 3, end: 4, kind: 'actor', title: 'inside' },
      { start: 8, end: 10, kind: 'actor', title: 'a' },
    ]);
    expect(runs).toEqual(['ab', { start: 2, end: 6, kind: 'quote', title: 'q', text: 'cdef' }, 'gh', { start: 8, end: 10, kind: 'actor', title: 'a', text: 'ij' }]);
  });

  it('gives the whole text as one run when nothing is marked', () => {
    expect(markRuns('plain', [])).toEqual(['plain']);
  });
});
