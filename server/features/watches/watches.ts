/**
 * The watches' story: setting one on a party, official, position or event (404 for an unknown
 * target, 422 for a node that cannot be watched), listing them (a deleted target says it is
 * gone), stopping one, its feed's secret URL (given once, stored hashed, revocable), and its
 * delivery log.
 */
import { readNegotiations } from '../../core/negotiationsData.ts';
import crypto from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { readNodesById } from '../../core/nodesData.ts';
import { CHANGE_KINDS, type ChangeEvent, type ChangeKind, WATCH_TARGET_TYPES, type Watch } from '../../contract/watches.ts';
import { NotFoundError, UnprocessableError } from '../../errors.ts';
import {
  type StoredEventRow,
  type WatchRow,
  createWatchRow,
  deleteWatchRow,
  enableWebhookRow,
  readDeliveries,
  readRecentEvents,
  readWatchByFeed,
  readWatchEvents,
  readWatchRows,
  setFeedTokenHash,
} from './data.ts';
import { type WebhookPolicy, checkWebhookUrl } from './webhook.ts';
import { openUrl, sealUrl, serverKey, signingKey } from './signingKey.ts';

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const newToken = () => crypto.randomBytes(32).toString('base64url');
const feedPath = (token: string) => `/api/feeds/${token}`;

/** A watch as the API shows it; its webhook URL unsealed with the server key. */
export function toWatch(row: WatchRow, key: string): Watch {
  return {
    id: row.id,
    target: { id: row.target, label: row.label, type: row.type, gone: row.gone },
    kinds: row.kinds.filter((k): k is ChangeKind => (CHANGE_KINDS as readonly string[]).includes(k)),
    createdAt: row.createdAt,
    writer: row.writer,
    feed: { active: row.feedActive },
    webhook: row.webhookUrl
      ? {
          url: openUrl(key, row.webhookUrl) ?? '(sealed under another PARLEY_WEBHOOK_KEY)',
          active: row.webhookActive,
          consecutiveFailures: row.webhookFailures,
          disabledAt: row.webhookDisabledAt,
          disabledReason: row.webhookDisabledReason,
        }
      : null,
  };
}

export function toChangeEvent(row: StoredEventRow): ChangeEvent {
  return { ...row, kind: row.kind as ChangeKind, links: JSON.parse(row.links) as ChangeEvent['links'] };
}

/** A negotiation as a watch target (it is no Entity, so readNodesById leaves it out). */
async function negotiationNode(db: Database, id: string): Promise<{ id: string; type: string; label: string } | undefined> {
  if (!id.startsWith('negotiation:')) return undefined;
  const [row] = await readNegotiations(db, id);
  return row ? { id: row.id, type: 'Negotiation', label: row.name } : undefined;
}

export async function createWatch(
  db: Database,
  input: { target: string; kinds?: ChangeKind[] | undefined; webhook?: { url: string } | undefined },
  writer: string,
  policy: Pick<WebhookPolicy, 'allowPrivate'> & { key: string | undefined; home: string },
) {
  const node = (await readNodesById(db, [input.target]))[0] ?? (await negotiationNode(db, input.target));
  if (!node) throw new NotFoundError(`No node with id ${input.target}`, [{ path: 'target', message: `unknown id ${input.target}` }]);
  if (!(WATCH_TARGET_TYPES as readonly string[]).includes(node.type)) {
    throw new UnprocessableError('not_watchable', `${input.target} is a ${node.type}; a watch follows a ${WATCH_TARGET_TYPES.join(', ')}`, [
      { path: 'target', message: `a ${node.type} cannot be watched` },
    ]);
  }
  const url = input.webhook ? await checkWebhookUrl(input.webhook.url, policy) : null;
  const feedToken = newToken();
  const id = `watch:${crypto.randomBytes(8).toString('hex')}`;
  const webhookNonce = url ? newToken() : null;
  const webhookSecret = webhookNonce ? signingKey(serverKey(policy), id, webhookNonce) : null;
  await createWatchRow(db, {
    id,
    target: node.id,
    targetType: node.type,
    targetLabel: node.label,
    kinds: input.kinds ? CHANGE_KINDS.filter((k) => input.kinds!.includes(k)) : [...CHANGE_KINDS],
    createdAt: new Date().toISOString(),
    writer,
    feedTokenHash: hashToken(feedToken),
    webhookUrlSealed: url === null ? null : sealUrl(serverKey(policy), url),
    webhookNonce,
    webhookActive: url !== null,
    webhookFailures: 0,
  });
  return { watch: await readWatch(db, id, policy), feedUrl: feedPath(feedToken), webhookSecret };
}

/** Where the server key comes from (config.watches.webhook). */
type KeySettings = { key: string | undefined; home: string };

export async function listWatches(db: Database, keys: KeySettings) {
  const key = serverKey(keys);
  return { watches: (await readWatchRows(db)).map((row) => toWatch(row, key)) };
}

export async function readWatch(db: Database, id: string, keys: KeySettings): Promise<Watch> {
  const [row] = await readWatchRows(db, id);
  if (!row) throw new NotFoundError(`No watch with id ${id}`);
  return toWatch(row, serverKey(keys));
}

export async function deleteWatch(db: Database, id: string) {
  return { id, deleted: await deleteWatchRow(db, id) };
}

/** Switches a webhook that was switched off after repeated failures back on (422 for a watch without one). */
export async function enableWebhook(db: Database, id: string, keys: KeySettings): Promise<Watch> {
  const row = await enableWebhookRow(db, id);
  if (!row) throw new NotFoundError(`No watch with id ${id}`);
  if (!row.hasWebhook) throw new UnprocessableError('no_webhook', `${id} has no webhook to switch on; set a new watch with one`);
  return readWatch(db, id, keys);
}

export async function rotateFeed(db: Database, id: string) {
  const token = newToken();
  if (!(await setFeedTokenHash(db, id, hashToken(token)))) throw new NotFoundError(`No watch with id ${id}`);
  return { feedUrl: feedPath(token) };
}

export async function revokeFeed(db: Database, id: string) {
  if (!(await setFeedTokenHash(db, id, null))) throw new NotFoundError(`No watch with id ${id}`);
  return { id, revoked: true };
}

/** The watch a feed token opens and its latest changes, or undefined for an unknown or revoked token. */
export async function feedOf(db: Database, token: string, limit = 100) {
  const watch = await readWatchByFeed(db, hashToken(token));
  if (!watch) return undefined;
  return { watch, changes: (await readWatchEvents(db, watch.id, limit)).map(toChangeEvent) };
}

export async function watchDeliveries(db: Database, id: string, keys: KeySettings) {
  await readWatch(db, id, keys);
  const rows = await readDeliveries(db, id, 200);
  return {
    watch: id,
    deliveries: rows.map((row) => ({
      ...row,
      events: row.events.map((event) => ({ ...event, kind: event.kind as ChangeKind })),
      status: row.status as 'pending' | 'delivered' | 'failed' | 'dropped',
      attempts: JSON.parse(row.attempts) as Array<{ at: string; ok: boolean; status: number | null; error: string | null; ms: number }>,
    })),
  };
}

export async function recentChanges(db: Database, limit: number) {
  return { changes: (await readRecentEvents(db, '', limit)).map(toChangeEvent) };
}
