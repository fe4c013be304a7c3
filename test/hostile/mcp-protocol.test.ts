/**
 * Hostile MCP traffic over real HTTP (startHttp on a loopback port): JSON-RPC batches, deeply
 * nested JSON, an oversized body, one JSON-RPC id twice at once in a session, revoked and
 * expired tokens (also mid-session). Covered elsewhere and not repeated here: no token, wrong
 * token, wrong Origin/Host, read-only token on a write and another user's session
 * (test/mcp/contract-http.test.ts); 413 and 429 in-process (test/http/fair-share.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, revokeToken } from '../../src/crm/access/tokens.js';
import { startHttp, type RunningHttp } from '../../src/http/server.js';
import { useRuntime } from '../helpers/runtime.js';

const runtime = useRuntime({ CRM_RATE_LIMIT_CONCURRENT: '16', CRM_RATE_LIMIT_BURST: '500' });
let http: RunningHttp;
let token: string;

const PROTOCOL = '2025-06-18';
const headers = (t: string, session?: string): Record<string, string> => ({
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  authorization: `Bearer ${t}`,
  ...(session ? { 'mcp-session-id': session, 'mcp-protocol-version': PROTOCOL } : {}),
});

/** POSTs a raw body; returns status and every JSON-RPC message in the answer (JSON or SSE). */
async function post(t: string, body: string, session?: string, timeoutMs = 15_000) {
  const res = await fetch(`${http.url}/mcp`, {
    method: 'POST',
    headers: headers(t, session),
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  const messages: Record<string, unknown>[] = [];
  if ((res.headers.get('content-type') ?? '').includes('text/event-stream')) {
    for (const line of text.split('\n')) if (line.startsWith('data: ')) messages.push(JSON.parse(line.slice(6)) as Record<string, unknown>);
  } else if (text) {
    const parsed = JSON.parse(text) as Record<string, unknown> | Record<string, unknown>[];
    messages.push(...(Array.isArray(parsed) ? parsed : [parsed]));
  }
  return { status: res.status, messages, session: res.headers.get('mcp-session-id') ?? undefined };
}

async function openSession(t: string): Promise<string> {
  const init = await post(
    t,
    JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: PROTOCOL, capabilities: {}, clientInfo: { name: 'hostile', version: '0' } },
    }),
  );
  expect(init.status).toBe(200);
  await post(t, JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }), init.session);
  return init.session!;
}

const ping = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' });
const toolCall = (id: number, name: string, args: unknown) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });

async function stillServes(session: string): Promise<void> {
  const r = await post(token, ping(999), session);
  expect(r.status).toBe(200);
  expect(r.messages[0]).toMatchObject({ id: 999, result: {} });
}

beforeAll(async () => {
  const rt = runtime();
  http = await startHttp(rt);
  token = (await createToken(rt.database.db, { userHandle: 'demo', scopes: ['crm:read', 'crm:write'] })).token;
});
afterAll(async () => {
  await http?.stop();
});

describe('hostile MCP traffic over HTTP', () => {
  it('answers a JSON-RPC batch array with JSON-RPC (results or an error), never a crash', async () => {
    const session = await openSession(token);
    const r = await post(token, `[${ping(1)},${toolCall(2, 'search_leads', { limit: 1 })}]`, session);
    expect(r.status).toBeLessThan(500);
    expect(r.messages.length).toBeGreaterThan(0);
    for (const m of r.messages) expect(m.jsonrpc).toBe('2.0');
    await stillServes(session);
  });

  it('answers 10,000-deep nested JSON with a structured error and keeps serving', async () => {
    const session = await openSession(token);
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const r = await post(
      token,
      `{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"search_leads","arguments":{"query":${deep(10_000)}}}}`,
      session,
    );
    expect(r.status).toBeLessThan(500);
    const answer = r.messages.find((m) => m.id === 3) as { result?: { isError?: boolean; content: { text: string }[] }; error?: unknown };
    expect(answer, JSON.stringify(r.messages).slice(0, 300)).toBeDefined();
    if (answer.result) {
      expect(answer.result.isError).toBe(true);
      expect(JSON.parse(answer.result.content[0]!.text)).toMatchObject({ error: { code: 'VALIDATION' } });
    }
    // Deep params outside the tool arguments, and a deep body that is not JSON-RPC at all.
    const r2 = await post(token, `{"jsonrpc":"2.0","id":4,"method":"ping","params":{"x":${deep(10_000)}}}`, session);
    expect(r2.status).toBeLessThan(500);
    const r3 = await post(token, deep(10_000), session);
    expect(r3.status).toBeLessThan(500);
    await stillServes(session);
  });

  it('refuses a body over 4 MB with 413 and a JSON-RPC error over the network too', async () => {
    const session = await openSession(token);
    const r = await post(
      token,
      toolCall(5, 'add_note', { leadId: '00000000-0000-4000-8000-000000000000', body: 'x'.repeat(5 * 1024 * 1024) }),
      session,
    );
    expect(r.status).toBe(413);
    expect(r.messages[0]).toMatchObject({ jsonrpc: '2.0', error: { data: { code: 'VALIDATION' } } });
    await stillServes(session);
  });

  it('answers both of two concurrent requests with one JSON-RPC id in a session, or refuses the second clearly; none hangs', async () => {
    const session = await openSession(token);
    const slow = (n: number) => toolCall(7, 'search_knowledge', { question: `roof leak claim adjuster ${n}`, limit: 25 });
    const results = await Promise.all([post(token, slow(1), session, 20_000), post(token, slow(2), session, 20_000)]);
    for (const r of results) {
      const answer = r.messages.find((m) => m.id === 7 || m.id === null);
      expect(answer, `status ${r.status}: ${JSON.stringify(r.messages).slice(0, 300)}`).toBeDefined();
    }
    const refused = results.filter((r) => r.status !== 200 || r.messages.some((m) => 'error' in m));
    for (const r of refused) expect(JSON.stringify(r.messages)).toMatch(/already in flight|in progress/i);
    await stillServes(session);
  });

  it('refuses revoked and expired tokens with 401 and a hint, also on a session they opened', async () => {
    const rt = runtime();
    const revoked = await createToken(rt.database.db, { userHandle: 'demo', scopes: ['crm:read'] });
    const session = await openSession(revoked.token);
    expect(await revokeToken(rt.database.db, revoked.id)).toBe(true);
    const r1 = await fetch(`${http.url}/mcp`, { method: 'POST', headers: headers(revoked.token, session), body: ping(1) });
    expect(r1.status).toBe(401);
    expect(await r1.json()).toMatchObject({ error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/revoked/) } });

    const expired = await createToken(rt.database.db, { userHandle: 'demo', scopes: ['crm:read'], expiresInDays: 1 });
    const s2 = await openSession(expired.token);
    await rt.database.pool.query("update api_tokens set expires_at = now() - interval '1 second' where id = $1", [expired.id]);
    const r2 = await fetch(`${http.url}/mcp`, { method: 'POST', headers: headers(expired.token, s2), body: ping(2) });
    expect(r2.status).toBe(401);
    expect(await r2.json()).toMatchObject({
      error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/expired/), hint: expect.any(String) },
    });
  });
});
