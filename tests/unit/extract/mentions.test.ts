import { describe, expect, it } from 'vitest';
import { Catalogue, findMentions } from '../../../server/features/extract/passes/mentions.ts';
import { parsed } from './parsed.ts';

const pashinyan = parsed([
  'Armenian armenian ADJ amod 2 NORP',
  'Prime Prime PROPN compound 2',
  'Minister Minister PROPN compound 4',
  'Nikol Nikol PROPN compound 4 PERSON',
  'Pashinyan Pashinyan PROPN nsubj 5 PERSON',
  'met meet VERB ROOT 5',
  'officials official NOUN dobj 5',
  'in in ADP prep 5',
  'Moscow Moscow PROPN pobj 7 GPE',
  '. . PUNCT punct 5',
]);

describe('findMentions', () => {
  it('proposes a new person as an official with the title before the name and the party it names', () => {
    const catalogue = new Catalogue([]);
    const mentions = findMentions(pashinyan, catalogue);
    const person = catalogue.byId.get('official:nikol-pashinyan');
    expect(person).toMatchObject({ type: 'Official', party: 'party:armenia', title: 'Armenian Prime Minister', proposed: true });
    expect(mentions.map((m) => [pashinyan.text.slice(m.start, m.end), m.entity])).toEqual([
      ['Nikol Pashinyan', 'official:nikol-pashinyan'],
      ['Moscow', 'party:russia'],
    ]);
  });

  it("prefers the graph's names and aliases over the gazetteer", () => {
    const catalogue = new Catalogue([{ id: 'party:russian-federation', type: 'Party', name: 'Russian Federation', aliases: ['Moscow'] }]);
    const mentions = findMentions(pashinyan, catalogue);
    expect(mentions.find((m) => m.cue === 'alias')).toMatchObject({ entity: 'party:russian-federation' });
    expect(catalogue.byId.get('party:russian-federation')!.proposed).toBe(false);
  });
  it('takes two capitalised proper nouns after a title as a person the entities missed', () => {
    const doc = parsed([
      "Ukraine Ukraine PROPN poss 3 GPE",
      "'s 's PART case 0",
      'Defence Defence PROPN compound 3',
      'Minister Minister PROPN compound 5',
      'Rustem Rustem PROPN compound 5',
      'Umerov Umerov PROPN nsubj 6',
      'spoke speak VERB ROOT 6',
      '. . PUNCT punct 6',
    ]);
    const catalogue = new Catalogue([]);
    const mentions = findMentions(doc, catalogue);
    expect(catalogue.byId.get('official:rustem-umerov')).toMatchObject({ type: 'Official', party: 'party:ukraine', proposed: true });
    expect(mentions.map((m) => doc.text.slice(m.start, m.end))).toContain('Rustem Umerov');
  });
});
