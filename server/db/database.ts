/**
 * The one driver of the process and the only place that touches driver types: queries run in
 * managed read/write transactions against the named database, sessions are closed in
 * `finally`, results come back as plain objects through `toNative`, and driver errors are
 * mapped by their `code`.
 */
import neo4j, {
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  type Plan,
  type ProfiledPlan,
  type QueryResult,
  type RecordShape,
  type Session,
  type SessionMode,
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isRelationship,
  isTime,
  isInt,
  isPoint,
} from 'neo4j-driver';
import { DatabaseUnavailableError } from '../errors.ts';

interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface NativeNode {
  kind: 'node';
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface NativeRelationship {
  kind: 'relationship';
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: Record<string, unknown>;
}
export interface NativePath {
  kind: 'path';
  nodes: NativeNode[];
  relationships: NativeRelationship[];
}

export interface QueryOptions {
  timeoutMs?: number;
  /** One attempt, never retried (the console, quick probes). */
  once?: boolean;
  /** Shown by SHOW TRANSACTIONS and in Neo4j's query log, so an operator sees what a transaction is. */
  metadata?: Record<string, string>;
}

export function transactionConfig({ timeoutMs, metadata }: QueryOptions): { timeout?: number; metadata?: Record<string, string> } | undefined {
  if (timeoutMs === undefined && metadata === undefined) return undefined;
  return { ...(timeoutMs ? { timeout: timeoutMs } : {}), ...(metadata ? { metadata } : {}) };
}

interface ResultSummary {
  queryType: string;
  resultAvailableAfterMs: number;
}

/** Turns every Neo4j value (integers, temporals, nodes, relationships, paths) into plain JSON. */
function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are strings and numbers: the driver's type checks below cost far more than
  // the conversion itself (they were a tenth of a whole-world export's time).
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (Array.isArray(value)) return value.map(toNative);
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isPoint(value)) return { srid: toNative(value.srid), x: value.x, y: value.y, z: value.z ?? null };
  if (isNode(value)) {
    return { kind: 'node', elementId: value.elementId, labels: [...value.labels], properties: nativeObject(value.properties) } satisfies NativeNode;
  }
  if (isRelationship(value)) {
    return {
      kind: 'relationship',
      elementId: value.elementId,
      type: value.type,
      startElementId: value.startNodeElementId,
      endElementId: value.endNodeElementId,
      properties: nativeObject(value.properties),
    } satisfies NativeRelationship;
  }
  if (isPath(value)) {
    const nodes = [value.start, ...value.segments.map((s) => s.end)].map((n) => toNative(n) as NativeNode);
    return { kind: 'path', nodes, relationships: value.segments.map((s) => toNative(s.relationship) as NativeRelationship) } satisfies NativePath;
  }
  return nativeObject(value as Record<string, unknown>);
}

function nativeObject(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(object)) out[k] = toNative(v);
  return out;
}

/** Codes of failures that mean "the database is not reachable right now", not "your query is wrong". */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.Database.DatabaseUnavailable',
]);

/** Whether the database could not be reached: a driver error, or one this wrapper already mapped. */
export function isUnavailable(err: unknown): boolean {
  return err instanceof DatabaseUnavailableError || (err instanceof Neo4jError && UNAVAILABLE_CODES.has(err.code));
}

/** Maps driver errors that the client cannot fix to typed app errors; the rest pass unchanged. */
function mapDriverError(err: unknown): unknown {
  if (isUnavailable(err)) return new DatabaseUnavailableError();
  return err;
}

export class Database {
  readonly driver: Driver;
  readonly name: string;

  constructor(options: DatabaseOptions) {
    this.name = options.database;
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      userAgent: 'parley/0.1',
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 10_000,
    });
  }

  async verifyConnectivity(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.name });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /**
   * A read in a managed transaction (retried on transient errors), or with `once` a single
   * auto-commit attempt: for quick probes, and for commands such as SHOW TRANSACTIONS that only
   * run outside an explicit transaction.
   */
  read<T = Row>(cypher: string, params: Params = {}, options: QueryOptions = {}): Promise<T[]> {
    if (options.once) return this.withSession('READ', async (session) => rows<T>(await session.run(cypher, params, transactionConfig(options))));
    return this.transaction('READ', async (tx) => tx.run<T>(cypher, params), options);
  }

  write<T = Row>(cypher: string, params: Params = {}, options: QueryOptions = {}): Promise<T[]> {
    return this.transaction('WRITE', async (tx) => tx.run<T>(cypher, params), options);
  }

  /**
   * Several statements in one transaction: all of them or none. Managed (the driver retries it on
   * transient errors) unless `once`: one explicit transaction, never retried, as the console needs
   * (a retry after a dropped connection would only run a hostile query again).
   */
  transaction<T>(mode: SessionMode, work: (tx: Transaction) => Promise<T>, options: QueryOptions = {}): Promise<T> {
    const config = transactionConfig(options);
    return this.withSession(mode, async (session) => {
      if (options.once) {
        const tx = await session.beginTransaction(config);
        try {
          const result = await work(new Transaction(tx));
          if (mode === 'WRITE') await tx.commit();
          return result;
        } finally {
          if (tx.isOpen()) await tx.close();
        }
      }
      const managed = (tx: ManagedTransaction) => work(new Transaction(tx));
      return mode === 'READ' ? session.executeRead(managed, config) : session.executeWrite(managed, config);
    });
  }

  /**
   * Streams the rows of a read query one by one (auto-commit read, no retries), so large answers
   * never sit in memory whole. Leaving the loop early closes the session and discards the rest.
   * (A generator cannot yield from inside withSession's callback, hence its own try/finally.)
   */
  async *stream<T = Row>(cypher: string, params: Params = {}, options: QueryOptions = {}): AsyncGenerator<T> {
    try {
      const session = this.driver.session({ database: this.name, defaultAccessMode: 'READ' });
      try {
        const result = session.run(cypher, params, transactionConfig(options));
        for await (const record of result) yield toNative(record.toObject()) as T;
      } finally {
        await session.close();
      }
    } catch (err) {
      throw mapDriverError(err);
    }
  }

  /**
   * The one session block: opens a session on the named database, runs the work, always closes
   * the session, and maps driver errors (closing's included: a dropped connection fails there
   * too) to typed app errors. Public for the console's EXPLAIN (server/db/console.ts).
   */
  async withSession<T>(mode: SessionMode, work: (session: Session) => Promise<T>): Promise<T> {
    try {
      const session = this.driver.session({ database: this.name, defaultAccessMode: mode });
      try {
        return await work(session);
      } finally {
        await session.close();
      }
    } catch (err) {
      throw mapDriverError(err);
    }
  }
}

/**
 * What a write path lets another rule add to its transaction (the outbox's change events): a read
 * before it writes, and writes after, all committed together or not at all.
 */
export interface WriteHook {
  before(tx: Transaction): Promise<void>;
  after(tx: Transaction): Promise<void>;
}

/** A transaction handle that speaks plain objects. */
export class Transaction {
  constructor(private readonly tx: Pick<ManagedTransaction, 'run'>) {}

  async run<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return rows<T>(await this.tx.run(cypher, params));
  }

  /**
   * Runs and also reports the query type and timing, for the Cypher console. Stops reading at
   * `maxRows` rows (`truncated`) or once the kept rows' JSON passes `maxBytes` (`oversized`). A
   * `PROFILE` query (`profiled`) is read to its end, rows past the cap dropped, since Neo4j reports
   * its profile only then; the transaction's timeout still bounds it.
   */
  async runWithSummary(
    cypher: string,
    params: Params,
    maxRows: number,
    { profiled = false, maxBytes = Number.POSITIVE_INFINITY }: { profiled?: boolean; maxBytes?: number } = {},
  ): Promise<{ keys: string[]; rows: Row[]; truncated: boolean; oversized: boolean; summary: ResultSummary; profile: PlanTree | null }> {
    const result = this.tx.run(cypher, params);
    const collected: Row[] = [];
    let truncated = false;
    let oversized = false;
    let bytes = 0;
    let keys: string[] = [];
    for await (const record of result) {
      if (collected.length === 0) keys = [...record.keys] as string[];
      if (collected.length >= maxRows) {
        truncated = true;
        if (profiled) continue;
        break;
      }
      const row = toNative(record.toObject()) as Row;
      if (Number.isFinite(maxBytes)) bytes += Buffer.byteLength(JSON.stringify(row));
      if (bytes > maxBytes) {
        oversized = true;
        break;
      }
      collected.push(row);
    }
    if ((truncated && !profiled) || oversized) {
      return { keys, rows: collected, truncated, oversized, summary: { queryType: 'r', resultAvailableAfterMs: 0 }, profile: null };
    }
    const summary = await result.summary();
    if (keys.length === 0) keys = [...((await result.keys()) as string[])];
    return {
      keys,
      rows: collected,
      truncated,
      oversized,
      summary: { queryType: summary.queryType, resultAvailableAfterMs: Number(toNative(summary.resultAvailableAfter)) },
      profile: summary.profile ? planTree(summary.profile) : null,
    };
  }
}

/**
 * One operator of a plan as a tree, for drawing: Neo4j's arguments (Details, EstimatedRows, …),
 * and for a PROFILE the rows it produced and the database hits it cost.
 */
export interface PlanTree {
  operator: string;
  details: string;
  identifiers: string[];
  estimatedRows: number | null;
  rows: number | null;
  dbHits: number | null;
  pageCacheHits: number | null;
  pageCacheMisses: number | null;
  timeNs: number | null;
  children: PlanTree[];
}

export function planTree(plan: Plan | ProfiledPlan): PlanTree {
  const number = (value: unknown) => (value === undefined || value === null ? null : Number(toNative(value)));
  const profiled = 'dbHits' in plan ? plan : null;
  return {
    operator: plan.operatorType.replace(/@.*$/, ''),
    details: String(plan.arguments.Details ?? ''),
    identifiers: [...plan.identifiers],
    estimatedRows: number(plan.arguments.EstimatedRows),
    rows: profiled && number(profiled.rows),
    dbHits: profiled && number(profiled.dbHits),
    pageCacheHits: profiled && number(profiled.pageCacheHits),
    pageCacheMisses: profiled && number(profiled.pageCacheMisses),
    timeNs: profiled && number(profiled.time),
    children: plan.children.map(planTree),
  };
}

function rows<T>(result: QueryResult<RecordShape>): T[] {
  return result.records.map((record) => toNative(record.toObject()) as T);
}
