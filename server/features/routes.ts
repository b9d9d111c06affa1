/** Every feature's handlers, by the route table's names: `tsc` fails if a declared route has none. */
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { type ApiRoutes, apiRoutes } from '../contract/api.ts';
import type { Handlers } from '../http/mount.ts';
import { analysisHandlers } from './analysis/routes.ts';
import { askHandlers } from './ask/routes.ts';
import { consoleHandlers } from './console/routes.ts';
import { documentHandlers } from './documents/routes.ts';
import { exportHandlers } from './export/routes.ts';
import { extractHandlers } from './extract/routes.ts';
import type { NlpService } from '../nlp/client.ts';
import { graphHandlers } from './graph/routes.ts';
import type { GraphLayoutKeeper } from './graphView/layoutKeeper.ts';
import { graphViewHandlers } from './graphView/routes.ts';
import { metaHandlers } from './meta/routes.ts';
import { negotiationHandlers } from './negotiations/routes.ts';
import { questionHandlers } from './questions/routes.ts';
import { sourceHandlers } from './sources/routes.ts';
import type { Logger } from '../logger.ts';
import { watchHandlers } from './watches/routes.ts';
import type { WatchRuntime } from './watches/runtime.ts';

export function apiHandlers(db: Database, config: Config, layoutKeeper: GraphLayoutKeeper, nlp: NlpService, watches: WatchRuntime, logger: Logger): Handlers<ApiRoutes> {
  return {
    ...graphViewHandlers(db, config, layoutKeeper),
    ...graphHandlers(db, config),
    ...analysisHandlers(db),
    ...documentHandlers(db),
    ...questionHandlers(db, config),
    ...askHandlers(db, config),
    ...consoleHandlers(db, config),
    ...exportHandlers(db, config),
    ...sourceHandlers(db, () => {
      layoutKeeper.refresh();
      watches.changed();
    }),
    ...extractHandlers(db, nlp),
    ...metaHandlers(apiRoutes, config),
    ...watchHandlers(db, config, watches.live, logger),
    ...negotiationHandlers(db),
  };
}
