/**
 * The language parser as the rest of Parley uses it: `createNlp(config.nlp, logger)` gives an
 * `NlpService` whose `parse(texts)` answers one `ParsedDoc` per text. Behind it runs either
 * Parley's own spaCy processes (localNlp.ts) or, when PARLEY_NLP_URL is set, a shared service
 * speaking the same protocol (docs/nlp.md). Whatever goes wrong on the parser's side reaches the
 * caller as `NlpUnavailableError`, which the HTTP layer answers with 503.
 */
import type { Config } from '../config.ts';
import { NlpUnavailableError, ValidationError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { type NlpLease, LocalNlp } from './localNlp.ts';
import { decodeParseAnswer, type ParsedDoc, type WireParseAnswer } from './parsedDoc.ts';

export type NlpConfig = Config['nlp'];

export interface ParseOptions {
  /** Overrides PARLEY_NLP_PARSE_TIMEOUT_MS for this call. */
  timeoutMs?: number;
  /** The caller's own cancellation; it rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface ParseTiming {
  /** spaCy's own time, measured in Python around nlp.pipe, for the batch that held these texts, up to their last document. */
  spacyMs: number;
  /** How long these texts waited in the service for their batch to begin. */
  queueMs: number;
  /** Texts in that batch: these and those of requests drained with them. */
  batchTexts: number;
  /** From asking for a worker to holding decoded documents, in this process. */
  totalMs: number;
}

export interface ParseResult {
  /** One document per text, in the order of the texts. */
  docs: readonly ParsedDoc[];
  /** The spaCy pipeline that parsed them. */
  model: string;
  timing: ParseTiming;
}

export interface NlpInfo {
  mode: 'local' | 'remote';
  /** The service that answered this call (for local mode, one of the workers). */
  url: string;
  /** Local mode: the configured number of workers and the process ids serving now. */
  workers?: number;
  pids?: number[];
  protocol: number;
  service: { name: string; version: string; pid: number };
  spacy: { version: string };
  model: { name: string; pipeline: string; version: string; lang: string; components: string[] };
  /** The longest text, in characters, that the service parses. */
  maxLength: number;
}

export interface NlpService {
  parse(texts: readonly string[], options?: ParseOptions): Promise<ParseResult>;
  info(): Promise<NlpInfo>;
  /** Stops Parley's own workers; a shared service is left running. Later calls are refused. */
  stop(): Promise<void>;
}

interface HealthAnswer {
  status: string;
  protocol: number;
  service: NlpInfo['service'];
  spacy: NlpInfo['spacy'];
  model: NlpInfo['model'];
  max_length: number;
}

/** Where requests go: Parley's own workers, or one shared URL. */
interface Endpoints {
  readonly mode: 'local' | 'remote';
  acquire(weight: number): Promise<NlpLease>;
  describe(): Pick<NlpInfo, 'workers' | 'pids'>;
  stop(): Promise<void>;
}

export function createNlp(config: NlpConfig, logger: Logger): NlpService {
  const log = logger.child({ component: 'nlp' });
  return new HttpNlp(config.url ? new SharedService(config.url) : new OwnWorkers(new LocalNlp(config, log), config.workers), config.parseTimeoutMs, log);
}

class OwnWorkers implements Endpoints {
  readonly mode = 'local';

  constructor(
    private readonly local: LocalNlp,
    private readonly workers: number,
  ) {}

  acquire(weight: number): Promise<NlpLease> {
    return this.local.acquire(weight);
  }

  describe() {
    return { workers: this.workers, pids: this.local.pids };
  }

  stop(): Promise<void> {
    return this.local.stop();
  }
}

class SharedService implements Endpoints {
  readonly mode = 'remote';
  private stopped = false;

  constructor(private readonly url: string) {}

  async acquire(): Promise<NlpLease> {
    if (this.stopped) throw new NlpUnavailableError('The language parser has been stopped.');
    return { url: this.url, release: () => undefined, broken: () => undefined };
  }

  describe() {
    return {};
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }
}

class HttpNlp implements NlpService {
  constructor(
    private readonly endpoints: Endpoints,
    private readonly parseTimeoutMs: number,
    private readonly logger: Logger,
  ) {}

  async parse(texts: readonly string[], options: ParseOptions = {}): Promise<ParseResult> {
    if (!Array.isArray(texts) || texts.some((text) => typeof text !== 'string')) throw new TypeError('parse() takes an array of strings');
    const started = performance.now();
    const chars = texts.reduce((sum, text) => sum + text.length, 0);
    const lease = await this.endpoints.acquire(chars);
    try {
      const answer = await this.call<WireParseAnswer>(lease, '/parse', { method: 'POST', body: JSON.stringify({ texts }) }, options);
      let docs: ParsedDoc[];
      try {
        docs = decodeParseAnswer(texts, answer);
      } catch (err) {
        throw new NlpUnavailableError(`The language parser at ${lease.url} gave an answer this version of Parley cannot read: ${(err as Error).message}.`);
      }
      const timing = {
        spacyMs: answer.timing.spacy_ms,
        queueMs: answer.timing.queue_ms,
        batchTexts: answer.timing.batch_texts,
        totalMs: performance.now() - started,
      };
      this.logger.debug({ texts: texts.length, chars, ...timing }, 'parsed');
      return { docs, model: answer.model, timing };
    } finally {
      lease.release();
    }
  }

  async info(): Promise<NlpInfo> {
    const lease = await this.endpoints.acquire(0);
    try {
      const health = await this.call<HealthAnswer>(lease, '/health', { method: 'GET' }, { timeoutMs: Math.min(this.parseTimeoutMs, 10_000) });
      return {
        mode: this.endpoints.mode,
        url: lease.url,
        ...this.endpoints.describe(),
        protocol: health.protocol,
        service: health.service,
        spacy: health.spacy,
        model: health.model,
        maxLength: health.max_length,
      };
    } finally {
      lease.release();
    }
  }

  stop(): Promise<void> {
    return this.endpoints.stop();
  }

  /** One HTTP exchange; every failure on the service's side becomes a typed error. */
  private async call<T>(lease: NlpLease, path: string, init: RequestInit, options: ParseOptions): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.parseTimeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${lease.url}${path}`, { ...init, headers: { 'content-type': 'application/json' }, signal });
      text = await response.text();
    } catch (err) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (deadline.aborted) {
        this.logger.warn({ url: lease.url, path, timeoutMs }, 'NLP request timed out');
        throw new NlpUnavailableError(`The language parser did not answer within ${timeoutMs / 1000} s; try again later.`);
      }
      lease.broken();
      this.logger.warn({ url: lease.url, path, err: describeFailure(err) }, 'NLP request failed');
      throw new NlpUnavailableError(
        this.endpoints.mode === 'remote'
          ? `The NLP service at ${lease.url} is not answering (${describeFailure(err)}); check PARLEY_NLP_URL.`
          : 'The language parser stopped while answering; it restarts on the next request.',
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new NlpUnavailableError(`The language parser at ${lease.url} answered ${response.status} with something that is not JSON.`);
    }
    if (!response.ok) throw this.refusal(response.status, body, lease.url);
    return body as T;
  }

  private refusal(status: number, body: unknown, url: string): Error {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    // The only refusal a caller can cause with well-formed texts; the rest mean the service is not ours or is failing.
    if (status === 400 && error?.code === 'text_too_long') return new ValidationError(error.message ?? 'A text is too long for the language parser.');
    this.logger.warn({ url, status, error }, 'NLP service refused a request');
    return new NlpUnavailableError(`The language parser failed (${status}${error?.code ? ` ${error.code}` : ''}): ${error?.message ?? 'no details'}`);
  }
}

/** fetch() hides the socket's reason in `cause`. */
function describeFailure(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message ?? String(err);
}
