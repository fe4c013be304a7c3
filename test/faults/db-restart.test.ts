/**
 * The database goes away mid-run: a Postgres server reached through DATABASE_URL (PGlite on a
 * data folder, served over the wire protocol as in test/db/database-url.test.ts) is stopped and
 * started again on the same port while tools and the HTTP server run. A stop closes the session
 * (open transactions abort, as when a server restarts) and a start reopens the folder. Calls fail
 * with UNAVAILABLE and a hint, the HTTP server stays up, everything recovers without a restart,
 * and no call is half written: each note either committed with its audit row or left nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createToken } from '../../src/crm/access/tokens.js';
import { hardenQueryQueue } from '../../src/db/socket-queue.js';
import { startHttp, type RunningHttp } from '../../src/http/server.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import { findTool } from '../../tools/index.js';
import { runTool, type ToolResult } from '../../tools/run-tool.js';
import { actorOf, makeLead, makeUser } from '../helpers/fixtures.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'crm-db-restart-'));
let pglite: PGlite | undefined;
let socket: PGLiteSocketServer | undefined;
let port = 0;
let rt: Runtime;
let http: RunningHttp;
let token: string;
let call: (name: string, input: unknown) => Promise<ToolResult>;
let leadId: string;

/** Starts the server: opens the data folder and listens on the port (the same one after a restart). */
async function startServer(): Promise<void> {
  pglite = await PGlite.create({ dataDir, extensions: { vector } });
  socket = hardenQueryQueue(new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port, maxConnections: 8 }));
  await socket.start();
  port = Number(socket.getServerConn().split(':')[1]);
}
/**
 * Stops the server: every open connection is dropped, new ones are refused, and the session
 * closes, so a transaction a dropped connection left open is aborted, as on a server restart.
 */
async function stopServer(): Promise<void> {
  await socket?.stop();
  socket = undefined;
  await pglite?.close();
  pglite = undefined;
}

beforeAll(async () => {
  await startServer();
  rt = await openRuntime(
    testConfig({ DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/postgres`, DATABASE_POOL_MAX: '4', PORT: '0' }),
    { seedIfEmpty: false },
  );
  const user = await makeUser(rt.database.db, { handle: 'fault-user', role: 'producer' });
  leadId = (await makeLead(rt.database.db)).id;
  const actor = actorOf(user);
  call = (name, input) => runTool(rt.deps, findTool(name)!, input, { actor, channel: 'api' });
  http = await startHttp(rt);
  token = (await createToken(rt.database.db, { userHandle: 'fault-user', scopes: ['crm:read', 'crm:write'] })).token;
});
// Teardown is not bounded: pool.end() waits for every checked-out client, so a client a failed
// call kept (drizzle's transaction never released one whose `begin` failed; src/db/pool-guard.ts)
// would hang it.
afterAll(async () => {
  await http?.stop();
  await rt?.close();
  await stopServer();
  rmSync(dataDir, { recursive: true, force: true });
});

const count = async (sql: string, params: unknown[] = []) => (await rt.database.pool.query<{ n: number }>(sql, params)).rows[0]!.n;
const mcpPing = () =>
  fetch(`${http.url}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'f', version: '0' } },
    }),
  });

async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean, tries = 50): Promise<T> {
  let v = await f();
  for (let i = 0; i < tries && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await f();
  }
  return v;
}

describe('the database goes away mid-run', () => {
  it('fails calls with UNAVAILABLE and a hint while it is down, keeps HTTP up, and recovers on its own', async () => {
    expect((await call('add_note', { leadId, body: 'before the outage' })).ok).toBe(true);
    const notesBefore = await count('select count(*)::int as n from lead_notes');
    await stopServer();

    const write = await call('add_note', { leadId, body: 'during the outage' });
    const read = await call('search_leads', { limit: 1 });
    for (const r of [write, read]) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      // Old code: INTERNAL "The tool failed unexpectedly".
      expect(r.error).toMatchObject({ code: 'UNAVAILABLE', hint: expect.stringMatching(/retry/i) });
    }
    const health = await fetch(`${http.url}/healthz`);
    expect(health.status).toBe(200);
    await health.text();
    const ready = await fetch(`${http.url}/readyz`);
    expect(ready.status).toBe(503);
    await ready.text();
    // Authentication needs the database: a retriable 503 with the code, not a 500.
    const mcp = await mcpPing();
    expect(mcp.status).toBe(503);
    expect(await mcp.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });

    await startServer();
    const back = await until(
      () => call('add_note', { leadId, body: 'after the outage' }),
      (r) => r.ok,
    );
    expect(back.ok).toBe(true);
    expect(await count('select count(*)::int as n from lead_notes')).toBe(notesBefore + 1);
    expect(await count("select count(*)::int as n from lead_notes where body = 'during the outage'")).toBe(0);
    const readyAgain = await until(
      () => fetch(`${http.url}/readyz`).then(async (r) => (await r.text(), r.status)),
      (s) => s === 200,
    );
    expect(readyAgain).toBe(200);
    const again = await mcpPing();
    expect(again.status).toBe(200);
    await again.text();
  });

  // Once skipped as a harness flake (a call hung about one run in three). The causes: the
  // socket server's queue interleaved the extended-protocol messages of the reconnecting
  // connections (src/db/socket-queue.ts), and the old harness "restarted" with a second server
  // on the same session, which kept the dropped connections' state.
  it('leaves no half-written call when connections are killed during a burst of writes', async () => {
    const auditBefore = await count("select count(*)::int as n from ai_interactions where tool_name = 'add_note' and error_code is null");
    const bodies = Array.from({ length: 24 }, (_, i) => `burst note ${i}`);
    const pending = bodies.map((body, i) => new Promise((r) => setTimeout(r, i * 12)).then(() => call('add_note', { leadId, body })));
    await new Promise((r) => setTimeout(r, 60));
    await stopServer();
    await new Promise((r) => setTimeout(r, 100));
    await startServer();
    // None may hang: a call that never answers is worse than a refusal.
    const deadline = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('a call hung for 20 s after the restart')), 20_000).unref(),
    );
    const results = await Promise.race([Promise.all(pending), deadline]);
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    console.log(
      `burst during a restart: ${JSON.stringify(codes.reduce<Record<string, number>>((a, c) => ((a[c] = (a[c] ?? 0) + 1), a), {}))}`,
    );
    for (const c of codes) expect(['ok', 'UNAVAILABLE']).toContain(c);

    // Recovered: every acknowledged note is there exactly once with its audit row; no refused one is.
    await until(
      () => call('search_leads', { limit: 1 }),
      (r) => r.ok,
    );
    for (const [i, r] of results.entries()) {
      const n = await count('select count(*)::int as n from lead_notes where body = $1', [bodies[i]]);
      expect(n, `${bodies[i]}: ${codes[i]}`).toBe(r.ok ? 1 : 0);
      if (r.ok) expect(await count('select count(*)::int as n from ai_interactions where id = $1', [r.interactionId])).toBe(1);
    }
    // No client is left checked out or broken in the pool: calls that met a dead connection released it.
    const pool = rt.database.pool;
    expect({ total: pool.totalCount <= 4, checkedOut: pool.totalCount - pool.idleCount, waiting: pool.waitingCount }).toEqual({
      total: true,
      checkedOut: 0,
      waiting: 0,
    });
    const okCount = results.filter((r) => r.ok).length;
    expect(await count("select count(*)::int as n from ai_interactions where tool_name = 'add_note' and error_code is null")).toBe(
      auditBefore + okCount,
    );
  });
});
