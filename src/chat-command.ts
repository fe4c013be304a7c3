/**
 * `crm-agent chat`: the agent in a terminal, acting as CRM_USER. Interactive on a terminal
 * (streamed answers, approval prompts, /new, /threads, /exit); scriptable with piped stdin (one
 * message a line, no prompts, writes refused unless --approve-all, exits at end of input).
 * Answers go to stdout; prompts, approvals and notices to stderr.
 */
import { randomUUID } from 'node:crypto';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from './config.js';
import { actorForHandle, type Actor } from './crm/access/actor.js';
import { chatProvider, createChatModel, hasChatModel, NO_CHAT_MODEL_HELP } from './ai/chat-model.js';
import { createCheckpointer } from './db/checkpoints.js';
import { createAgentRunner } from './agent/runner.js';
import { listThreads } from './agent/threads.js';
import type { AgentRunner, ApprovalDecision, PendingApproval, TurnResult } from './agent/types.js';
import { openRuntime, type Runtime } from './runtime.js';

export interface ChatOptions {
  thread?: string;
  approveAll?: boolean;
}

export interface ChatIo {
  input: Readable & { isTTY?: boolean };
  output: Writable;
  err: Writable;
}

const REFUSED = 'Approvals are refused when chat reads piped input; run with --approve-all to allow writes.';

/** Opens the product and runs the chat; returns the exit code. */
export async function runChatCommand(
  config: Config,
  opts: ChatOptions,
  io: ChatIo = { input: process.stdin, output: process.stdout, err: process.stderr },
): Promise<number> {
  if (!hasChatModel(config)) {
    io.err.write(`${NO_CHAT_MODEL_HELP}\n`);
    return 2;
  }
  const rt = await openRuntime(config, { seedIfEmpty: config.CRM_SEED_ON_START });
  try {
    return await runChat(rt, createChatModel(config)!, opts, io);
  } finally {
    await rt.close();
  }
}

/** The conversation loop over an open runtime and a model (tests pass the scripted one). */
export async function runChat(rt: Runtime, model: BaseChatModel, opts: ChatOptions, io: ChatIo): Promise<number> {
  const { config } = rt;
  const actor = await actorForHandle(rt.database.db, config.CRM_USER);
  const runner = createAgentRunner({
    deps: rt.deps,
    model,
    checkpointer: createCheckpointer(rt.database.pool),
    settings: {
      agencyTimezone: config.CRM_AGENCY_TIMEZONE,
      stepLimit: config.CRM_AGENT_STEP_LIMIT,
      tokenBudget: config.CRM_AGENT_TOKEN_BUDGET,
      modelName: config.CRM_CHAT_MODEL,
      provider: chatProvider(config),
      temperature: config.CRM_CHAT_TEMPERATURE,
    },
  });
  const interactive = Boolean(io.input.isTTY);
  const rl = readline.createInterface({ input: io.input, output: interactive ? io.err : undefined, terminal: interactive });
  // Taken at once: piped lines that arrive while the thread is being loaded are buffered, not lost.
  const lines = interactive ? null : rl[Symbol.asyncIterator]();
  const say = (s: string) => io.err.write(`${s}\n`);
  let threadId = opts.thread ?? `cli-${randomUUID()}`;
  let failed = false;
  say(`crm-agent chat as ${actor.fullName} (${actor.handle}), thread ${threadId}.${interactive ? ' /new, /threads, /exit.' : ''}`);

  const ask = (q: string) =>
    new Promise<string | null>((resolve) => {
      const onClose = () => resolve(null);
      rl.once('close', onClose);
      rl.question(q, (a) => {
        rl.off('close', onClose);
        resolve(a);
      });
    });

  async function decide(p: PendingApproval): Promise<ApprovalDecision> {
    say(`\nApproval needed: ${p.summary}`);
    if (!interactive) {
      if (opts.approveAll) return { toolCallId: p.toolCallId, decision: 'approve' };
      say(REFUSED);
      return { toolCallId: p.toolCallId, decision: 'reject', reason: REFUSED };
    }
    say(`arguments: ${JSON.stringify(p.args)}`);
    for (;;) {
      const a = ((await ask('approve? [y]es / [n]o / [e]dit: ')) ?? 'n').trim().toLowerCase();
      if (a === 'y' || a === 'yes') return { toolCallId: p.toolCallId, decision: 'approve' };
      if (a === 'n' || a === 'no') {
        const reason = ((await ask('why not? ')) ?? '').trim() || 'The user declined.';
        return { toolCallId: p.toolCallId, decision: 'reject', reason };
      }
      if (a === 'e' || a === 'edit') {
        const text = (await ask('arguments as JSON: ')) ?? '';
        try {
          return { toolCallId: p.toolCallId, decision: 'edit', args: JSON.parse(text) as Record<string, unknown> };
        } catch {
          say('That is not valid JSON; try again.');
        }
      }
    }
  }

  async function settle(first: Promise<TurnResult>, streamed: { any: boolean }): Promise<void> {
    let r = await first;
    for (;;) {
      if (!streamed.any || r.status !== 'done') io.output.write(`${r.reply}\n`);
      else io.output.write('\n');
      if (r.status === 'failed') failed = true;
      if (r.status !== 'awaiting_approval' || !r.pending) return;
      if (r.error) say(`(${r.error.message})`);
      const decision = await decide(r.pending);
      streamed.any = false;
      r = await runner.resume({ threadId, actor, channel: 'cli', decision, onToken: tokenSink(streamed) });
    }
  }

  const tokenSink = (streamed: { any: boolean }) => (t: string) => {
    streamed.any = true;
    io.output.write(t);
  };

  async function handle(line: string, runnerRef: AgentRunner, who: Actor): Promise<boolean> {
    const text = line.trim();
    if (!text) return true;
    if (text === '/exit' || text === '/quit') return false;
    if (text === '/new') {
      threadId = `cli-${randomUUID()}`;
      say(`new thread ${threadId}`);
      return true;
    }
    if (text === '/threads') {
      for (const t of await listThreads(rt.database.db, who.userId, 'cli'))
        say(`${t.threadId}  ${t.lastAt.toISOString()}  ${t.turns} turn(s)  ${t.firstMessage}`);
      return true;
    }
    const streamed = { any: false };
    await settle(runnerRef.send({ threadId, actor: who, channel: 'cli', text, onToken: tokenSink(streamed) }), streamed);
    return true;
  }

  const waiting = await runner.pending(threadId);
  if (waiting) {
    const streamed = { any: false };
    await settle(
      Promise.resolve({
        threadId,
        status: 'awaiting_approval',
        reply: 'This thread has a write waiting for your decision.',
        pending: waiting,
        interactionId: '',
      }),
      streamed,
    );
  }
  if (interactive) {
    for (;;) {
      const line = await ask('you> ');
      if (line === null || !(await handle(line, runner, actor))) break;
    }
  } else {
    for (let next = await lines!.next(); !next.done; next = await lines!.next()) {
      if (!(await handle(next.value, runner, actor))) break;
    }
  }
  rl.close();
  return failed ? 1 : 0;
}
