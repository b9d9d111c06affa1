import { describe, expect, it } from 'vitest';
import { runPasses } from '../../../server/features/extract/passes/pipeline.ts';
import { parsed } from './parsed.ts';

const stancesOf = (lines: string[]) => runPasses(parsed(lines)).stances.map((s) => [s.actor, s.type, s.target.id, s.via ?? null]);

describe('readStances', () => {
  it('turns "refused to sign" into a rejection of what would be signed', () => {
    expect(stancesOf([
      'Baku Baku PROPN nsubj 1 GPE',
      'refused refuse VERB ROOT 1',
      'to to PART aux 3',
      'sign sign VERB xcomp 1',
      'the the DET det 6',
      'peace peace NOUN compound 6',
      'treaty treaty NOUN dobj 3',
      '. . PUNCT punct 1',
    ])).toEqual([['party:azerbaijan', 'rejected', 'position:peace-agreement', null]]);
  });

  it('reads "would sign" as openness, and "not accept" said of itself as a first-hand rejection', () => {
    expect(stancesOf([
      'Kyiv Kyiv PROPN nsubj 2 GPE',
      'would would AUX aux 2',
      'sign sign VERB ROOT 2',
      'a a DET det 4',
      'truce truce NOUN dobj 2',
      '. . PUNCT punct 2',
      'Moscow Moscow PROPN nsubj 7 GPE',
      'said say VERB ROOT 7',
      'it it PRON nsubj 11',
      'would would AUX aux 11',
      'not not PART neg 11',
      'accept accept VERB ccomp 7',
      'the the DET det 13',
      'truce truce NOUN dobj 11',
      '. . PUNCT punct 7',
    ])).toEqual([
      ['party:ukraine', 'open_to', 'position:ceasefire', null],
      ['party:russia', 'rejected', 'position:ceasefire', null],
    ]);
  });

  it('gives "X said that Y rejected Z" to Y, second-hand via X; "it falls on X to accept" is no stance', () => {
    expect(stancesOf([
      'Ankara Ankara PROPN nsubj 1 GPE',
      'said say VERB ROOT 1',
      'that that SCONJ mark 4',
      'Kyiv Kyiv PROPN nsubj 4 GPE',
      'rejected reject VERB ccomp 1',
      'the the DET det 6',
      'ceasefire ceasefire NOUN dobj 4',
      '. . PUNCT punct 1',
      'It it PRON nsubj 10',
      'now now ADV advmod 10',
      'falls fall VERB ROOT 10',
      'on on ADP prep 10',
      'Russia Russia PROPN pobj 11 GPE',
      'to to PART aux 14',
      'accept accept VERB xcomp 10',
      'the the DET det 16',
      'terms term NOUN dobj 14',
      '. . PUNCT punct 10',
    ])).toEqual([['party:ukraine', 'rejected', 'position:ceasefire', 'Türkiye']]);
  });

  it('reads a nominal cue: "Israel\'s proposal for a truce"', () => {
    expect(stancesOf([
      'Israel Israel PROPN poss 2 GPE',
      "'s 's PART case 0",
      'proposal proposal NOUN nsubjpass 7',
      'for for ADP prep 2',
      'a a DET det 5',
      'truce truce NOUN pobj 3',
      'was be AUX auxpass 7',
      'discussed discuss VERB ROOT 7',
      '. . PUNCT punct 7',
    ])).toEqual([['party:israel', 'proposed', 'position:ceasefire', null]]);
  });

  it('gives "we" inside a quote to the quote\'s speaker', () => {
    const { stances } = runPasses(parsed([
      '“ " PUNCT punct 8',
      'We we PRON nsubj 2',
      'reject reject VERB ccomp 8',
      'the the DET det 4',
      'truce truce NOUN dobj 2',
      ', , PUNCT punct 8',
      '” " PUNCT punct 8',
      'Qassem Qassem PROPN nsubj 8 PERSON',
      'said say VERB ROOT 8',
      '. . PUNCT punct 8',
    ]));
    expect(stances.map((s) => [s.actor, s.type, s.target.id, s.quote?.speaker])).toEqual([['official:qassem', 'rejected', 'position:ceasefire', 'official:qassem']]);
  });
  it('makes each object joined by "and" a stance of its own', () => {
    expect(stancesOf([
      'Kyiv Kyiv PROPN nsubj 1 GPE',
      'demanded demand VERB ROOT 1',
      'a a DET det 3',
      'truce truce NOUN dobj 1',
      'and and CCONJ cc 3',
      'a a DET det 7',
      'prisoner prisoner NOUN compound 7',
      'exchange exchange NOUN conj 3',
      '. . PUNCT punct 1',
    ])).toEqual([
      ['party:ukraine', 'demanded', 'position:ceasefire', null],
      ['party:ukraine', 'demanded', 'position:prisoner-exchange', null],
    ]);
  });

  it('reads "stressed the need for a truce" as a call for it, and a bare "stressed the need" as none', () => {
    const need = (tail: string[]) => stancesOf([
      'Baku Baku PROPN nsubj 1 GPE',
      'stressed stress VERB ROOT 1',
      'the the DET det 3',
      'need need NOUN dobj 1',
      ...tail,
      '. . PUNCT punct 1',
    ]);
    expect(need(['for for ADP prep 3', 'a a DET det 6', 'truce truce NOUN pobj 4'])).toEqual([['party:azerbaijan', 'called_for', 'position:ceasefire', null]]);
    expect(need([])).toEqual([]);
  });
  it('reads a bare "the idea" as the position named just before, and a passive with its agent', () => {
    expect(stancesOf([
      'Kyiv Kyiv PROPN nsubj 1 GPE',
      'proposed propose VERB ROOT 1',
      'a a DET det 3',
      'truce truce NOUN dobj 1',
      '. . PUNCT punct 1',
      'Moscow Moscow PROPN nsubj 6 GPE',
      'rejected reject VERB ROOT 6',
      'the the DET det 8',
      'idea idea NOUN dobj 6',
      '. . PUNCT punct 6',
      'The the DET det 11',
      'truce truce NOUN nsubjpass 13',
      'was be AUX auxpass 13',
      'backed back VERB ROOT 13',
      'by by ADP agent 13',
      'Ankara Ankara PROPN pobj 14 GPE',
      '. . PUNCT punct 13',
    ])).toEqual([
      ['party:ukraine', 'proposed', 'position:ceasefire', null],
      ['party:russia', 'rejected', 'position:ceasefire', null],
      ['party:turkiye', 'backed', 'position:ceasefire', null],
    ]);
  });
  it('reads "satisfied with", "available for" and "are prepared to" as stances, "pleased to announce" as none, and "offered Kyiv to X" as an offer of X', () => {
    expect(stancesOf([
      'Moscow Moscow PROPN nsubj 1 GPE',
      'offered offer VERB ROOT 1',
      'Kyiv Kyiv PROPN dobj 1 GPE',
      'to to PART aux 4',
      'swap swap VERB xcomp 1',
      'prisoners prisoner NOUN dobj 4',
      '. . PUNCT punct 1',
      'Kyiv Kyiv PROPN nsubj 8 GPE',
      'was be AUX ROOT 8',
      'satisfied satisfied ADJ acomp 8',
      'with with ADP prep 9',
      'the the DET det 12',
      'truce truce NOUN pobj 10',
      '. . PUNCT punct 8',
      'Ankara Ankara PROPN nsubj 16 GPE',
      'is be AUX aux 16',
      'prepared prepare VERB ROOT 16',
      'to to PART aux 18',
      'host host VERB xcomp 16',
      'peace peace NOUN compound 20',
      'talks talk NOUN dobj 18',
      '. . PUNCT punct 16',
      'Washington Washington PROPN nsubj 23 GPE',
      'was be AUX ROOT 23',
      'pleased pleased ADJ acomp 23',
      'to to PART aux 26',
      'announce announce VERB xcomp 24',
      'a a DET det 28',
      'truce truce NOUN dobj 26',
      '. . PUNCT punct 23',
    ])).toEqual([
      ['party:russia', 'offered', 'position:prisoner-exchange', null],
      ['party:ukraine', 'welcomed', 'position:ceasefire', null],
      ['party:turkiye', 'open_to', 'position:peace-talks', null],
    ]);
  });
  it('gives a second infinitive the stance before it, reads "asked X to Y" as a call for Y, and names "continue contacts" with its verb', () => {
    expect(stancesOf([
      'Baku Baku PROPN nsubj 1 GPE',
      'agreed agree VERB ROOT 1',
      'to to ADP prep 1',
      'a a DET det 4',
      'truce truce NOUN pobj 2',
      'and and CCONJ cc 1',
      'to to PART aux 7',
      'continue continue VERB conj 1',
      'contacts contact NOUN dobj 7',
      '. . PUNCT punct 1',
      'Kyiv Kyiv PROPN nsubj 11 GPE',
      'asked ask VERB ROOT 11',
      'Moscow Moscow PROPN dobj 11 GPE',
      'to to PART aux 14',
      'swap swap VERB xcomp 11',
      'prisoners prisoner NOUN dobj 14',
      '. . PUNCT punct 11',
      'Kyiv Kyiv PROPN nsubj 18 GPE',
      'asked ask VERB ROOT 18',
      'about about ADP prep 18',
      'the the DET det 21',
      'truce truce NOUN pobj 19',
      '. . PUNCT punct 18',
    ])).toEqual([
      ['party:azerbaijan', 'agreed', 'position:ceasefire', null],
      ['party:azerbaijan', 'agreed', 'position:continue-contacts', null],
      ['party:ukraine', 'called_for', 'position:prisoner-exchange', null],
    ]);
  });
});
