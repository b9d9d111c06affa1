/**
 * The workbench's corrections, pure (client/src/state/draftCorrections.ts and the merge of
 * sourceDraft.ts): a missed stance added from selected words, actors and targets offered by name,
 * a proposed entity renamed or merged, and the source's URL, publisher and grade.
 * The draft below is hand-written and fictional: it tests mechanics only.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractDraft } from '../../server/contract/extract.ts';
import { sourcePayloadSchema } from '../../server/contract/sourcePayload.ts';
import {
  addStanceFromSelection,
  draftChoices,
  ingestProblems,
  prefillSourceFields,
  rememberName,
  removeAddedStance,
  renameEntity,
  selectedSpan,
  sentenceAround,
} from '../../client/src/state/draftCorrections.ts';
import { type SourceDraftState, acceptedPayload, decide, editStance, emptyDraftState, entityName, loadDraftState, mergeEntity } from '../../client/src/state/sourceDraft.ts';

const text = [
  'Fishing talks resume in Velsen.',
  'The Northern Fishers Union called for a ban on night trawling.',
  'Harbour masters in Velsen have long wanted the ban, and the union\'s delegates echoed that view on Tuesday.',
  '"We will never accept a quota," Mira Tallis said.',
].join('\n\n');
const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
const union = at('The Northern Fishers Union');
const ban = at('a ban on night trawling');
const quote = at('We will never accept a quota');

const draft: ExtractDraft = {
  text,
  format: 'text',
  payload: {
    source: { id: 'source:fishing-talks-resume-2025-09-15', title: 'Fishing talks resume', kind: 'news-article', publishedAt: '2025-09-15', publisher: 'Velsen Courier', text },
    entities: [
      { id: 'party:the-northern-fishers-union', type: 'Party', kind: 'organisation', name: 'The Northern Fishers Union' },
      { id: 'position:ban-on-night-trawling', type: 'Position', name: 'Ban on night trawling', description: 'A ban on night trawling', category: 'diplomatic' },
      { id: 'official:union-chair', type: 'Official', name: 'Union chair', role: 'chair', party: 'party:the-northern-fishers-union' },
    ],
    stances: [
      {
        id: 'stance:union-called-for-ban', actor: 'party:the-northern-fishers-union', type: 'called_for', target: 'position:ban-on-night-trawling', date: '2025-09-15',
        voicedBy: 'official:union-chair', evidence: [{ quote: 'called for a ban on night trawling', reporting: 'second-hand' }],
      },
    ],
    relations: [],
  },
  provenance: {
    mentions: [
      { ...union, text: 'The Northern Fishers Union', entity: 'party:the-northern-fishers-union', type: 'Party', proposed: true, cue: 'ORG', confidence: 0.8 },
      { ...ban, text: 'a ban on night trawling', entity: 'position:ban-on-night-trawling', type: 'Position', proposed: true, cue: 'object', confidence: 0.7 },
      { ...at('Velsen'), text: 'Velsen', entity: 'party:velsen', type: 'Party', proposed: false, cue: 'graph name', confidence: 0.9 },
      { ...at('Mira Tallis'), text: 'Mira Tallis', entity: 'official:mira-tallis', type: 'Official', proposed: true, cue: 'PERSON', confidence: 0.8 },
    ],
    quotes: [{ ...quote, text: text.slice(quote.start, quote.end), speaker: 'official:tallis-known', reporting: 'first-hand', cue: 'said', confidence: 0.9 }],
    stances: [{ stance: 'stance:union-called-for-ban', type: 'called_for', ...at('called for'), sentence: at('The Northern Fishers Union called for a ban on night trawling.'), cue: 'called for', confidence: 0.8 }],
    relations: [],
    dates: [],
  },
  matches: [],
  aliasOffers: [],
  summary: { sentences: 4, mentions: 4, quotes: 1, stances: 1, proposedEntities: 3, relations: 0 },
};

const start = (): SourceDraftState => ({ ...emptyDraftState(), form: { ...emptyDraftState().form, publishedAt: '2025-09-15' }, draft });
const names = (id: string) => id;

describe('a stance added from selected words', () => {
  it('quotes exactly the selected words, blanks left out, with their offsets and sentence, as an extracted candidate has them', () => {
    const words = at("the union's delegates echoed that view");
    const { state, id } = addStanceFromSelection(start(), words.start - 1, words.end + 1);
    expect(id).toBe('stance:added-1');
    const stance = state.draft!.payload.stances!.find((s) => s.id === id)!;
    const where = state.draft!.provenance.stances.find((p) => p.stance === id)!;
    expect(stance.evidence[0]!.quote).toBe("the union's delegates echoed that view");
    expect(text.slice(where.start, where.end)).toBe(stance.evidence[0]!.quote);
    expect(where.quote).toEqual({ start: where.start, end: where.end });
    expect(text.slice(where.sentence.start, where.sentence.end)).toBe("Harbour masters in Velsen have long wanted the ban, and the union's delegates echoed that view on Tuesday.");
    expect(stance.date).toBe('2025-09-15');
    // Nothing recognised inside the words: actor, type and target are the analyst's to choose; kept by default.
    expect(state.unchosen![id!]).toEqual(['type', 'actor', 'target']);
    expect(state.decisions[id!]).toBe(true);
  });

  it('takes actor and target from what the extractor recognised inside the words, or the speaker of the quote holding them', () => {
    const sentence = at('The Northern Fishers Union called for a ban on night trawling');
    const { state, id } = addStanceFromSelection(start(), sentence.start, sentence.end);
    expect(state.draft!.payload.stances!.find((s) => s.id === id)).toMatchObject({ actor: 'party:the-northern-fishers-union', target: 'position:ban-on-night-trawling' });
    expect(state.unchosen![id!]).toEqual(['type']);
    const inQuote = addStanceFromSelection(start(), quote.start + 3, quote.end);
    expect(inQuote.state.draft!.payload.stances!.find((s) => s.id === inQuote.id)!.actor).toBe('official:tallis-known');
    // A proposed name the draft does not declare (Mira Tallis) cannot be an actor: the payload would not hold it.
    const name = at('Mira Tallis');
    const undeclared = addStanceFromSelection(start(), name.start, name.end);
    expect(undeclared.state.unchosen![undeclared.id!]).toContain('actor');
  });

  it('blocks ingestion until its actor, type and target are chosen, then ingests with its exact quote', () => {
    const words = at("the union's delegates echoed that view");
    let { state, id } = addStanceFromSelection(start(), words.start, words.end);
    expect(ingestProblems(state, names)).toEqual([`Choose the type, actor, target of the stance “the union's delegates echoed that view”.`]);
    state = editStance(state, id!, { actor: 'party:the-northern-fishers-union' });
    state = editStance(state, id!, { type: 'backed' });
    expect(ingestProblems(state, names)).toEqual([`Choose the target of the stance “the union's delegates echoed that view”.`]);
    state = editStance(state, id!, { target: 'position:ban-on-night-trawling' });
    expect(ingestProblems(state, names)).toEqual([]);
    expect(state.draft!.provenance.stances.find((p) => p.stance === id)!.type).toBe('backed');
    const payload = sourcePayloadSchema.parse(acceptedPayload(state));
    expect(payload.stances.find((s) => s.id === id)).toMatchObject({ actor: 'party:the-northern-fishers-union', type: 'backed', target: 'position:ban-on-night-trawling', evidence: [{ quote: "the union's delegates echoed that view" }] });
    // A rejected added stance blocks nothing and is not ingested.
    const rejected = decide(addStanceFromSelection(state, quote.start, quote.end).state, 'stance:added-2', false);
    expect(ingestProblems(rejected, names)).toEqual([]);
    expect(acceptedPayload(rejected)!.stances!.map((s) => s.id)).not.toContain('stance:added-2');
  });

  it('numbers added stances apart, ignores a blank selection, and can be removed again', () => {
    const one = addStanceFromSelection(start(), union.start, union.end);
    const two = addStanceFromSelection(one.state, ban.start, ban.end);
    expect([one.id, two.id]).toEqual(['stance:added-1', 'stance:added-2']);
    const blank = text.indexOf('\n\n');
    expect(addStanceFromSelection(two.state, blank, blank + 2)).toEqual({ state: two.state, id: null });
    const removed = removeAddedStance(two.state, 'stance:added-1');
    expect(removed.draft!.payload.stances!.map((s) => s.id)).toEqual(['stance:union-called-for-ban', 'stance:added-2']);
    expect(removed.draft!.provenance.stances.map((p) => p.stance)).toEqual(['stance:union-called-for-ban', 'stance:added-2']);
    expect(removed.decisions).not.toHaveProperty('stance:added-1');
    expect(removeAddedStance(two.state, 'stance:union-called-for-ban')).toBe(two.state);
  });

  it('finds the span and sentence of a selection made backwards or over the text’s ends', () => {
    expect(selectedSpan('  ab  ', 6, 0)).toEqual({ start: 2, end: 4, quote: 'ab' });
    expect(selectedSpan('x', 0, 99)).toEqual({ start: 0, end: 1, quote: 'x' });
    expect(sentenceAround('One. Two three. Four', 6, 9)).toEqual({ start: 5, end: 15 });
    expect(sentenceAround('No stop at all', 3, 7)).toEqual({ start: 0, end: 14 });
  });
});

describe('actors and targets by name', () => {
  it("offers the draft's proposed entities and the graph's names the text holds, by role and by every word of the query", () => {
    const graph = (id: string) => (id === 'party:velsen' ? 'City of Velsen' : undefined);
    expect(draftChoices(start(), 'actor', '', graph)).toEqual([
      { id: 'party:the-northern-fishers-union', name: 'The Northern Fishers Union', type: 'Party', from: 'draft' },
      { id: 'official:union-chair', name: 'Union chair', type: 'Official', from: 'draft' },
      { id: 'party:velsen', name: 'City of Velsen', type: 'Party', from: 'text' },
    ]);
    expect(draftChoices(start(), 'actor', 'fish nor', graph).map((c) => c.id)).toEqual(['party:the-northern-fishers-union']);
    expect(draftChoices(start(), 'actor', 'union', graph).map((c) => c.id)).toEqual(['party:the-northern-fishers-union', 'official:union-chair']);
    expect(draftChoices(start(), 'target', 'trawl', graph).map((c) => c.id)).toEqual(['position:ban-on-night-trawling']);
    expect(draftChoices(start(), 'target', 'union', graph)).toEqual([]);
    // Mira Tallis is proposed but not declared: never offered.
    expect(draftChoices(start(), 'actor', 'tallis', graph)).toEqual([]);
  });

  it('names a graph entity picked by name, or merged into, by that name even when the explorer has not loaded it', () => {
    const picked = editStance(rememberName(start(), 'party:fishers-federation', 'Fishers Federation'), 'stance:union-called-for-ban', { actor: 'party:fishers-federation' });
    expect(entityName(picked, 'party:fishers-federation')).toBe('Fishers Federation');
    const merged = mergeEntity(start(), 'position:ban-on-night-trawling', { id: 'position:trawling-ban', name: 'Trawling ban' });
    // Not the words of the text (its mentions now point at the merged-into position).
    expect(entityName(merged, 'position:trawling-ban')).toBe('Trawling ban');
  });
});

describe('a proposed entity renamed or merged', () => {
  it('renamed: the name changes, the id and every reference stay, and the text’s spelling is kept as an alias', () => {
    const state = renameEntity(start(), 'party:the-northern-fishers-union', '  Northern   Fishers Union ');
    const payload = sourcePayloadSchema.parse(acceptedPayload(state));
    expect(payload.entities.find((e) => e.id === 'party:the-northern-fishers-union')).toMatchObject({ name: 'Northern Fishers Union', aliases: ['The Northern Fishers Union'] });
    expect(payload.stances[0]!.actor).toBe('party:the-northern-fishers-union');
    // Renamed again: the text's spelling is not kept twice, and a name the text lacks is no alias.
    const again = renameEntity(renameEntity(state, 'party:the-northern-fishers-union', 'NFU'), 'party:the-northern-fishers-union', 'Northern Fishers Union');
    expect(again.draft!.payload.entities!.find((e) => e.id === 'party:the-northern-fishers-union')).toMatchObject({ name: 'Northern Fishers Union', aliases: ['The Northern Fishers Union'] });
    expect(renameEntity(start(), 'party:the-northern-fishers-union', '   ')).toEqual(start());
    expect(renameEntity(start(), 'party:not-in-the-draft', 'X')).toEqual(start());
  });

  it('merged into an existing entity: every reference follows (actor, voice, an official’s party, mentions), the proposal goes', () => {
    const state = mergeEntity(start(), 'party:the-northern-fishers-union', { id: 'party:fishers-federation', name: 'Fishers Federation' });
    const payload = sourcePayloadSchema.parse(acceptedPayload(state));
    expect(payload.entities.map((e) => e.id)).toEqual(['position:ban-on-night-trawling', 'official:union-chair']);
    expect(payload.entities.find((e) => e.id === 'official:union-chair')).toMatchObject({ party: 'party:fishers-federation' });
    expect(payload.stances[0]!.actor).toBe('party:fishers-federation');
    expect(state.draft!.provenance.mentions.filter((m) => m.entity === 'party:fishers-federation').map((m) => m.text)).toEqual(['The Northern Fishers Union']);
    expect(JSON.stringify(payload)).not.toContain('party:the-northern-fishers-union');
  });
});

describe("the source's URL, publisher and grade", () => {
  it('are prefilled from the draft where the form is empty, and ingested as the form says', () => {
    const graded = { ...draft.payload.source, url: 'https://courier.example/fishing', grade: 'c3' };
    expect(prefillSourceFields(emptyDraftState().form, graded)).toMatchObject({ url: 'https://courier.example/fishing', publisher: 'Velsen Courier', reliability: 'C', credibility: '3' });
    const typed = { ...emptyDraftState().form, publisher: 'Typed', reliability: 'A' as const };
    expect(prefillSourceFields(typed, graded)).toMatchObject({ publisher: 'Typed', reliability: 'A', credibility: '' });

    const state: SourceDraftState = { ...start(), form: { ...start().form, url: ' https://courier.example/a ', publisher: 'Courier', reliability: 'B', credibility: '2' } };
    expect(ingestProblems(state, names)).toEqual([]);
    expect(sourcePayloadSchema.parse(acceptedPayload(state)).source).toMatchObject({ url: 'https://courier.example/a', publisher: 'Courier', grade: 'B2' });
    const cleared = { ...state, form: { ...state.form, url: '', publisher: '', reliability: '' as const, credibility: '' as const } };
    const source = sourcePayloadSchema.parse(acceptedPayload(cleared)).source;
    expect([source.url, source.publisher, source.grade]).toEqual([undefined, undefined, undefined]);
  });

  it('refuse a URL that is no web address and a grade with one half', () => {
    const state: SourceDraftState = { ...start(), form: { ...start().form, url: 'courier dot example', reliability: 'B' } };
    expect(ingestProblems(state, names)).toEqual([
      'The URL is not a web address (http:// or https://).',
      'The grade needs both its reliability (A–F) and its credibility (1–6), or neither.',
    ]);
    expect(ingestProblems({ ...state, form: { ...state.form, url: 'javascript:alert(1)', credibility: '6' } }, names)).toEqual(['The URL is not a web address (http:// or https://).']);
  });

  it('a draft saved before these fields existed loads with them empty', () => {
    const store = new Map([['parley.sourceDraft', JSON.stringify({ form: { title: 'T', publishedAt: '', publisher: 'P', text: 'x', format: '' }, draft: null, decisions: {}, merges: {} })]]);
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    expect(loadDraftState(storage).form).toEqual({ title: 'T', publishedAt: '', publisher: 'P', text: 'x', format: '', url: '', reliability: '', credibility: '' });
  });
});
