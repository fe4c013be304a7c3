/**
 * Opens the database: a Postgres server from `DATABASE_URL`, or the embedded PGlite database.
 * Either way the app gets a `pg` pool and a drizzle handle over it; one code path.
 */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Config } from '../config.js';
import { logger } from '../log.js';
import { hostEmbedded } from './embedded.js';
import * as schema from './schema/index.js';
import { guardPool } from './pool-guard.js';
import { dropOnReadTimeout, timeoutOptions, type TimeoutConfig } from './timeouts.js';

export type Db = NodePgDatabase<typeof schema>;
/** A drizzle handle that is either the database or an open transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** Connection string (no password for the embedded one). Never log it for a server. */
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

// Postgres `numeric` and `int8` come back as strings by default; bigint counts as numbers are
// safe at CRM scale, numerics stay strings (money) and are converted where read.
pg.types.setTypeParser(20, (v) => Number(v));

/** A server that accepts the socket but never answers must not hold a call forever. */
const CONNECT_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /**
   * Apply DATABASE_STATEMENT_TIMEOUT_MS / DATABASE_QUERY_TIMEOUT_MS to a server's pool (default
   * true). Commands whose statements may rightly run long (`embed --reembed`) pass false.
   */
  timeouts?: boolean;
}

/**
 * Opens the database of `cfg`. A server's pool has the configured statement and query timeouts
 * (src/db/timeouts.ts; a timed-out call answers UNAVAILABLE) unless `opts.timeouts` is false;
 * the embedded database has none.
 */
export async function openDatabase(
  cfg: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_MAX' | 'CRM_DATA_DIR'> & Partial<TimeoutConfig>,
  opts: OpenOptions = {},
): Promise<Database> {
  const log = logger('db');
  if (cfg.DATABASE_URL) {
    const timed = opts.timeouts !== false && cfg.DATABASE_STATEMENT_TIMEOUT_MS !== undefined;
    const limits = timed ? timeoutOptions(cfg as TimeoutConfig) : {};
    const pool = guardPool(
      new pg.Pool({
        connectionString: cfg.DATABASE_URL,
        max: cfg.DATABASE_POOL_MAX,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        // Finds connections to a server that went away while they sat idle.
        keepAlive: true,
        ...limits,
      }),
      log,
      limits.query_timeout === undefined ? undefined : dropOnReadTimeout,
    );
    return { db: drizzle(pool, { schema }), pool, url: cfg.DATABASE_URL, embedded: false, close: () => pool.end() };
  }
  const host = await hostEmbedded(cfg.CRM_DATA_DIR);
  // PGlite runs one query at a time; one connection per process keeps our own transactions from
  // waiting on each other. Never await a model call inside a transaction.
  const pool = guardPool(new pg.Pool({ connectionString: host.url, max: 1, idleTimeoutMillis: 0 }), log);
  return {
    db: drizzle(pool, { schema }),
    pool,
    url: host.url,
    embedded: true,
    async close() {
      await pool.end();
      await host.stop();
    },
  };
}
