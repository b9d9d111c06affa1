/**
 * The outbox's delivery loop, one per app instance. Every poll (and at once when this instance
 * commits a change) it claims pending changes (a change set per committed change, naming its
 * events) under a lease, so that of several instances only one hands each change on, and fans
 * them out into one delivery per change and webhook watch that follows any of its events, each
 * born under this instance's lease with its body's events, and sends those at once; then it
 * claims the deliveries that are due (retries, or leases run out), again under a lease, and sends them. A failed attempt is retried with
 * exponential back-off; a delivery that runs out of attempts is marked failed; a webhook that
 * fails too many times in a row is switched off. An instance that dies holding a lease only
 * delays its changes: the lease runs out and another instance (or this one, restarted) takes
 * them, so delivery is at least once. Old events and deliveries are pruned.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { Config } from '../../config.ts';
import { type Database, isUnavailable } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import { type AttemptOutcome, type LeasedDeliveryRow, fanOutEvents, leaseDeliveries, leaseEvents, pruneOutbox, recordAttempts } from './data.ts';
import { sendWebhook } from './webhook.ts';
import { openUrl, serverKey, signingKey } from './signingKey.ts';

/** Change sets per fan-out statement (each names all the events of one change). */
const CHANGE_BATCH = 50;
/** Deliveries claimed, sent in parallel and recorded together: two write transactions per batch. */
const DELIVERY_BATCH = 100;
/**
 * How long a round waits after this instance commits a change. Ingestions come in bursts; a
 * round at once after each would run the fan-out and delivery statements once per change, on
 * the same cores as the ingestions. Waiting this long gathers a burst's changes into one round,
 * at this much added to the commit-to-webhook time (whose goal is a second).
 */
const NUDGE_DELAY_MS = 100;
const MAX_RETRY_DELAY_MS = 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

type WatchSettings = Config['watches'];

interface Attempt {
  at: string;
  ok: boolean;
  status: number | null;
  error: string | null;
  ms: number;
}

/** The delay before attempt n + 1 after n failed ones: base × 2^(n−1), at most an hour. */
export function retryDelay(failedAttempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, failedAttempts - 1), MAX_RETRY_DELAY_MS);
}

export class WatchDelivery {
  /** This instance's name on the leases it holds. */
  readonly owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  private timer: NodeJS.Timeout | undefined;
  /** When the scheduled round runs (ms since the epoch); a nudge never puts it off. */
  private dueAt = Infinity;
  private current: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private lastPrune = 0;

  constructor(
    private readonly db: Database,
    private readonly settings: WatchSettings,
    private readonly logger: Logger,
    /** Told after events were handed on (the live stream reads them then). */
    private readonly onFannedOut: () => void = () => undefined,
  ) {}

  start(): void {
    this.schedule(0);
  }

  /** Runs a round shortly (this instance committed a change), or shortly after the one under way. */
  nudge(): void {
    if (this.stopped) return;
    if (this.current) this.again = true;
    else if (Date.now() + NUDGE_DELAY_MS < this.dueAt) this.schedule(NUDGE_DELAY_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.dueAt = Date.now() + ms;
    this.timer = setTimeout(() => {
      this.dueAt = Infinity;
      this.current = this.round().finally(() => {
        this.current = undefined;
        if (this.stopped) return;
        const soon = this.again;
        this.again = false;
        this.schedule(soon ? NUDGE_DELAY_MS : this.settings.pollMs);
      });
    }, ms);
    this.timer.unref();
  }

  /** One round: fan out (sending what it makes), deliver what else is due, now and then prune. Failures are logged and retried next round. */
  private async round(): Promise<void> {
    try {
      const { handed, made } = await this.fanOut();
      if (handed) this.onFannedOut();
      // A webhook switched off by one batch's failures has its later deliveries dropped: not sent.
      const off = new Set<string>();
      for (let i = 0; i < made.length && !this.stopped; i += DELIVERY_BATCH) {
        const batch = made.slice(i, i + DELIVERY_BATCH).filter((row) => !off.has(row.watchId));
        for (const watchId of await this.sendBatch(batch)) off.add(watchId);
      }
      await this.deliver();
      if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) await this.prune();
    } catch (err) {
      if (isUnavailable(err)) this.logger.debug('watch delivery: Neo4j unavailable, retrying');
      else this.logger.warn({ err }, 'watch delivery round failed');
    }
  }

  private lease() {
    const now = new Date();
    return { owner: this.owner, now: now.toISOString(), until: new Date(now.getTime() + this.settings.leaseMs).toISOString() };
  }

  /**
   * Hands pending change sets to the deliveries; answers how many change sets it handed on and the
   * deliveries it made, leased to this instance, for it to send at once (what it leaves unsent
   * falls due when the lease runs out).
   */
  async fanOut(): Promise<{ handed: number; made: LeasedDeliveryRow[] }> {
    let handed = 0;
    const made: LeasedDeliveryRow[] = [];
    for (;;) {
      const lease = this.lease();
      const ids = await leaseEvents(this.db, { ...lease, limit: CHANGE_BATCH });
      if (ids.length === 0) break;
      made.push(...(await fanOutEvents(this.db, { ids, owner: this.owner, now: lease.now, until: lease.until })));
      handed += ids.length;
      if (ids.length < CHANGE_BATCH || this.stopped) break;
    }
    return { handed, made };
  }

  /** Sends the deliveries that are due (retries, and those a lease ran out on), a batch at a time. */
  async deliver(): Promise<void> {
    const leased = await leaseDeliveries(this.db, { ...this.lease(), limit: DELIVERY_BATCH });
    if (leased.length === 0) return;
    await this.sendBatch(leased);
    if (leased.length === DELIVERY_BATCH) this.again = true;
  }

  /** Sends leased deliveries in parallel and records their outcomes in one transaction; answers the watches whose webhook it switched off. */
  private async sendBatch(leased: LeasedDeliveryRow[]): Promise<string[]> {
    if (leased.length === 0) return [];
    const outcomes = await Promise.all(leased.map((row) => this.send(row)));
    const { webhook } = this.settings;
    const stillOn = await recordAttempts(this.db, { owner: this.owner, now: new Date().toISOString(), failureLimit: webhook.failureLimit, outcomes });
    const switchedOff: string[] = [];
    for (const [i, row] of leased.entries()) {
      const outcome = outcomes[i]!;
      // The watch and the delivery are named, never the URL (it may carry a secret) nor the key.
      if (!outcome.ok) {
        const attempts = JSON.parse(outcome.attempts) as Attempt[];
        this.logger.info({ watch: row.watchId, delivery: row.id, status: attempts.at(-1)?.status ?? null, attempt: attempts.length }, 'webhook attempt failed');
      }
      if (row.active && stillOn.get(row.id) === false && !switchedOff.includes(row.watchId)) {
        switchedOff.push(row.watchId);
        this.logger.warn({ watch: row.watchId }, 'webhook switched off after repeated failures');
      }
    }
    return switchedOff;
  }

  /** One attempt; answers its outcome, to be recorded with the batch's. */
  private async send(row: LeasedDeliveryRow): Promise<AttemptOutcome> {
    const { webhook } = this.settings;
    const attempts = JSON.parse(row.attempts) as Attempt[];
    const events = row.events.map((event) => ({ ...event, links: JSON.parse(event.links) as unknown, watches: [row.watchId] }));
    const body = JSON.stringify({ id: row.id, idempotencyKey: row.id, watch: { id: row.watchId, target: row.target }, events });
    const kinds = [...new Set(row.events.map((event) => event.kind))].join(',');
    const key = serverKey(webhook);
    const url = row.url === null ? null : openUrl(key, row.url);
    const result =
      row.active && url && row.nonce
        ? await sendWebhook(url, { secret: signingKey(key, row.watchId, row.nonce), idempotencyKey: row.id, event: kinds, body }, webhook)
        : { ok: false, status: null, error: row.active ? 'the webhook URL is sealed under another server key' : 'the webhook is switched off', ms: 0 };
    const now = new Date();
    attempts.push({ at: now.toISOString(), ...result });
    const status = result.ok ? 'delivered' : attempts.length >= webhook.maxAttempts ? 'failed' : 'pending';
    const next = status === 'pending' ? new Date(now.getTime() + retryDelay(attempts.length, webhook.retryBaseMs)).toISOString() : null;
    return {
      id: row.id,
      attempts: JSON.stringify(attempts),
      status,
      nextAttemptAt: next,
      ok: result.ok,
      reason: `switched off after ${webhook.failureLimit} failed attempts in a row; last: ${result.error ?? 'unknown'}`,
    };
  }

  async prune(): Promise<void> {
    this.lastPrune = Date.now();
    const before = new Date(Date.now() - this.settings.retentionDays * 86_400_000).toISOString();
    for (;;) {
      const { events, deliveries } = await pruneOutbox(this.db, before, 5_000);
      if (events + deliveries > 0) this.logger.info({ events, deliveries }, 'pruned the outbox and delivery log');
      if (events < 5_000 && deliveries < 5_000) break;
    }
  }
}
