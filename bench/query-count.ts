/**
 * Counts the statements the app sends to the database (round trips), so a benchmark can print
 * queries per call. Every statement of the `pg` driver goes through `Client.prototype.query`
 * (a pool's `query` checks out a client and calls it; transactions call it for begin and commit
 * too), so wrapping it once counts them all, in this process only.
 */
import pg from 'pg';

let count = 0;
let installed = false;

/** Installs the counter (idempotent) and returns a reader of the running total. */
export function countQueries(): () => number {
  if (!installed) {
    installed = true;
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      count++;
      return original.apply(this, args);
    };
  }
  return () => count;
}
