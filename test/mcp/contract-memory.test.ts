import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorForHandle } from '../../src/crm/access/actor.js';
import { hasUnion } from '../../tools/json-schema.js';
import { createMcpServer } from '../../src/mcp/server.js';
import { defineContract } from '../helpers/mcp-contract.js';
import { useRuntime } from '../helpers/runtime.js';

const runtime = useRuntime();
let client: Client;

beforeAll(async () => {
  const rt = runtime();
  const actor = await actorForHandle(rt.database.db, 'demo');
  const server = createMcpServer({ deps: rt.deps, channel: 'mcp_memory', actorFor: () => actor });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(a);
  client = new Client({ name: 'contract-test', version: '1.0.0' });
  await client.connect(b);
});
afterAll(async () => {
  await client?.close();
});

describe('MCP over in-memory transport', () => {
  defineContract({ client: () => client, q: async (sql, params) => (await runtime().database.pool.query(sql, params)).rows });

  it('publishes schemas clients can use: described fields, no anyOf in outputs', async () => {
    const { tools } = await client.listTools();
    for (const t of tools) {
      expect(t.outputSchema, t.name).toBeDefined();
      expect(hasUnion(t.outputSchema), `${t.name} output uses anyOf/oneOf`).toBe(false);
      for (const [field, schema] of Object.entries(t.inputSchema.properties ?? {})) {
        expect((schema as { description?: string }).description, `${t.name}.${field} has no description`).toBeTruthy();
      }
      expect(t.annotations?.readOnlyHint).toBeTypeOf('boolean');
    }
  });

  it('records the MCP client name and version on audit rows', async () => {
    await client.callTool({ name: 'list_tickets', arguments: { assignee: 'any', limit: 1 } });
    const { rows } = await runtime().database.pool.query(
      "select client_name, client_version, channel from ai_interactions where tool_name = 'list_tickets' order by created_at desc limit 1",
    );
    expect(rows[0]).toEqual({ client_name: 'contract-test', client_version: '1.0.0', channel: 'mcp_memory' });
  });

  it('serves resources and prompts', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain('crm://lookups/lead-statuses');
    const statuses = await client.readResource({ uri: 'crm://lookups/lead-statuses' });
    expect(JSON.parse((statuses.contents[0] as { text: string }).text).map((s: { code: string }) => s.code)).toContain('quoted');
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((r) => r.uriTemplate)).toContain('crm://leads/{leadId}/timeline');
    const { rows } = await runtime().database.pool.query('select lead_id from lead_notes limit 1');
    const timeline = await client.readResource({ uri: `crm://leads/${rows[0].lead_id}/timeline` });
    expect((timeline.contents[0] as { text: string }).text).toMatch(/<untrusted-data tag="[0-9a-f]+"/);
    await expect(client.readResource({ uri: 'crm://leads/nope/timeline' })).rejects.toThrow(/valid id/);

    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['draft_follow_up_email', 'summarize_lead', 'triage_ticket']);
    const p = await client.getPrompt({ name: 'summarize_lead', arguments: { leadId: rows[0].lead_id } });
    const text = (p.messages[0]!.content as { text: string }).text;
    expect(text).toContain(rows[0].lead_id);
    expect(text).toMatch(/untrusted-data/);
    await expect(client.getPrompt({ name: 'summarize_lead', arguments: {} })).rejects.toThrow(/leadId/);
  });

  it('gives the server instructions to the client', () => {
    expect(client.getInstructions()).toMatch(/untrusted-data/);
  });
});
