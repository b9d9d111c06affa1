/** The shared language layer: offsets, folding, stance cues with negation, names, titles and dates. */
import { describe, expect, it } from 'vitest';
import { NameMatcher, STATES, findDates, findStanceCues, fold, isSpeechVerb, readSentences, type KnownName } from '../../server/language/index.ts';

const graph: KnownName[] = [
  { id: 'official:olena-marchuk', type: 'Official', name: 'Olena Marchuk', aliases: ['Marchuk'], party: 'party:ukraine' },
  { id: 'official:recep-tayyip-erdogan', type: 'Official', name: 'Recep Tayyip Erdoğan', aliases: ['Erdoğan'], party: 'party:turkiye' },
  { id: 'position:grain-corridor', type: 'Position', name: 'Black Sea grain corridor', aliases: ['grain corridor'] },
  ...STATES,
];

describe('readSentences', () => {
  it('splits sentences and blank-line blocks, with offsets that slice the original text', () => {
    const text = 'MOSCOW\n\n"We will not move," Marchuk said on Friday. Kyiv did not agree.';
    const sentences = readSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['MOSCOW', '"We will not move," Marchuk said on Friday.', 'Kyiv did not agree.']);
    for (const sentence of sentences) {
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
      for (const token of sentence.tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    }
    expect(sentences[1]!.tokens.find((t) => t.text === 'said')!.lemma).toBe('say');
  });
});

describe('fold', () => {
  it('folds case, diacritics and typographic quotes without changing the length', () => {
    expect(fold('Erdoğan’s İstanbul')).toBe("erdogan's istanbul");
    expect(fold('Çırağan').length).toBe('Çırağan'.length);
  });
});

describe('findStanceCues', () => {
  const cuesOf = (text: string) => findStanceCues(readSentences(text)[0]!.tokens).map((c) => [c.type, c.cue, c.negated]);

  it('maps stance verbs, particles and nouns to stance types', () => {
    expect(cuesOf('Warsaw rejected the plan.')).toEqual([['rejected', 'rejected', false]]);
    expect(cuesOf('The envoy called for a truce.')).toEqual([['called_for', 'called for', false]]);
    expect(cuesOf("Moscow turned down Kyiv's proposal for talks.")).toEqual([
      ['rejected', 'turned down', false],
      ['proposed', 'proposal for', false],
    ]);
  });

  it('reads negation: not agreeing is no agreement, not ruling out is openness', () => {
    expect(cuesOf('The sides did not agree to a truce.')).toEqual([['rejected', 'did not agree', true]]);
    expect(cuesOf('Berlin has not ruled out talks.')).toEqual([['open_to', 'has not ruled out', true]]);
    expect(cuesOf('They did not demand anything.')).toEqual([]);
  });

  it('marks the passive, whose actors follow "by"', () => {
    const [cue] = findStanceCues(readSentences('The plan is backed by Paris.')[0]!.tokens);
    expect(cue).toMatchObject({ type: 'backed', passive: true });
  });

  it('knows reporting verbs', () => {
    const tokens = readSentences('"Fine," he added.')[0]!.tokens;
    expect(tokens.filter(isSpeechVerb).map((t) => t.text)).toEqual(['added']);
  });
});

describe('NameMatcher', () => {
  const matcher = new NameMatcher(graph);
  const found = (text: string) => matcher.find(text).map((m) => [m.text, m.entities[0]!.id]);

  it('matches names and aliases folded, on word boundaries, longest first', () => {
    expect(found('Erdogan met officials in Kiev and the Kremlin.')).toEqual([
      ['Erdogan', 'official:recep-tayyip-erdogan'],
      ['Kiev', 'party:ukraine'],
      ['the Kremlin', 'party:russia'],
    ]);
    expect(found('the Black Sea grain corridor reopened')).toEqual([['Black Sea grain corridor', 'position:grain-corridor']]);
  });

  it('keeps short acronyms case-sensitive, so the pronoun "us" is no country', () => {
    expect(found('Let us talk, the US said.')).toEqual([['US', 'party:united-states']]);
  });

  it('reads the title before a name and the party it names', () => {
    const text = 'said Kremlin spokesman Dmitry Peskov and Turkish Foreign Minister Hakan Fidan';
    expect(matcher.titleBefore(text, text.indexOf('Dmitry'))).toMatchObject({ title: 'Kremlin spokesman', role: 'spokesman', party: { id: 'party:russia' } });
    expect(matcher.titleBefore(text, text.indexOf('Hakan'))).toMatchObject({ role: 'Foreign Minister', party: { id: 'party:turkiye' } });
    expect(matcher.titleBefore('talks with Hakan Fidan', 11)).toBeUndefined();
  });
});

describe('findDates', () => {
  const on = (text: string) => findDates(text, '2025-06-03').map((d) => [d.text, d.date, d.precision]);

  it('resolves absolute and relative dates with a precision, weekdays to the past', () => {
    expect(on('on June 2')).toEqual([['June 2', '2025-06-02', 'day']]);
    expect(on('on Monday')).toEqual([['on Monday', '2025-06-02', 'day']]);
    expect(on('on Friday')).toEqual([['on Friday', '2025-05-30', 'day']]);
    expect(on('last week')).toEqual([['last week', '2025-05-26', 'week']]);
    expect(on('in January')).toEqual([['January', '2025-01-01', 'month']]);
  });
});
