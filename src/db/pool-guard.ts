/**
 * Keeps a `pg` pool whole when connections die under it. Three gaps, each seen in
 * test/faults/db-restart.test.ts:
 *
 * - The pool listens for errors on idle clients only: a checked-out client whose connection
 *   drops emits 'error' with no listener, which would kill the process.
 * - drizzle (0.45) releases a transaction's client in a `finally` that starts after `begin`: when
 *   `begin` itself fails (the connection died), the client is never released. The pool counts it
 *   forever; a few outages fill the pool, every later call waits for a client, and `pool.end()`
 *   never returns.
 * - pg-pool throws on a second release, so releasing such a client on its behalf would turn
 *   drizzle's own later release into an unexpected error.
 *
 * `guardPool` logs connection errors, releases (with an error, so the pool discards it) a
 * checked-out client whose connection ended, and makes release idempotent.
 */
import type pg from 'pg';
import type { logger } from '../log.js';

type Release = (err?: Error | boolean) => void;

/**
 * Replaces `client.release` (which pg-pool assigns on every checkout) with an idempotent one, and
 * releases the client itself, with an error, if its connection ends while it is checked out.
 */
function releaseOnConnectionEnd(client: pg.PoolClient): void {
  let inner: Release | undefined;
  let out = false;
  const release: Release = (err) => {
    if (!out) return;
    out = false;
    inner?.(err);
  };
  Object.defineProperty(client, 'release', {
    configurable: true,
    get: () => release,
    set: (fn: Release) => {
      inner = fn;
      out = true;
    },
  });
  client.on('end', () => release(new Error('database connection ended')));
}

/** Guards `pool` (see the file comment); `onConnect` runs for every new client, e.g. to add limits. */
export function guardPool(pool: pg.Pool, log: ReturnType<typeof logger>, onConnect?: (client: pg.PoolClient) => void): pg.Pool {
  pool.on('error', (err) => log.error({ err: err.message }, 'idle database client error'));
  pool.on('connect', (client) => {
    client.on('error', (err) => log.warn({ err: err.message }, 'database connection lost'));
    releaseOnConnectionEnd(client);
    onConnect?.(client);
  });
  return pool;
}
