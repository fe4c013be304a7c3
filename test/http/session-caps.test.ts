/**
 * Caps on open MCP sessions, per user and in total. A user at their cap gets a new session in
 * place of their least recently used idle one (its client meets 404 and starts again); only when
 * all of theirs are busy is the new one refused (429 + Retry-After). Another user's sessions are
 * never closed for it, and the total cap refuses. Over the HTTP app (hono's app.request) and with
 * the real SDK client over a real HTTP server.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/crm/access/tokens.js';
import { createHttpApp } from '../../src/http/app.js';
import { startHttp, type RunningHttp } from '../../src/http/server.js';
import { useRuntime } from '../helpers/runtime.js';

const rt = useRuntime({ CRM_MAX_SESSIONS_PER_USER: '3', CRM_MAX_SESSIONS: '5' });

const INIT = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
});
const headers = (token: string, session?: string) => ({
  host: '127.0.0.1',
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-06-18',
  ...(session ? { 'mcp-session-id': session } : {}),
});
const token = async (userHandle: string) => (await createToken(rt().database.db, { userHandle, scopes: ['crm:read'] })).token;

describe('MCP session caps over the HTTP app', () => {
  it('replace the least recently used idle session of a user at the cap, refuse when all are busy, never touch another user', async () => {
    const { app, mcp } = createHttpApp(rt());
    const open = (t: string) => app.request(new Request('http://127.0.0.1/mcp', { method: 'POST', headers: headers(t), body: INIT }));
    let pings = 100;
    /** A ping in the session; its answer is not read, so the request stays in flight until `body` is read. */
    const ping = (t: string, session: string) =>
      app.request(
        new Request('http://127.0.0.1/mcp', {
          method: 'POST',
          headers: headers(t, session),
          body: JSON.stringify({ jsonrpc: '2.0', id: pings++, method: 'ping' }),
        }),
      );
    /** A ping's status, its answer read (so the request is no longer in flight). */
    const answered = async (t: string, session: string) => {
      const r = await ping(t, session);
      await r.text();
      return r.status;
    };
    const [demo, marcus, priya] = [await token('demo'), await token('marcus.reed'), await token('priya.raman')];
    const opened = async (t: string) => {
      const r = await open(t);
      expect(r.status).toBe(200);
      await r.text();
      return r.headers.get('mcp-session-id')!;
    };

    const mine = [await opened(demo), await opened(demo), await opened(demo)];
    const theirs = [await opened(marcus), await opened(marcus)];
    expect(mcp.sessionCount()).toBe(5);

    // demo's fourth session replaces demo's least recently used one (mine[0]); the total stays 5.
    for (const s of mine) expect(await answered(demo, s)).toBe(200);
    const fourth = await opened(demo);
    expect(mcp.sessionCount()).toBe(5);
    expect(await answered(demo, mine[0]!)).toBe(404);
    for (const s of [mine[1]!, mine[2]!, fourth]) expect(await answered(demo, s)).toBe(200);
    // marcus's sessions were never candidates, and priya meets the server's total cap.
    for (const s of theirs) expect(await answered(marcus, s)).toBe(200);
    const full = await open(priya);
    expect(full.status).toBe(429);
    expect(Number(full.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await full.json()) as { error: { data: { hint: string } } }).error.data.hint).toMatch(/DELETE/);

    // All of demo's sessions busy (a request in flight in each): refused, code and Retry-After.
    const busy = await Promise.all([mine[1]!, mine[2]!, fourth].map((s) => ping(demo, s)));
    const over = await open(demo);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await over.json()) as { error: { data: { code: string; hint: string } } };
    expect(body.error.data.code).toBe('RATE_LIMITED');
    expect(body.error.data.hint).toMatch(/retry/i);
    // One call ends: that session is idle again and makes room.
    await busy[0]!.text();
    await opened(demo);
    expect(await answered(demo, mine[1]!)).toBe(404);
    await Promise.all(busy.slice(1).map((r) => r.text()));
    for (const s of theirs) expect(await answered(marcus, s)).toBe(200);

    // Closing a session (DELETE) frees its place.
    const del = await app.request(new Request('http://127.0.0.1/mcp', { method: 'DELETE', headers: headers(marcus, theirs[0]) }));
    expect(del.status).toBe(200);
    expect(mcp.sessionCount()).toBe(4);
    await opened(priya);
    await mcp.close();
  });
});

describe('MCP session caps with the SDK client', () => {
  let http: RunningHttp;
  let demo: string;
  let marcus: string;
  beforeAll(async () => {
    http = await startHttp(rt());
    [demo, marcus] = [await token('demo'), await token('marcus.reed')];
  });
  afterAll(async () => {
    await http?.stop();
  });
  const connect = async (t: string) => {
    const c = new Client({ name: 'caps', version: '1.0.0' });
    await c.connect(
      new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${t}` } } }),
    );
    return c;
  };

  it('lets a client that closes without DELETE reconnect at the cap; the replaced session gets 404; the other user keeps theirs', async () => {
    const other = await connect(marcus);
    // Client.close() ends the client side only: the server keeps the session until it expires.
    for (let round = 0; round < 3; round++) {
      const clients = [await connect(demo), await connect(demo), await connect(demo)];
      expect((await clients[2]!.listTools()).tools.length).toBeGreaterThan(0);
      await Promise.all(clients.map((c) => c.close()));
    }
    // A live client whose session was the least recently used is replaced and told so (404).
    const first = await connect(demo);
    const later = [await connect(demo), await connect(demo)];
    await later[0]!.listTools();
    await later[1]!.listTools();
    await connect(demo);
    await expect(first.listTools()).rejects.toMatchObject({ code: 404 });
    // The spec's answer to 404: initialise again; it works at once.
    await first.close();
    const again = await connect(demo);
    expect((await again.listTools()).tools.length).toBeGreaterThan(0);
    // marcus's session lived through all of demo's reconnects.
    expect((await other.listTools()).tools.length).toBeGreaterThan(0);
    await Promise.all([again, other, ...later].map((c) => c.close()));
  });
});
