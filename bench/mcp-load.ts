/**
 * Load on MCP over Streamable HTTP, bounded in count and time, loopback only:
 *   npm run build && node dist/bench/mcp-load.js [sessions=1,10,50] [callsPerSession=20] [toolsListCalls=10000]
 *   DATABASE_URL=postgres://… node dist/bench/mcp-load.js …   (a server instead of the embedded database)
 *
 * For each session count N: N SDK clients, each with its own session and token, make a fixed
 * number of calls of a mixed workload (search with and without free text, get_lead,
 * list_follow_ups, add_note, log_communication), all sessions at once. Prints calls/s,
 * p50/p95/p99 per call, errors, queries (database round trips) per call, and server RSS growth
 * per open session; before that, the queries per call of each tool of the mix, one call at a
 * time (bench/query-count.ts counts every statement the driver sends). In the same run, the
 * bare-SQL baseline runs equivalent queries through the same pool at the same concurrency, and
 * the ratio is printed. Then 10k tools/list calls on one session (heap before/after: no
 * unbounded growth). Finally the database is checked: every write and every audit row present
 * exactly once. Nothing here asserts a time.
 * With CRM_BENCH_PROFILE=<file.cpuprofile>, the load phase of the largest session count (only
 * it: not start-up, seeding or the baseline) is CPU-profiled in-process into that file, and the
 * CPU per call is printed by where it went (database, app, validation, transport, GC).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { loadConfig, testConfig } from '../src/config.js';
import type { Scope } from '../src/crm/access/actor.js';
import { createToken } from '../src/crm/access/tokens.js';
import { startHttp } from '../src/http/server.js';
import { configureLogger } from '../src/log.js';
import { startProfile } from './cpu-profile.js';
import { countQueries } from './query-count.js';
import { openRuntime } from '../src/runtime.js';

const SESSIONS = (process.argv[2] ?? '1,10,50').split(',').map(Number);
const CALLS = Number(process.argv[3] ?? 20);
const LIST_CALLS = Number(process.argv[4] ?? 10_000);
const RUN_TAG = `load-${Date.now().toString(36)}`;

type Mix = { name: string; label: string; args: (i: number) => Record<string, unknown>; sql: (i: number) => [string, unknown[]] };

function pct(ms: number[], q: number): number {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}

async function main(): Promise<void> {
  configureLogger('warn');
  const queries = countQueries();
  const server = Boolean(process.env.DATABASE_URL);
  const dir = server ? undefined : mkdtempSync(path.join(os.tmpdir(), 'crm-load-'));
  const overrides = {
    PORT: '0',
    CRM_RATE_LIMIT_PER_MINUTE: '1000000',
    CRM_RATE_LIMIT_BURST: '100000',
    CRM_RATE_LIMIT_CONCURRENT: '1000',
    CRM_MAX_SESSIONS_PER_USER: '100000',
    CRM_MAX_SESSIONS: '100000',
  };
  const config = server
    ? loadConfig({ ...process.env, ...overrides, LOG_LEVEL: 'warn' })
    : testConfig({ ...overrides, CRM_DATA_DIR: path.join(dir!, 'data') });
  const rt = await openRuntime(config, { seedIfEmpty: true });
  const http = await startHttp(rt);
  const pool = rt.database.pool;
  try {
    const leads = (await pool.query<{ id: string }>('select id from leads order by id limit 200')).rows.map((r) => r.id);
    if (leads.length === 0) throw new Error('the database has no leads: seed it first (crm-agent seed)');
    const lead = (i: number) => leads[i % leads.length]!;
    const mix: Mix[] = [
      {
        name: 'search_leads',
        label: 'search_leads (text)',
        args: () => ({ query: 'roof', limit: 10 }),
        sql: () => ["select distinct lead_id from lead_notes where search_vector @@ websearch_to_tsquery('english', 'roof') limit 10", []],
      },
      {
        name: 'search_leads',
        label: 'search_leads (filters)',
        args: () => ({ statuses: ['quoted'], limit: 10 }),
        sql: () => [
          "select l.id from leads l join lead_statuses s on s.id = l.status_id where s.code = 'quoted' order by l.updated_at desc limit 10",
          [],
        ],
      },
      {
        name: 'get_lead',
        label: 'get_lead',
        args: (i) => ({ leadId: lead(i) }),
        sql: (i) => ['select * from leads l join clients c on c.id = l.client_id where l.id = $1', [lead(i)]],
      },
      {
        name: 'list_follow_ups',
        label: 'list_follow_ups',
        args: () => ({ limit: 10 }),
        sql: () => ["select * from follow_ups where status = 'open' order by due_at limit 10", []],
      },
      {
        name: 'add_note',
        label: 'add_note',
        args: (i) => ({ leadId: lead(i), body: `${RUN_TAG} note ${i}: discussed the renewal quote.` }),
        sql: (i) => ['select id from leads where id = $1', [lead(i)]],
      },
      {
        name: 'log_communication',
        label: 'log_communication',
        args: (i) => ({
          leadId: lead(i),
          type: 'call',
          direction: 'inbound',
          outcome: 'connected',
          body: `${RUN_TAG} call ${i}: client called about billing.`,
        }),
        sql: (i) => ['select id from leads where id = $1', [lead(i)]],
      },
    ];

    console.log(
      `MCP load over Streamable HTTP, ${server ? 'server database' : 'embedded database'}, node ${process.version}, ${os.cpus().length} CPU(s)`,
    );
    let writes = 0;
    const isWrite = (m: Mix) => m.name === 'add_note' || m.name === 'log_communication';
    const session = async (name: string, scopes: Scope[]) => {
      const { token } = await createToken(rt.database.db, { userHandle: 'demo', scopes, name });
      const c = new Client({ name: 'mcp-load-bench', version: '1.0.0' });
      await c.connect(
        new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
      );
      return c;
    };

    // Queries (round trips to the database) per call of each tool, one call at a time.
    const probe = await session(`${RUN_TAG}-probe`, ['crm:read', 'crm:write']);
    const PROBE_CALLS = 12;
    const perTool: string[] = [];
    for (const [j, m] of mix.entries()) {
      const q0 = queries();
      const p0 = performance.now();
      for (let k = 0; k < PROBE_CALLS; k++) {
        const r = await probe.callTool({ name: m.name, arguments: m.args(900_000 + j * PROBE_CALLS + k) });
        if (r.isError) throw new Error(`${m.label} failed: ${JSON.stringify(r.content).slice(0, 300)}`);
        if (isWrite(m)) writes++;
      }
      perTool.push(`${m.label} ${((queries() - q0) / PROBE_CALLS).toFixed(1)} (${((performance.now() - p0) / PROBE_CALLS).toFixed(0)} ms)`);
    }
    await (probe.transport as StreamableHTTPClientTransport | undefined)?.terminateSession();
    await probe.close();
    console.log(`queries per call (ms per call, one at a time): ${perTool.join(', ')}`);
    console.log('sessions  calls   calls/s  p50 ms  p95 ms  p99 ms  errors  q/call  rss MB/session  | bare SQL calls/s  ratio');
    for (const n of SESSIONS) {
      const rssBefore = process.memoryUsage().rss;
      const clients: Client[] = [];
      for (let s = 0; s < n; s++) clients.push(await session(`${RUN_TAG}-${n}-${s}`, ['crm:read', 'crm:write']));
      global.gc?.();
      const rssPerSession = (process.memoryUsage().rss - rssBefore) / n / 1e6;
      const lat: number[] = [];
      let errors = 0;
      const profile = process.env.CRM_BENCH_PROFILE && n === Math.max(...SESSIONS) ? await startProfile() : undefined;
      const q0 = queries();
      const t0 = performance.now();
      await Promise.all(
        clients.map(async (c, s) => {
          for (let k = 0; k < CALLS; k++) {
            const i = s * CALLS + k;
            const m = mix[i % mix.length]!;
            const a = performance.now();
            try {
              const r = await c.callTool({ name: m.name, arguments: m.args(i) });
              if (r.isError) errors++;
              else if (isWrite(m)) writes++;
            } catch {
              errors++;
            }
            lat.push(performance.now() - a);
          }
        }),
      );
      const wall = (performance.now() - t0) / 1000;
      const perCall = (queries() - q0) / (n * CALLS);
      const cpu = await profile?.stop(process.env.CRM_BENCH_PROFILE!);
      // The same number of equivalent queries, at the same concurrency, straight on the pool.
      const b0 = performance.now();
      await Promise.all(
        Array.from({ length: n }, async (_, s) => {
          for (let k = 0; k < CALLS; k++) {
            const i = s * CALLS + k;
            const [q, p] = mix[i % mix.length]!.sql(i);
            await pool.query(q, p);
          }
        }),
      );
      const bareRate = (n * CALLS) / ((performance.now() - b0) / 1000);
      const rate = (n * CALLS) / wall;
      console.log(
        `${String(n).padStart(8)} ${String(n * CALLS).padStart(6)} ${rate.toFixed(1).padStart(9)} ${pct(lat, 0.5).toFixed(0).padStart(7)} ${pct(lat, 0.95).toFixed(0).padStart(7)} ${pct(lat, 0.99).toFixed(0).padStart(7)} ${String(errors).padStart(7)} ${perCall.toFixed(1).padStart(7)} ${rssPerSession.toFixed(2).padStart(15)}  | ${bareRate.toFixed(1).padStart(16)} ${(bareRate / rate).toFixed(1).padStart(6)}x`,
      );
      if (cpu) {
        const per = cpu.map(([k, ms]) => `${k} ${(ms / (n * CALLS)).toFixed(2)}`).join(', ');
        console.log(`   CPU per call at ${n} sessions, ms: ${per}`);
      }
      // DELETE each session (Client.close alone leaves it open on the server until it idles out).
      await Promise.all(
        clients.map(async (c) => {
          await (c.transport as StreamableHTTPClientTransport | undefined)?.terminateSession();
          await c.close();
        }),
      );
    }

    // tools/list many times on one session: the server's heap must not grow with the count. Plain
    // fetch, not the SDK client: the client shares this process, and its Streamable HTTP transport
    // keeps about 70 KB per call until it is closed (an abort listener per request on one signal;
    // seen with @modelcontextprotocol/sdk 1.32.2 here), which would hide the server's figure.
    const { token: listToken } = await createToken(rt.database.db, { userHandle: 'demo', scopes: ['crm:read'], name: `${RUN_TAG}-list` });
    const headers: Record<string, string> = {
      Authorization: `Bearer ${listToken}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    };
    const rpc = async (body: unknown) => {
      const r = await fetch(`${http.url}/mcp`, { method: 'POST', headers, body: JSON.stringify(body) });
      const text = await r.text();
      return { r, text: r.headers.get('content-type')?.includes('text/event-stream') ? (/^data: (.*)$/m.exec(text)?.[1] ?? '') : text };
    };
    const init = await rpc({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'mcp-load-bench', version: '1.0.0' } },
    });
    headers['mcp-session-id'] = init.r.headers.get('mcp-session-id') ?? '';
    headers['mcp-protocol-version'] = '2025-06-18';
    await rpc({ jsonrpc: '2.0', method: 'notifications/initialized' });
    global.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const rss0 = process.memoryUsage().rss;
    let bytes = 0;
    const l0 = performance.now();
    for (let i = 0; i < LIST_CALLS; i++) {
      const { text } = await rpc({ jsonrpc: '2.0', id: i + 1, method: 'tools/list' });
      bytes = JSON.stringify((JSON.parse(text) as { result: { tools: unknown[] } }).result.tools).length;
    }
    const listRate = LIST_CALLS / ((performance.now() - l0) / 1000);
    global.gc?.();
    console.log(
      `\ntools/list x${LIST_CALLS} (server side): ${listRate.toFixed(0)} calls/s, ${(bytes / 1024).toFixed(1)} KB each, heap ${((process.memoryUsage().heapUsed - heap0) / 1e6).toFixed(1)} MB and RSS ${((process.memoryUsage().rss - rss0) / 1e6).toFixed(1)} MB after vs before${global.gc ? '' : ' (run with --expose-gc for a cleaner figure)'}`,
    );
    await fetch(`${http.url}/mcp`, { method: 'DELETE', headers });

    // Nothing lost, nothing doubled.
    const notes = await pool.query<{ n: number }>("select count(*)::int n from lead_notes where body like $1 || ' note %'", [RUN_TAG]);
    const comms = await pool.query<{ n: number }>("select count(*)::int n from lead_communications where body like $1 || ' call %'", [
      RUN_TAG,
    ]);
    const audit = await pool.query<{ n: number }>(
      "select count(*)::int n from ai_interactions where tool_name in ('add_note','log_communication') and error_code is null and created_at > now() - interval '1 hour' and tool_arguments::text like '%' || $1 || '%'",
      [RUN_TAG],
    );
    const written = notes.rows[0]!.n + comms.rows[0]!.n;
    console.log(
      `\nwrites acknowledged ${writes}, rows written ${written}, audit rows for them ${audit.rows[0]!.n}: ${writes === written && written === audit.rows[0]!.n ? 'OK, each exactly once' : 'MISMATCH'}`,
    );
  } finally {
    await http.stop();
    await rt.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
