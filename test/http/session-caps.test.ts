/** Caps on open MCP sessions, per user and in total, over the HTTP app (hono's app.request). */
import { describe, expect, it } from 'vitest';
import { createToken } from '../../src/crm/access/tokens.js';
import { createHttpApp } from '../../src/http/app.js';
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
  ...(session ? { 'mcp-session-id': session } : {}),
});

describe('MCP session caps', () => {
  it('refuse a user’s session over their cap and any session over the total, with 429 and Retry-After; a closed session frees its place', async () => {
    const { app, mcp } = createHttpApp(rt());
    const token = async (userHandle: string) => (await createToken(rt().database.db, { userHandle, scopes: ['crm:read'] })).token;
    const open = (t: string) => app.request(new Request('http://127.0.0.1/mcp', { method: 'POST', headers: headers(t), body: INIT }));
    const [demo, marcus, priya] = [await token('demo'), await token('marcus.reed'), await token('priya.raman')];

    const mine: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await open(demo);
      expect(r.status).toBe(200);
      mine.push(r.headers.get('mcp-session-id')!);
    }
    // Concurrent opens count against the cap too: none of these gets through.
    const over = await Promise.all([open(demo), open(demo)]);
    for (const r of over) {
      expect(r.status).toBe(429);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const body = (await r.json()) as { error: { data: { code: string; hint: string } } };
      expect(body.error.data.code).toBe('RATE_LIMITED');
      expect(body.error.data.hint).toMatch(/DELETE/);
    }
    expect(mcp.sessionCount()).toBe(3);

    // Another user is not held back by demo's cap, until the server's total is reached.
    expect((await open(marcus)).status).toBe(200);
    expect((await open(marcus)).status).toBe(200);
    const full = await open(priya);
    expect(full.status).toBe(429);
    expect(full.headers.get('retry-after')).toBeTruthy();

    // Closing a session (DELETE) frees its place for its user.
    const del = await app.request(new Request('http://127.0.0.1/mcp', { method: 'DELETE', headers: headers(demo, mine[0]) }));
    expect(del.status).toBe(200);
    expect(mcp.sessionCount()).toBe(4);
    expect((await open(demo)).status).toBe(200);
    await mcp.close();
  });
});
