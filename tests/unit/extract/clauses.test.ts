import { describe, expect, it } from 'vitest';
import { readClauses } from '../../../server/features/extract/passes/clauses.ts';
import { segmentsOf } from '../../../server/features/extract/passes/segments.ts';
import { parsed } from './parsed.ts';

describe('readClauses', () => {
  it('reads subject, negation, modality and the verb of speech a clause reports to', () => {
    const doc = parsed([
      'Moscow Moscow PROPN nsubj 1 GPE',
      'said say VERB ROOT 1',
      'it it PRON nsubj 5',
      'would would AUX aux 5',
      'not not PART neg 5',
      'accept accept VERB ccomp 1',
      'the the DET det 7',
      'deal deal NOUN dobj 5',
      '. . PUNCT punct 1',
    ]);
    const accept = readClauses(doc, segmentsOf(doc)).find((c) => c.lemma === 'accept')!;
    expect(accept).toMatchObject({ subjects: [2], negated: true, modal: 'would', reportedBy: 1, objects: [{ token: 7 }], pending: false });
  });

  it('passes a control verb\'s subject to its infinitive, and marks "falls on X to" as pending', () => {
    const doc = parsed([
      'It it PRON nsubj 1',
      'falls fall VERB ROOT 1',
      'on on ADP prep 1',
      'Russia Russia PROPN pobj 2 GPE',
      'to to PART aux 5',
      'accept accept VERB xcomp 1',
      'terms term NOUN dobj 5',
      '; ; PUNCT punct 1',
      'Baku Baku PROPN nsubj 9 GPE',
      'refused refuse VERB conj 1',
      'to to PART aux 11',
      'sign sign VERB xcomp 9',
    ]);
    const clauses = readClauses(doc, segmentsOf(doc));
    expect(clauses.find((c) => c.lemma === 'accept')).toMatchObject({ pending: true, subjects: [] });
    expect(clauses.find((c) => c.lemma === 'sign')).toMatchObject({ pending: false, subjects: [8] });
    expect(clauses.find((c) => c.lemma === 'refuse')).toMatchObject({ xcomp: 11 });
  });
});
