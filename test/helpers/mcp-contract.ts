/** The transport-independent MCP contract: every tool called validly and badly through a real SDK Client. */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { expect, it } from 'vitest';
import { tools } from '../../tools/index.js';
import { TOOL_CASES, snapshot, type Query } from './mcp-cases.js';

export interface ContractEnv {
  client: () => Client;
  q: Query;
}

const auditCount = async (q: Query) => (await q<{ n: number }>('select count(*)::int as n from ai_interactions'))[0]!.n;

export function errorOf(r: CallToolResult): { code: string; message: string; hint?: string } {
  const block = r.content[0];
  if (!r.isError || block?.type !== 'text') throw new Error(`expected an error result, got ${JSON.stringify(r).slice(0, 300)}`);
  return (JSON.parse(block.text) as { error: { code: string; message: string } }).error;
}

export function defineContract(env: ContractEnv): void {
  it('lists exactly the registry tools', async () => {
    const listed = await env.client().listTools();
    expect(listed.tools.map((t) => t.name).sort()).toEqual(tools.map((t) => t.name).sort());
    expect(Object.keys(TOOL_CASES).sort()).toEqual(tools.map((t) => t.name).sort());
  });

  for (const tool of tools) {
    it(`${tool.name}: a valid call returns structured content and one audit row`, async () => {
      const args = await TOOL_CASES[tool.name]!.valid(env.q);
      const before = await auditCount(env.q);
      const r = (await env.client().callTool({ name: tool.name, arguments: args })) as CallToolResult;
      expect(r.isError, JSON.stringify(r.content).slice(0, 500)).toBeFalsy();
      expect(r.structuredContent).toBeTypeOf('object');
      const text = r.content.find((c) => c.type === 'text');
      expect(text && JSON.parse(text.text)).toEqual(r.structuredContent);
      expect(await auditCount(env.q)).toBe(before + 1);
      const [row] = await env.q<{ tool_name: string; error_code: string | null }>(
        'select tool_name, error_code from ai_interactions order by created_at desc, id limit 1',
      );
      expect(row).toEqual({ tool_name: tool.name, error_code: null });
    });

    it(`${tool.name}: bad and hostile inputs get structured errors and change nothing`, async () => {
      const cases = await TOOL_CASES[tool.name]!.invalid(env.q);
      expect(cases.length).toBeGreaterThan(0);
      const before = await snapshot(env.q);
      const auditBefore = await auditCount(env.q);
      for (const c of cases) {
        const r = (await env.client().callTool({ name: tool.name, arguments: c.args as Record<string, unknown> })) as CallToolResult;
        const err = errorOf(r);
        expect(err.code, `${tool.name} ${JSON.stringify(c.args).slice(0, 200)} -> ${err.message}`).toBe(c.code);
        expect(err.message.length).toBeGreaterThan(10);
      }
      expect(await snapshot(env.q)).toEqual(before);
      expect(await auditCount(env.q)).toBe(auditBefore + cases.length);
    });
  }

  it('an unknown tool is a protocol error, not a crash', async () => {
    await expect(env.client().callTool({ name: 'drop_database', arguments: {} })).rejects.toThrow(/Unknown tool/);
  });
}
