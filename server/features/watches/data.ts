/** Watches, their feeds, the outbox's delivery side and the delivery log: named Cypher, plain rows. */
import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';
import type { ChangeEventRow } from '../../core/outboxData.ts';

export interface WatchRow {
  id: string;
  target: string;
  label: string;
  type: string;
  gone: boolean;
  kinds: string[];
  createdAt: string;
  writer: string;
  feedActive: boolean;
  webhookUrl: string | null;
  webhookActive: boolean;
  webhookFailures: number;
  webhookDisabledAt: string | null;
  webhookDisabledReason: string | null;
}

/** A watch as stored: flat properties (Neo4j keeps no maps). */
export interface NewWatchRow {
  id: string;
  target: string;
  targetType: string;
  targetLabel: string;
  kinds: string[];
  createdAt: string;
  writer: string;
  feedTokenHash: string;
  /** Sealed (signingKey.ts): the graph is readable through the public console. */
  webhookUrlSealed: string | null;
  /** What the webhook's signing key derives from, with the server key (the key itself is never stored). */
  webhookNonce: string | null;
  webhookActive: boolean;
  webhookFailures: number;
}

/** A change event as stored, its links still JSON, with the watches it concerns. */
export interface StoredEventRow extends ChangeEventRow {
  watches: string[];
}

export interface LeasedDeliveryRow {
  id: string;
  attempts: string;
  watchId: string;
  target: string;
  url: string | null;
  nonce: string | null;
  active: boolean;
  /** The events of one change that the watch follows, in order. */
  events: Omit<StoredEventRow, 'watches'>[];
}

export interface DeliveryRow {
  id: string;
  events: { id: string; kind: string; title: string }[];
  status: string;
  attempts: string;
  nextAttemptAt: string | null;
}

export async function createWatchRow(db: Database, watch: NewWatchRow): Promise<void> {
  await db.write(cypher('watches/create'), { watch });
}

export function readWatchRows(db: Database, id: string | null = null): Promise<WatchRow[]> {
  return db.read<WatchRow>(cypher('watches/list'), { id });
}

export async function deleteWatchRow(db: Database, id: string): Promise<boolean> {
  const [row] = await db.write<{ deleted: boolean }>(cypher('watches/delete'), { id });
  return row?.deleted ?? false;
}

/** Switches a watch's webhook on again, its failures cleared: undefined for an unknown watch, hasWebhook false for one without a webhook. */
export async function enableWebhookRow(db: Database, id: string): Promise<{ hasWebhook: boolean } | undefined> {
  const [row] = await db.write<{ hasWebhook: boolean }>(cypher('watches/enable-webhook'), { id });
  return row;
}

/** Sets (or with null, revokes) the hash of a watch's feed token; false for an unknown watch. */
export async function setFeedTokenHash(db: Database, id: string, hash: string | null): Promise<boolean> {
  const rows = await db.write(cypher('watches/set-feed'), { id, hash });
  return rows.length > 0;
}

export async function readWatchByFeed(db: Database, hash: string): Promise<{ id: string; target: string; label: string; createdAt: string } | undefined> {
  const [row] = await db.read<{ id: string; target: string; label: string; createdAt: string }>(cypher('watches/by-feed'), { hash });
  return row;
}

export function readWatchEvents(db: Database, id: string, limit: number): Promise<StoredEventRow[]> {
  return db.read<StoredEventRow>(cypher('watches/watch-events'), { id, limit });
}

export function readRecentEvents(db: Database, since: string, limit: number): Promise<StoredEventRow[]> {
  return db.read<StoredEventRow>(cypher('watches/recent-events'), { since, limit });
}

export function readDeliveries(db: Database, id: string, limit: number): Promise<DeliveryRow[]> {
  return db.read<DeliveryRow>(cypher('watches/deliveries'), { id, limit });
}

interface Lease {
  owner: string;
  now: string;
  until: string;
  limit: number;
}

/** Claims pending outbox change sets under a lease, in one transaction (lock, then check again under the lock); answers their element ids. */
export function leaseEvents(db: Database, { owner, now, until, limit }: Lease): Promise<string[]> {
  return db.transaction('WRITE', async (tx) => {
    const locked = await tx.run<{ id: string }>(cypher('watches/claim-events'), { owner, now, limit });
    if (locked.length === 0) return [];
    const leased = await tx.run<{ id: string }>(cypher('watches/lease-events'), { ids: locked.map((r) => r.id), owner, now, until });
    return leased.map((r) => r.id);
  }, { metadata: { app: 'parley', operation: 'lease-change-events' } });
}

/**
 * Fans leased change sets out into one delivery per change and webhook watch following any of its
 * events; answers the deliveries it made, leased to `owner` until `until`, with what sending needs.
 */
export async function fanOutEvents(db: Database, { ids, owner, now, until }: { ids: string[]; owner: string; now: string; until: string }): Promise<LeasedDeliveryRow[]> {
  const rows = await db.write<{ created: LeasedDeliveryRow[] }>(cypher('watches/fan-out'), { ids, owner, now, until });
  return rows.flatMap((row) => row.created);
}

export function leaseDeliveries(db: Database, { owner, now, until, limit }: Lease): Promise<LeasedDeliveryRow[]> {
  return db.transaction('WRITE', async (tx) => {
    const locked = await tx.run<{ id: string }>(cypher('watches/claim-deliveries'), { owner, now, limit });
    if (locked.length === 0) return [];
    return tx.run<LeasedDeliveryRow>(cypher('watches/lease-deliveries'), { ids: locked.map((r) => r.id), owner, now, until });
  }, { metadata: { app: 'parley', operation: 'lease-deliveries' } });
}

export interface AttemptOutcome {
  id: string;
  attempts: string;
  status: 'pending' | 'delivered' | 'failed';
  nextAttemptAt: string | null;
  ok: boolean;
  reason: string;
}

/** Records a batch of attempts in one transaction; answers, by delivery, whether its watch's webhook is still on. */
export async function recordAttempts(
  db: Database,
  { owner, now, failureLimit, outcomes }: { owner: string; now: string; failureLimit: number; outcomes: AttemptOutcome[] },
): Promise<Map<string, boolean>> {
  if (outcomes.length === 0) return new Map();
  const rows = await db.write<{ id: string; active: boolean }>(cypher('watches/record-attempt'), { owner, now, failureLimit, outcomes });
  return new Map(rows.map((row) => [row.id, row.active]));
}

export async function pruneOutbox(db: Database, before: string, batch: number): Promise<{ events: number; deliveries: number }> {
  const [row] = await db.write<{ events: number; deliveries: number }>(cypher('watches/prune'), { before, batch });
  return row ?? { events: 0, deliveries: 0 };
}
