/**
 * The explorer's view state, in slices with pure update functions. Everything here is what a
 * permalink restores; transient things (hover, layout running) live in the views.
 */
import { NODE_TYPES, STANCE_TYPE_NAMES, type NodeType, type StanceType } from '../../../server/contract/model.ts';

export const MODES = ['graph', 'trace', 'matrix', 'console', 'ask'] as const;
export type Mode = (typeof MODES)[number];

export interface Filters {
  nodeTypes: readonly NodeType[];
  stanceTypes: readonly StanceType[];
  /** ISO date; null shows everything. */
  asOf: string | null;
}

export interface ExplorerState {
  mode: Mode;
  /** The node whose details the side panel shows. */
  selected: string | null;
  /** The position the trace view shows. */
  tracePosition: string | null;
  filters: Filters;
  /** The Cypher console's query text. */
  query: string;
  /** The Ask box's question. */
  question: string;
  /** Show the graph as tables instead of the canvas. */
  tableView: boolean;
}

/** Sources are many and mostly noise in the picture, so they start hidden. */
export const DEFAULT_NODE_TYPES: readonly NodeType[] = NODE_TYPES.filter((t) => t !== 'Source');

export const DEFAULT_QUERY = 'MATCH (n) RETURN count(n)';

export function initialState(): ExplorerState {
  return {
    mode: 'graph',
    selected: null,
    tracePosition: null,
    filters: { nodeTypes: DEFAULT_NODE_TYPES, stanceTypes: STANCE_TYPE_NAMES, asOf: null },
    query: DEFAULT_QUERY,
    question: '',
    tableView: false,
  };
}

export function setMode(state: ExplorerState, mode: Mode): ExplorerState {
  return state.mode === mode ? state : { ...state, mode };
}

export function select(state: ExplorerState, node: string | null): ExplorerState {
  return state.selected === node ? state : { ...state, selected: node };
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

export function setQuestion(state: ExplorerState, question: string): ExplorerState {
  return state.question === question ? state : { ...state, question };
}

export function setTableView(state: ExplorerState, tableView: boolean): ExplorerState {
  return state.tableView === tableView ? state : { ...state, tableView };
}
