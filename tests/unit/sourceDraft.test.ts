/** The Add source workbench's pure state: decisions, edits, merges and the payload that is ingested. */
import { describe, expect, it } from 'vitest';
import type { ExtractDraft } from '../../server/contract/extract.ts';
import { type SourceDraftState, acceptedPayload, decide, editStance, emptyDraftState, entityName, isAliasKept, keepAlias, loadDraftState, mergeEntity, saveDraftState, setDraftNegotiation, withDraft } from '../../client/src/state/sourceDraft.ts';

const evidence = [{ summary: 'Summary: x', reporting: 'second-hand' }];
const draft = {
  payload: {
    source: { id: 'source:t', title: 'T', kind: 'news-article', publishedAt: '2025-06-10' },
    entities: [
      { id: 'position:moratorium', type: 'Position', name: 'Moratorium' },
      { id: 'official:janos-vereb', type: 'Official', name: 'Janos Vereb', party: 'party:hungary' },
      { id: 'party:hungary', type: 'Party', name: 'Hungary' },
      { id: 'position:unused', type: 'Position', name: 'Unused' },
    ],
    stances: [
      { id: 'stance:a', actor: 'official:dmitry-peskov', type: 'rejected', target: 'position:moratorium', date: '2025-06-10', evidence },
      { id: 'stance:b', actor: 'official:janos-vereb', type: 'backed', target: 'position:moratorium', date: '2025-06-10', evidence },
      { id: 'stance:c', actor: 'official:recep-tayyip-erdogan', type: 'welcomed', target: 'position:prisoner-swap', date: '2025-06-10', evidence },
    ],
    relations: [{ type: 'ALTERNATIVE_TO', from: 'position:moratorium', to: 'position:unused', stance: 'stance:c' }],
  },
} as unknown as ExtractDraft;

describe('source draft state', () => {
  it('ingests undecided and accepted stances, drops rejected ones and what only they needed', () => {
    let state: SourceDraftState = { ...emptyDraftState(), draft };
    state = decide(decide(state, 'stance:a', true), 'stance:c', false);
    const payload = acceptedPayload(state)!;
    expect((payload.stances as Array<{ id: string }>).map((s) => s.id)).toEqual(['stance:a', 'stance:b']);
    expect(payload.relations).toEqual([]);
    expect((payload.entities as Array<{ id: string }>).map((e) => e.id)).toEqual(['position:moratorium', 'official:janos-vereb', 'party:hungary']);
  });

  it('merges a proposed entity into an existing one everywhere it is referenced, and keeps edits', () => {
    let state: SourceDraftState = { ...emptyDraftState(), draft };
    state = mergeEntity(state, 'position:moratorium', { id: 'position:partial-truce', name: 'Partial truce' });
    state = editStance(state, 'stance:b', { type: 'welcomed' });
    const payload = acceptedPayload(state)!;
    expect((payload.stances as Array<{ target: string; type: string }>).map((s) => [s.target, s.type])).toEqual([
      ['position:partial-truce', 'rejected'],
      ['position:partial-truce', 'welcomed'],
      ['position:prisoner-swap', 'welcomed'],
    ]);
    expect((payload.entities as Array<{ id: string }>).map((e) => e.id)).not.toContain('position:moratorium');
    expect(state.merges).toEqual({ 'position:moratorium': { id: 'position:partial-truce', name: 'Partial truce' } });
  });

  it('round-trips through storage, and a broken stored value starts empty', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    const state = decide({ ...emptyDraftState(), draft, form: { ...emptyDraftState().form, title: 'T', publishedAt: '2025-06-10', text: 'x' } }, 'stance:a', false);
    saveDraftState(storage, state);
    expect(loadDraftState(storage)).toEqual(state);
    storage.setItem('parley.sourceDraft', '{broken');
    expect(loadDraftState(storage)).toEqual(emptyDraftState());
  });
});

describe('alias offers', () => {
  const offer = { text: 'Janosh Vereb', entity: 'official:janos-vereb', name: 'Janos Vereb', similarity: 0.9, start: 0, end: 12 };

  it('keep the analyst’s choice as an alias claim in the ingested payload, once, and drop it again', () => {
    const start: SourceDraftState = { ...emptyDraftState(), draft };
    const kept = keepAlias(keepAlias(start, offer, true), offer, true);
    expect(isAliasKept(kept, offer)).toBe(true);
    expect(acceptedPayload(kept)!.aliases).toEqual([{ entity: 'official:janos-vereb', alias: 'Janosh Vereb' }]);
    const dropped = keepAlias(kept, offer, false);
    expect(isAliasKept(dropped, offer)).toBe(false);
    expect(acceptedPayload(dropped)!.aliases).toEqual([]);
    expect(keepAlias(start, offer, false)).toBe(start);
  });
});

describe("the workbench's candidate headers (issue 26)", () => {
  it('name actors and targets, never by id: declared name, then the graph\'s, then the article\'s words', () => {
    const withMentions = {
      ...draft,
      provenance: { mentions: [{ start: 0, end: 7, text: 'Erdoğan', entity: 'official:recep-tayyip-erdogan', type: 'Official', proposed: false }], quotes: [], stances: [], relations: [], dates: [] },
    } as unknown as ExtractDraft;
    const state: SourceDraftState = { ...emptyDraftState(), draft: withMentions };
    const graph = new Map([['official:dmitry-peskov', 'Dmitry Peskov']]);
    const known = (id: string) => graph.get(id);
    expect(entityName(state, 'official:janos-vereb', known)).toBe('Janos Vereb');
    expect(entityName(state, 'official:dmitry-peskov', known)).toBe('Dmitry Peskov');
    expect(entityName(state, 'official:recep-tayyip-erdogan', known)).toBe('Erdoğan');
    expect(entityName(state, 'position:prisoner-swap', known)).toBe('prisoner swap');
    for (const id of ['official:janos-vereb', 'official:dmitry-peskov', 'position:prisoner-swap']) expect(entityName(state, id, known)).not.toContain(':');
  });
});

describe('the negotiation a draft goes into (issue 27)', () => {
  it('sends none by default, so the server decides, and the chosen one otherwise', () => {
    const state: SourceDraftState = { ...emptyDraftState(), draft };
    expect(acceptedPayload(state)!).not.toHaveProperty('negotiation');
    const chosen = setDraftNegotiation(state, 'negotiation:istanbul-talks');
    expect(acceptedPayload(chosen)!.negotiation).toBe('negotiation:istanbul-talks');
    const undone = setDraftNegotiation(chosen, null);
    expect(undone).not.toHaveProperty('negotiation');
    expect(acceptedPayload(undone)!).not.toHaveProperty('negotiation');
    expect(setDraftNegotiation(chosen, 'negotiation:istanbul-talks')).toBe(chosen);
  });

  it("starts in the server's proposal: a new negotiation's declaration keeps the proposed parties it names, and follows a merge", () => {
    const declaration = { id: 'negotiation:hungary-talks', name: 'Hungary talks', aliases: [], parties: ['party:hungary'], mediators: [], start: '2025-06-10' };
    const proposed = { ...draft, negotiation: { negotiation: declaration, name: 'Hungary talks', new: true, reason: 'No negotiation matches.' } } as ExtractDraft;
    let state = withDraft(emptyDraftState(), proposed);
    expect(state.negotiation).toEqual(declaration);
    // Only the declaration still needs Hungary once Janos Vereb's stance is rejected.
    state = decide(state, 'stance:b', false);
    const payload = acceptedPayload(state)!;
    expect(payload.negotiation).toEqual(declaration);
    expect((payload.entities as Array<{ id: string }>).map((e) => e.id)).toContain('party:hungary');
    const merged = mergeEntity(state, 'party:hungary', { id: 'party:hungary-state', name: 'Hungary' });
    expect(acceptedPayload(merged)!.negotiation).toMatchObject({ parties: ['party:hungary-state'] });
    // An existing negotiation proposed is preselected by its id; the analyst may still change it.
    const existing = withDraft(emptyDraftState(), { ...draft, negotiation: { negotiation: 'negotiation:istanbul-talks', name: 'Istanbul talks', new: false, reason: 'Its parties and dates match.' } } as ExtractDraft);
    expect(acceptedPayload(existing)!.negotiation).toBe('negotiation:istanbul-talks');
    expect(acceptedPayload(setDraftNegotiation(existing, null))!).not.toHaveProperty('negotiation');
    expect(withDraft(emptyDraftState(), draft)).not.toHaveProperty('negotiation');
  });
});
