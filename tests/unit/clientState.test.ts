/** The explorer's view state: the permalink round trip and the filter updates it is made of. */
import { describe, expect, it } from 'vitest';
import { NODE_TYPES, STANCE_TYPE_NAMES, type NodeType } from '../../server/contract/model.ts';
import {
  DEFAULT_NODE_TYPES,
  initialState,
  openConflict,
  openSource,
  openTrace,
  FILTER_COALESCE_MS,
  historyChange,
  pushesHistory,
  select,
  selectEdge,
  setAsOf,
  setMode,
  setNegotiation,
  setSourceFilter,
  setStanceTypes,
  setTableView,
  showNodeType,
  toggleNodeType,
  toggleStanceType,
} from '../../client/src/state/explorer.ts';
import { fromHash, toHash } from '../../client/src/state/permalink.ts';

describe('permalinks', () => {
  it('write nothing for the default view and read an empty hash as the default view', () => {
    expect(toHash(initialState())).toBe('');
    expect(fromHash('')).toEqual(initialState());
    expect(fromHash('#')).toEqual(initialState());
  });

  it('restore every part of a changed view', () => {
    let state = openTrace(initialState(), 'position:unconditional-ceasefire');
    state = toggleNodeType(state, 'Event');
    state = setStanceTypes(state, ['rejected', 'proposed']);
    state = setAsOf(state, '2025-06-02');
    state = setTableView(state, true);
    state = selectEdge(state, 'party:russia|position:partial-truce');
    state = { ...state, query: 'MATCH (p:Party) RETURN p', question: 'Who rejected the ceasefire?' };
    const hash = toHash(state);
    expect(hash).toMatch(/^#/);
    expect(fromHash(hash)).toEqual(state);
  });

  it('keep ids and free text with reserved characters intact', () => {
    const state = { ...select(initialState(), 'official:o’neill&co=1#x'), query: "MATCH (n {name: 'a&b=c'}) RETURN n // #" };
    expect(fromHash(toHash(state))).toEqual(state);
  });

  it('tell an emptied filter from an untouched one', () => {
    const none = setStanceTypes(initialState(), []);
    expect(toHash(none)).toBe('#stances=none');
    expect(fromHash(toHash(none)).filters.stanceTypes).toEqual([]);
  });

  it('fall back to the defaults for unknown or malformed values', () => {
    const state = fromHash('#mode=nonsense&types=Party,Spaceship&stances=rejected,bogus&asOf=June&table=yes');
    expect(state.mode).toBe('graph');
    expect(state.filters.nodeTypes).toEqual(['Party']);
    expect(state.filters.stanceTypes).toEqual(['rejected']);
    expect(state.filters.asOf).toBeNull();
    expect(state.tableView).toBe(false);
  });
});

describe('the source filter and the open source or conflict in permalinks', () => {
  it('restore the grade, affiliation, open source and open conflict', () => {
    let state = setSourceFilter(initialState(), { minReliability: 'B', minCredibility: 3, excludeAffiliatedWith: 'party:russia' });
    state = openSource(state, 'source:lake-talks-first-report');
    state = { ...openConflict(state, 'stance:a|stance:b') };
    const hash = toHash(state);
    expect(hash).toContain('reliability=B');
    expect(hash).toContain('credibility=3');
    expect(fromHash(hash)).toEqual(state);
  });

  it('drop grades that are not Admiralty grades', () => {
    expect(fromHash('#reliability=G&credibility=7').sourceFilter).toEqual(initialState().sourceFilter);
    expect(fromHash('#reliability=a&credibility=0').sourceFilter).toEqual(initialState().sourceFilter);
  });

  it('leave the state as it was when the filter does not change, and clear one limit at a time', () => {
    const state = setSourceFilter(initialState(), { minReliability: 'C' });
    expect(setSourceFilter(state, { minReliability: 'C' })).toBe(state);
    expect(setSourceFilter(state, { minReliability: null }).sourceFilter).toEqual(initialState().sourceFilter);
  });

  it('open a source or a conflict in its own view', () => {
    expect(openSource(initialState(), 'source:x')).toMatchObject({ mode: 'sources', openSource: 'source:x' });
    expect(openConflict(initialState(), 'stance:a|stance:b')).toMatchObject({ mode: 'conflicts', openConflict: 'stance:a|stance:b' });
  });
});

describe('filter updates', () => {
  it('start with the node types the first screen draws (no sources, documents or places) and every stance type', () => {
    expect(initialState().filters.nodeTypes).toEqual(NODE_TYPES.filter((t) => t !== 'Source' && t !== 'Document' && t !== 'Place'));
    expect(initialState().filters.stanceTypes).toEqual(STANCE_TYPE_NAMES);
  });

  it('toggle a type off and on again, keeping the vocabulary order', () => {
    const off = toggleNodeType(initialState(), 'Party');
    expect(off.filters.nodeTypes).not.toContain('Party');
    const on = toggleNodeType(off, 'Party');
    expect(on.filters.nodeTypes).toEqual(DEFAULT_NODE_TYPES);
    const withContext = ['Source', 'Place', 'Document'].reduce((state, type) => toggleNodeType(state, type as NodeType), initialState());
    expect(withContext.filters.nodeTypes).toEqual(NODE_TYPES);
    const stances = toggleStanceType(toggleStanceType(initialState(), 'stated'), 'proposed');
    expect(stances.filters.stanceTypes).toEqual(STANCE_TYPE_NAMES.filter((t) => t !== 'stated' && t !== 'proposed'));
  });

  it('tick the type of a search hit the filters leave out, and nothing else (issue 26: a searched place is drawn)', () => {
    const state = initialState();
    expect(showNodeType(state, 'Place').filters.nodeTypes).toEqual(NODE_TYPES.filter((t) => t !== 'Source' && t !== 'Document'));
    expect(showNodeType(state, 'Party')).toBe(state);
    expect(showNodeType(state, 'Cluster')).toBe(state);
  });

  it('order chosen stance types as the vocabulary does, so equal views give equal links', () => {
    expect(setStanceTypes(initialState(), ['rejected', 'proposed']).filters.stanceTypes).toEqual(['proposed', 'rejected']);
  });

  it('return the same state when nothing changes, so subscribers are not woken', () => {
    const state = initialState();
    expect(setMode(state, 'graph')).toBe(state);
    expect(select(state, null)).toBe(state);
    expect(setAsOf(state, null)).toBe(state);
    expect(setTableView(state, false)).toBe(state);
  });

  it('open a trace in trace mode with the position selected', () => {
    expect(openTrace(initialState(), 'position:x')).toMatchObject({ mode: 'trace', tracePosition: 'position:x', selected: 'position:x' });
  });
});

describe('history entries (issue 26: Select → filter → Matrix → Back → Back returns to the selection)', () => {
  const selected = select(initialState(), 'party:russia');
  const filtered = setStanceTypes(selected, ['rejected']);
  const matrix = setMode(filtered, 'matrix');

  it('give a filter change an entry of its own, so it does not overwrite the selection before it', () => {
    expect(historyChange(initialState(), selected)).toBe('step');
    expect(historyChange(selected, filtered)).toBe('filter');
    expect(historyChange(filtered, matrix)).toBe('step');
    expect(pushesHistory('step', null, 0)).toBe(true);
    expect(pushesHistory('filter', { change: 'step', at: 0 }, 10)).toBe(true);
  });

  it('fold a run of filter changes (the time slider dragged) into one entry, but not a later one', () => {
    expect(pushesHistory('filter', { change: 'filter', at: 0 }, FILTER_COALESCE_MS - 1)).toBe(false);
    expect(pushesHistory('filter', { change: 'filter', at: 0 }, FILTER_COALESCE_MS + 1)).toBe(true);
  });

  it('replace the entry while typing, and count an opened edge as a step', () => {
    const start = initialState();
    expect(historyChange(start, { ...start, query: 'MATCH (n) RETURN n' })).toBe('typing');
    expect(pushesHistory('typing', { change: 'step', at: 0 }, 5_000)).toBe(false);
    expect(historyChange(start, selectEdge(start, 'party:russia|position:partial-truce'))).toBe('step');
    expect(historyChange(start, start)).toBe('none');
  });

  it('keep an edge selection in the permalink, and drop one that is no actor|target pair', () => {
    const state = selectEdge(initialState(), 'party:ukraine|position:partial-truce');
    expect(toHash(state)).toBe('#edge=party%3Aukraine%7Cposition%3Apartial-truce');
    expect(fromHash(toHash(state)).selectedEdge).toBe('party:ukraine|position:partial-truce');
    expect(fromHash('#edge=party%3Aukraine').selectedEdge).toBeNull();
  });
});

describe('the negotiation scope (issue 27)', () => {
  it('starts over all negotiations, keeps a chosen one in the permalink and restores it', () => {
    expect(initialState().negotiation).toBeNull();
    const state = setNegotiation(initialState(), 'negotiation:istanbul-talks');
    const hash = toHash(state);
    expect(hash).toBe('#negotiation=negotiation%3Aistanbul-talks');
    expect(fromHash(hash)).toEqual(state);
    expect(toHash(setNegotiation(state, null))).toBe('');
  });

  it('drops what is no negotiation id', () => {
    expect(fromHash('#negotiation=party%3Arussia').negotiation).toBeNull();
    expect(fromHash('#negotiation=negotiation%3ANot%20One').negotiation).toBeNull();
  });

  it('is a step of its own in the history, and the same choice changes nothing', () => {
    const state = setNegotiation(initialState(), 'negotiation:istanbul-talks');
    expect(setNegotiation(state, 'negotiation:istanbul-talks')).toBe(state);
    expect(historyChange(initialState(), state)).toBe('step');
    expect(historyChange(state, setNegotiation(state, null))).toBe('step');
  });
});
