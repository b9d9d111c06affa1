/**
 * Watches: an analyst follows a party, an official, a position or an event, and hears of each
 * change of the kinds the watch names through an Atom feed (a secret, revocable URL), server-sent
 * events, or a signed webhook. Change events are written to an outbox in the same transaction as
 * the change itself (docs/architecture.md, "Watches").
 */
import { z } from 'zod';
import { named } from './common.ts';
import { route } from './route.ts';

/**
 * What a watch may follow, by node type. A negotiation is followed through the change events'
 * subjects, which name the negotiations of the stances concerned (server/core/outbox.ts).
 */
export const WATCH_TARGET_TYPES = ['Party', 'Official', 'Position', 'Event', 'Negotiation'] as const;
export type WatchTargetType = (typeof WATCH_TARGET_TYPES)[number];

/**
 * Kinds of change: a stance the graph did not hold, a new conflict between reports (different
 * sources, one actor, opposite stances at one moment), a reversal (a stance turning round an
 * earlier one), a source first ingested, a source deleted, a source's grade changed.
 */
export const CHANGE_KINDS = ['new-stance', 'new-conflict', 'reversal', 'new-source', 'source-deleted', 'grade-changed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const watchIdSchema = z
  .string()
  .max(60)
  .regex(/^watch:[a-f0-9]{16,32}$/, 'must be a watch id like watch:0123456789abcdef')
  .meta({ examples: ['watch:0123456789abcdef'] });

const webhookUrlSchema = z
  .string()
  .max(2_000)
  .describe('Where each change is POSTed: http or https only; private, loopback and link-local addresses are refused unless PARLEY_WEBHOOK_ALLOW_PRIVATE=true');

export const createWatchBodySchema = z.strictObject({
  target: z.string().min(1).max(200).describe('Id of the party, official, position, event or negotiation to follow'),
  kinds: z.array(z.enum(CHANGE_KINDS)).min(1).max(CHANGE_KINDS.length).optional().describe('Kinds of change to follow; all of them when left out'),
  webhook: z
    .strictObject({ url: webhookUrlSchema })
    .optional()
    .describe(
      'A webhook to call once per committed change the watch follows, with a signed JSON body {id, idempotencyKey, watch: {id, target}, events: ChangeEvent[]} (the events of that change it follows)',
    ),
});

const changeLinkSchema = z.object({
  kind: z.enum(['trace', 'conflict', 'source', 'node']).describe('What the change opens: the trace of a position, a conflict, a source, or a node'),
  id: z.string().describe('Position, conflict ("stanceA|stanceB"), source or node id'),
  href: z.string().describe('The API path that answers it'),
});

export const changeEventSchema = named(
  'ChangeEvent',
  z.object({
    id: z.string(),
    kind: z.enum(CHANGE_KINDS),
    at: z.string().describe('When the change was committed (ISO 8601)'),
    title: z.string().describe('The change in words: "Russia rejects Unconditional ceasefire"'),
    sourceId: z.string().nullable(),
    subjects: z.array(z.string()).describe('Ids the change concerns: actor, its party, target, event, official who voiced it, the negotiations of the stances'),
    links: z.array(changeLinkSchema),
    watches: z.array(z.string()).describe('Ids of the watches that follow it'),
  }),
);
export type ChangeEvent = z.infer<typeof changeEventSchema>;

export const watchSchema = named(
  'Watch',
  z.object({
    id: z.string(),
    target: z.object({
      id: z.string(),
      label: z.string(),
      type: z.string(),
      gone: z.boolean().describe('True once the target has been deleted from the graph; the watch stays'),
    }),
    kinds: z.array(z.enum(CHANGE_KINDS)),
    createdAt: z.string(),
    writer: z.string().describe('Label of the write token that set it'),
    feed: z.object({ active: z.boolean().describe('False once revoked') }),
    webhook: z
      .object({
        url: z.string(),
        active: z.boolean().describe('False once switched off after repeated failures'),
        consecutiveFailures: z.number().int(),
        disabledAt: z.string().nullable(),
        disabledReason: z.string().nullable(),
      })
      .nullable(),
  }),
);
export type Watch = z.infer<typeof watchSchema>;

const createdWatchSchema = z.object({
  watch: watchSchema,
  feedUrl: z.string().describe('The Atom feed, readable without the write token; shown once, revocable'),
  webhookSecret: z.string().nullable().describe('Key of the HMAC-SHA256 signature (X-Parley-Signature); shown once'),
});

const deliverySchema = z.object({
  id: z.string().describe('Also the Idempotency-Key header of each attempt: one delivery per watch and committed change'),
  events: z
    .array(z.object({ id: z.string(), kind: z.enum(CHANGE_KINDS), title: z.string() }))
    .describe('The events of the change that the watch follows, in the order they were written; the webhook body carries them in full'),
  status: z.enum(['pending', 'delivered', 'failed', 'dropped']),
  attempts: z.array(
    z.object({
      at: z.string(),
      ok: z.boolean(),
      status: z.number().int().nullable().describe('HTTP status of the answer, null when there was none'),
      error: z.string().nullable(),
      ms: z.number().int(),
    }),
  ),
  nextAttemptAt: z.string().nullable(),
});

const watchIdParams = z.object({ id: watchIdSchema });

export const watchRoutes = {
  createWatch: route({
    method: 'post',
    path: '/api/watches',
    tag: 'watches',
    summary: 'Watch a party, official, position or event',
    description:
      'Follows the changes of the given kinds that concern the target. Answers the watch with its secret feed URL and, with a webhook, the key its deliveries are signed with; both are shown only here. Needs the write token.',
    body: createWatchBodySchema,
    rate: 'writes',
    auth: 'write',
    errors: {
      400: 'Invalid body, or a webhook URL that is not http(s) or points at a private address',
      404: 'No such target',
      422: 'The target is of a kind that cannot be watched',
    },
    response: { status: 201, description: 'The watch, its feed URL and its webhook key', schema: createdWatchSchema },
  }),
  watches: route({
    method: 'get',
    path: '/api/watches',
    tag: 'watches',
    summary: 'Every watch',
    auth: 'write',
    response: { description: 'The watches, oldest first', schema: z.object({ watches: z.array(watchSchema) }) },
  }),
  watch: route({
    method: 'get',
    path: '/api/watches/:id',
    tag: 'watches',
    summary: 'One watch',
    params: watchIdParams,
    auth: 'write',
    errors: { 400: 'Not a watch id', 404: 'No such watch' },
    response: { description: 'The watch', schema: watchSchema },
  }),
  deleteWatch: route({
    method: 'delete',
    path: '/api/watches/:id',
    tag: 'watches',
    summary: 'Stop a watch',
    description: 'Removes the watch, its feed and its delivery log. Deleting a watch that is not there answers deleted: false.',
    params: watchIdParams,
    rate: 'writes',
    auth: 'write',
    errors: { 400: 'Not a watch id' },
    response: { description: 'Whether it was there', schema: z.object({ id: z.string(), deleted: z.boolean() }) },
  }),
  watchDeliveries: route({
    method: 'get',
    path: '/api/watches/:id/deliveries',
    tag: 'watches',
    summary: "A watch's webhook delivery log, newest first",
    params: watchIdParams,
    auth: 'write',
    errors: { 400: 'Not a watch id', 404: 'No such watch' },
    response: { description: 'Each delivery with its attempts', schema: z.object({ watch: z.string(), deliveries: z.array(deliverySchema) }) },
  }),
  enableWatchWebhook: route({
    method: 'post',
    path: '/api/watches/:id/webhook',
    tag: 'watches',
    summary: "Switch a watch's webhook back on",
    description:
      'A webhook that failed too many times in a row is switched off and says why; this switches it on again with its run of failures cleared. Changes committed from now on are delivered; those dropped while it was off are not sent again (the feed still lists them). Switching on a webhook that is on changes nothing.',
    params: watchIdParams,
    rate: 'writes',
    auth: 'write',
    errors: { 400: 'Not a watch id', 404: 'No such watch', 422: 'The watch has no webhook' },
    response: { description: 'The watch, its webhook on', schema: watchSchema },
  }),
  rotateWatchFeed: route({
    method: 'post',
    path: '/api/watches/:id/feed',
    tag: 'watches',
    summary: "Give a watch's feed a new secret URL",
    description: 'The old URL stops working at once.',
    params: watchIdParams,
    rate: 'writes',
    auth: 'write',
    errors: { 400: 'Not a watch id', 404: 'No such watch' },
    response: { description: 'The new feed URL', schema: z.object({ feedUrl: z.string() }) },
  }),
  revokeWatchFeed: route({
    method: 'delete',
    path: '/api/watches/:id/feed',
    tag: 'watches',
    summary: "Revoke a watch's feed URL",
    params: watchIdParams,
    rate: 'writes',
    auth: 'write',
    errors: { 400: 'Not a watch id', 404: 'No such watch' },
    response: { description: 'The feed is off', schema: z.object({ id: z.string(), revoked: z.boolean() }) },
  }),
  watchFeed: route({
    method: 'get',
    path: '/api/feeds/:token',
    tag: 'watches',
    summary: "A watch's Atom feed",
    description: 'Readable without the write token by whoever holds the secret URL; 404 once revoked.',
    params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be a feed token').meta({ examples: ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] }) }),
    streamed: true,
    errors: { 400: 'Not a feed token', 404: 'No such feed, or revoked' },
    response: { description: 'Atom 1.0', content: { 'application/atom+xml': 'The latest changes the watch follows' } },
  }),
  changes: route({
    method: 'get',
    path: '/api/changes',
    tag: 'watches',
    summary: 'The latest changes, newest first',
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50).describe('How many (1–200, default 50)') }),
    errors: { 400: 'Invalid limit' },
    response: { description: 'Recent change events with the watches they match', schema: z.object({ changes: z.array(changeEventSchema) }) },
  }),
  changeStream: route({
    method: 'get',
    path: '/api/changes/stream',
    tag: 'watches',
    summary: 'Live changes as server-sent events',
    description: 'Each change as an event named "change" whose data is a ChangeEvent, as it is committed by any instance.',
    streamed: true,
    response: { description: 'An event stream', content: { 'text/event-stream': 'One "change" event per change' } },
  }),
};
