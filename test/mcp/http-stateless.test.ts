import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/crm/access/tokens.js';
import { startHttp, type RunningHttp } from '../../src/http/server.js';
import { useRuntime } from '../helpers/runtime.js';

// Parallel calls from one token on purpose; fair-share limits are tested in test/http.
const runtime = useRuntime({ MCP_STATELESS: 'true', CRM_RATE_LIMIT_CONCURRENT: '64', CRM_RATE_LIMIT_BURST: '1000' });
let http: RunningHttp;
let token: string;

beforeAll(async () => {
  http = await startHttp(runtime());
  token = (await createToken(runtime().database.db, { userHandle: 'demo', scopes: ['crm:read', 'crm:write'] })).token;
});
afterAll(async () => {
  await http?.stop();
});

describe('MCP over HTTP, stateless mode (for many instances behind a load balancer)', () => {
  it('serves calls without sessions, each request self-contained', async () => {
    const transport = new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    });
    const client = new Client({ name: 'stateless', version: '1' });
    await client.connect(transport);
    try {
      expect(transport.sessionId).toBeUndefined();
      const r = (await client.callTool({ name: 'search_leads', arguments: { limit: 3 } })) as CallToolResult;
      expect(r.isError).toBeFalsy();
      expect((r.structuredContent as { leads: unknown[] }).leads.length).toBe(3);
      const [lead] = (await runtime().database.pool.query('select id from leads limit 1')).rows;
      const results = (await Promise.all(
        Array.from({ length: 10 }, (_, i) => client.callTool({ name: 'add_note', arguments: { leadId: lead.id, body: `stateless ${i}` } })),
      )) as CallToolResult[];
      expect(results.every((x) => !x.isError)).toBe(true);
      const { rows } = await runtime().database.pool.query("select count(*)::int as n from lead_notes where body like 'stateless %'");
      expect(rows[0].n).toBe(10);
    } finally {
      await client.close();
    }
  });
});
