/**
 * Where the context bytes go: the size of `tools/list` (total and per tool) and of read-tool
 * answers (the text copy a model reads) on whatever book the runtime holds. Used by
 * bench/tool-latency.ts to print figures and by test/mcp/context-budget.test.ts to guard them.
 */
import type { Actor } from '../src/crm/access/actor.js';
import { toolListJson } from '../src/mcp/server.js';
import { toCallToolResult } from '../src/mcp/server.js';
import type { Runtime } from '../src/runtime.js';
import { findTool } from '../tools/index.js';
import { runTool } from '../tools/run-tool.js';

export interface ListSizes {
  /** Bytes of the whole `tools/list` result as JSON. */
  total: number;
  perTool: { name: string; bytes: number; input: number; output: number }[];
}

const bytes = (v: unknown) => Buffer.byteLength(typeof v === 'string' ? v : JSON.stringify(v), 'utf8');

/** Sizes of the `tools/list` result this process serves. */
export function toolListSizes(): ListSizes {
  const list = toolListJson();
  const parsed = JSON.parse(list) as { tools: { name: string; inputSchema: unknown; outputSchema: unknown }[] };
  return {
    total: bytes(list),
    perTool: parsed.tools.map((t) => ({ name: t.name, bytes: bytes(t), input: bytes(t.inputSchema), output: bytes(t.outputSchema) })),
  };
}

export interface AnswerSizes {
  tool: string;
  args: string;
  calls: number;
  /** Median and largest text copy (bytes). */
  typical: number;
  worst: number;
}

type Q = <T>(sql: string) => Promise<T[]>;

/** Argument sets per read tool: a spread of ordinary records plus the busiest ones. */
async function cases(q: Q): Promise<{ tool: string; label: string; args: Record<string, unknown>[] }[]> {
  const ids = async (sql: string) => (await q<{ id: string }>(sql)).map((r) => r.id);
  const busyLeads = await ids(`select lead_id as id from (
      select lead_id, count(*) n from lead_notes group by lead_id
      union all select lead_id, count(*) from lead_communications group by lead_id) x
    group by lead_id order by sum(n) desc, lead_id limit 10`);
  const someLeads = await ids('select id from leads order by md5(id::text) limit 30');
  const busyClients = await ids(`select client_id as id from leads group by client_id order by count(*) desc, client_id limit 5`);
  const someClients = await ids('select id from clients order by md5(id::text) limit 20');
  const leads = [...new Set([...someLeads, ...busyLeads])];
  const clients = [...new Set([...someClients, ...busyClients])];
  return [
    { tool: 'get_lead', label: 'leadId', args: leads.map((leadId) => ({ leadId })) },
    { tool: 'get_lead', label: 'leadId, detail full', args: leads.map((leadId) => ({ leadId, detail: 'full' })) },
    { tool: 'get_client', label: 'clientId', args: clients.map((clientId) => ({ clientId })) },
    { tool: 'get_client', label: 'clientId, detail full', args: clients.map((clientId) => ({ clientId, detail: 'full' })) },
    { tool: 'get_lead_context', label: 'leadId', args: leads.slice(-15).map((leadId) => ({ leadId })) },
    { tool: 'search_leads', label: 'defaults / query', args: [{}, { query: 'roof' }, { followUp: 'overdue' }] },
    { tool: 'search_leads', label: 'detail full', args: [{ detail: 'full' }, { query: 'roof', detail: 'full' }] },
    { tool: 'list_follow_ups', label: 'allUsers', args: [{ allUsers: true }, { allUsers: true, overdue: true }] },
    { tool: 'list_follow_ups', label: 'allUsers, limit 25, full', args: [{ allUsers: true, limit: 25, detail: 'full' }] },
    { tool: 'list_tickets', label: 'assignee any', args: [{ assignee: 'any' }, { assignee: 'any', breachingSla: true }] },
    { tool: 'list_tickets', label: 'assignee any, limit 25, full', args: [{ assignee: 'any', limit: 25, detail: 'full' }] },
    {
      tool: 'search_knowledge',
      label: 'question',
      args: [{ question: 'water damage claim' }, { question: 'why did they leave their carrier?' }],
    },
  ];
}

/** Calls each read tool as an MCP client would and measures the text copy of the answers. */
export async function answerSizes(rt: Runtime, actor: Actor): Promise<AnswerSizes[]> {
  const q: Q = async (sql) => (await rt.database.pool.query(sql)).rows;
  const out: AnswerSizes[] = [];
  for (const c of await cases(q)) {
    const tool = findTool(c.tool)!;
    const sizes: number[] = [];
    for (const args of c.args) {
      const r = await runTool(rt.deps, tool, args, { actor, channel: 'cli' });
      if (!r.ok) throw new Error(`${c.tool} ${JSON.stringify(args)}: ${r.error.code} ${r.error.message}`);
      const text = toCallToolResult(r).content[0];
      sizes.push(bytes(text?.type === 'text' ? text.text : ''));
    }
    sizes.sort((a, b) => a - b);
    out.push({ tool: c.tool, args: c.label, calls: sizes.length, typical: sizes[Math.floor(sizes.length / 2)]!, worst: sizes.at(-1)! });
  }
  return out;
}
