/**
 * Runs one dialog on the starting data (reset to the demo book first) through the real graph, the real tools
 * and `runTool` (channel `eval`), then judges it. Offline the model is the dialog's script; live
 * it is the configured model, and the user's approvals are given in order as writes come up.
 */
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { actorForHandle } from '../src/crm/access/actor.js';
import { createCheckpointer } from '../src/db/checkpoints.js';
import { createAgentRunner } from '../src/agent/runner.js';
import type { AgentSettings } from '../src/agent/configuration.js';
import { ScriptedChatModel, type ScriptedReply } from '../src/agent/scripted-model.js';
import type { ApprovalDecision, TurnResult } from '../src/agent/types.js';
import type { AnyTool } from '../tools/define.js';
import type { ToolSettings } from '../tools/define.js';
import type { EvalDb } from './eval-db.js';
import type { Approval, Dialog, ModelStep } from './dialog-schema.js';
import { diffSnapshots, formatDiff, snapshot, type RowChange } from './diff.js';
import { insertFixtures } from './fixtures.js';
import { interpolate } from './interpolate.js';
import { score, type Check, type DialogOutcome } from './scorers.js';
import { Symbols } from './symbols.js';

export interface RunOptions {
  /** The run's database; reset to the demo book before the dialog. */
  data: EvalDb;
  /** Absent: offline, the dialog's scripted model turns. Present: a new live model per dialog. */
  model?: () => BaseChatModel;
  /** A registry to run with instead of the real one (the checks of the checker break a tool). */
  tools?: readonly AnyTool[];
  settings?: Partial<AgentSettings>;
  toolSettings?: ToolSettings;
  trial?: number;
}

export interface DialogResult {
  name: string;
  file: string;
  trial: number;
  passed: boolean;
  checks: Check[];
  changes: RowChange[];
  diff: string;
  replies: string[];
  calls: DialogOutcome['calls'];
  tokens: number;
  /** Time inside the agent's turns (audited latency), ms. */
  latencyMs: number;
  /** Wall time of the whole dialog, copy of the data included, ms. */
  wallMs: number;
  /** Of which putting the data back as seeded, ms. */
  resetMs?: number;
  error?: string;
}

const DEFAULT_TOOL_SETTINGS: ToolSettings = { agencyTimezone: 'America/Chicago', businessHours: [8, 20], rrfK: 60 };
const LIVE_EXTRA = 'This write is not part of the evaluated task; do not make it. Continue without it.';

function scriptStep(step: ModelStep, symbols: Symbols, problems: string[], label: string) {
  return (messages: BaseMessage[]): ScriptedReply => {
    try {
      return {
        text: step.text === undefined ? undefined : String(interpolate(step.text, { symbols, messages })),
        toolCalls: (step.calls ?? []).map((c) => ({ name: c.tool, args: interpolate(c.args, { symbols, messages }) })),
      };
    } catch (err) {
      problems.push(`${label}: ${(err as Error).message}`);
      throw err;
    }
  };
}

function decisionOf(a: Approval, toolCallId: string, symbols: Symbols): ApprovalDecision {
  if (a === 'approve') return { toolCallId, decision: 'approve' };
  if ('reject' in a) return { toolCallId, decision: 'reject', reason: a.reject };
  return { toolCallId, decision: 'edit', args: interpolate(a.edit, { symbols }) };
}

export async function runDialog(d: Dialog, o: RunOptions): Promise<DialogResult> {
  const started = performance.now();
  const live = Boolean(o.model);
  const trial = o.trial ?? 1;
  await o.data.reset();
  const database = o.data.database;
  const opened = performance.now() - started;
  const symbols = new Symbols();
  const problems: string[] = [];
  const replies: string[] = [];
  const statuses: string[] = [];
  const decisions: DialogOutcome['decisions'] = [];
  const threadId = `eval-${d.name}-${trial}`;
  try {
    await symbols.loadWorld(database.pool);
    const now = new Date(d.now);
    await insertFixtures(database.db, d.fixtures, symbols, now);
    const actor = await actorForHandle(database.db, d.user);
    const before = await snapshot(database.pool);
    const scripted = live ? null : new ScriptedChatModel();
    const runner = createAgentRunner({
      deps: { db: database.db, settings: o.toolSettings ?? DEFAULT_TOOL_SETTINGS, services: {}, now: () => now },
      model: scripted ?? o.model!(),
      checkpointer: createCheckpointer(database.pool),
      settings: {
        agencyTimezone: 'America/Chicago',
        stepLimit: 8,
        tokenBudget: 24_000,
        modelName: 'scripted',
        provider: 'scripted',
        temperature: 0,
        ...o.settings,
      },
      ...(o.tools ? { tools: o.tools } : {}),
    });
    const req = { threadId, actor, channel: 'eval' as const };
    for (const [i, turn] of d.turns.entries()) {
      scripted?.push(...turn.model.map((s, k) => scriptStep(s, symbols, problems, `turn ${i + 1} model step ${k + 1}`)));
      const said: string[] = [];
      const waiting = [...turn.approvals];
      let r: TurnResult = await runner.send({ ...req, text: turn.user });
      for (;;) {
        said.push(r.reply);
        if (r.status !== 'awaiting_approval' || !r.pending) break;
        const next = waiting.shift();
        if (!next && !live)
          problems.push(`turn ${i + 1}: the agent asked approval for ${r.pending.summary}, but the dialog gives no decision for it`);
        const decision: ApprovalDecision = next
          ? decisionOf(next, r.pending.toolCallId, symbols)
          : { toolCallId: r.pending.toolCallId, decision: 'reject', reason: LIVE_EXTRA };
        decisions.push({ toolCallId: decision.toolCallId, decision: decision.decision });
        r = await runner.resume({ ...req, decision });
      }
      replies.push(said.join('\n'));
      statuses.push(r.status);
      if (!live && waiting.length) problems.push(`turn ${i + 1}: ${waiting.length} approval decision(s) were never asked for`);
      if (scripted?.remaining) {
        problems.push(`turn ${i + 1}: ${scripted.remaining} scripted model step(s) were not played (the turn ended early)`);
        scripted.clear();
      }
    }
    const changes = diffSnapshots(before, await snapshot(database.pool), symbols);
    const state = await runner.graph.getState({ configurable: { thread_id: threadId } });
    const messages = ((state.values as { messages?: BaseMessage[] }).messages ?? []).filter((m) => AIMessage.isInstance(m)) as AIMessage[];
    const calls = messages.flatMap((m) =>
      (m.tool_calls ?? []).map((c) => ({ name: c.name, args: symbols.symbolise(c.args) as Record<string, unknown> })),
    );
    const { rows: audit } = await database.pool.query<{
      type: string;
      tool_name: string | null;
      error_code: string | null;
      metadata: Record<string, unknown>;
      total_tokens: number | null;
      latency_ms: number | null;
      channel: string;
    }>(
      'select type, tool_name, error_code, metadata, total_tokens, latency_ms, channel from ai_interactions where thread_id = $1 order by created_at',
      [threadId],
    );
    const executed = audit
      .filter((a) => a.type === 'tool_call' && a.tool_name)
      .map((a) => {
        const key = typeof a.metadata.idempotencyKey === 'string' ? a.metadata.idempotencyKey : null;
        return { tool: a.tool_name!, ok: a.error_code === null, toolCallId: key ? key.split(':').slice(4).join(':') : null };
      });
    const wrongChannel = audit.filter((a) => a.channel !== 'eval');
    if (wrongChannel.length) problems.push(`${wrongChannel.length} audit row(s) not on channel eval`);
    const outcome: DialogOutcome = { replies, statuses, changes, calls, executed, decisions, problems };
    const checks = score(d, outcome, symbols);
    return {
      name: d.name,
      file: d.file,
      trial,
      passed: checks.every((c) => c.ok),
      checks,
      changes,
      diff: formatDiff(changes),
      replies,
      calls,
      tokens: audit.filter((a) => a.type === 'chat').reduce((n, a) => n + (a.total_tokens ?? 0), 0),
      latencyMs: audit.filter((a) => a.type === 'chat').reduce((n, a) => n + (a.latency_ms ?? 0), 0),
      wallMs: performance.now() - started,
      resetMs: opened,
    };
  } catch (err) {
    const message = (err as Error).message;
    return {
      name: d.name,
      file: d.file,
      trial,
      passed: false,
      checks: [...problems.map((p) => ({ name: 'drive', ok: false, message: p })), { name: 'run', ok: false, message }],
      changes: [],
      diff: '',
      replies,
      calls: [],
      tokens: 0,
      latencyMs: 0,
      wallMs: performance.now() - started,
      error: message,
    };
  }
}
