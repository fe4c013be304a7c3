import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/crm/access/tokens.js';
import { startHttp, type RunningHttp } from '../../src/http/server.js';
import { defineContract, errorOf } from '../helpers/mcp-contract.js';
import { useRuntime } from '../helpers/runtime.js';

// These tests hammer one token on purpose (row loss, stateless parallelism); fair-share limits are tested in test/http.
const runtime = useRuntime({ CRM_RATE_LIMIT_CONCURRENT: '64', CRM_RATE_LIMIT_BURST: '1000' });
let http: RunningHttp;
let writeToken: string;
let readToken: string;
let client: Client;

async function connect(token: string, name = 'http-contract'): Promise<Client> {
  const c = new Client({ name, version: '2.0.0' });
  await c.connect(
    new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
  );
  return c;
}

beforeAll(async () => {
  const rt = runtime();
  http = await startHttp(rt);
  writeToken = (await createToken(rt.database.db, { userHandle: 'demo', scopes: ['crm:read', 'crm:write'] })).token;
  readToken = (await createToken(rt.database.db, { userHandle: 'demo', scopes: ['crm:read'] })).token;
  client = await connect(writeToken);
});
afterAll(async () => {
  await client?.close();
  await http?.stop();
});

const q = async <T>(sql: string, params?: unknown[]) => (await runtime().database.pool.query(sql, params)).rows as T[];
const post = (headers: Record<string, string>) =>
  fetch(`${http.url}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
    }),
  });

/** fetch() cannot set Host; node:http can, as a rebinding attacker's browser effectively does. */
const statusWithHost = (host: string, token: string) =>
  new Promise<number>((resolve, reject) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });
    const r = request(
      `${http.url}/mcp`,
      {
        method: 'POST',
        headers: {
          host,
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    r.on('error', reject);
    r.end(body);
  });

describe('MCP over Streamable HTTP', () => {
  defineContract({ client: () => client, q });

  it('answers health and readiness probes without a token', async () => {
    expect(await (await fetch(`${http.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${http.url}/readyz`);
    expect(ready.status).toBe(200);
    // Unauthenticated callers learn ready or not, nothing about the deployment.
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('is closed without a valid token', async () => {
    const none = await post({});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/Bearer/);
    expect(((await none.json()) as { error: { hint: string } }).error.hint).toMatch(/token create/);
    expect((await post({ authorization: 'Bearer crm_not-a-real-token-at-all' })).status).toBe(401);
  });

  it('rejects foreign Origins and Hosts (DNS rebinding), accepts loopback ones', async () => {
    expect((await post({ authorization: `Bearer ${writeToken}`, origin: 'https://evil.example.com' })).status).toBe(403);
    expect(await statusWithHost('evil.example.com', writeToken)).toBe(421);
    expect(await statusWithHost(`evil.example.com:${http.port}`, writeToken)).toBe(421);
    const ok = await post({
      authorization: `Bearer ${writeToken}`,
      origin: `http://localhost:${http.port}`,
      host: `localhost:${http.port}`,
    });
    expect(ok.status).toBe(200);
  });

  it('a read-only token can read but not write, and nothing is written', async () => {
    const ro = await connect(readToken, 'read-only');
    try {
      const read = (await ro.callTool({ name: 'search_leads', arguments: { limit: 1 } })) as CallToolResult;
      expect(read.isError).toBeFalsy();
      const [lead] = await q<{ id: string }>('select id from leads limit 1');
      const before = await q<{ n: number }>('select count(*)::int as n from lead_notes');
      const write = (await ro.callTool({ name: 'add_note', arguments: { leadId: lead!.id, body: 'should not land' } })) as CallToolResult;
      expect(errorOf(write).code).toBe('FORBIDDEN');
      expect(await q('select count(*)::int as n from lead_notes')).toEqual(before);
    } finally {
      await ro.close();
    }
  });

  it('a session cannot be used with another user token', async () => {
    const sessionId = (client.transport as StreamableHTTPClientTransport).sessionId!;
    const rt = runtime();
    const other = (
      await createToken(rt.database.db, {
        userHandle: (await q<{ handle: string }>("select handle from users where handle <> 'demo' and role <> 'viewer' limit 1"))[0]!
          .handle,
        scopes: ['crm:read'],
      })
    ).token;
    const r = await fetch(`${http.url}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `Bearer ${other}`,
        'mcp-session-id': sessionId,
        'mcp-protocol-version': '2025-06-18',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
    });
    expect(r.status).toBe(403);
  });

  it('20 concurrent clients lose no row', async () => {
    const [lead] = await q<{ id: string }>('select id from leads order by id desc limit 1');
    const notesBefore = (await q<{ n: number }>('select count(*)::int as n from lead_notes where lead_id = $1', [lead!.id]))[0]!.n;
    const auditBefore = (await q<{ n: number }>("select count(*)::int as n from ai_interactions where tool_name = 'add_note'"))[0]!.n;
    const clients = await Promise.all(Array.from({ length: 20 }, (_, i) => connect(writeToken, `concurrent-${i}`)));
    try {
      const results = (await Promise.all(
        clients.map((c, i) => c.callTool({ name: 'add_note', arguments: { leadId: lead!.id, body: `Concurrent note ${i}` } })),
      )) as CallToolResult[];
      expect(results.filter((r) => r.isError)).toEqual([]);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
    const bodies = await q<{ body: string }>('select body from lead_notes where lead_id = $1 and body like $2', [
      lead!.id,
      'Concurrent note %',
    ]);
    expect(bodies.map((b) => b.body).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Concurrent note ${i}`).sort());
    expect((await q<{ n: number }>('select count(*)::int as n from lead_notes where lead_id = $1', [lead!.id]))[0]!.n).toBe(
      notesBefore + 20,
    );
    expect((await q<{ n: number }>("select count(*)::int as n from ai_interactions where tool_name = 'add_note'"))[0]!.n).toBe(
      auditBefore + 20,
    );
  });
});
