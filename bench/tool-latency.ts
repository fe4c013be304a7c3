/**
 * Tool-call latency per surface, for a read tool (get_lead) and a write tool (add_note):
 *   npx tsc -p . && node dist/bench/tool-latency.js [calls=200] [warmup=20]
 *
 * Surfaces, each measured in this one run:
 *   handler     tool.handler called directly with a hand-built ToolContext (the baseline: no input
 *               parsing, no scope check, no transaction, no output check, no audit row)
 *   runTool     the shared path every surface takes (validation, scope, transaction for writes,
 *               output check, ai_interactions row)
 *   mcp-memory  SDK Client <-> our MCP server over InMemoryTransport (JSON-RPC, same process)
 *   mcp-http    SDK Client over Streamable HTTP to startHttp() on loopback, with a bearer token
 *   mcp-stdio   SDK Client to a child `node dist/src/cli.js mcp` that opens and seeds its own
 *               embedded database in a temp folder (so its database is in-process, like ours)
 * Calls run one at a time, interleaved across surfaces. Prints p50/p95/mean in ms and each figure's ratio to the baseline.
 * Then the context sizes: tools/list bytes (total and per tool) and read-tool answers (typical and
 * worst text copy) on the seeded demo book (bench/context-sizes.ts).
 * Numbers depend on the machine; nothing here asserts a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { testConfig } from '../src/config.js';
import { actorForHandle, type Actor } from '../src/crm/access/actor.js';
import { makeFence } from '../src/crm/views/fence.js';
import { createToken } from '../src/crm/access/tokens.js';
import { startHttp } from '../src/http/server.js';
import { createMcpServer } from '../src/mcp/server.js';
import { configureLogger } from '../src/log.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { openRuntime, type Runtime } from '../src/runtime.js';
import { addNoteInput, addNoteTool } from '../tools/add-note.js';
import type { AnyTool, ToolContext } from '../tools/define.js';
import { getLeadInput, getLeadTool } from '../tools/get-lead.js';
import { runTool } from '../tools/run-tool.js';
import { answerSizes, toolListSizes } from './context-sizes.js';

const CALLS = Number(process.argv[2] ?? 200);
const WARMUP = Number(process.argv[3] ?? 20);
const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli.js');

type Args = Record<string, unknown>;
type Call = (tool: AnyTool, args: Args) => Promise<void>;
/** A way to call a tool; `prepare` runs before the clock starts (the baseline's input parsing). */
interface Surface {
  name: string;
  call: Call;
  prepare?: (tool: AnyTool, args: Args) => Args;
}
interface Stats {
  p50: number;
  p95: number;
  mean: number;
}

function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const rank = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { p50: rank(0.5), p95: rank(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

/**
 * Times `CALLS` calls of `tool` on every surface, interleaved (one call per surface per round, the
 * starting surface rotating) so drift over the run (GC, caches, a growing table) hits all alike.
 */
async function measure(surfaces: Surface[], tool: AnyTool, args: (i: number) => Args): Promise<Map<string, Stats>> {
  const input = (s: Surface, i: number) => (s.prepare ? s.prepare(tool, args(i)) : args(i));
  for (let i = 0; i < WARMUP; i++) for (const s of surfaces) await s.call(tool, input(s, i));
  const ms = new Map(surfaces.map((s) => [s.name, [] as number[]]));
  for (let i = 0; i < CALLS; i++) {
    for (let k = 0; k < surfaces.length; k++) {
      const s = surfaces[(i + k) % surfaces.length]!;
      const a = input(s, WARMUP + i);
      const t0 = performance.now();
      await s.call(tool, a);
      ms.get(s.name)!.push(performance.now() - t0);
    }
  }
  return new Map([...ms].map(([name, m]) => [name, stats(m)]));
}

/** An MCP client's call; a failed call aborts the bench (timing errors would mislead). */
function mcpCall(client: Client): Call {
  return async (tool, args) => {
    const r = await client.callTool({ name: tool.name, arguments: args });
    if (r.isError) throw new Error(`${tool.name} failed: ${JSON.stringify(r.content)}`);
  };
}

/** The baseline: the handler alone, on the pool (no transaction), with input parsed before the clock starts. */
function bareHandler(rt: Runtime, actor: Actor): Surface {
  const parsers: Record<string, (a: unknown) => Args> = {
    [getLeadTool.name]: (a) => getLeadInput.parse(a),
    [addNoteTool.name]: (a) => addNoteInput.parse(a),
  };
  return {
    name: 'handler',
    prepare: (tool, args) => parsers[tool.name]!(args),
    call: async (tool, args) => {
      const ctx: ToolContext = {
        db: rt.deps.db,
        actor,
        fence: makeFence(),
        now: new Date(),
        settings: rt.deps.settings,
        services: rt.deps.services,
        recordModelTurn: () => undefined,
      };
      await tool.handler(args, ctx, undefined);
    },
  };
}

function runToolCall(rt: Runtime, actor: Actor): Call {
  return async (tool, args) => {
    const r = await runTool(rt.deps, tool, args, { actor, channel: 'cli' });
    if (!r.ok) throw new Error(`${tool.name} failed: ${r.error.code} ${r.error.message}`);
  };
}

async function connect(transport: Transport): Promise<Client> {
  const client = new Client({ name: 'tool-latency-bench', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

const fmt = (n: number) => n.toFixed(2).padStart(8);
const ratio = (n: number, base: number) => `${(n / base).toFixed(1)}x`.padStart(7);

async function main(): Promise<void> {
  configureLogger('warn');
  const stdioDir = mkdtempSync(path.join(os.tmpdir(), 'crm-latency-stdio-'));
  const rt = await openRuntime(testConfig({ PORT: '0' }), { seedIfEmpty: true });
  const closers: (() => Promise<unknown>)[] = [];
  try {
    const actor = await actorForHandle(rt.database.db, 'demo');
    // The seed is deterministic (ids included), so this lead also exists in the stdio child's own database.
    const { rows } = await rt.database.pool.query<{ id: string }>('select id from leads order by created_at, id limit 1');
    const leadId = rows[0]!.id;
    const read = () => ({ leadId });
    const write = (i: number) => ({ leadId, body: `Latency bench note ${i}: called the client about the renewal.` });

    // Start the stdio child first: it opens and seeds its own database (seconds), before we time anything.
    console.error('starting the stdio server (opens and seeds its own embedded database)...');
    const stdio = await connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [CLI, 'mcp'],
        cwd: stdioDir,
        env: { CRM_DATA_DIR: path.join(stdioDir, 'data'), CRM_USER: 'demo', LOG_LEVEL: 'warn' },
        stderr: 'inherit',
      }),
    );
    closers.push(() => stdio.close());

    const server = createMcpServer({ deps: rt.deps, channel: 'mcp_memory', actorFor: () => actor });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const memory = await connect(clientSide);
    closers.push(
      () => memory.close(),
      () => server.close(),
    );

    const http = await startHttp(rt);
    closers.push(() => http.stop());
    const { token } = await createToken(rt.database.db, { userHandle: 'demo', scopes: ['crm:read', 'crm:write'], name: 'latency bench' });
    const httpClient = await connect(
      new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
    );
    closers.unshift(() => httpClient.close());

    const surfaces: Surface[] = [
      bareHandler(rt, actor),
      { name: 'runTool', call: runToolCall(rt, actor) },
      { name: 'mcp-memory', call: mcpCall(memory) },
      { name: 'mcp-http', call: mcpCall(httpClient) },
      { name: 'mcp-stdio', call: mcpCall(stdio) },
    ];
    const results: { surface: string; tool: string; s: Stats }[] = [];
    for (const [tool, args] of [
      [getLeadTool, read],
      [addNoteTool, write],
    ] as const) {
      console.error(`measuring ${tool.name} on ${surfaces.length} surfaces...`);
      for (const [surface, s] of await measure(surfaces, tool, args)) results.push({ surface, tool: tool.name, s });
    }

    console.log(
      `\nTool-call latency, ${CALLS} sequential calls after ${WARMUP} warm-up calls each (ms; ratio to the bare handler, same run)`,
    );
    console.log(`node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}\n`);
    console.log(
      `${'tool'.padEnd(10)} ${'surface'.padEnd(11)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'mean'.padStart(8)}  ${'p50 x'.padStart(7)} ${'p95 x'.padStart(7)} ${'mean x'.padStart(7)}`,
    );
    for (const r of results) {
      const base = results.find((b) => b.tool === r.tool && b.surface === 'handler')!.s;
      console.log(
        `${r.tool.padEnd(10)} ${r.surface.padEnd(11)} ${fmt(r.s.p50)} ${fmt(r.s.p95)} ${fmt(r.s.mean)}  ${ratio(r.s.p50, base.p50)} ${ratio(r.s.p95, base.p95)} ${ratio(r.s.mean, base.mean)}`,
      );
    }

    const list = toolListSizes();
    console.log(`\ntools/list: ${list.total} bytes (budget 25000)`);
    console.log(`${'tool'.padEnd(20)} ${'bytes'.padStart(6)} ${'input'.padStart(6)} ${'output'.padStart(6)}`);
    for (const t of list.perTool)
      console.log(`${t.name.padEnd(20)} ${String(t.bytes).padStart(6)} ${String(t.input).padStart(6)} ${String(t.output).padStart(6)}`);
    console.log(`\nAnswer sizes (text copy, bytes) on the seeded demo book`);
    console.log(`${'tool'.padEnd(18)} ${'args'.padEnd(30)} ${'calls'.padStart(5)} ${'typical'.padStart(8)} ${'worst'.padStart(8)}`);
    for (const a of await answerSizes(rt, actor)) {
      console.log(
        `${a.tool.padEnd(18)} ${a.args.padEnd(30)} ${String(a.calls).padStart(5)} ${String(a.typical).padStart(8)} ${String(a.worst).padStart(8)}`,
      );
    }
  } finally {
    for (const close of closers) await close().catch(() => undefined);
    await rt.close();
    rmSync(stdioDir, { recursive: true, force: true });
  }
}

await main();
