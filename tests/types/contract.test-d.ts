/**
 * The route table is a type-level contract: a handler must return what its declaration allows, a
 * declared route must have a handler, and a client call must send what the declaration requires.
 * Checked by `tsc` (vitest's typecheck project runs it over this file as part of `npm test`).
 */
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { Api } from '../../client/src/api/client.ts';
import { type ApiRoutes } from '../../server/contract/api.ts';
import type { TraceResponse } from '../../server/contract/analysis.ts';
import { type Answer, type Received, route } from '../../server/contract/route.ts';
import type { Handlers } from '../../server/http/mount.ts';

const pingRoutes = {
  ping: route({
    method: 'get',
    path: '/api/ping',
    tag: 'meta',
    summary: 'Answers pong',
    response: { description: 'Pong', schema: z.object({ pong: z.boolean(), at: z.string().nullable() }) },
  }),
};

describe('handlers are held to their declarations', () => {
  it('accepts a handler that returns the declared answer', () => {
    const handlers: Handlers<typeof pingRoutes> = { ping: () => ({ pong: true, at: null }) };
    expectTypeOf(handlers.ping).returns.toEqualTypeOf<Answer<typeof pingRoutes.ping> | Promise<Answer<typeof pingRoutes.ping>>>();
  });

  it('refuses a handler whose answer has a field of the wrong type', () => {
    // @ts-expect-error pong is declared a boolean
    const handlers: Handlers<typeof pingRoutes> = { ping: () => ({ pong: 'yes', at: null }) };
    expectTypeOf(handlers).not.toBeAny();
  });

  it('refuses a handler whose answer lacks a declared field', () => {
    // @ts-expect-error at is declared (nullable, but not optional)
    const handlers: Handlers<typeof pingRoutes> = { ping: async () => ({ pong: true }) };
    expectTypeOf(handlers).not.toBeAny();
  });

  it('refuses a table of handlers that leaves a declared route out', () => {
    // @ts-expect-error ping has no handler
    const handlers: Handlers<typeof pingRoutes> = {};
    expectTypeOf(handlers).not.toBeAny();
  });

  it("types the real table's trace handler by the trace's schema", () => {
    expectTypeOf<Answer<ApiRoutes['trace']>>().toEqualTypeOf<TraceResponse>();
    expectTypeOf<Received<ApiRoutes['trace']>>().toEqualTypeOf<TraceResponse>();
  });
});

describe('client calls are held to their declarations', () => {
  it('requires the path parameters a route declares, and types the answer', () => {
    const call = (api: Api) => api.trace({ params: { id: 'position:x' }, query: { asOf: '2025-06-02' } });
    expectTypeOf(call).returns.resolves.toEqualTypeOf<TraceResponse>();
    // @ts-expect-error the trace needs the position's id
    const missing = (api: Api) => api.trace({ query: { asOf: '2025-06-02' } });
    // @ts-expect-error minReliability is an Admiralty letter
    const wrong = (api: Api) => api.trace({ params: { id: 'position:x' }, query: { minReliability: 'Z' } });
    expectTypeOf(missing).not.toBeAny();
    expectTypeOf(wrong).not.toBeAny();
  });
});
