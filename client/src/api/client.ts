/** Typed calls to the Parley API. Every failure becomes an ApiError carrying the API's error shape. */
import {
  isRecord,
  toEvidenceList,
  toGraphData,
  toMatrix,
  toQuestions,
  toSearchHits,
  toTabular,
  toTrace,
} from './normalize.ts';
import type { Stance } from '../../../server/domain/schemas.ts';
import type { AskAnswer, CypherResult, GraphData, Matrix, NamedQuestion, SearchHit, TabularResult, Trace } from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface GraphQuery {
  nodeTypes?: readonly string[];
  stanceTypes?: readonly string[];
  asOf?: string | null;
  limit?: number;
}

function queryString(params: Record<string, string | number | readonly string[] | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function request(path: string, init: RequestInit & { json?: unknown } = {}): Promise<unknown> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('accept', 'application/json');
  if (json !== undefined) headers.set('content-type', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  } catch (err) {
    throw new ApiError(0, 'network', `The server could not be reached (${(err as Error).message}).`);
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = isRecord(body) && isRecord(body.error) ? body.error : {};
    throw new ApiError(
      response.status,
      typeof error.code === 'string' ? error.code : `http_${response.status}`,
      typeof error.message === 'string' ? error.message : `${response.status} ${response.statusText}`,
      error.details,
    );
  }
  return body;
}

function graphQueryString(query: GraphQuery): string {
  return queryString({ nodeTypes: query.nodeTypes, stanceTypes: query.stanceTypes, asOf: query.asOf, limit: query.limit });
}

export const api = {
  async graph(query: GraphQuery = {}): Promise<GraphData> {
    return toGraphData(await request(`/api/graph${graphQueryString(query)}`));
  },

  async search(q: string, signal?: AbortSignal): Promise<SearchHit[]> {
    return toSearchHits(await request(`/api/search${queryString({ q })}`, signal ? { signal } : {}));
  },

  async node(id: string): Promise<Record<string, unknown>> {
    const body = await request(`/api/nodes/${encodeURIComponent(id)}`);
    if (!isRecord(body)) return {};
    const node = isRecord(body.node) ? body.node : body;
    return isRecord(node.attributes) ? { ...node, ...node.attributes } : node;
  },

  async trace(positionId: string, asOf: string | null): Promise<Trace> {
    return toTrace(await request(`/api/positions/${encodeURIComponent(positionId)}/trace${queryString({ asOf })}`));
  },

  /** An actor's stances; for a party, its own and those of everyone who rolls up to it. */
  async actorStances(id: string): Promise<Stance[]> {
    const body = await request(`/api/actors/${encodeURIComponent(id)}/stances`);
    return isRecord(body) && Array.isArray(body.stances) ? (body.stances as Stance[]) : [];
  },

  async matrix(asOf: string | null): Promise<Matrix> {
    return toMatrix(await request(`/api/matrix${queryString({ asOf })}`));
  },

  async questions(): Promise<NamedQuestion[]> {
    return toQuestions(await request('/api/questions'));
  },

  async runQuestion(id: string, params: Record<string, unknown>): Promise<TabularResult> {
    return toTabular(await request(`/api/questions/${encodeURIComponent(id)}`, { method: 'POST', json: { params } }));
  },

  async ask(question: string): Promise<AskAnswer> {
    const body = await request('/api/ask', { method: 'POST', json: { question } });
    const record = isRecord(body) ? body : {};
    const interpretation = isRecord(record.interpretation) ? record.interpretation : null;
    return {
      ...toTabular(body),
      answer: typeof record.answer === 'string' ? record.answer : '',
      cypher: typeof record.cypher === 'string' ? record.cypher : null,
      interpretation: interpretation && typeof interpretation.questionId === 'string' ? interpretation.questionId : null,
    };
  },

  async cypher(query: string, params: Record<string, unknown> = {}): Promise<CypherResult> {
    const body = await request('/api/cypher', { method: 'POST', json: { query, params } });
    const record = isRecord(body) ? body : {};
    const summary = isRecord(record.summary) ? record.summary : {};
    return {
      ...toTabular(body),
      evidence: toEvidenceList(record.evidence),
      graph: toGraphData(record.graph ?? {}),
      summary: {
        queryType: typeof summary.queryType === 'string' ? summary.queryType : null,
        resultAvailableAfterMs: typeof summary.resultAvailableAfterMs === 'number' ? summary.resultAvailableAfterMs : null,
        truncated: summary.truncated === true,
      },
    };
  },

  exportUrl(format: 'gexf' | 'graphml' | 'json' | 'csv', query: GraphQuery): string {
    const filters = graphQueryString(query);
    return `/api/export${filters ? `${filters}&` : '?'}format=${format}`;
  },
};
