import { describe, expect, it } from 'vitest';
import { runPasses } from '../../../server/features/extract/passes/pipeline.ts';
import { parsed } from './parsed.ts';

describe('resolveCoreference', () => {
  it('resolves "it" to the last party and "he" to the last person, but not an expletive "it"', () => {
    const doc = parsed([
      'Moscow Moscow PROPN nsubj 1 GPE',
      'said say VERB ROOT 1',
      'it it PRON nsubj 3',
      'objected object VERB ccomp 1',
      '. . PUNCT punct 1',
      'Peskov Peskov PROPN nsubj 6 PERSON',
      'agreed agree VERB ROOT 6',
      'and and CCONJ cc 6',
      'he he PRON nsubj 9',
      'left leave VERB conj 6',
      '. . PUNCT punct 6',
      'It it PRON nsubj 12',
      'is be AUX ROOT 12',
      'late late ADJ acomp 12',
      '. . PUNCT punct 12',
    ]);
    const { mentions } = runPasses(doc);
    const resolved = mentions.filter((m) => m.cue === 'pronoun').map((m) => [doc.text.slice(m.start, m.end), m.entity]);
    expect(resolved).toEqual([
      ['it', 'party:russia'],
      ['he', 'official:peskov'],
    ]);
  });
});
