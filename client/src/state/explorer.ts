/**
 * The explorer's view state, in slices with pure update functions. Everything here is what a
 * permalink restores; transient things (hover, layout running) live in the views.
 */
import type { Reliability } from '../../../server/contract/common.ts';
import { NODE_TYPES, STANCE_TYPE_NAMES, type NodeType, type StanceType } from '../../../server/contract/model.ts';

export const MODES = ['graph', 'trace', 'matrix', 'console', 'ask', 'sources', 'conflicts', 'source', 'compare'] as const;
export type Mode = (typeof MODES)[number];

export interface Filters {
  nodeTypes: readonly NodeType[];
  stanceTypes: readonly StanceType[];
  /** ISO date; null shows everything. */
  asOf: string | null;
}

/**
 * Admiralty source reliability, best first. Spelled out here because the contract's list lives
 * beside zod schemas the bundle must not pull in; `satisfies` keeps the two in step.
 */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const satisfies readonly Reliability[];

/**
 * Which sources count, as the server's grade filters take them (null: no limit). Unlike the
 * filters above it changes what the server answers, so the graph is read again when it changes.
 */
export interface SourceFilter {
  /** Admiralty source reliability, A best. */
  minReliability: Reliability | null;
  /** Admiralty information credibility, 1 best. */
  minCredibility: number | null;
  /** Leave out sources whose publisher is affiliated with this party. */
  excludeAffiliatedWith: string | null;
}

export interface ExplorerState {
  mode: Mode;
  /** The node whose details the side panel shows. */
  selected: string | null;
  /** The aggregated actor → target edge whose stances are open (its id: actor and target joined by "|"). */
  selectedEdge: string | null;
  /** The position the trace view shows. */
  tracePosition: string | null;
  filters: Filters;
  sourceFilter: SourceFilter;
  /** The source the sources view has open. */
  openSource: string | null;
  /** The conflict the conflicts view has open (its id: the two stance ids joined by "|"). */
  openConflict: string | null;
  /** The Cypher console's query text. */
  query: string;
  /** The console's parameters panel, as the JSON text typed in it. */
  queryParams: string;
  /** The Ask box's question. */
  question: string;
  /** Show the graph as tables instead of the canvas. */
  tableView: boolean;
  /** The compare view: the documents side by side, and its filters (null: every topic, every kind). */
  compare: CompareState;
  /**
   * The negotiation every scoped view reads (its id, `negotiation=` on the server's reads); null is
   * "All negotiations". Like the source filter it changes what the server answers.
   */
  negotiation: string | null;
}

export interface CompareState {
  documents: readonly string[];
  topic: string | null;
  kind: string | null;
}

/**
 * The node types the first screen draws: the negotiation (actors, positions, the events stances
 * target). Documents, places and sources are context; ticking one brings it in.
 */
export const DEFAULT_NODE_TYPES: readonly NodeType[] = NODE_TYPES.filter((t) => t !== 'Source' && t !== 'Document' && t !== 'Place');

const DEFAULT_QUERY = 'MATCH (n) RETURN count(n)';

export function initialState(): ExplorerState {
  return {
    mode: 'graph',
    selected: null,
    selectedEdge: null,
    tracePosition: null,
    filters: { nodeTypes: DEFAULT_NODE_TYPES, stanceTypes: STANCE_TYPE_NAMES, asOf: null },
    sourceFilter: { minReliability: null, minCredibility: null, excludeAffiliatedWith: null },
    openSource: null,
    openConflict: null,
    query: DEFAULT_QUERY,
    queryParams: '',
    question: '',
    tableView: false,
    compare: { documents: [], topic: null, kind: null },
    negotiation: null,
  };
}

export function setMode(state: ExplorerState, mode: Mode): ExplorerState {
  return state.mode === mode ? state : { ...state, mode };
}

export function select(state: ExplorerState, node: string | null): ExplorerState {
  return state.selected === node ? state : { ...state, selected: node };
}

export function selectEdge(state: ExplorerState, edge: string | null): ExplorerState {
  return state.selectedEdge === edge ? state : { ...state, selectedEdge: edge };
}

export function openTrace(state: ExplorerState, position: string): ExplorerState {
  return { ...state, mode: 'trace', tracePosition: position, selected: position };
}

function toggled<T>(list: readonly T[], item: T, order: readonly T[]): T[] {
  const set = new Set(list);
  if (set.has(item)) set.delete(item);
  else set.add(item);
  // Keep the vocabulary's order so permalinks are stable.
  return order.filter((x) => set.has(x));
}

export function toggleNodeType(state: ExplorerState, type: NodeType): ExplorerState {
  return { ...state, filters: { ...state.filters, nodeTypes: toggled(state.filters.nodeTypes, type, NODE_TYPES) } };
}

/**
 * Ticks the node type of something the analyst searched for, when the filters leave it out: a
 * search hit is shown, and the filters say so. Another type (a cluster) leaves the state as it is.
 */
export function showNodeType(state: ExplorerState, type: string): ExplorerState {
  const known = NODE_TYPES.find((t) => t === type);
  if (!known || state.filters.nodeTypes.includes(known)) return state;
  return toggleNodeType(state, known);
}

export function toggleStanceType(state: ExplorerState, type: StanceType): ExplorerState {
  return { ...state, filters: { ...state.filters, stanceTypes: toggled(state.filters.stanceTypes, type, STANCE_TYPE_NAMES) } };
}

export function setStanceTypes(state: ExplorerState, types: readonly StanceType[]): ExplorerState {
  return { ...state, filters: { ...state.filters, stanceTypes: STANCE_TYPE_NAMES.filter((t) => types.includes(t)) } };
}

export function setAsOf(state: ExplorerState, asOf: string | null): ExplorerState {
  return state.filters.asOf === asOf ? state : { ...state, filters: { ...state.filters, asOf } };
}

export function setQuery(state: ExplorerState, query: string): ExplorerState {
  return state.query === query ? state : { ...state, query };
}

export function setQueryParams(state: ExplorerState, queryParams: string): ExplorerState {
  return state.queryParams === queryParams ? state : { ...state, queryParams };
}

export function setQuestion(state: ExplorerState, question: string): ExplorerState {
  return state.question === question ? state : { ...state, question };
}

export function setTableView(state: ExplorerState, tableView: boolean): ExplorerState {
  return state.tableView === tableView ? state : { ...state, tableView };
}

export function setSourceFilter(state: ExplorerState, change: Partial<SourceFilter>): ExplorerState {
  const next = { ...state.sourceFilter, ...change };
  const same = (Object.keys(next) as (keyof SourceFilter)[]).every((key) => next[key] === state.sourceFilter[key]);
  return same ? state : { ...state, sourceFilter: next };
}

/** Scopes the explorer to one negotiation (null: all of them). */
export function setNegotiation(state: ExplorerState, negotiation: string | null): ExplorerState {
  return state.negotiation === negotiation ? state : { ...state, negotiation };
}

export function openSource(state: ExplorerState, source: string | null): ExplorerState {
  return state.openSource === source && state.mode === 'sources' ? state : { ...state, mode: 'sources', openSource: source };
}

export function openConflict(state: ExplorerState, conflict: string | null): ExplorerState {
  return state.openConflict === conflict && state.mode === 'conflicts' ? state : { ...state, mode: 'conflicts', openConflict: conflict };
}

/**
 * How a change of state enters the browser's history. A step the analyst took (a view, a
 * selection, an opened item, a filter) gets an entry of its own, so Back returns to what was
 * there before; typing (a query, parameters, a question) only replaces the current entry. A
 * filter changed again right after a filter change (the time slider dragged, boxes ticked in a
 * row) replaces its own entry rather than piling one up per stop.
 */
export type HistoryChange = 'none' | 'step' | 'filter' | 'typing';

export function historyChange(previous: ExplorerState, next: ExplorerState): HistoryChange {
  if (
    next.mode !== previous.mode ||
    next.selected !== previous.selected ||
    next.selectedEdge !== previous.selectedEdge ||
    next.tracePosition !== previous.tracePosition ||
    next.openSource !== previous.openSource ||
    next.openConflict !== previous.openConflict ||
    next.tableView !== previous.tableView ||
    next.negotiation !== previous.negotiation ||
    next.compare.documents !== previous.compare.documents
  ) return 'step';
  if (next.filters !== previous.filters || next.sourceFilter !== previous.sourceFilter || next.compare !== previous.compare) return 'filter';
  if (next.query !== previous.query || next.queryParams !== previous.queryParams || next.question !== previous.question) return 'typing';
  return 'none';
}

/** A filter change this soon after another filter change replaces that one's history entry. */
export const FILTER_COALESCE_MS = 1_000;

/** Whether a change pushes a new history entry (true) or replaces the current one (false). */
export function pushesHistory(change: HistoryChange, last: { change: HistoryChange; at: number } | null, now: number): boolean {
  if (change === 'step') return true;
  if (change === 'filter') return !(last?.change === 'filter' && now - last.at < FILTER_COALESCE_MS);
  return false;
}

/** Opens the compare view on these documents; filters of another comparison do not carry over. */
export function openComparison(state: ExplorerState, documents: readonly string[]): ExplorerState {
  const same = documents.length === state.compare.documents.length && documents.every((d, i) => d === state.compare.documents[i]);
  return { ...state, mode: 'compare', compare: same ? state.compare : { documents: [...documents], topic: null, kind: null } };
}

export function setCompareFilter(state: ExplorerState, change: Partial<Pick<CompareState, 'topic' | 'kind'>>): ExplorerState {
  const next = { ...state.compare, ...change };
  return next.topic === state.compare.topic && next.kind === state.compare.kind ? state : { ...state, compare: next };
}
