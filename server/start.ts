/**
 * The application's lifecycle: the database (local or remote), schema and seed, the HTTP
 * server, and an orderly stop. Used by `npm start` and by the test suite.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pRetry from 'p-retry';
import type { Config } from './config.ts';
import { type Database, isUnavailable } from './db/database.ts';
import { openDatabase } from './db/openDatabase.ts';
import { applySchema } from './db/schema.ts';
import { loadSeedIfEmpty } from './features/sources/seed.ts';
import { migrateEvidenceText, migrateNegotiations } from './features/sources/migrations.ts';
import { GraphLayoutKeeper } from './features/graphView/layoutKeeper.ts';
import { WatchRuntime } from './features/watches/runtime.ts';
import { SetupError } from './errors.ts';
import { createApp } from './app.ts';
import { createNlp } from './nlp/client.ts';
import type { Logger } from './logger.ts';
import type { LocalNeo4j } from './neo4j/localNeo4j.ts';
import { CLIENT_DIST } from './paths.ts';

export interface RunningParley {
  url: string;
  db: Database;
  server: Server;
  localNeo4j?: LocalNeo4j;
  stop(): Promise<void>;
}

export async function startParley(config: Config, logger: Logger, clientDir: string = CLIENT_DIST): Promise<RunningParley> {
  const { db, localNeo4j } = await openDatabase(config, logger);
  const bootstrap = new GraphBootstrap(db, config, logger);
  try {
    await db.verifyConnectivity();
    await bootstrap.run();
  } catch (err) {
    if (!isUnavailable(err)) {
      await db.close();
      await localNeo4j?.stop();
      throw err;
    }
    // A remote Neo4j that is down must not keep the API from starting: /healthz says degraded
    // and the schema and seed follow as soon as it answers.
    logger.warn({ uri: config.neo4j.uri }, 'Neo4j is not reachable yet; serving in degraded mode and retrying');
    bootstrap.retryInBackground();
  }

  // At start the graph view's layout is computed in the background when missing or stale.
  const layoutKeeper = new GraphLayoutKeeper(db, logger, config.graphView.nodeBudget);
  bootstrap.whenReady(() => layoutKeeper.refresh());
  // The language parser starts on the first extraction and stops with the app.
  const nlp = createNlp(config.nlp, logger);
  // The outbox's delivery loop: events committed before a crash are delivered now.
  const watchRuntime = new WatchRuntime(db, config, logger);
  bootstrap.whenReady(() => watchRuntime.start());
  const app = createApp({ config, db, logger, clientDir, layoutKeeper, nlp, watchRuntime });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  }).catch(async (err: NodeJS.ErrnoException) => {
    bootstrap.cancel();
    await nlp.stop();
    await db.close();
    await localNeo4j?.stop();
    if (err.code === 'EADDRINUSE') throw new SetupError(`Port ${config.port} is already taken; set PORT to a free port.`);
    throw err;
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      bootstrap.cancel();
      await watchRuntime.stop();
      await layoutKeeper.close();
      await nlp.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await db.close();
      await localNeo4j?.stop();
    })();
    return stopping;
  };
  return { url, db, server, ...(localNeo4j ? { localNeo4j } : {}), stop };
}

/** Schema, then seed; retried with back-off (2 s, doubling up to 30 s) while the database is unreachable. */
class GraphBootstrap {
  private readonly cancelled = new AbortController();
  private ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly config: Config,
    private readonly logger: Logger,
  ) {}

  async run(): Promise<void> {
    await applySchema(this.db, this.logger);
    await migrateEvidenceText(this.db, this.logger);
    await migrateNegotiations(this.db, this.logger);
    if (this.config.seed) await loadSeedIfEmpty(this.db, this.logger);
  }

  /** Runs `then` once schema and seed are in place (at once, or after the retries succeed). */
  whenReady(then: () => void): void {
    this.ready.then(then, () => undefined);
  }

  retryInBackground(): void {
    this.ready = pRetry(() => this.run(), {
      retries: Number.POSITIVE_INFINITY,
      minTimeout: 2_000,
      factor: 2,
      maxTimeout: 30_000,
      signal: this.cancelled.signal,
      onFailedAttempt: ({ error }) => this.logger.warn({ err: isUnavailable(error) ? undefined : error }, 'Neo4j still not ready'),
    }).then(
      () => this.logger.info('Neo4j is reachable again; schema and seed are in place'),
      // Only a stop ends the retries early; there is nothing left to report then.
      () => undefined,
    );
  }

  cancel(): void {
    this.cancelled.abort();
  }
}
