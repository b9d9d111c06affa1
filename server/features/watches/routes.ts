/** Watches: setting, listing and stopping them, their feeds, delivery logs and live changes. Thin: parse, call, send. */
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import type { watchRoutes } from '../../contract/watches.ts';
import type { Handlers } from '../../http/mount.ts';
import { atomFeed } from './feed.ts';
import type { LiveChanges } from './live.ts';
import { createWatch, deleteWatch, enableWebhook, feedOf, listWatches, readWatch, recentChanges, revokeFeed, rotateFeed, watchDeliveries } from './watches.ts';

export function watchHandlers(db: Database, config: Config, live: LiveChanges, logger: Logger): Handlers<typeof watchRoutes> {
  return {
    createWatch: ({ body, writer }) => createWatch(db, body, writer, config.watches.webhook),
    watches: () => listWatches(db, config.watches.webhook),
    watch: ({ params: { id } }) => readWatch(db, id, config.watches.webhook),
    deleteWatch: ({ params: { id } }) => deleteWatch(db, id),
    watchDeliveries: ({ params: { id } }) => watchDeliveries(db, id, config.watches.webhook),
    enableWatchWebhook: ({ params: { id } }) => enableWebhook(db, id, config.watches.webhook),
    rotateWatchFeed: ({ params: { id } }) => rotateFeed(db, id),
    revokeWatchFeed: ({ params: { id } }) => revokeFeed(db, id),
    // The token is the secret: failures are answered here, so the path never reaches the error log.
    watchFeed: async ({ params: { token } }, res) => {
      try {
        const feed = await feedOf(db, token);
        if (!feed) {
          res.status(404).json({ error: { code: 'not_found', message: 'No such feed, or it was revoked.' } });
          return;
        }
        const origin = `${res.req.protocol}://${res.req.get('host') ?? 'localhost'}`;
        const xml = atomFeed({ origin, selfUrl: `${origin}${res.req.originalUrl}`, watch: { id: feed.watch.id, label: feed.watch.label, createdAt: feed.watch.createdAt }, changes: feed.changes });
        res.status(200).type('application/atom+xml; charset=utf-8').set('cache-control', 'private, no-store').send(xml);
      } catch (err) {
        logger.error({ err }, 'feed failed');
        res.status(503).json({ error: { code: 'feed_unavailable', message: 'The feed could not be read; try again shortly.' } });
      }
    },
    changes: ({ query: { limit } }) => recentChanges(db, limit),
    changeStream: (_input, res) => live.listen(res),
  };
}
