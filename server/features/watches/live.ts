/**
 * Live changes over server-sent events, per instance: while a browser listens, the outbox is read
 * every poll (and at once when this instance hands events on), and each change not sent yet goes
 * to every listener. Reading the outbox rather than this process's own writes means a change
 * committed by another instance reaches this one's listeners too.
 */
import type { Response } from 'express';
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import type { ChangeEvent } from '../../contract/watches.ts';
import { readRecentEvents } from './data.ts';
import { toChangeEvent } from './watches.ts';

/** Changes are read again this far back, since transactions commit in another order than they start. */
const OVERLAP_MS = 15_000;
const HEARTBEAT_MS = 15_000;

export class LiveChanges {
  private readonly listeners = new Set<Response>();
  private readonly sent = new Map<string, number>();
  private cursor = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly db: Database,
    private readonly pollMs: number,
    private readonly logger: Logger,
  ) {}

  /** Opens an event stream on `res` until the client goes. */
  listen(res: Response): void {
    res.status(200).set({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    if (this.listeners.size === 0) {
      // Nothing was read while nobody listened: start from now.
      this.cursor = Date.now();
      this.sent.clear();
      this.timer = setInterval(() => this.read(), this.pollMs);
      this.heartbeat = setInterval(() => this.broadcast(': ping\n\n'), HEARTBEAT_MS);
      this.timer.unref();
      this.heartbeat.unref();
    }
    this.listeners.add(res);
    res.on('close', () => {
      this.listeners.delete(res);
      if (this.listeners.size === 0) this.stopTimers();
    });
  }

  /** Reads now: something was just committed or handed on. */
  nudge(): void {
    if (this.listeners.size > 0) this.read();
  }

  close(): void {
    this.stopTimers();
    for (const res of this.listeners) res.end();
    this.listeners.clear();
  }

  private stopTimers(): void {
    clearInterval(this.timer);
    clearInterval(this.heartbeat);
  }

  private read(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readOnce()
      .catch((err) => this.logger.debug({ err }, 'live changes: read failed, retrying'))
      .finally(() => {
        this.reading = undefined;
        if (this.again) {
          this.again = false;
          this.read();
        }
      });
  }

  private async readOnce(): Promise<void> {
    const since = new Date(this.cursor - OVERLAP_MS).toISOString();
    const rows = await readRecentEvents(this.db, since, 500);
    for (const row of rows.reverse()) {
      if (this.sent.has(row.id)) continue;
      const at = Date.parse(row.at);
      this.sent.set(row.id, at);
      this.cursor = Math.max(this.cursor, at);
      this.send(toChangeEvent(row));
    }
    for (const [id, at] of this.sent) if (at < this.cursor - 2 * OVERLAP_MS) this.sent.delete(id);
  }

  private send(change: ChangeEvent): void {
    this.broadcast(`id: ${change.id}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`);
  }

  private broadcast(text: string): void {
    for (const res of this.listeners) res.write(text);
  }
}
