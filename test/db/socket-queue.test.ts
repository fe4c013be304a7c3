/**
 * The embedded database's wire server with several connections on its one PGlite session
 * (src/db/socket-queue.ts): concurrent extended-protocol queries of different connections do not
 * interleave, and a connection that drops inside a transaction leaves nothing open behind it.
 */
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardenQueryQueue } from '../../src/db/socket-queue.js';

let db: PGlite;
let server: PGLiteSocketServer;
let url: string;

beforeAll(async () => {
  db = await PGlite.create();
  server = hardenQueryQueue(new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 }));
  await server.start();
  url = `postgres://postgres@${server.getServerConn()}/postgres`;
  await db.exec('create table t (id int primary key, v text)');
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

/** A promise that rejects after `ms`, so a query that gets no answer fails the test instead of hanging it. */
const within = <T>(p: Promise<T>, ms = 10_000) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

describe('the embedded wire server with several connections', () => {
  it("answers each connection's parameterised queries with its own results after another's transaction", async () => {
    // While one connection's transaction holds the session, the others' next messages wait; upstream
    // then served them one message each, round-robin: one connection's Bind ran against another's
    // Parse, and Execute found no portal (34000) or the wrong rows.
    const conns = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const c = new pg.Client(url);
        await c.connect();
        return c;
      }),
    );
    const [holder, ...others] = conns as [pg.Client, ...pg.Client[]];
    try {
      for (let round = 0; round < 10; round++) {
        await holder.query('begin');
        const runs = others.map((c, k) =>
          c.query<{ n: number }>(`select $1::int + ${(k + 1) * 1000} as n`, [round]).then((r) => r.rows[0]!.n),
        );
        await new Promise((r) => setTimeout(r, 20));
        await holder.query('commit');
        expect(await within(Promise.all(runs))).toEqual(others.map((_, k) => (k + 1) * 1000 + round));
      }
    } finally {
      await Promise.all(conns.map((c) => c.end()));
    }
  });

  it('rolls back the transaction of a connection that drops inside it, and serves the others', async () => {
    for (let round = 0; round < 3; round++) {
      const doomed = new pg.Client(url);
      doomed.on('error', () => {});
      await doomed.connect();
      // A transaction left open by a connection that drops would hold the session for good.
      const running = doomed.query(`begin; insert into t values (${round}, 'half written'); select pg_sleep(0.3)`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
      (doomed as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      await running;
      const other = new pg.Client(url);
      await other.connect();
      try {
        const { rows } = await within(other.query<{ n: number }>('select count(*)::int as n from t where id = $1', [round]));
        expect(rows[0]!.n).toBe(0);
      } finally {
        await other.end();
      }
      expect(db.isInTransaction()).toBe(false);
    }
  });
});
