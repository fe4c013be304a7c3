/**
 * Query time limits for a Postgres server (`DATABASE_URL`). A server can accept a connection and
 * then never answer (a network partition, a stuck backend, a lock nobody releases): without a
 * limit the call, and the pooled connection it holds, wait forever.
 *
 * Two limits: the server's `statement_timeout` (it cancels the statement and answers 57014; the
 * connection stays usable) and, a little above it, the client's `query_timeout` for when no
 * answer comes at all. `pg` fails a query at its read timeout but keeps the connection, and the
 * next query on it would queue behind the one still unanswered; `dropOnReadTimeout` destroys
 * such a connection instead, so the pool never hands it out again.
 *
 * The embedded database gets neither: it runs in this process (nothing to partition), a client
 * timeout cannot stop a query running in PGlite's one session, and waiting behind another local
 * process's transaction is normal there.
 */
import type pg from 'pg';
import type { Config } from '../config.js';

export type TimeoutConfig = Pick<Config, 'DATABASE_STATEMENT_TIMEOUT_MS' | 'DATABASE_QUERY_TIMEOUT_MS'>;

/** How much later the client gives up than the server, so the server's clean cancel comes first. */
export const CLIENT_TIMEOUT_MARGIN_MS = 5_000;

/** The pool options for `cfg`'s limits (0 turns a limit off). */
export function timeoutOptions(cfg: TimeoutConfig): Pick<pg.PoolConfig, 'statement_timeout' | 'query_timeout'> {
  const statement = cfg.DATABASE_STATEMENT_TIMEOUT_MS;
  const query = cfg.DATABASE_QUERY_TIMEOUT_MS ?? (statement > 0 ? statement + CLIENT_TIMEOUT_MARGIN_MS : 0);
  return {
    ...(statement > 0 ? { statement_timeout: statement } : {}),
    ...(query > 0 ? { query_timeout: query } : {}),
  };
}

/** The error `pg` fails a query with when its `query_timeout` passes without an answer. */
export const READ_TIMEOUT_TEXT = 'Query read timeout';

interface Destroyable {
  connection: { stream: { destroy(): void } };
}

/**
 * Makes `client` close its connection when one of its queries reaches the read timeout: the
 * connection may still deliver that query's answer later, or never, and either way it is not fit
 * for the next query. Closed, the pool discards it on release (`pg-pool` drops clients that are
 * no longer queryable) and the caller's transaction never commits.
 */
export function dropOnReadTimeout(client: pg.PoolClient): void {
  const drop = (err: unknown) => {
    if (err instanceof Error && err.message === READ_TIMEOUT_TEXT) (client as unknown as Destroyable).connection.stream.destroy();
  };
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (err: unknown, res: unknown) => {
        drop(err);
        (callback as (e: unknown, r: unknown) => void)(err, res);
      };
      return query(...args);
    }
    const out = query(...args);
    if (out instanceof Promise) out.catch(drop);
    return out;
  };
}

/**
 * Runs `fn` on `client` with both limits off, for work on a timed pool that may rightly take
 * long: migrations (index builds, waiting for another server's migration lock). (`embed
 * --backfill/--reembed` open their pool without limits instead: `openDatabase`'s `timeouts`.)
 * The session setting is reset before the client goes back to the pool.
 */
export async function withoutTimeouts<T>(client: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
  const params = (client as unknown as { connectionParameters: { query_timeout?: number } }).connectionParameters;
  const readTimeout = params.query_timeout;
  params.query_timeout = undefined;
  try {
    await client.query('set statement_timeout = 0');
    return await fn();
  } finally {
    await client.query('reset statement_timeout').catch(() => undefined);
    params.query_timeout = readTimeout;
  }
}
