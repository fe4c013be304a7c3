/**
 * The whole configuration, parsed once from the environment by the entrypoints.
 * Nothing else in the codebase reads `process.env`; pass a `Config` (or the part you need) down.
 */
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

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
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
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
  CRM_RRF_K: z.coerce.number().int().min(1).max(1000).default(60),
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  /** Agency business hours for calls and texts, in the agency's timezone. */
  CRM_AGENCY_TIMEZONE: z.string().min(1).default('America/Chicago'),
  CRM_BUSINESS_HOURS: z
    .string()
    .regex(/^\d{1,2}-\d{1,2}$/, 'format START-END in whole hours, e.g. 8-18')
    .default('8-20'),
});

export type Config = z.infer<typeof configSchema>;

/** Names whose values must never be printed. */
export const SECRET_KEYS = ['OPENAI_API_KEY', 'CRM_EMBEDDING_API_KEY', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'DATABASE_URL'] as const;

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
