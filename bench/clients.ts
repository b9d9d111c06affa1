/**
 * The three ways a caller can get the same answer: Parley's HTTP API, the same Cypher through
 * the raw `neo4j-driver`, and the same Cypher through Neo4j's own HTTP Query API. The baselines
 * run the statements Parley runs, in the same order (one lookup, then the rest in parallel).
 */
import neo4j from 'neo4j-driver';
import { cypher } from '../server/db/cypherFiles.ts';
import type { Database, Params } from '../server/db/database.ts';
import { findQuestion } from '../server/features/questions/questions.ts';
import type { Neo4jTarget } from './processes.ts';

export interface Statement {
  cypher: string;
  params: Params;
}
/** Statements in stages: each stage runs in parallel, after the previous one. */
export type StatementPlan = Statement[][];

/** What GET /api/positions/:id/trace runs (see server/domain/explore.ts tracePosition). */
export function tracePlan(position: string): StatementPlan {
  const stances = (filter: { position: string | null; conditionOn: string | null }) => ({
    cypher: cypher('analysis/stances'),
    params: { ...filter, actor: null, asOf: null, sources: null, negotiation: null },
  });
  return [
    [{ cypher: cypher('graph/nodes-by-id'), params: { ids: [position] } }],
    [
      stances({ position, conditionOn: null }),
      { cypher: cypher('analysis/position-links'), params: { id: position } },
      { cypher: cypher('analysis/position-events'), params: { id: position, asOf: null, negotiation: null } },
      stances({ position: null, conditionOn: position }),
    ],
  ];
}

const NAMED_QUESTION = 'who-stands-where';

/** What POST /api/questions/who-stands-where runs: the id check, then the question. */
export function questionPlan(position: string): StatementPlan {
  return [
    [{ cypher: cypher('graph/nodes-by-id'), params: { ids: [position] } }],
    [{ cypher: findQuestion(NAMED_QUESTION).cypher, params: { position, asOf: null, negotiation: null } }],
  ];
}

export type Caller = (plan: StatementPlan) => Promise<number>;

async function runStages(plan: StatementPlan, run: (statement: Statement) => Promise<number>): Promise<number> {
  let rows = 0;
  for (const stage of plan) rows += (await Promise.all(stage.map(run))).reduce((a, b) => a + b, 0);
  return rows;
}

/** The raw driver, as its documentation suggests: `executeQuery` routed to readers. */
export function rawDriverCaller(db: Database): Caller {
  return (plan) =>
    runStages(plan, async ({ cypher: text, params }) => {
      const result = await db.driver.executeQuery(text, params, { database: db.name, routing: neo4j.routing.READ });
      return result.records.length;
    });
}

/** Neo4j's HTTP Query API (`POST /db/<name>/query/v2`), one request per statement. */
export function queryApiCaller(target: Neo4jTarget): Caller {
  const url = `${target.httpUrl}/db/${target.database}/query/v2`;
  const authorization = `Basic ${Buffer.from(`${target.user}:${target.password}`).toString('base64')}`;
  return (plan) =>
    runStages(plan, async ({ cypher: statement, params }) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization },
        body: JSON.stringify({ statement, parameters: params, accessMode: 'READ' }),
      });
      const body = (await res.json()) as { data?: { values: unknown[] }; errors?: { message: string }[] };
      if (!res.ok || !body.data) throw new Error(`Query API ${res.status}: ${body.errors?.[0]?.message ?? 'no data'}`);
      return body.data.values.length;
    });
}

/** Fetches a Parley URL and reads the whole JSON body, failing on any non-2xx answer. */
async function fetchJson(url: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

export function parleyTrace(baseUrl: string, position: string): () => Promise<unknown> {
  return () => fetchJson(`${baseUrl}/api/positions/${encodeURIComponent(position)}/trace`);
}

/** POST /api/ask with one plain-English question. */
export function parleyAsk(baseUrl: string, question: string): () => Promise<unknown> {
  const body = JSON.stringify({ question });
  return () => fetchJson(`${baseUrl}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

export function parleyQuestion(baseUrl: string, position: string): () => Promise<unknown> {
  const body = JSON.stringify({ params: { position } });
  return () => fetchJson(`${baseUrl}/api/questions/${NAMED_QUESTION}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}
