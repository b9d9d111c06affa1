/**
 * The read-only Cypher console. A query runs only if EXPLAIN says it is a read (`r`) and its plan
 * holds nothing but graph reads, and then inside a READ transaction, tried once, with a timeout
 * and a row cap: writes are refused twice over. LOAD CSV (reads files and URLs) and CALL … IN
 * TRANSACTIONS (needs its own transactions) are refused before planning, and again by the plan
 * however they are spelled. Neo4j's complaints map to 4xx by their error code, never by text.
 */
import { EXPLAIN_PREFIX, consoleParams, explainQuery, type PlanOperator } from '../../db/console.ts';
import type { Database, NativeNode, NativePath, NativeRelationship, Row } from '../../db/database.ts';
import { readNodesById } from '../../core/nodesData.ts';
import { readStanceEdgesById } from '../graph/data.ts';
import { runReadQuery } from '../questions/data.ts';
import { AppError, ForbiddenError, UnprocessableError, ValidationError, neo4jErrorCode } from '../../errors.ts';
import { readPlanMode } from './plan.ts';
import { toGraphEdge, toGraphNode } from '../graph/graph.ts';
import type { GraphEdge, GraphNode } from '../../contract/common.ts';

interface ConsoleRequest {
  query: string;
  params: Record<string, unknown>;
  limit?: number | undefined;
}

interface ConsoleLimits {
  timeoutMs: number;
  maxRows: number;
  /** Largest answer, in bytes of its rows' JSON. */
  maxBytes: number;
}

export async function runConsoleQuery(db: Database, request: ConsoleRequest, limits: ConsoleLimits) {
  const { mode, query } = readPlanMode(request.query.trim().replace(/;\s*$/, ''));
  refuseForbiddenClauses(query);
  const params = consoleParams(request.params);
  let plan;
  try {
    plan = await explainQuery(db, query, params, { timeoutMs: limits.timeoutMs });
  } catch (err) {
    throw consoleError(err, EXPLAIN_PREFIX.length);
  }
  const { queryType } = plan;
  if (queryType !== 'r') {
    throw new ForbiddenError('read_only', `The console only runs read queries; this one is of type ${queryType} (w = write, rw = read-write, s = schema).`, { queryType });
  }
  refuseForbiddenOperators(plan.operators);
  if (mode === 'explain') {
    return { columns: [], rows: [], graph: { nodes: [], edges: [] }, summary: { queryType, resultAvailableAfterMs: 0, truncated: false }, plan: plan.plan };
  }
  const maxRows = Math.min(request.limit ?? limits.maxRows, limits.maxRows);
  const profiled = mode === 'profile';
  let result;
  try {
    result = await runReadQuery(db, profiled ? `PROFILE ${query}` : query, params, maxRows, { timeoutMs: limits.timeoutMs, maxBytes: limits.maxBytes, profiled });
  } catch (err) {
    throw consoleError(err, profiled ? PROFILE_PREFIX : 0);
  }
  if (result.oversized) {
    throw new AppError(
      413,
      'answer_too_large',
      `The answer is larger than the console's cap of ${limits.maxBytes} bytes (PARLEY_CYPHER_MAX_BYTES); return fewer rows or smaller values.`,
      { maxBytes: limits.maxBytes },
    );
  }
  return {
    columns: result.columns,
    rows: result.rows,
    graph: await graphOfRows(db, result.rows),
    summary: { queryType, resultAvailableAfterMs: result.resultAvailableAfterMs, truncated: result.truncated },
    ...(profiled ? { plan: result.profile } : {}),
  };
}

/** The query without comments and string literals, so keywords inside them do not count. */
function codeOnly(query: string): string {
  return query.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`[^`]*`/g, ' ');
}

/** Refuses LOAD CSV and CALL … IN TRANSACTIONS by the text, before Neo4j plans anything. */
export function refuseForbiddenClauses(query: string): void {
  const code = codeOnly(query);
  if (/\bLOAD\s+CSV\b/i.test(code)) throw new ForbiddenError('read_only', 'LOAD CSV is not allowed in the console.');
  if (/\bIN\s+(?:\S+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b/i.test(code)) {
    throw new ForbiddenError('read_only', 'CALL { … } IN TRANSACTIONS is not allowed in the console.');
  }
}

/**
 * Procedures the console may call: they describe the graph or search it. Every other one is
 * refused, even those Neo4j counts as reads: db.stats.* collects other sessions' queries, index
 * resampling and cache clearing change how the server runs, dbms.* administers it.
 */
export const DESCRIBING_PROCEDURES = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.index.vector.queryNodes',
  'db.index.vector.queryRelationships',
  'db.info',
  'db.ping',
]);

/**
 * Administration commands that only describe the schema. The others Neo4j also plans as reads,
 * but SHOW TRANSACTIONS shows other sessions' queries, SHOW SETTINGS the server's files and
 * ports, and TERMINATE TRANSACTIONS stops other sessions' work, an ingestion included.
 */
const DESCRIBING_COMMANDS = new Set(['ShowIndexes', 'ShowConstraints', 'ShowFunctions', 'ShowProcedures']);

/** Judges the plan, not the text, so no spelling (backticks, odd whitespace) gets past. */
export function refuseForbiddenOperators(operators: PlanOperator[]): void {
  for (const { type, details } of operators) {
    if (type === 'LoadCSV') throw new ForbiddenError('read_only', 'LOAD CSV is not allowed in the console.');
    if (type === 'TransactionApply' || type === 'TransactionForeach') {
      throw new ForbiddenError('read_only', 'CALL { … } IN TRANSACTIONS is not allowed in the console.');
    }
    if (type === 'ProcedureCall') {
      const procedure = details.slice(0, details.indexOf('('));
      if (!DESCRIBING_PROCEDURES.has(procedure)) {
        throw new ForbiddenError('read_only', `The procedure ${procedure} is not allowed in the console; it allows ${[...DESCRIBING_PROCEDURES].join(', ')}.`, { procedure });
      }
    }
    if (/^(?:Show|Terminate)/.test(type) && !DESCRIBING_COMMANDS.has(type)) {
      throw new ForbiddenError('read_only', `The administration command ${type} is not allowed in the console; only SHOW INDEXES, CONSTRAINTS, FUNCTIONS and PROCEDURES are.`, { command: type });
    }
  }
}

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.TransactionTimedOut',
  'Neo.TransientError.Transaction.LockClientStopped',
]);
const FORBIDDEN_CODES = new Set([
  'Neo.ClientError.Statement.AccessMode',
  'Neo.ClientError.Security.Forbidden',
  'Neo.ClientError.Statement.UnsupportedAdministrationCommand',
  'Neo.ClientError.Statement.NotSystemDatabaseError',
]);

/** The transaction's or the server's memory ran out: Neo4j stops the query and stays up. */
const MEMORY_CODES = new Set([
  'Neo.ClientError.General.TransactionOutOfMemoryError',
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.OutOfMemoryError',
]);

/** The run of a PROFILE prefixes the query with this; positions Neo4j reports are shifted back by it. */
const PROFILE_PREFIX = 'PROFILE '.length;

/** Maps what Neo4j said about a console query to a client error, by code. */
function consoleError(err: unknown, shift = 0): unknown {
  const code = neo4jErrorCode(err);
  if (!code || err instanceof AppError) return err;
  const raw = (err as Error).message;
  const found = positionOf(raw, err).position;
  const position = found && { line: found.line, column: found.line <= 1 ? Math.max(1, found.column - shift) : found.column, offset: Math.max(0, found.offset - shift) };
  // Neo4j's first line, with the position as it is in the user's query.
  const message = raw.split('\n')[0]!.replace(/\(line \d+, column \d+ \(offset: \d+\)\)/, position ? `(line ${position.line}, column ${position.column} (offset: ${position.offset}))` : '$&');
  const details = { neo4jCode: code, message, ...(position ? { position } : {}) };
  if (TIMEOUT_CODES.has(code)) {
    return new AppError(408, 'query_timeout', 'The query ran longer than the console allows and was stopped.', details);
  }
  if (FORBIDDEN_CODES.has(code)) return new ForbiddenError('read_only', `The console only runs read queries: ${message}`, details);
  if (MEMORY_CODES.has(code)) {
    return new UnprocessableError('query_too_large', 'The query needs more memory than Neo4j can give it; narrow it down.', details);
  }
  if (code === 'Neo.ClientError.Statement.SyntaxError') return new AppError(400, 'cypher_syntax_error', message, details);
  // Security errors (wrong credentials, too many logins) are about the app's account, not the query: a 500 that stays in the log.
  if (code.startsWith('Neo.ClientError.Security.')) return err;
  if (code.startsWith('Neo.ClientError.')) return new ValidationError(message, details);
  // Neo4j reports some failures of a query's own logic as database errors (shortestPath between a node and itself).
  if (code === 'Neo.DatabaseError.Statement.ExecutionFailed') return new UnprocessableError('query_failed', message, details);
  return err;
}

/** Where in the query the error is: the driver's diagnostic record, else Neo4j's own message. */
function positionOf(message: string, err: unknown): { position?: { line: number; column: number; offset: number } } {
  const record = (err as { diagnosticRecord?: { _position?: { line?: unknown; column?: unknown; offset?: unknown } } }).diagnosticRecord?._position;
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'object' && v !== null && 'toNumber' in v ? (v as { toNumber(): number }).toNumber() : Number(v));
  if (record && record.line !== undefined) return { position: { line: num(record.line), column: num(record.column), offset: num(record.offset) } };
  const match = /line (\d+), column (\d+) \(offset: (\d+)\)/.exec(message);
  return match ? { position: { line: Number(match[1]), column: Number(match[2]), offset: Number(match[3]) } } : {};
}

function isNative(value: unknown, kind: string): boolean {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === kind && 'elementId' in value === (kind !== 'path');
}

/** The nodes, relationships and paths anywhere in the rows, as a visual graph with stances collapsed. */
async function graphOfRows(db: Database, rows: Row[]): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  const nodes = new Map<string, NativeNode>();
  const rels = new Map<string, NativeRelationship>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    if (isNative(value, 'node')) nodes.set((value as NativeNode).elementId, value as NativeNode);
    else if (isNative(value, 'relationship')) rels.set((value as NativeRelationship).elementId, value as NativeRelationship);
    else if (isNative(value, 'path')) {
      (value as NativePath).nodes.forEach(visit);
      (value as NativePath).relationships.forEach(visit);
    } else Object.values(value).forEach(visit);
  };
  rows.forEach(visit);

  const idOf = (n: NativeNode) => String(n.properties.id ?? n.elementId);
  const typeOf = (n: NativeNode) => n.labels.find((l) => l !== 'Entity') ?? n.labels[0] ?? 'Node';
  const stanceIds = [...nodes.values()].filter((n) => n.labels.includes('Stance')).map(idOf);
  const out = new Map<string, GraphNode>();
  for (const n of nodes.values()) {
    if (n.labels.includes('Stance')) continue;
    out.set(idOf(n), toGraphNode({ id: idOf(n), type: typeOf(n), label: String(n.properties.name ?? n.properties.title ?? idOf(n)), properties: n.properties }));
  }
  const edges: GraphEdge[] = [];
  const stanceEdges = stanceIds.length ? await readStanceEdgesById(db, stanceIds) : [];
  const missing = [...new Set(stanceEdges.flatMap((e) => [e.source, e.target]))].filter((id) => !out.has(id));
  if (missing.length) for (const row of await readNodesById(db, missing)) out.set(row.id, toGraphNode(row));
  edges.push(...stanceEdges.map(toGraphEdge));

  const byElement = new Map([...nodes.values()].map((n) => [n.elementId, n]));
  for (const r of rels.values()) {
    const a = byElement.get(r.startElementId);
    const b = byElement.get(r.endElementId);
    if (!a || !b || a.labels.includes('Stance') || b.labels.includes('Stance')) continue;
    edges.push({ id: r.elementId, key: r.elementId, source: idOf(a), target: idOf(b), type: r.type, attributes: r.properties });
  }
  return { nodes: [...out.values()], edges };
}
