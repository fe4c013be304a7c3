/**
 * The agent behind every surface (terminal, Slack, evals): implements `AgentRunner` over the
 * compiled graph. A turn is one `ai_interactions` row, from the user's message to the final reply,
 * across any number of approvals; a failed turn (model down, step limit) is a row with its error.
 */
import { HumanMessage, AIMessage } from '@langchain/core/messages';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { Command, type BaseCheckpointSaver } from '@langchain/langgraph';
import { tools as registry } from '../../tools/index.js';
import type { AnyTool } from '../../tools/define.js';
import type { ToolDeps } from '../../tools/run-tool.js';
import { logger } from '../log.js';
import type { AgentSettings, TurnContext } from './configuration.js';
import { buildAgentGraph, type AgentGraph } from './graph.js';
import { textOf } from './normalize.js';
import { newTurn, type AgentStateType } from './state.js';
import { startTurnRow, updateTurnRow, type TurnOutcome } from './turn-audit.js';
import { describeModelError } from './model-errors.js';
import type { AgentRunner, ApprovalDecision, PendingApproval, TurnRequest, TurnResult } from './types.js';

export interface AgentRunnerOptions {
  deps: ToolDeps;
  model: BaseChatModel;
  /** PostgresSaver in production (src/db/checkpoints.ts); MemorySaver is fine in unit tests. */
  checkpointer: BaseCheckpointSaver;
  settings: AgentSettings;
  tools?: readonly AnyTool[];
}

export interface AgentRunnerWithGraph extends AgentRunner {
  graph: AgentGraph;
}

export function createAgentRunner(o: AgentRunnerOptions): AgentRunnerWithGraph {
  const tools = o.tools ?? registry;
  const graph = buildAgentGraph({ deps: o.deps, model: o.model, settings: o.settings, tools }, o.checkpointer);
  const log = logger('agent');
  const configOf = (threadId: string) => ({ configurable: { thread_id: threadId } });
  // One turn at a time per thread: two messages arriving together (Slack) would otherwise race on the checkpoint.
  const busy = new Map<string, Promise<unknown>>();
  const serial = <T>(threadId: string, fn: () => Promise<T>): Promise<T> => {
    const prev = busy.get(threadId) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(fn);
    busy.set(threadId, next);
    void next.finally(() => busy.get(threadId) === next && busy.delete(threadId)).catch(() => undefined);
    return next;
  };

  async function snapshot(
    threadId: string,
  ): Promise<{ values: Partial<AgentStateType>; pending: PendingApproval | null; unfinished: boolean }> {
    const snap = await graph.getState(configOf(threadId));
    const first = snap.tasks.flatMap((t) => t.interrupts ?? [])[0];
    return {
      values: (snap.values ?? {}) as Partial<AgentStateType>,
      pending: first ? (first.value as PendingApproval) : null,
      // A pending model call is simply redone by the next message; a pending tools step holds
      // tool calls that must be answered before the model is called again.
      unfinished: !first && snap.next.some((n) => n !== 'model'),
    };
  }

  function awaitingReply(values: Partial<AgentStateType>, pending: PendingApproval): string {
    const last = values.messages?.at(-1);
    const said = last && AIMessage.isInstance(last) ? textOf(last.content).trim() : '';
    return [said, `Approval needed: ${pending.summary}`].filter(Boolean).join('\n');
  }

  /** Runs the graph once (a new message or a decision) and reports where the turn stands. */
  async function run(input: unknown, req: TurnRequest, turnId: string): Promise<TurnResult> {
    const started = performance.now();
    const context: TurnContext = { actor: req.actor, channel: req.channel, onToken: req.onToken };
    let failure: { code: string; message: string; reply: string } | undefined;
    try {
      await graph.invoke(input as never, { ...configOf(req.threadId), context, recursionLimit: o.settings.stepLimit * 3 + 5 } as never);
    } catch (err) {
      failure = describeModelError(err);
      log.error({ threadId: req.threadId, code: failure.code, err: failure.message }, 'agent turn failed');
    }
    const { values, pending } = await snapshot(req.threadId);
    const turn = values.turn?.interactionId === turnId ? values.turn : null;
    let outcome: TurnOutcome;
    if (failure) {
      outcome = {
        status: 'failed',
        reply: failure.reply,
        turn,
        pending: null,
        latencyMs: performance.now() - started,
        error: { code: failure.code, message: failure.message },
      };
    } else if (pending) {
      outcome = {
        status: 'awaiting_approval',
        reply: awaitingReply(values, pending),
        turn,
        pending,
        latencyMs: performance.now() - started,
      };
    } else {
      const last = values.messages?.at(-1);
      const text = last && AIMessage.isInstance(last) ? textOf(last.content).trim() : '';
      const stop = turn?.stop;
      outcome = {
        status: stop ? 'failed' : 'done',
        reply: text || 'The model gave no answer. Try rephrasing the question.',
        turn,
        pending: null,
        latencyMs: performance.now() - started,
        ...(stop ? { error: stop } : {}),
      };
    }
    await updateTurnRow(o.deps.db, turnId, outcome);
    return {
      threadId: req.threadId,
      status: outcome.status,
      reply: outcome.reply ?? '',
      pending: outcome.pending,
      interactionId: turnId,
      ...(outcome.error ? { error: outcome.error } : {}),
    };
  }

  const send: AgentRunner['send'] = (req) =>
    serial(req.threadId, async () => {
      const first = await snapshot(req.threadId);
      let { values, pending } = first;
      if (first.unfinished && values.turn && values.messages?.length) {
        // The last run stopped before its tool calls were answered (the process died mid-step):
        // finish it first. Its writes carry the same idempotency keys, so none is made twice.
        const done = await run(null, req, values.turn.interactionId);
        if (done.status === 'awaiting_approval') return done;
        ({ values, pending } = await snapshot(req.threadId));
      }
      if (pending) {
        return {
          threadId: req.threadId,
          status: 'awaiting_approval',
          reply: `Decide on the waiting write first: ${pending.summary}`,
          pending,
          interactionId: values.turn?.interactionId ?? '',
          error: { code: 'CONFLICT', message: 'A write on this thread is waiting for a decision.' },
        } satisfies TurnResult;
      }
      const turnId = await startTurnRow(o.deps.db, {
        threadId: req.threadId,
        userId: req.actor.userId,
        channel: req.channel,
        text: req.text,
        settings: o.settings,
      });
      return run({ messages: [new HumanMessage(req.text)], turn: newTurn(turnId), decisions: {} }, req, turnId);
    });

  const resume: AgentRunner['resume'] = (req) =>
    serial(req.threadId, async () => {
      const { values, pending } = await snapshot(req.threadId);
      const turnId = values.turn?.interactionId ?? '';
      const refuse = (code: string, message: string, reply: string): TurnResult => ({
        threadId: req.threadId,
        status: pending ? 'awaiting_approval' : 'failed',
        reply,
        pending,
        interactionId: turnId,
        error: { code, message },
      });
      if (!pending)
        return refuse(
          'NOT_FOUND',
          'Nothing on this thread is waiting for a decision.',
          'Nothing on this thread is waiting for a decision.',
        );
      const d: ApprovalDecision = req.decision;
      if (d.toolCallId !== pending.toolCallId) {
        return refuse(
          'CONFLICT',
          `The waiting write is ${pending.toolCallId}, not ${d.toolCallId}.`,
          `Decide on the waiting write: ${pending.summary}`,
        );
      }
      if (d.decision === 'edit') {
        const tool = tools.find((t) => t.name === pending.toolName);
        const parsed = tool?.input.safeParse(d.args);
        if (!parsed?.success) {
          const issues = parsed?.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ') ?? 'unknown tool';
          return refuse(
            'VALIDATION',
            `The edited arguments are not valid: ${issues}`,
            `The edited arguments are not valid (${issues}). Edit again, approve or reject.`,
          );
        }
      }
      if (d.decision === 'reject' && !d.reason.trim())
        return refuse('VALIDATION', 'A rejection needs a reason.', 'Say why you reject it, so the assistant can do better.');
      return run(new Command({ resume: d }), req, turnId);
    });

  return {
    graph,
    send,
    resume,
    pending: async (threadId) => (await snapshot(threadId)).pending,
  };
}
