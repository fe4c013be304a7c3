/** A call to a tool that does not exist is refused as before, and audited like any call. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { aiInteractions } from '../../src/db/schema/index.js';
import { createMcpServer } from '../../src/mcp/server.js';
import { useDatabase } from '../helpers/db.js';
import { actorOf, makeUser, toolDeps } from '../helpers/fixtures.js';

const database = useDatabase();

describe('MCP tools/call of an unknown tool', () => {
  it('is a protocol error naming the tool and leaves one audit row with masked arguments', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const actor = actorOf(user);
    const server = createMcpServer({ deps: toolDeps(db), channel: 'mcp_memory', actorFor: () => actor });
    const [a, b] = InMemoryTransport.createLinkedPair();
    await server.connect(a);
    const client = new Client({ name: 'unknown-tool-test', version: '1.0.0' });
    await client.connect(b);
    try {
      await expect(
        client.callTool({ name: 'drop_database', arguments: { licenseNumber: 'D12345678', note: 'bad\u0000byte' } }),
      ).rejects.toThrow(/Unknown tool "drop_database"\. Call tools\/list/);
    } finally {
      await client.close();
    }
    const rows = await db.select().from(aiInteractions).where(eq(aiInteractions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: 'tool_call',
      channel: 'mcp_memory',
      toolName: 'drop_database',
      errorCode: 'NOT_FOUND',
      clientName: 'unknown-tool-test',
    });
    expect(rows[0]!.toolArguments).toEqual({ licenseNumber: '*****5678', note: 'bad\uFFFDbyte' });
  });
});
