/**
 * Parley's own spaCy processes (server/nlp/spacy_service.py): installed on first need, started on
 * first use, one more started whenever one has died, all stopped with the app. Each listens on a
 * loopback port the system picks and reports it on its first line of output. Each exits by
 * itself when its stdin closes, so a crash of this process, even by SIGKILL, leaves no Python
 * behind.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import readline from 'node:readline';
import { NlpUnavailableError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { ensureNlpRuntime, type NlpRuntime, SERVICE_SCRIPT } from './install.ts';

export interface LocalNlpOptions {
  installDir: string;
  python: string;
  model: string;
  /** How many spaCy processes serve requests (PARLEY_NLP_WORKERS). */
  workers: number;
  startTimeoutMs: number;
}

/** One request's hold on a worker, released when its answer is in. */
export interface NlpLease {
  readonly url: string;
  release(): void;
  /** The worker stopped answering mid-request: drop it, so that the next request gets a fresh one. */
  broken(): void;
}

interface Worker {
  slot: number;
  child: ChildProcess;
  pid: number;
  url: string;
  /** Characters of text sent to it and not yet answered. */
  load: number;
}

interface ReadyLine {
  event: 'ready';
  port: number;
  pid: number;
  protocol: number;
  spacy: string;
  model: string;
  load_seconds: number;
}

/** After a failed start, requests get the same error for this long instead of starting again at once. */
const RETRY_AFTER_MS = 5_000;
const STOP_GRACE_MS = 5_000;

export class LocalNlp {
  private readonly live = new Map<number, Worker>();
  private readonly processes = new Set<ChildProcess>();
  private starting: Promise<Worker> | undefined;
  private failure: { error: NlpUnavailableError; until: number } | undefined;
  private runtime: Promise<NlpRuntime> | undefined;
  private stopped = false;

  constructor(
    private readonly options: LocalNlpOptions,
    private readonly logger: Logger,
  ) {}

  /** Process ids of the workers serving now. */
  get pids(): number[] {
    return [...this.live.values()].map((worker) => worker.pid);
  }

  /**
   * A worker for a request of `weight` characters: the least loaded one, so that short questions
   * go around a worker busy with a long article. Starts the first worker if none runs, and tops
   * the pool up in the background, one process at a time so that starts do not fight for the CPU.
   */
  async acquire(weight: number): Promise<NlpLease> {
    if (this.stopped) throw new NlpUnavailableError('The language parser has been stopped.');
    if (this.live.size === 0) await this.startOne();
    this.fillPool();
    const worker = [...this.live.values()].sort((a, b) => a.load - b.load)[0];
    if (!worker) throw new NlpUnavailableError('The language parser stopped as it started; try again.');
    worker.load += weight;
    let held = true;
    return {
      url: worker.url,
      release: () => {
        if (held) worker.load -= weight;
        held = false;
      },
      broken: () => this.discard(worker),
    };
  }

  /** Stops every worker (SIGTERM, then SIGKILL after a grace period); the manager takes no more requests. */
  async stop(): Promise<void> {
    this.stopped = true;
    const running = [...this.processes];
    if (running.length > 0) this.logger.info({ pids: running.map((child) => child.pid) }, 'stopping NLP workers');
    await Promise.all(running.map((child) => terminate(child)));
  }

  private startOne(): Promise<Worker> {
    if (this.starting) return this.starting;
    if (this.failure && Date.now() < this.failure.until) return Promise.reject(this.failure.error);
    const slot = [...Array(this.options.workers).keys()].find((n) => !this.live.has(n)) ?? 0;
    this.starting = this.startWorker(slot)
      .then(
        (worker) => {
          this.failure = undefined;
          return worker;
        },
        (err: unknown) => {
          const error = err instanceof NlpUnavailableError ? err : new NlpUnavailableError(`The language parser could not start: ${String(err)}`);
          if (this.stopped) throw error;
          this.failure = { error, until: Date.now() + RETRY_AFTER_MS };
          this.logger.error({ err: error, worker: slot }, 'NLP worker failed to start');
          throw error;
        },
      )
      .finally(() => {
        this.starting = undefined;
      });
    return this.starting;
  }

  private fillPool(): void {
    const coolingDown = this.failure !== undefined && Date.now() < this.failure.until;
    if (this.stopped || this.starting || coolingDown || this.live.size >= this.options.workers) return;
    this.startOne().then(
      () => this.fillPool(),
      () => undefined, // logged by startOne; the next request tries again
    );
  }

  private ensureRuntime(): Promise<NlpRuntime> {
    this.runtime ??= ensureNlpRuntime(this.options, this.logger).catch((err: unknown) => {
      this.runtime = undefined;
      throw err;
    });
    return this.runtime;
  }

  private async startWorker(slot: number): Promise<Worker> {
    const { python } = await this.ensureRuntime();
    if (this.stopped) throw new NlpUnavailableError('The language parser has been stopped.');
    const started = Date.now();
    const { model, startTimeoutMs } = this.options;
    this.logger.info({ worker: slot, model }, 'starting NLP worker');
    const child = spawn(python, ['-u', SERVICE_SCRIPT, '--host', '127.0.0.1', '--port', '0', '--model', model, '--exit-with-stdin'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    this.processes.add(child);
    // Nothing is ever written to its stdin: holding it open is what keeps the worker alive.
    child.stdin!.on('error', () => undefined);
    const output: string[] = [];
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      output.push(line);
      if (output.length > 20) output.shift();
      this.logger.info({ worker: slot, pid: child.pid, line }, 'NLP worker output');
    });
    const exited = new Promise<string>((resolve) => {
      child.once('error', (err) => resolve(err.message));
      child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${code}`));
    });
    void exited.then((how) => {
      this.processes.delete(child);
      const worker = this.live.get(slot);
      if (worker?.child === child) this.live.delete(slot);
      if (worker?.child === child && !this.stopped) {
        this.logger.warn({ worker: slot, pid: child.pid, how }, 'NLP worker exited; the next request starts another');
      } else {
        this.logger.info({ worker: slot, pid: child.pid, how }, 'NLP worker exited');
      }
    });

    const ready = await this.readyLine(child, exited, startTimeoutMs).catch(async (err: unknown) => {
      await terminate(child);
      if (this.stopped) throw new NlpUnavailableError('The language parser has been stopped.');
      const why = output.length > 0 ? `\n${output.join('\n')}` : '';
      throw new NlpUnavailableError(`The language parser (spaCy, model ${model}) did not start: ${(err as Error).message}.${why}`);
    });
    if (this.stopped) {
      await terminate(child);
      throw new NlpUnavailableError('The language parser has been stopped.');
    }
    // The app's own work keeps the event loop alive; a forgotten worker must not, and it exits with us anyway.
    for (const handle of [child, child.stdin, child.stdout, child.stderr]) (handle as { unref?: () => void } | null)?.unref?.();

    const worker: Worker = { slot, child, pid: ready.pid, url: `http://127.0.0.1:${ready.port}`, load: 0 };
    this.live.set(slot, worker);
    this.logger.info(
      { worker: slot, pid: ready.pid, url: worker.url, spacy: ready.spacy, model: ready.model, loadSeconds: ready.load_seconds, seconds: (Date.now() - started) / 1000 },
      'NLP worker ready',
    );
    return worker;
  }

  /** The service's first line on stdout says it listens; an exit or the deadline first is a failed start. */
  private readyLine(child: ChildProcess, exited: Promise<string>, timeoutMs: number): Promise<ReadyLine> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s (PARLEY_NLP_START_TIMEOUT_MS)`)), timeoutMs);
      const lines = readline.createInterface({ input: child.stdout! });
      lines.once('line', (line) => {
        clearTimeout(timer);
        try {
          const ready = JSON.parse(line) as ReadyLine;
          if (ready.event !== 'ready' || !Number.isInteger(ready.port)) throw new Error('not a ready line');
          resolve(ready);
        } catch {
          reject(new Error(`unexpected first line: ${line.slice(0, 200)}`));
        }
      });
      void exited.then((how) => {
        clearTimeout(timer);
        reject(new Error(`it exited (${how})`));
      });
    });
  }

  private discard(worker: Worker): void {
    if (this.live.get(worker.slot) !== worker) return;
    this.live.delete(worker.slot);
    worker.child.kill('SIGKILL');
  }
}

/** SIGTERM, SIGKILL after the grace period; resolves once the process is gone. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await gone;
  clearTimeout(forced);
}
