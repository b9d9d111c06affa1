import { describe, expect, it } from 'vitest';
import { runPasses } from '../../../server/features/extract/passes/pipeline.ts';
import { parsed } from './parsed.ts';

describe('findQuotes', () => {
  it('attributes a quote to the subject of the verb of speech after it, exactly at its offsets', () => {
    const doc = parsed([
      '“ " PUNCT punct 8',
      'We we PRON nsubj 2',
      'want want VERB ccomp 8',
      'the the DET det 4',
      'truce truce NOUN dobj 2',
      ', , PUNCT punct 8',
      '” " PUNCT punct 8',
      'Peskov Peskov PROPN nsubj 8 PERSON',
      'said say VERB ROOT 8',
      '. . PUNCT punct 8',
    ]);
    const { quotes } = runPasses(doc);
    expect(quotes).toHaveLength(1);
    expect(doc.text.slice(quotes[0]!.start, quotes[0]!.end)).toBe('We want the truce');
    expect(quotes[0]!.speaker).toBe('official:peskov');
  });
});
