/**
 * The view in the URL hash (`#mode=trace&position=…&asOf=…`), so a copied link or a reload
 * restores it. Only values that differ from the defaults are written, to keep links short.
 */
import { NODE_TYPES, STANCE_TYPE_NAMES, type NodeType, type StanceType } from '../../../server/contract/model.ts';
import type { Reliability } from '../../../server/contract/common.ts';
import { MODES, RELIABILITY_GRADES, initialState, type ExplorerState, type Mode } from './explorer.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CREDIBILITY = /^[1-6]$/;
/** The contract's negotiation id (`negotiationId` in server/contract/common.ts), spelled out so the bundle takes no zod. */
const NEGOTIATION_ID = /^negotiation:[a-z0-9]+(?:-[a-z0-9]+)*$/;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function toHash(state: ExplorerState): string {
  const defaults = initialState();
  const params = new URLSearchParams();
  if (state.mode !== defaults.mode) params.set('mode', state.mode);
  if (state.selected) params.set('node', state.selected);
  if (state.selectedEdge) params.set('edge', state.selectedEdge);
  if (state.tracePosition) params.set('position', state.tracePosition);
  if (!sameList(state.filters.nodeTypes, defaults.filters.nodeTypes)) params.set('types', state.filters.nodeTypes.join(',') || 'none');
  if (!sameList(state.filters.stanceTypes, defaults.filters.stanceTypes)) params.set('stances', state.filters.stanceTypes.join(',') || 'none');
  if (state.filters.asOf) params.set('asOf', state.filters.asOf);
  const { minReliability, minCredibility, excludeAffiliatedWith } = state.sourceFilter;
  if (minReliability) params.set('reliability', minReliability);
  if (minCredibility) params.set('credibility', String(minCredibility));
  if (excludeAffiliatedWith) params.set('notFrom', excludeAffiliatedWith);
  if (state.openSource) params.set('source', state.openSource);
  if (state.openConflict) params.set('conflict', state.openConflict);
  if (state.query !== defaults.query) params.set('query', state.query);
  if (state.queryParams) params.set('params', state.queryParams);
  if (state.question) params.set('question', state.question);
  if (state.tableView) params.set('table', '1');
  if (state.compare.documents.length) params.set('docs', state.compare.documents.join(','));
  if (state.compare.topic) params.set('topic', state.compare.topic);
  if (state.compare.kind) params.set('kind', state.compare.kind);
  if (state.negotiation) params.set('negotiation', state.negotiation);
  const text = params.toString();
  return text ? `#${text}` : '';
}

function listParam<T extends string>(value: string | null, vocabulary: readonly T[], fallback: readonly T[]): readonly T[] {
  if (value === null) return fallback;
  if (value === 'none') return [];
  const wanted = new Set(value.split(','));
  return vocabulary.filter((t) => wanted.has(t));
}

/** Parses a hash; unknown or malformed values fall back to the defaults. */
export function fromHash(hash: string): ExplorerState {
  const defaults = initialState();
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const mode = params.get('mode');
  const asOf = params.get('asOf');
  const reliability = params.get('reliability');
  const credibility = params.get('credibility') ?? '';
  return {
    mode: MODES.includes(mode as Mode) ? (mode as Mode) : defaults.mode,
    selected: params.get('node') || null,
    selectedEdge: /^[^|]+\|[^|]+$/.test(params.get('edge') ?? '') ? params.get('edge') : null,
    tracePosition: params.get('position') || null,
    filters: {
      nodeTypes: listParam<NodeType>(params.get('types'), NODE_TYPES, defaults.filters.nodeTypes),
      stanceTypes: listParam<StanceType>(params.get('stances'), STANCE_TYPE_NAMES, defaults.filters.stanceTypes),
      asOf: asOf && ISO_DATE.test(asOf) ? asOf : null,
    },
    sourceFilter: {
      minReliability: RELIABILITY_GRADES.includes(reliability as Reliability) ? (reliability as Reliability) : null,
      minCredibility: CREDIBILITY.test(credibility) ? Number(credibility) : null,
      excludeAffiliatedWith: params.get('notFrom') || null,
    },
    openSource: params.get('source') || null,
    openConflict: params.get('conflict') || null,
    query: params.get('query') ?? defaults.query,
    queryParams: params.get('params') ?? '',
    question: params.get('question') ?? '',
    tableView: params.get('table') === '1',
    compare: {
      documents: (params.get('docs') ?? '').split(',').map((d) => d.trim()).filter(Boolean).slice(0, 5),
      topic: params.get('topic') || null,
      kind: params.get('kind') || null,
    },
    negotiation: NEGOTIATION_ID.test(params.get('negotiation') ?? '') ? params.get('negotiation') : null,
  };
}
