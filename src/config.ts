/**
 * The whole configuration, parsed once from the environment by the entrypoints.
 * Nothing else in the codebase reads `process.env`; pass a `Config` (or the part you need) down.
 */
import { z } from 'zod';

const bool = z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', '']).transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const list = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** A Postgres 15+ server with pgvector. Unset: the embedded PGlite database. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Connections per process to a server database (the embedded one always uses one); why 10: docs/load.md. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * With DATABASE_URL: the server cancels a statement running longer than this (0: no limit), and
   * the client gives up on a query with no answer after DATABASE_QUERY_TIMEOUT_MS (default: the
   * statement timeout + 5 s; 0: no limit). Such a call answers UNAVAILABLE and writes nothing.
   * Migrations and `embed --reembed` run without them; the embedded database has none.
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
  /** Folder of the embedded database. `memory://` keeps it in memory (tests). */
  CRM_DATA_DIR: z.string().min(1).default('./data'),
  /** Seed demo data on first start when the database is empty. */
  CRM_SEED_ON_START: bool.default(true),
  /** The local user the stdio MCP server and the terminal chat act as. */
  CRM_USER: z.string().min(1).default('demo'),
  /** Origins allowed to call /mcp from a browser (besides requests with no Origin). */
  CRM_ALLOWED_ORIGINS: list.default([]),
  /** Hosts accepted in the Host header on /mcp (DNS-rebinding protection). Empty: loopback names + HOST. */
  CRM_ALLOWED_HOSTS: list.default([]),
  /**
   * `token` (default): /mcp needs a bearer token. `none`: no token, every request acts as CRM_USER;
   * only for local test clients (the MCP conformance suite), refused unless HOST is loopback.
   */
  MCP_HTTP_AUTH: z.enum(['token', 'none']).default('token'),
  /** Run MCP over HTTP statelessly (no session ids), for many instances behind a load balancer. */
  MCP_STATELESS: bool.default(false),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  CRM_CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
  CRM_CHAT_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.2),
  /** One chat-model request's timeout, and retries (with backoff) on 429, 5xx and dropped connections. */
  CRM_CHAT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  CRM_CHAT_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** Model calls the agent may make in one turn before it stops with a message. */
  CRM_AGENT_STEP_LIMIT: z.coerce.number().int().min(1).max(50).default(8),
  /** Approximate tokens of conversation history the agent sends; older turns are dropped first. */
  CRM_AGENT_TOKEN_BUDGET: z.coerce.number().int().min(1000).max(1_000_000).default(24_000),
  /** Embedding model; `local-sif-100` is the offline embedder. */
  CRM_EMBEDDING_MODEL: z.string().min(1).default('local-sif-100'),
  CRM_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(1).max(4000).optional(),
  CRM_EMBEDDING_BASE_URL: z.url().optional(),
  CRM_EMBEDDING_API_KEY: z.string().min(1).optional(),
  /**
   * The embedding worker's claim lease: renewed while a batch runs, so a crashed worker's jobs are
   * taken over this long after its last renewal, and a live worker's never are.
   */
  CRM_EMBEDDING_LEASE_MS: z.coerce.number().int().min(500).max(3_600_000).default(60_000),
  CRM_RRF_K: z.coerce.number().int().min(1).max(1000).default(60),
  /** Knowledge-search fusion: convex (scores, the default) or rrf (ranks); see docs/search.md. */
  CRM_SEARCH_FUSION: z.enum(['convex', 'rrf']).default('convex'),
  /** Convex fusion: weight of the full-text score, 0-1 (tuned on bench/retrieval's dev split). */
  CRM_SEARCH_FULLTEXT_WEIGHT: z.coerce.number().min(0).max(1).default(0.6),
  /** Least cosine that counts as a meaning match (lowConfidence, search_leads); model-dependent. */
  CRM_SEARCH_MIN_SIMILARITY: z.coerce.number().min(-1).max(1).default(0.4),
  /** Slack: the bot token (xoxb-…) and the app's signing secret; both, or neither (Slack off, /slack/* answers 404). */
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  /** The Slack Web API base URL (default https://slack.com/api/); tests point it at a local fake. */
  SLACK_API_URL: z.url().optional(),
  /** Agency business hours for calls and texts, in the agency's timezone. */
  CRM_AGENCY_TIMEZONE: z.string().min(1).default('America/Chicago'),
  /**
   * What the audit trail (ai_interactions) keeps of a tool's answer: `summary` (default: the
   * one-line summary and the ids it names) or `full` (the whole answer, personal fields masked,
   * secrets scrubbed).
   */
  CRM_AUDIT_PAYLOADS: z.enum(['summary', 'full']).default('summary'),
  /** Local hours of the agency for calls, texts and SLAs, START-END; parsed to [start, end]. */
  CRM_BUSINESS_HOURS: z
    .string()
    .regex(/^\d{1,2}-\d{1,2}$/, 'format START-END in whole hours, e.g. 8-18')
    .default('8-20')
    .transform((s) => s.split('-').map(Number) as [number, number])
    .refine(([start, end]) => start < end && end <= 24, 'START must be before END, both whole hours 0-24, e.g. 8-18'),
  /** Fair share on /mcp, per token: sustained requests a minute, burst above it, requests in flight. */
  CRM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  CRM_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(60),
  CRM_RATE_LIMIT_CONCURRENT: z.coerce.number().int().min(1).default(8),
  /** Open MCP-over-HTTP sessions at most, in all and per user (a new one beyond: 429 + Retry-After). */
  CRM_MAX_SESSIONS: z.coerce.number().int().min(1).default(1000),
  CRM_MAX_SESSIONS_PER_USER: z.coerce.number().int().min(1).default(50),
  /**
   * Producers' book of business: `own` leads, `team` (default: theirs and their team's,
   * users.team) or `all`. Admins, managers, CSRs and viewers always see the whole book.
   */
  CRM_BOOK_POLICY: z.enum(['own', 'team', 'all']).default('team'),
});

export type Config = z.infer<typeof configSchema>;

/**
 * Names whose values must never be printed or stored: the log redacts them by key
 * (src/log.ts) and the secret scrubber removes their values from stored and returned text.
 * Every key that looks secret (…_KEY, …_TOKEN, …_SECRET, …PASSWORD, DATABASE_URL) belongs here;
 * a test checks it.
 */
export const SECRET_KEYS = ['OPENAI_API_KEY', 'CRM_EMBEDDING_API_KEY', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'DATABASE_URL'] as const;

/**
 * The configured secret values, for the scrubber: each SECRET_KEYS value, and for URLs also the
 * password they carry (it appears alone in driver messages).
 */
export function secretValues(config: Partial<Record<(typeof SECRET_KEYS)[number], string | undefined>>): string[] {
  const out: string[] = [];
  for (const k of SECRET_KEYS) {
    const v = config[k];
    if (!v) continue;
    out.push(v);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
      try {
        const password = decodeURIComponent(new URL(v).password);
        if (password) out.push(password);
      } catch {
        // Not a parseable URL: the whole value is scrubbed already.
      }
    }
  }
  return out;
}

/** Parses the configuration; throws a readable error naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** A copy of the config for a test, with overrides; uses defaults, not the environment. */
export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CRM_DATA_DIR: 'memory://', ...overrides });
}
