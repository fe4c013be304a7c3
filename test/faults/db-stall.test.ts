/**
 * A database server that accepts connections and then stops answering (a network partition, a
 * stuck backend): the app reaches it through DATABASE_URL via a TCP relay that can go silent,
 * dropping bytes both ways. A call must not hang: its query reaches the client-side timeout,
 * the call answers UNAVAILABLE with nothing written, the silent connections leave the pool, and
 * once the server answers again calls succeed on the first try.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { isDatabaseUnavailable } from '../../src/errors.js';
import { hardenQueryQueue } from '../../src/db/socket-queue.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import { findTool } from '../../tools/index.js';
import { runTool, type ToolResult } from '../../tools/run-tool.js';
import { actorOf, makeLead, makeUser } from '../helpers/fixtures.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'crm-db-stall-'));
let pglite: PGlite;
let server: PGLiteSocketServer;
let relay: net.Server;
let silent = false;
/** Relay connections the app closed while the server was silent. */
let droppedByApp = 0;
let rt: Runtime;
let call: (name: string, input: unknown) => Promise<ToolResult>;
let leadId: string;

function startRelay(target: number): Promise<number> {
  relay = net.createServer((app) => {
    const db = net.connect(target, '127.0.0.1');
    app.on('data', (d) => void (silent || db.write(d)));
    db.on('data', (d) => void (silent || app.write(d)));
    app.on('close', () => {
      if (silent) droppedByApp++;
      db.destroy();
    });
    db.on('close', () => app.destroy());
    app.on('error', () => {});
    db.on('error', () => {});
  });
  return new Promise((resolve) => relay.listen(0, '127.0.0.1', () => resolve((relay.address() as net.AddressInfo).port)));
}

beforeAll(async () => {
  pglite = await PGlite.create({ dataDir, extensions: { vector } });
  server = hardenQueryQueue(new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 8 }));
  await server.start();
  const port = await startRelay(Number(server.getServerConn().split(':')[1]));
  rt = await openRuntime(
    testConfig({
      DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/postgres`,
      DATABASE_POOL_MAX: '4',
      DATABASE_STATEMENT_TIMEOUT_MS: '500',
      DATABASE_QUERY_TIMEOUT_MS: '1000',
    }),
    { seedIfEmpty: false },
  );
  const user = await makeUser(rt.database.db, { handle: 'stall-user', role: 'producer' });
  leadId = (await makeLead(rt.database.db)).id;
  const actor = actorOf(user);
  call = (name, input) => runTool(rt.deps, findTool(name)!, input, { actor, channel: 'api' });
});
afterAll(async () => {
  silent = false;
  await rt?.close();
  await new Promise((r) => relay?.close(r));
  await server?.stop();
  await pglite?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Clients checked out of the pool once the dropped connections have closed (polled, up to 5 s). */
async function checkedOut(pool: Runtime['database']['pool']): Promise<number> {
  for (let i = 0; i < 50 && pool.totalCount - pool.idleCount > 0; i++) await new Promise((r) => setTimeout(r, 100));
  return pool.totalCount - pool.idleCount;
}

const count = async (sql: string, params: unknown[] = []) => (await rt.database.pool.query<{ n: number }>(sql, params)).rows[0]!.n;

describe('the database stops answering', () => {
  it('fails the call UNAVAILABLE at the query timeout, writes nothing, drops the silent connections, and recovers', async () => {
    // Warm the pool: the calls below find idle connections, whose queries then get no answer.
    await Promise.all([call('add_note', { leadId, body: 'before' }), ...[1, 2, 3].map((limit) => call('search_leads', { limit }))]);
    const pool = rt.database.pool;
    expect(pool.idleCount).toBeGreaterThan(1);
    silent = true;
    // A transaction whose `begin` gets no answer: drizzle never released such a client, so each
    // outage shrank the pool for good.
    const tx = await rt.database.db
      .transaction(async (t) => t.execute(sql`select 1`))
      .then(
        () => 'committed',
        (e: unknown) => e,
      );
    expect(isDatabaseUnavailable(tx)).toBe(true);
    expect(await checkedOut(pool)).toBe(0);
    // Old code: no query timeout, so this never returned (the deadline below failed the test).
    const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the call hung for 20 s')), 20_000).unref());
    const write = await Promise.race([call('add_note', { leadId, body: 'during the silence' }), deadline]);
    expect(write.ok).toBe(false);
    if (!write.ok) expect(write.error).toMatchObject({ code: 'UNAVAILABLE', hint: expect.stringMatching(/retry/i) });
    // The connections whose queries went unanswered were closed, and none is held by the failed call.
    expect(droppedByApp).toBeGreaterThan(0);
    expect(await checkedOut(pool)).toBe(0);

    silent = false;
    const back = await call('add_note', { leadId, body: 'after' });
    expect(back.ok).toBe(true);
    expect(await count("select count(*)::int as n from lead_notes where body = 'during the silence'")).toBe(0);
    expect(await count("select count(*)::int as n from lead_notes where body in ('before', 'after')")).toBe(2);
  });
});
