/**
 * Typed calls to the Parley API, made from the route table (server/contract/api.ts): one method
 * per declared endpoint, by the declaration's name, building the path, query and body the
 * declaration describes and answering the type its response schema declares. Nothing is
 * reshaped, renamed or dropped on the way. Every failure becomes an ApiError carrying the API's
 * error shape.
 */
import { type ApiRoutes, apiRoutes } from '../../../server/contract/api.ts';
import type { ErrorResponse } from '../../../server/contract/common.ts';
import type { Received, RouteSpec, Sent } from '../../../server/contract/route.ts';

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

/** A query as a caller sends it: every parameter optional, and null the same as absent. */
type QueryOf<R> = { [K in keyof NonNullable<Sent<R, 'query'>>]?: NonNullable<Sent<R, 'query'>>[K] | null };

/** What one call sends: the declared path parameters and body (required), and the query (optional). */
type CallInput<R extends RouteSpec> = (Sent<R, 'params'> extends undefined ? unknown : { params: Sent<R, 'params'> }) &
  (Sent<R, 'query'> extends undefined ? unknown : { query?: QueryOf<R> }) &
  (Sent<R, 'body'> extends undefined ? unknown : { body: Sent<R, 'body'> });

interface CallOptions {
  signal?: AbortSignal;
  /** A write token, for routes that need one. */
  token?: string;
}

type CallArgs<R extends RouteSpec> = object extends CallInput<R> ? [input?: CallInput<R>, options?: CallOptions] : [input: CallInput<R>, options?: CallOptions];

export type Api = { [K in keyof ApiRoutes]: (...args: CallArgs<ApiRoutes[K]>) => Promise<Received<ApiRoutes[K]>> } & {
  /** The URL of a call, for links and downloads (an export opened by the browser). */
  url<K extends keyof ApiRoutes>(name: K, ...args: CallArgs<ApiRoutes[K]>): string;
};

interface LooseInput {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** The declaration's path with its parameters filled in, and the query: lists joined by commas, null and empty left out. */
function pathOf(spec: RouteSpec, { params = {}, query = {} }: LooseInput = {}): string {
  const path = spec.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(String(params[name])));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The error body of a failed call, when the answer is the API's own error shape (a proxy's page is not). */
function apiErrorOf(body: unknown): Partial<ErrorResponse['error']> {
  const error = typeof body === 'object' && body !== null ? (body as Partial<ErrorResponse>).error : undefined;
  return typeof error === 'object' && error !== null ? error : {};
}

/** The API at `baseUrl` (the page's own origin by default). */
export function createApi(baseUrl = ''): Api {
  async function call(spec: RouteSpec, input: LooseInput = {}, { signal, token }: CallOptions = {}): Promise<unknown> {
    const headers = new Headers({ accept: 'application/json' });
    if (input.body !== undefined) headers.set('content-type', 'application/json');
    if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
    let response: Response;
    try {
      response = await fetch(baseUrl + pathOf(spec, input), {
        method: spec.method.toUpperCase(),
        headers,
        ...(input.body !== undefined ? { body: JSON.stringify(input.body) } : {}),
        ...(signal ? { signal } : {}),
      });
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
    return body;
  }

  const methods = Object.fromEntries(
    Object.entries(apiRoutes).map(([name, spec]) => [name, (input?: LooseInput, options?: CallOptions) => call(spec, input, options)]),
  );
  const url = (name: keyof ApiRoutes, input?: LooseInput) => baseUrl + pathOf(apiRoutes[name], input);
  return { ...methods, url } as unknown as Api;
}

export const api = createApi();
