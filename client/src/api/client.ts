/**
 * Typed calls to the Parley API. The answer types come from the server's own contract
 * (server/contract/api.ts), so the client reads exactly what the server sends: nothing is
 * reshaped, renamed or dropped on the way. Every failure becomes an ApiError carrying the API's
 * error shape.
 */
import type {
  ActorStancesResponse,
  ConflictsResponse,
  ConsoleSchema,
  CypherResponse,
  EdgeStances,
  ErrorResponse,
  GraphResponse,
  GraphView,
  MatrixResponse,
  NodeResponse,
  Question,
  QuestionAnswer,
  QuestionCatalogue,
  SearchResponse,
  SearchResult,
  TraceResponse,
} from '../../../server/contract/api.ts';
import type { AskResponse } from '../../../server/contract/ask.ts';
import type { SourceDetail, SourceList } from '../../../server/contract/sources.ts';
import type { ExtractDraft, ExtractRequest } from '../../../server/contract/extract.ts';

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

/** Which sources count (the server's grade filters); a null or absent value sets no limit. */
export interface SourceQuery {
  minReliability?: string | null;
  minCredibility?: number | null;
  excludeAffiliatedWith?: string | null;
}

/** The explorer's filters as `/api/export` takes them. */
export interface GraphQuery extends SourceQuery {
  nodeTypes?: readonly string[];
  stanceTypes?: readonly string[];
  asOf?: string | null;
  limit?: number;
}

export interface PageQuery {
  limit?: number;
  offset?: number;
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

/** The error body of a failed call, when the answer is the API's own error shape (a proxy's page is not). */
function apiErrorOf(body: unknown): Partial<ErrorResponse['error']> {
  const error = typeof body === 'object' && body !== null ? (body as Partial<ErrorResponse>).error : undefined;
  return typeof error === 'object' && error !== null ? error : {};
}

function sourceParams(query: SourceQuery) {
  return { minReliability: query.minReliability, minCredibility: query.minCredibility, excludeAffiliatedWith: query.excludeAffiliatedWith };
}

function graphQueryString(query: GraphQuery): string {
  return queryString({ nodeTypes: query.nodeTypes, stanceTypes: query.stanceTypes, asOf: query.asOf, limit: query.limit, ...sourceParams(query) });
}

/** The API at `baseUrl` (the page's own origin by default). */
export function createApi(baseUrl = '') {
  async function request<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    headers.set('accept', 'application/json');
    if (json !== undefined) headers.set('content-type', 'application/json');
    let response: Response;
    try {
      response = await fetch(baseUrl + path, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
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
      const error = apiErrorOf(body);
      throw new ApiError(
        response.status,
        typeof error.code === 'string' ? error.code : `http_${response.status}`,
        typeof error.message === 'string' ? error.message : `${response.status} ${response.statusText}`,
        error.details,
      );
    }
    return body as T;
  }

  return {
    /** The graph view: actors and positions with one edge per actor → target, laid out on the server. */
    graphView(query: { stanceTypes?: readonly string[]; asOf?: string | null } & SourceQuery = {}): Promise<GraphView> {
      return request(`/api/graph/view${queryString({ stanceTypes: query.stanceTypes, asOf: query.asOf, ...sourceParams(query) })}`);
    },

    /** The members of one cluster of a clustered graph view, with their edges. */
    cluster(id: string): Promise<GraphView> {
      return request(`/api/graph/clusters/${encodeURIComponent(id)}`);
    },

    /** Every stance behind one aggregated actor → target edge, with its evidence. */
    edgeStances(actor: string, target: string): Promise<EdgeStances> {
      return request(`/api/graph/edges/${encodeURIComponent(actor)}/${encodeURIComponent(target)}/stances`);
    },

    /** A node and everything one hop away (NeighborsResponse: nodes and edges as /api/graph sends them). */
    neighbors(id: string): Promise<Pick<GraphResponse, 'nodes' | 'edges'>> {
      return request(`/api/nodes/${encodeURIComponent(id)}/neighbors`);
    },

    async search(q: string, signal?: AbortSignal): Promise<SearchResult[]> {
      return (await request<SearchResponse>(`/api/search${queryString({ q })}`, signal ? { signal } : {})).results;
    },

    node(id: string): Promise<NodeResponse> {
      return request(`/api/nodes/${encodeURIComponent(id)}`);
    },

    trace(positionId: string, asOf: string | null, sources: SourceQuery = {}): Promise<TraceResponse> {
      return request(`/api/positions/${encodeURIComponent(positionId)}/trace${queryString({ asOf, ...sourceParams(sources) })}`);
    },

    /** An actor's stances; for a party, its own and those of everyone who rolls up to it. */
    actorStances(id: string, sources: SourceQuery = {}): Promise<ActorStancesResponse> {
      return request(`/api/actors/${encodeURIComponent(id)}/stances${queryString(sourceParams(sources))}`);
    },

    matrix(asOf: string | null, sources: SourceQuery = {}): Promise<MatrixResponse> {
      return request(`/api/matrix${queryString({ asOf, ...sourceParams(sources) })}`);
    },

    sources(page: PageQuery = {}): Promise<SourceList> {
      return request(`/api/sources${queryString({ ...page })}`);
    },

    /** One source with its stored text and the stances its evidence supports. */
    source(id: string): Promise<SourceDetail> {
      return request(`/api/sources/${encodeURIComponent(id)}`);
    },

    /** Reports that disagree: the same actor, target and moment in two stance families. */
    conflicts(page: PageQuery = {}): Promise<ConflictsResponse> {
      return request(`/api/conflicts${queryString({ ...page })}`);
    },

    async questions(): Promise<Question[]> {
      return (await request<QuestionCatalogue>('/api/questions')).questions;
    },

    runQuestion(id: string, params: Record<string, unknown>): Promise<QuestionAnswer> {
      return request(`/api/questions/${encodeURIComponent(id)}`, { method: 'POST', json: { params } });
    },

    ask(question: string): Promise<AskResponse> {
      return request('/api/ask', { method: 'POST', json: { question } });
    },

    cypher(query: string, params: Record<string, unknown> = {}): Promise<CypherResponse> {
      return request('/api/cypher', { method: 'POST', json: { query, params } });
    },

    cypherSchema(): Promise<ConsoleSchema> {
      return request('/api/cypher/schema');
    },

    extract(article: ExtractRequest): Promise<ExtractDraft> {
      return request('/api/extract', { method: 'POST', json: article });
    },

    /** Ingests a source payload with the write token; answers what was written. */
    ingest(payload: unknown, token: string): Promise<{ sourceId: string; stances: number; entities: number }> {
      return request('/api/sources', { method: 'POST', json: payload, headers: { authorization: `Bearer ${token}` } });
    },

    exportUrl(format: 'gexf' | 'graphml' | 'json' | 'csv', query: GraphQuery): string {
      const filters = graphQueryString(query);
      return `${baseUrl}/api/export${filters ? `${filters}&` : '?'}format=${format}`;
    },
  };
}

export type Api = ReturnType<typeof createApi>;

export const api = createApi();
