/** Turns loosely shaped JSON from the API into the typed shapes in ./types.ts. */
import { STANCE_TYPES, type StanceType } from '../../../server/domain/model.ts';
import type {
  ApiEdge,
  ApiNode,
  EdgeFamily,
  Evidence,
  GraphData,
  Matrix,
  MatrixCell,
  NamedQuestion,
  NamedRef,
  QuestionParam,
  RelatedPosition,
  SearchHit,
  TabularResult,
  TimelineEntry,
  Trace,
  TraceStance,
} from './types.ts';

type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** An array found directly or under one of the given keys of a wrapper object. */
function listOf(value: unknown, ...keys: string[]): unknown[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value)) {
    for (const key of keys) {
      const inner = value[key];
      if (Array.isArray(inner)) return inner;
    }
  }
  return [];
}

function familyOf(type: string, declared?: unknown): EdgeFamily {
  if (declared === 'proposal' || declared === 'support' || declared === 'rejection' || declared === 'other' || declared === 'structure') {
    return declared;
  }
  return type in STANCE_TYPES ? STANCE_TYPES[type as StanceType].family : 'structure';
}

function toNamedRef(value: unknown): NamedRef | null {
  if (typeof value === 'string') return { id: value, name: value, type: null };
  if (!isRecord(value)) return null;
  const attributes = isRecord(value.attributes) ? value.attributes : {};
  const id = str(value.id) ?? str(value.key) ?? str(attributes.id);
  if (!id) return null;
  const name = str(value.name) ?? str(value.label) ?? str(attributes.name) ?? str(value.title) ?? id;
  return { id, name, type: str(value.type) ?? (Array.isArray(value.labels) ? str(value.labels.find((l) => l !== 'Entity')) : null) };
}

function refs(value: unknown): NamedRef[] {
  return listOf(value).flatMap((item) => {
    const ref = toNamedRef(isRecord(item) && isRecord(item.position) ? item.position : item);
    return ref ? [ref] : [];
  });
}

/** Related positions, with the server's wording of what the relation means when it gives one. */
function relatedPositions(value: unknown): RelatedPosition[] {
  return listOf(value).flatMap((item) => {
    const ref = toNamedRef(isRecord(item) && isRecord(item.position) ? item.position : item);
    return ref ? [{ ...ref, meaning: isRecord(item) ? str(item.meaning) : null }] : [];
  });
}

function toTimeline(value: unknown): TimelineEntry[] {
  return listOf(value, 'timeline').flatMap((item) => {
    if (!isRecord(item)) return [];
    const text = str(item.text) ?? str(item.label);
    return text ? [{ date: str(item.date), kind: str(item.kind), text }] : [];
  });
}

function toEvidence(value: unknown): Evidence {
  const item = isRecord(value) ? value : {};
  const source = item.source;
  const sourceRecord = isRecord(source) ? source : null;
  return {
    quote: str(item.quote),
    summary: str(item.summary),
    source: sourceRecord ? (str(sourceRecord.title) ?? str(sourceRecord.name) ?? str(sourceRecord.id)) : (str(item.sourceTitle) ?? str(source)),
    sourceId: sourceRecord ? str(sourceRecord.id) : (str(item.sourceId) ?? str(source)),
    url: sourceRecord ? str(sourceRecord.url) : str(item.url),
    reporting: str(item.reporting),
    via: str(item.via),
    date: str(item.date) ?? (sourceRecord ? str(sourceRecord.publishedAt) : null),
  };
}

export function toEvidenceList(value: unknown): Evidence[] {
  return listOf(value, 'evidence').map(toEvidence);
}

function toApiNode(value: unknown): ApiNode | null {
  if (!isRecord(value)) return null;
  const attributes = isRecord(value.attributes) ? { ...value.attributes } : { ...value };
  const id = str(value.id) ?? str(value.key) ?? str(attributes.id);
  if (!id) return null;
  const labels = Array.isArray(value.labels) ? value.labels.filter((l): l is string => typeof l === 'string') : [];
  const type = str(value.type) ?? str(attributes.type) ?? labels.find((l) => l !== 'Entity') ?? 'Entity';
  const label = str(value.label) ?? str(attributes.name) ?? str(attributes.label) ?? str(attributes.title) ?? id;
  return { id, label, type, attributes };
}

function toApiEdge(value: unknown): ApiEdge | null {
  if (!isRecord(value)) return null;
  const attributes = isRecord(value.attributes) ? { ...value.attributes } : {};
  const id = str(value.id) ?? str(value.key);
  const source = str(value.source) ?? str(value.start) ?? str(value.from);
  const target = str(value.target) ?? str(value.end) ?? str(value.to);
  const type = str(value.type) ?? str(attributes.type) ?? 'RELATED';
  if (!source || !target) return null;
  attributes.family = familyOf(type, attributes.family);
  attributes.evidence = toEvidenceList(attributes.evidence);
  return { id: id ?? `${source}-${type}-${target}`, source, target, type, attributes };
}

export function toGraphData(value: unknown): GraphData {
  const body = isRecord(value) && isRecord(value.graph) ? value.graph : value;
  return {
    nodes: listOf(body, 'nodes').flatMap((n) => toApiNode(n) ?? []),
    edges: listOf(body, 'edges', 'relationships').flatMap((e) => toApiEdge(e) ?? []),
    truncated: isRecord(body) && body.truncated === true,
  };
}

export function toSearchHits(value: unknown): SearchHit[] {
  return listOf(value, 'results', 'matches', 'items', 'hits').flatMap((item) => {
    if (!isRecord(item)) return [];
    const node = isRecord(item.node) ? item.node : item;
    const ref = toNamedRef(node);
    if (!ref) return [];
    const matched = str(item.matched) ?? str(item.alias) ?? str(item.matchedAlias);
    return [{ id: ref.id, name: ref.name, type: ref.type ?? 'Entity', matched: matched && matched !== ref.name ? matched : null }];
  });
}

function toTraceStance(value: unknown, groupType: string | null): TraceStance | null {
  if (!isRecord(value)) return null;
  const actor = toNamedRef(value.actor);
  const type = str(value.type) ?? str(value.stanceType) ?? groupType;
  if (!actor || !type) return null;
  const evidence = toEvidenceList(value.evidence);
  // A stance may carry its quote and source directly instead of (or besides) an evidence list.
  if (evidence.length === 0 && (value.quote !== undefined || value.summary !== undefined)) evidence.push(toEvidence(value));
  return {
    stanceId: str(value.stanceId) ?? str(value.id) ?? `${actor.id}-${type}`,
    type,
    family: familyOf(type, value.family),
    actor,
    party: toNamedRef(value.party),
    date: str(value.date),
    condition: isRecord(value.condition) ? str(value.condition.text) : str(value.condition),
    evidence,
  };
}

export function toTrace(value: unknown): Trace {
  const body = isRecord(value) ? value : {};
  const positionRef = toNamedRef(body.position) ?? { id: '', name: '', type: 'Position' };
  const positionRecord = isRecord(body.position) ? body.position : {};
  const positionAttributes = isRecord(positionRecord.attributes) ? positionRecord.attributes : positionRecord;
  let stances: TraceStance[] = [];
  const rawStances = body.stances ?? body.byType ?? body.groups;
  if (Array.isArray(rawStances)) {
    stances = rawStances.flatMap((item) => {
      // Either flat stances or groups of the form {type, stances:[...]}.
      if (isRecord(item) && Array.isArray(item.stances)) return item.stances.flatMap((s) => toTraceStance(s, str(item.type)) ?? []);
      return toTraceStance(item, null) ?? [];
    });
  } else if (isRecord(rawStances)) {
    stances = Object.entries(rawStances).flatMap(([type, group]) => listOf(group).flatMap((s) => toTraceStance(s, type) ?? []));
  }
  const relations = isRecord(body.relations) ? body.relations : body;
  return {
    position: { ...positionRef, description: str(positionAttributes.description) },
    stances,
    preconditions: relatedPositions(relations.preconditions),
    preconditionOf: relatedPositions(relations.preconditionOf),
    alternatives: relatedPositions(relations.alternatives),
    conditions: relatedPositions(relations.conditions),
    conditionOf: relatedPositions(relations.conditionOf),
    timeline: toTimeline(body.timeline),
  };
}

export function toMatrix(value: unknown): Matrix {
  const body = isRecord(value) ? value : {};
  const cells: MatrixCell[] = listOf(body, 'cells', 'rows', 'entries').flatMap((item) => {
    if (!isRecord(item)) return [];
    const party = toNamedRef(item.party)?.id ?? null;
    const position = toNamedRef(item.position)?.id ?? null;
    // The latest stance may be nested (`latest: {type, family, date}`) or flattened into the cell.
    const stance = isRecord(item.latest) ? item.latest : item;
    const type = str(stance.type) ?? str(stance.stanceType);
    if (!party || !position || !type) return [];
    return [{
      party,
      position,
      type,
      family: familyOf(type, stance.family),
      date: str(stance.date),
      evidenceCount: num(item.evidenceCount) ?? num(item.evidence) ?? 0,
    }];
  });
  const parties = refs(body.parties);
  const positions = refs(body.positions);
  // Derive the axes from the cells when the server does not list them separately.
  const cellParties = isRecord(value) ? listOf(body, 'cells', 'rows', 'entries').flatMap((c) => (isRecord(c) ? (toNamedRef(c.party) ?? []) : [])) : [];
  const cellPositions = isRecord(value) ? listOf(body, 'cells', 'rows', 'entries').flatMap((c) => (isRecord(c) ? (toNamedRef(c.position) ?? []) : [])) : [];
  return { parties: uniqueRefs(parties.length ? parties : cellParties), positions: uniqueRefs(positions.length ? positions : cellPositions), cells };
}

function uniqueRefs(list: NamedRef[]): NamedRef[] {
  const seen = new Map<string, NamedRef>();
  for (const ref of list) if (!seen.has(ref.id) || seen.get(ref.id)!.name === ref.id) seen.set(ref.id, ref);
  return [...seen.values()];
}

function toParam(value: unknown, name?: string): QuestionParam | null {
  const item = isRecord(value) ? value : {};
  const paramName = str(item.name) ?? name;
  if (!paramName) return null;
  return {
    name: paramName,
    type: str(item.type) ?? (typeof value === 'string' ? value : 'string'),
    description: str(item.description),
    required: item.required !== false && item.optional !== true,
  };
}

export function toQuestions(value: unknown): NamedQuestion[] {
  return listOf(value, 'questions', 'items').flatMap((item) => {
    if (!isRecord(item)) return [];
    const id = str(item.id);
    if (!id) return [];
    const params = Array.isArray(item.params ?? item.parameters)
      ? listOf(item.params ?? item.parameters).flatMap((p) => toParam(p) ?? [])
      : isRecord(item.params ?? item.parameters)
        ? Object.entries((item.params ?? item.parameters) as Json).flatMap(([name, spec]) => toParam(spec, name) ?? [])
        : [];
    return [{ id, title: str(item.title) ?? id, description: str(item.description), params }];
  });
}

/** Rows as arrays in column order, whether the server sends arrays or objects keyed by column. */
export function toTabular(value: unknown): TabularResult {
  const body = isRecord(value) ? value : {};
  const rawRows = listOf(body.rows);
  let columns = listOf(body.columns).flatMap((c) => str(c) ?? (isRecord(c) ? (str(c.name) ?? []) : []));
  if (columns.length === 0 && isRecord(rawRows[0])) columns = Object.keys(rawRows[0]);
  const rows = rawRows.map((row) => (Array.isArray(row) ? row : isRecord(row) ? columns.map((c) => row[c]) : [row]));
  return { columns, rows, evidence: toEvidenceList(body.evidence) };
}
