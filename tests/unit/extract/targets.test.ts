import { describe, expect, it } from 'vitest';
import { familyOf, phraseOf, TargetNamer } from '../../../server/features/extract/passes/targets.ts';
import { parsed } from './parsed.ts';

describe('targets', () => {
  it('names a target from the head noun phrase, through "the draft of"', () => {
    const doc = parsed([
      'signed sign VERB ROOT 0',
      'the the DET det 2',
      'draft draft NOUN dobj 0',
      'of of ADP prep 2',
      'a a DET det 6',
      'peace peace NOUN compound 6',
      'deal deal NOUN pobj 3',
      'on on ADP prep 0',
      'Monday Monday PROPN pobj 7 DATE',
    ]);
    expect(phraseOf(doc, 2)).toMatchObject({ text: 'peace deal' });
    expect(phraseOf(doc, 8)).toBeUndefined();
  });

  it('puts "30-day cease-fire", "truce" and "ceasefire" in one family, and matches a known position by meaning', () => {
    expect(['30-day cease-fire', 'humanitarian truce', 'a ceasefire'].map((p) => familyOf(p)?.slug)).toEqual(['ceasefire', 'ceasefire', 'ceasefire']);
    const namer = new TargetNamer([{ id: 'position:black-sea-grain-corridor', type: 'Position', names: ['Black Sea grain corridor'] }]);
    expect(namer.name({ text: 'corridor for Black Sea grain', start: 0, end: 10 }).id).toBe('position:black-sea-grain-corridor');
    expect(namer.name({ text: '30-day cease-fire', start: 0, end: 10 }).id).toBe(namer.name({ text: 'truce', start: 20, end: 25 }).id);
    // A kind of ceasefire is a position of its own: rejecting an unconditional one while offering a partial one is no reversal.
    expect(['full and unconditional ceasefire', 'partial truce of two to three days', 'energy ceasefire'].map((p) => familyOf(p)?.slug)).toEqual(['unconditional-ceasefire', 'partial-ceasefire', 'energy-ceasefire']);
  });
  it('names a proposal by its author when nothing else names it, and an offer by its infinitive complement', () => {
    const doc = parsed([
      'rejected reject VERB ROOT 0',
      'a a DET det 2',
      'proposal proposal NOUN dobj 0',
      'by by ADP prep 2',
      'the the DET det 6',
      'United United PROPN compound 6',
      'States States PROPN pobj 3',
      'and and CCONJ cc 0',
      'welcomed welcome VERB conj 0',
      'his his PRON poss 10',
      'offer offer NOUN dobj 8',
      'to to PART aux 12',
      'mediate mediate VERB acl 10',
      'the the DET det 15',
      'Kashmir Kashmir PROPN compound 15',
      'dispute dispute NOUN dobj 12',
    ]);
    expect(phraseOf(doc, 2)).toMatchObject({ text: 'United States proposal' });
    expect(phraseOf(doc, 10)).toMatchObject({ text: 'mediate the Kashmir dispute' });
  });
});
