/**
 * CPU per call of the load bench's tools through runTool, one call at a time, in this process
 * (the embedded database runs in it too, so its CPU counts):
 *   npm run build && node dist/bench/tool-cpu.js [calls=100]
 * No HTTP, no concurrency: the figure a change to a tool's queries moves, less noisy on a shared
 * machine than wall time (still inflated when the machine is busy; compare builds back to back).
 * Also prints queries per call (bench/query-count.ts). Nothing here asserts a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testConfig } from '../src/config.js';
import { actorForHandle } from '../src/crm/access/actor.js';
import { configureLogger } from '../src/log.js';
import { openRuntime } from '../src/runtime.js';
import { findTool } from '../tools/index.js';
import { runTool } from '../tools/run-tool.js';
import { countQueries } from './query-count.js';

const CALLS = Number(process.argv[2] ?? 100);

async function main(): Promise<void> {
  configureLogger('warn');
  const queries = countQueries();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crm-tool-cpu-'));
  const rt = await openRuntime(testConfig({ PORT: '0', CRM_DATA_DIR: path.join(dir, 'data') }), { seedIfEmpty: true });
  try {
    const actor = await actorForHandle(rt.database.db, 'demo');
    const leads = (await rt.database.pool.query<{ id: string }>('select id from leads order by id limit 50')).rows.map((r) => r.id);
    const lead = (i: number) => leads[i % leads.length]!;
    const mix: [label: string, tool: string, args: (i: number) => Record<string, unknown>][] = [
      ['search_leads (text)', 'search_leads', () => ({ query: 'roof', limit: 10 })],
      ['search_leads (filters)', 'search_leads', () => ({ statuses: ['quoted'], limit: 10 })],
      ['get_lead', 'get_lead', (i) => ({ leadId: lead(i) })],
      ['get_lead (full)', 'get_lead', (i) => ({ leadId: lead(i), detail: 'full' })],
      ['list_follow_ups', 'list_follow_ups', () => ({ limit: 10 })],
      ['add_note', 'add_note', (i) => ({ leadId: lead(i), body: `tool-cpu note ${i}` })],
      [
        'log_communication',
        'log_communication',
        (i) => ({ leadId: lead(i), type: 'call', direction: 'inbound', outcome: 'connected', body: `tool-cpu call ${i}` }),
      ],
    ];
    console.log(`CPU per runTool call, one at a time, ${CALLS} calls each, embedded database, node ${process.version}`);
    for (const [label, name, args] of mix) {
      const tool = findTool(name)!;
      const call = { actor, channel: 'mcp_memory' as const };
      for (let i = 0; i < 10; i++) await runTool(rt.deps, tool, args(i), call);
      const q0 = queries();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < CALLS; i++) {
        const r = await runTool(rt.deps, tool, args(i), call);
        if (!r.ok) throw new Error(`${label}: ${JSON.stringify(r.error)}`);
      }
      const cpu = process.cpuUsage(c0);
      console.log(
        `${label.padEnd(24)} cpu ${((cpu.user + cpu.system) / 1000 / CALLS).toFixed(2).padStart(6)} ms  wall ${((performance.now() - t0) / CALLS).toFixed(2).padStart(6)} ms  queries ${((queries() - q0) / CALLS).toFixed(1)}`,
      );
    }
  } finally {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
