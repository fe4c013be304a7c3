/**
 * Per-turn overhead of the agent graph and its Postgres checkpoints over calling the same tools
 * directly, on the embedded database, with the scripted model (the model's own time is zero):
 *   npx tsc -p . && node dist/bench/agent-turn.js [turns=100] [warmup=10]
 *
 *   direct     runTool(get_lead) then runTool(add_note): the two tool calls a turn makes
 *   agent      one agent turn: model → get_lead → model → add_note (approval interrupt) →
 *              resume approve → add_note → model → reply, with the turn's audit row
 * Turns alternate between the two, each agent turn on a thread of its own, then a second agent
 * series on one long thread (checkpoints grow with history). Prints p50/p95/mean in ms, the ratio
 * to direct, and checkpoint bytes written per turn (sum of the three checkpoint tables' sizes).
 * Numbers depend on the machine; nothing here asserts a time.
 */
import { testConfig } from '../src/config.js';
import { actorForHandle } from '../src/crm/access/actor.js';
import { configureLogger } from '../src/log.js';
import { openRuntime } from '../src/runtime.js';
import { createAgentRunner } from '../src/agent/runner.js';
import { ScriptedChatModel } from '../src/agent/scripted-model.js';
import { CHECKPOINT_SCHEMA, createCheckpointer } from '../src/db/checkpoints.js';
import { addNoteTool } from '../tools/add-note.js';
import { getLeadTool } from '../tools/get-lead.js';
import { runTool } from '../tools/run-tool.js';

const TURNS = Number(process.argv[2] ?? 100);
const WARMUP = Number(process.argv[3] ?? 10);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

configureLogger('silent');
const rt = await openRuntime(testConfig({ PORT: '0' }), { seedIfEmpty: true });
try {
  const { db, pool } = rt.database;
  const actor = await actorForHandle(db, 'demo');
  const { rows } = await pool.query<{ id: string }>('select id from leads order by created_at limit 1');
  const leadId = rows[0]!.id;
  const model = new ScriptedChatModel();
  const runner = createAgentRunner({
    deps: rt.deps,
    model,
    checkpointer: createCheckpointer(pool),
    settings: { agencyTimezone: 'America/Chicago', stepLimit: 8, tokenBudget: 24_000, modelName: 'scripted', provider: 'scripted' },
  });
  const bytes = async () =>
    Number(
      (
        await pool.query<{ n: string }>(
          `select coalesce(sum(pg_total_relation_size(c.oid)), 0) as n from pg_class c join pg_namespace s on s.oid = c.relnamespace where s.nspname = $1 and c.relkind = 'r'`,
          [CHECKPOINT_SCHEMA],
        )
      ).rows[0]!.n,
    );
  const payload = async () =>
    Number(
      (
        await pool.query<{ n: string }>(
          `select (select coalesce(sum(length(blob)),0) from ${CHECKPOINT_SCHEMA}.checkpoint_blobs) + (select coalesce(sum(length(blob)),0) from ${CHECKPOINT_SCHEMA}.checkpoint_writes) + (select coalesce(sum(length(checkpoint::text)+length(metadata::text)),0) from ${CHECKPOINT_SCHEMA}.checkpoints) as n`,
        )
      ).rows[0]!.n,
    );

  const direct = async (i: number) => {
    await runTool(rt.deps, getLeadTool, { leadId }, { actor, channel: 'eval' });
    await runTool(rt.deps, addNoteTool, { leadId, body: `bench note ${i}` }, { actor, channel: 'eval', idempotencyKey: `bench-${i}` });
  };
  const agentTurn = async (threadId: string, i: number) => {
    model.push(
      { toolCalls: [{ name: 'get_lead', args: { leadId } }] },
      { toolCalls: [{ name: 'add_note', args: { leadId, body: `agent note ${i}` } }] },
      { text: 'Saved the note.' },
    );
    const r = await runner.send({ threadId, actor, channel: 'eval', text: `add note ${i}` });
    if (r.status !== 'awaiting_approval') throw new Error(`unexpected ${r.status}: ${r.reply}`);
    const done = await runner.resume({
      threadId,
      actor,
      channel: 'eval',
      decision: { toolCallId: r.pending!.toolCallId, decision: 'approve' },
    });
    if (done.status !== 'done') throw new Error(`unexpected ${done.status}: ${done.reply}`);
  };

  for (let i = 0; i < WARMUP; i++) {
    await direct(-i - 1);
    await agentTurn(`warm-${i}`, i);
  }
  const d: number[] = [];
  const a: number[] = [];
  const p0 = await payload();
  const b0 = await bytes();
  for (let i = 0; i < TURNS; i++) {
    let t = performance.now();
    await direct(i);
    d.push(performance.now() - t);
    t = performance.now();
    await agentTurn(`bench-${i}`, i);
    a.push(performance.now() - t);
  }
  const p1 = await payload();
  const b1 = await bytes();
  const long: number[] = [];
  for (let i = 0; i < TURNS; i++) {
    const t = performance.now();
    await agentTurn('bench-long-thread', 10_000 + i);
    long.push(performance.now() - t);
  }
  const p2 = await payload();
  const line = (name: string, xs: number[]) =>
    `${name.padEnd(28)} p50 ${pct(xs, 50).toFixed(1).padStart(7)} ms  p95 ${pct(xs, 95).toFixed(1).padStart(7)} ms  mean ${mean(xs).toFixed(1).padStart(7)} ms  x${(pct(xs, 50) / pct(d, 50)).toFixed(2)} of direct p50`;
  console.log(`agent turn overhead, ${TURNS} turns (warmup ${WARMUP}), embedded database, scripted model`);
  console.log(line('direct (get_lead + add_note)', d));
  console.log(line('agent, new thread per turn', a));
  console.log(line('agent, one long thread', long));
  console.log(
    `overhead per turn (p50): ${(pct(a, 50) - pct(d, 50)).toFixed(1)} ms on new threads, ${(pct(long, 50) - pct(d, 50)).toFixed(1)} ms on a ${TURNS}-turn thread`,
  );
  console.log(
    `checkpoint payload per turn: ${Math.round((p1 - p0) / TURNS)} bytes on new threads, ${Math.round((p2 - p1) / TURNS)} bytes on the long thread; table growth ${Math.round((b1 - b0) / TURNS)} bytes per turn`,
  );
} finally {
  await rt.close();
}
