/**
 * Starts and stops Parley's own Neo4j as a child process: a generated neo4j.conf (loopback
 * only), the console log written to a file, Bolt awaited with progress (wait-port), a clean stop on
 * shutdown, and a watchdog that ends Neo4j if this process dies without stopping it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import waitPort from 'wait-port';
import { SetupError, neo4jErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { assertJava17, ensureNeo4jRuntime } from './runtime.ts';

export interface LocalNeo4jOptions {
  runtimeDir: string;
  dataDir: string;
  boltPort: number;
  httpPort: number;
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
  /** Most memory one transaction may take (`db.memory.transaction.max`), like 256m. */
  transactionMemory: string;
}

export interface Neo4jCredentials {
  uri: string;
  httpUrl: string;
  user: string;
  password: string;
}

/** The JVM flags of Neo4j 5.26's stock neo4j.conf (server.jvm.additional). */
const STOCK_JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+AlwaysPreTouch',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '-XX:FlightRecorderOptions=stackdepth=256',
  '-XX:+UnlockDiagnosticVMOptions',
  '-XX:+DebugNonSafepoints',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dlog4j.layout.jsonTemplate.maxStringLength=32768',
];

export class LocalNeo4j {
  private child: ChildProcess | undefined;
  private watchdog: ChildProcess | undefined;
  private exited: Promise<void> | undefined;

  constructor(
    private readonly options: LocalNeo4jOptions,
    private readonly logger: Logger,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<Neo4jCredentials> {
    const java = assertJava17();
    const libDir = await ensureNeo4jRuntime(this.options.runtimeDir, this.logger);
    const { dataDir, boltPort, httpPort } = this.options;
    // The folder first: a second Neo4j on it would wait 15 s for the store lock and then fail.
    assertFolderFree(dataDir, boltPort);
    await assertPortsFree(boltPort, httpPort);

    const confDir = path.join(dataDir, 'conf');
    const logsDir = path.join(dataDir, 'logs');
    for (const dir of [confDir, logsDir, path.join(dataDir, 'plugins'), path.join(dataDir, 'import')]) {
      fs.mkdirSync(dir, { recursive: true });
    }
    fs.writeFileSync(path.join(confDir, 'neo4j.conf'), this.config());
    const password = readOrCreatePassword(dataDir);

    const consoleLog = fs.openSync(path.join(logsDir, 'console.log'), 'a');
    const started = Date.now();
    this.logger.info({ boltPort, httpPort, dataDir }, 'starting local Neo4j');
    const child = spawn(
      java,
      [
        `-Xms${this.options.heap}`,
        `-Xmx${this.options.heap}`,
        ...STOCK_JVM_FLAGS,
        '-cp',
        `${libDir}/*`,
        'org.neo4j.server.CommunityEntryPoint',
        `--home-dir=${dataDir}`,
        `--config-dir=${confDir}`,
        '--console-mode',
      ],
      // Own process group: Ctrl-C reaches the app, which then stops Neo4j in order.
      { detached: true, stdio: ['ignore', consoleLog, consoleLog] },
    );
    fs.closeSync(consoleLog);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', (code, signal) => {
      this.logger.info({ code, signal }, 'local Neo4j exited');
      this.child = undefined;
    });
    this.watchdog = startWatchdog(process.pid, child.pid!);
    writeOwner(dataDir, { pid: child.pid!, appPid: process.pid, boltPort, httpPort });

    const credentials = this.credentials(password);
    const { uri } = credentials;
    try {
      await this.waitForBolt(uri, started);
      await ensurePassword(uri, password);
    } catch (err) {
      await this.stop();
      throw err;
    }
    this.logger.info({ uri, seconds: (Date.now() - started) / 1000 }, 'local Neo4j is ready');
    return credentials;
  }

  /**
   * Credentials of a local Neo4j already serving this data folder (started by a running app).
   * When the folder's owner serves another port than PARLEY_NEO4J_BOLT_PORT, or something else
   * answers on that port, a SetupError says so plainly, never the driver's "unauthorized".
   */
  async runningCredentials(): Promise<Neo4jCredentials | undefined> {
    const { dataDir, boltPort } = this.options;
    const passwordFile = path.join(dataDir, 'password');
    const owner = liveOwner(dataDir);
    if (owner && owner.boltPort !== boltPort) throw new SetupError(ownedMessage(dataDir, owner, boltPort));
    if (!fs.existsSync(passwordFile) || !(await boltAnswers(boltPort))) return undefined;
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    if (!(await canLogIn(`bolt://127.0.0.1:${boltPort}`, password).catch(() => false))) {
      throw new SetupError(
        `A Neo4j answers on port ${boltPort} (PARLEY_NEO4J_BOLT_PORT) but refuses the password of ${dataDir}: it is not the Neo4j of this data folder. ` +
          'Set PARLEY_NEO4J_BOLT_PORT to the port of the Parley that serves this folder, pick a free port, or set NEO4J_URI (with NEO4J_PASSWORD) to use that other Neo4j.',
      );
    }
    return this.credentials(password);
  }

  private credentials(password: string): Neo4jCredentials {
    const { boltPort, httpPort } = this.options;
    return { uri: `bolt://127.0.0.1:${boltPort}`, httpUrl: `http://127.0.0.1:${httpPort}`, user: 'neo4j', password };
  }

  /** Stops Neo4j cleanly (SIGTERM lets it checkpoint), forcing it after a grace period. */
  async stop(graceMs = 30_000): Promise<void> {
    const child = this.child;
    if (child?.pid) {
      this.logger.info('stopping local Neo4j');
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(forced);
    }
    this.watchdog?.kill('SIGKILL');
    this.watchdog = undefined;
    if (child?.pid) clearOwner(this.options.dataDir, child.pid);
  }

  private config(): string {
    const { boltPort, httpPort, heap, pageCache, transactionMemory } = this.options;
    const { total, each } = transactionMemoryCaps(heap, transactionMemory);
    return [
      '# Generated by Parley at every start; edit PARLEY_NEO4J_* variables instead.',
      'server.default_listen_address=127.0.0.1',
      'server.default_advertised_address=127.0.0.1',
      `server.bolt.listen_address=127.0.0.1:${boltPort}`,
      `server.http.listen_address=127.0.0.1:${httpPort}`,
      'server.https.enabled=false',
      `server.memory.heap.initial_size=${heap}`,
      `server.memory.heap.max_size=${heap}`,
      `server.memory.pagecache.size=${pageCache}`,
      // One query that would take the whole heap is stopped with a clear error instead.
      `db.memory.transaction.total.max=${total}`,
      `db.memory.transaction.max=${each}`,
      'dbms.usage_report.enabled=false',
      'dbms.security.auth_enabled=true',
      'dbms.security.allow_csv_import_from_file_urls=false',
      'server.directories.import=import',
      'db.tx_log.rotation.retention_policy=1 days',
      'server.logs.gc.enabled=false',
      '',
    ].join('\n');
  }

  /** Bolt answering, awaited with wait-port; fails at once if Neo4j exits, and logs progress while it starts. */
  private async waitForBolt(uri: string, started: number): Promise<void> {
    const { boltPort, dataDir, startTimeoutMs } = this.options;
    const progress = setInterval(() => this.logger.info({ seconds: Math.round((Date.now() - started) / 1000), uri }, 'waiting for Neo4j to open Bolt'), 3_000);
    try {
      const outcome = await Promise.race([
        waitPort({ host: '127.0.0.1', port: boltPort, interval: 250, timeout: Math.max(1, started + startTimeoutMs - Date.now()), output: 'silent' }),
        this.exited!.then(() => 'exited' as const),
      ]);
      if (outcome === 'exited') {
        throw new SetupError(`Neo4j exited during start-up; see ${path.join(dataDir, 'logs', 'console.log')} and neo4j.log there.`);
      }
      if (!outcome.open) {
        throw new SetupError(`Neo4j did not open Bolt on port ${boltPort} within ${startTimeoutMs / 1000}s; see ${path.join(dataDir, 'logs')}.`);
      }
    } finally {
      clearInterval(progress);
    }
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Both ports Neo4j needs, named together with what is wrong with each. */
export async function assertPortsFree(boltPort: number, httpPort: number): Promise<void> {
  const ports = [
    { port: boltPort, variable: 'PARLEY_NEO4J_BOLT_PORT', what: 'Bolt' },
    { port: httpPort, variable: 'PARLEY_NEO4J_HTTP_PORT', what: 'HTTP' },
  ];
  const free = await Promise.all(ports.map((p) => portFree(p.port)));
  if (free.every(Boolean)) return;
  const state = ports.map((p, i) => `${p.what} port ${p.port} (${p.variable}) is ${free[i] ? 'free' : 'already taken'}`).join(', ');
  const taken = ports.filter((_p, i) => !free[i]).map((p) => p.variable);
  throw new SetupError(
    `The local Neo4j cannot start on 127.0.0.1: ${state}. Stop what uses ${taken.length > 1 ? 'them' : 'it'}, set ${taken.join(' and ')} to a free port, or set NEO4J_URI to use a running Neo4j.`,
  );
}

/** Who runs Neo4j on a data folder: written beside the data when Parley starts it, removed when it stops. */
export interface FolderOwner {
  /** The Neo4j process. */
  pid: number;
  /** The Parley process that started it. */
  appPid: number;
  boltPort: number;
  httpPort: number;
}

const OWNER_FILE = 'parley-owner.json';

function writeOwner(dataDir: string, owner: FolderOwner): void {
  fs.writeFileSync(path.join(dataDir, OWNER_FILE), `${JSON.stringify(owner)}\n`);
}

function clearOwner(dataDir: string, pid: number): void {
  const file = path.join(dataDir, OWNER_FILE);
  try {
    if ((JSON.parse(fs.readFileSync(file, 'utf8')) as FolderOwner).pid === pid) fs.rmSync(file, { force: true });
  } catch {
    // No owner file, or one that is not ours: leave it.
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live owner of a data folder, or undefined (none recorded, or one that has died: a stale record). */
export function liveOwner(dataDir: string): FolderOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')) as FolderOwner;
    if (!Number.isInteger(owner.pid) || !alive(owner.pid)) return undefined;
    // Where /proc tells, the pid must still be a Neo4j of this folder (a pid reused after a reboot is not).
    const cmdline = path.join('/proc', String(owner.pid), 'cmdline');
    if (fs.existsSync(cmdline) && !fs.readFileSync(cmdline, 'utf8').includes(`--home-dir=${dataDir}`)) return undefined;
    return owner;
  } catch {
    return undefined;
  }
}

function ownedMessage(dataDir: string, owner: FolderOwner, boltPort: number): string {
  return (
    `The data folder ${dataDir} is already in use: another Parley (pid ${owner.appPid}) runs Neo4j (pid ${owner.pid}) on it at Bolt port ${owner.boltPort}, HTTP port ${owner.httpPort}` +
    `${owner.boltPort === boltPort ? '' : `, not at ${boltPort} as PARLEY_NEO4J_BOLT_PORT says`}. ` +
    `Stop that Parley first, set PARLEY_NEO4J_BOLT_PORT=${owner.boltPort} to use it (npm run extract reuses it), or set PARLEY_HOME to another folder.`
  );
}

/** Refuses to start a second Neo4j on a folder a live one owns. */
function assertFolderFree(dataDir: string, boltPort: number): void {
  const owner = liveOwner(dataDir);
  if (owner) throw new SetupError(ownedMessage(dataDir, owner, boltPort));
}

function boltAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * The local server gets a random password, kept beside its data (mode 0600) so that the
 * same data folder opens again; NEO4J_PASSWORD is for servers Parley does not manage.
 */
function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** A fresh store accepts only neo4j/neo4j until the password is changed; change it to ours. */
async function ensurePassword(uri: string, password: string): Promise<void> {
  if (await canLogIn(uri, password)) return;
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'neo4j'));
  try {
    await driver.executeQuery('ALTER CURRENT USER SET PASSWORD FROM $old TO $new', { old: 'neo4j', new: password }, {
      database: 'system',
    });
  } catch (err) {
    if (neo4jErrorCode(err) === 'Neo.ClientError.Security.Unauthorized') {
      throw new SetupError(`The local Neo4j rejects the password kept in ${'password'} beside its data. Delete the data folder to start afresh, or restore that file.`);
    }
    throw err;
  } finally {
    await driver.close();
  }
}

async function canLogIn(uri: string, password: string): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
  try {
    // Resolves false (rather than throwing) when the credentials are refused.
    return await driver.verifyAuthentication();
  } catch (err) {
    if (neo4jErrorCode(err) === 'Neo.ClientError.Security.Unauthorized') return false;
    throw err;
  } finally {
    await driver.close();
  }
}

/**
 * A detached shell that outlives a crash of this process (even SIGKILL) and then ends Neo4j,
 * so no orphan `java` is ever left behind.
 */
function startWatchdog(appPid: number, neo4jPid: number): ChildProcess {
  const script = [
    `while kill -0 ${appPid} 2>/dev/null && kill -0 ${neo4jPid} 2>/dev/null; do sleep 1; done`,
    `if kill -0 ${neo4jPid} 2>/dev/null; then kill -TERM ${neo4jPid}; i=0;`,
    `while kill -0 ${neo4jPid} 2>/dev/null && [ $i -lt 30 ]; do sleep 1; i=$((i+1)); done;`,
    `kill -KILL ${neo4jPid} 2>/dev/null; fi`,
  ].join('\n');
  const watchdog = spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  return watchdog;
}

/**
 * Transaction memory caps for a heap size: all transactions together may take 70% of the heap
 * (what Neo4j itself would allow the pool), one transaction the configured amount, never more
 * than the pool.
 */
export function transactionMemoryCaps(heap: string, perTransaction: string): { total: string; each: string } {
  const megabytes = (size: string) => Number(size.slice(0, -1)) * (size.endsWith('g') ? 1024 : 1);
  const total = Math.floor(megabytes(heap) * 0.7);
  return { total: `${total}m`, each: `${Math.min(total, megabytes(perTransaction))}m` };
}
