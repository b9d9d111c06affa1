/** What watches run in the background of one app instance: the outbox's delivery loop and the live stream. */
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import { WatchDelivery } from './delivery.ts';
import { LiveChanges } from './live.ts';

export class WatchRuntime {
  readonly live: LiveChanges;
  readonly delivery: WatchDelivery;

  constructor(db: Database, config: Config, logger: Logger) {
    this.live = new LiveChanges(db, config.watches.pollMs, logger);
    this.delivery = new WatchDelivery(db, config.watches, logger, () => this.live.nudge());
  }

  /** Starts delivering (the live stream runs whenever someone listens). */
  start(): void {
    this.delivery.start();
  }

  /** This instance just committed a change: deliver and stream it now rather than at the next poll. */
  changed(): void {
    this.delivery.nudge();
    this.live.nudge();
  }

  async stop(): Promise<void> {
    this.live.close();
    await this.delivery.stop();
  }
}
