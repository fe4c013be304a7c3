/**
 * A fix for the query queue of `@electric-sql/pglite-socket` 0.2.17 (the newest release), which
 * serves the embedded database to the app. Its `QueryQueueManager.processQueue` returns on a
 * failed query without clearing its `processing` flag, so every later query of every connection
 * waits forever: one client that drops in the middle of a query (a killed process, a restart)
 * wedges the database for the whole process. Seen as calls hanging after connections were
 * killed during a burst of writes (test/faults/db-restart.test.ts, about one run in three).
 *
 * `hardenQueryQueue` replaces that method on one server's queue with the same loop (a
 * transaction's queries stay together; one query at a time through `runExclusive`) that always
 * clears the flag and goes on with the next query after a failure. Remove it once upstream fixes
 * the loop (check `processQueue` in the package's dist when upgrading).
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
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
}

/** The next query to run: the transaction owner's while a transaction is open, else the oldest. */
function nextQuery(q: QueryQueue): QueuedQuery | undefined {
  if (q.db.isInTransaction() && q.lastHandlerId !== null) {
    const i = q.queue.findIndex((item) => item.handlerId === q.lastHandlerId);
    return i === -1 ? undefined : q.queue.splice(i, 1)[0];
  }
  return q.queue.shift();
}

async function processQueue(this: QueryQueue): Promise<void> {
  if (this.processing || this.queue.length === 0) return;
  this.processing = true;
  try {
    for (let item = nextQuery(this); item; item = nextQuery(this)) {
      const query = item;
      let bytes = 0;
      try {
        await this.db.runExclusive(() =>
          this.db.execProtocolRawStream(query.message, {
            onRawData: (data: Uint8Array) => {
              bytes += data.length;
              query.onData(data);
            },
          }),
        );
      } catch (err) {
        // The query ran (or failed) on the shared session: whatever transaction is open is this handler's.
        this.lastHandlerId = query.handlerId;
        query.reject(err);
        continue;
      }
      this.lastHandlerId = query.handlerId;
      query.resolve(bytes);
    }
  } finally {
    this.processing = false;
  }
}

/** Makes `server`'s query queue survive a failed query (see the file comment). Call before `start()`. */
export function hardenQueryQueue(server: PGLiteSocketServer): PGLiteSocketServer {
  const queue = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || typeof queue.processQueue !== 'function' || !Array.isArray(queue.queue)) {
    throw new Error('pglite-socket changed: its query queue is not where src/db/socket-queue.ts expects it; re-check the fix');
  }
  queue.processQueue = processQueue.bind(queue);
  return server;
}
