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

/**
 * Logs pool errors instead of crashing. The pool listens for errors on idle clients only; a
 * client checked out (a transaction between two queries) whose connection drops emits 'error'
 * with no listener, which would kill the process. With a listener the error is logged, the
 * pending query fails (UNAVAILABLE, src/errors.ts) and the pool discards the client on release,
 * so the next call reconnects.
 */
/** A server that accepts the socket but never answers must not hold a call forever. */
const CONNECT_TIMEOUT_MS = 10_000;

function guardPool(pool: pg.Pool, log: ReturnType<typeof logger>): pg.Pool {
  pool.on('error', (err) => log.error({ err: err.message }, 'idle database client error'));
  pool.on('connect', (client) => {
    client.on('error', (err) => log.warn({ err: err.message }, 'database connection lost'));
  });
  return pool;
}

export async function openDatabase(cfg: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_MAX' | 'CRM_DATA_DIR'>): Promise<Database> {
  const log = logger('db');
  if (cfg.DATABASE_URL) {
    const pool = guardPool(
      new pg.Pool({ connectionString: cfg.DATABASE_URL, max: cfg.DATABASE_POOL_MAX, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }),
      log,
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
