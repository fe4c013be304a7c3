/**
 * Fixes for the query queue of `@electric-sql/pglite-socket` 0.2.17 (the newest release), which
 * serves the embedded database to the app. PGlite is one backend session shared by every
 * connection, and the queue decides whose message runs next. Upstream gets two things wrong:
 *
 * 1. `processQueue` returns on a failed query without clearing its `processing` flag, so every
 *    later query of every connection waits forever.
 * 2. It keeps a connection's messages together only inside a transaction. Outside one, the
 *    messages of extended-protocol queries (Parse, Bind, Describe, Execute, Sync, queued one by
 *    one) of several connections interleave: while one connection's transaction holds the
 *    session, the others' next messages wait, and after its commit they are served one message
 *    each, round-robin. One connection then binds another's unnamed statement (26000) or
 *    executes its portal (34000), and after such an error the backend skips messages until the
 *    next Sync, so a third connection's query can get no answer at all: its caller waits
 *    forever. Seen in test/faults/db-restart.test.ts (calls failing INTERNAL, or hanging, when
 *    24 calls reconnect at once); reproduced in test/db/socket-queue.test.ts.
 *
 * `hardenQueryQueue` replaces the queue's loop: one message at a time (`runExclusive`), a
 * connection owns the session from its first message until an exchange ends (a simple Query or
 * a Sync) outside a transaction, and a failure never stops the loop. An owner that disconnects
 * would hold the session forever, so its exchange is ended (a Sync, which also ends the backend's
 * skip-until-Sync state after an error) and its transaction rolled back once its last message is
 * done. Remove it once upstream fixes the queue (check `QueryQueueManager` in the package's dist when
 * upgrading).
 */
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

interface QueuedQuery {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (err: unknown) => void;
  onData: (data: Uint8Array) => void;
}

interface QueryQueue {
  queue: QueuedQuery[];
  processing: boolean;
  /** Upstream's name for the connection that owns the session; kept in step with `owner`. */
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
  clearTransactionIfNeeded: (handlerId: number) => Promise<void>;
}

/** Our bookkeeping beside upstream's fields. */
interface Ownership {
  /** The connection whose exchange or transaction is open in the session, if any. */
  owner: number | null;
  /** The connection whose message is running now. */
  running: number | null;
  /** Connections that closed; their exchange is ended once their running message is done. */
  gone: Set<number>;
}

const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

/** True when `message` ends an exchange: a simple Query, a Sync, a Terminate, or the startup packet (no type byte). */
function endsExchange(message: Uint8Array): boolean {
  const type = message[0];
  return type === 0x51 || type === 0x53 || type === 0x58 || type === 0;
}

function harden(q: QueryQueue): void {
  const own: Ownership = { owner: null, running: null, gone: new Set() };
  const setOwner = (id: number | null) => {
    own.owner = id;
    q.lastHandlerId = id;
  };

  /** Ends what a closed connection left open: a half-sent extended exchange, then its transaction. */
  async function release(handlerId: number): Promise<void> {
    own.gone.delete(handlerId);
    if (own.owner !== handlerId) return;
    try {
      await q.db.runExclusive(() => q.db.execProtocolRaw(SYNC));
      if (q.db.isInTransaction()) await q.db.exec('rollback');
    } catch {
      // The database was closed under us (stop); nothing is left to end.
    }
    setOwner(null);
  }

  const next = (): QueuedQuery | undefined => {
    if (own.owner === null) return q.queue.shift();
    const i = q.queue.findIndex((item) => item.handlerId === own.owner);
    return i === -1 ? undefined : q.queue.splice(i, 1)[0];
  };

  q.processQueue = async function processQueue(): Promise<void> {
    if (q.processing || q.queue.length === 0) return;
    q.processing = true;
    try {
      for (let item = next(); item; item = next()) {
        const query = item;
        let bytes = 0;
        let failure: { err: unknown } | undefined;
        own.running = query.handlerId;
        try {
          await q.db.runExclusive(() =>
            q.db.execProtocolRawStream(query.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                query.onData(data);
              },
            }),
          );
        } catch (err) {
          failure = { err };
        } finally {
          own.running = null;
        }
        setOwner(endsExchange(query.message) && !q.db.isInTransaction() ? null : query.handlerId);
        if (own.gone.has(query.handlerId)) await release(query.handlerId);
        if (failure) query.reject(failure.err);
        else query.resolve(bytes);
      }
    } finally {
      q.processing = false;
    }
  };

  const clearQueue = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId: number) => {
    own.gone.add(handlerId);
    clearQueue(handlerId);
  };

  q.clearTransactionIfNeeded = async (handlerId: number) => {
    // Its running message finishes first; the loop then releases it.
    if (own.running === handlerId) return;
    await release(handlerId);
    await q.processQueue();
  };
}

/** Makes `server`'s query queue safe for several connections and for ones that drop (see the file comment). Call before `start()`. */
export function hardenQueryQueue(server: PGLiteSocketServer): PGLiteSocketServer {
  const queue = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  const fns = ['processQueue', 'clearQueueForHandler', 'clearTransactionIfNeeded'] as const;
  if (!queue || fns.some((f) => typeof queue[f] !== 'function') || !Array.isArray(queue.queue)) {
    throw new Error('pglite-socket changed: its query queue is not where src/db/socket-queue.ts expects it; re-check the fix');
  }
  harden(queue);
  return server;
}
