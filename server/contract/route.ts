/**
 * How an endpoint is declared: once, here in the contract, with everything the server, the
 * OpenAPI document, the client and the tests need. The Express mounting (server/http/routes.ts),
 * the rate limits, the write-token check, the OpenAPI document (server/http/openapi.ts) and the
 * client's calls (client/src/api/client.ts) are all derived from these declarations.
 */
import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

/** A budget a route spends on top of every API request's: expensive reads, or writes. */
export type RateClass = 'queries' | 'writes';

export interface SuccessSpec {
  /** 200 unless said otherwise (an ingestion answers 201). */
  status?: 200 | 201;
  description: string;
  /** The JSON answer's shape; a handler must return this schema's input type. */
  schema?: z.ZodType;
  /** Answers that are not JSON (or not only): content type → what the body is. */
  content?: Record<string, string>;
}

export interface RouteSpec {
  method: HttpMethod;
  /** Express-style: /api/nodes/:id */
  path: `/${string}`;
  tag: string;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: SuccessSpec;
  /** Failures this route documents, each answered in the one error shape: status → when. */
  errors?: Readonly<Record<number, string>>;
  rate?: RateClass;
  /** Needs a write token (Authorization: Bearer …). */
  auth?: 'write';
  /** The handler writes the answer itself (a stream, a file, a page) instead of returning JSON. */
  streamed?: true;
}

/** Declares one endpoint, keeping its literal types for the server's and the client's checks. */
export function route<const R extends RouteSpec>(spec: R): R {
  return spec;
}

/** A table of endpoints by operation name: the name is the client's method and the handler's key. */
export type RouteTable = Record<string, RouteSpec>;

type SchemaOf<R, K extends 'params' | 'query' | 'body'> = K extends keyof R ? (R[K] extends z.ZodType ? R[K] : never) : never;

/** What a request carries, as parsed by the route's schemas (an undeclared part is empty). */
export type Parsed<R, K extends 'params' | 'query' | 'body'> = [SchemaOf<R, K>] extends [never] ? Record<string, never> : z.output<SchemaOf<R, K>>;

/** What a caller sends for one part of a request, before the server's schemas parse it. */
export type Sent<R, K extends 'params' | 'query' | 'body'> = [SchemaOf<R, K>] extends [never] ? undefined : z.input<SchemaOf<R, K>>;

type ResponseSchema<R extends RouteSpec> = R['response']['schema'] extends z.ZodType ? R['response']['schema'] : never;

/** What a JSON handler must return: the input type of the declared answer schema, so `tsc` catches drift. */
export type Answer<R extends RouteSpec> = z.input<ResponseSchema<R>>;

/**
 * What a client receives from a JSON route: the same input type, since the answer travels as the
 * handler built it (defaults a schema would add on parsing are not applied on the way).
 */
export type Received<R extends RouteSpec> = z.input<ResponseSchema<R>>;
