/**
 * What the Slack worker does with one inbox row: a message for the agent becomes a turn on the
 * Slack thread's agent thread, acting as the mapped CRM user with channel `slack`; a button click
 * decides the thread's pending write and resumes it. Replies go in the thread: a "working…"
 * message first, then updated with the answer (split if long), then the next approval if any.
 */
import type { Actor } from '../crm/access/actor.js';
import type { Db } from '../db/client.js';
import type { AgentRunner, ApprovalDecision, TurnResult } from '../agent/types.js';
import { setSlackReplyTs, setSlackResult, touchSlackEvent, type ClaimedSlackEvent } from '../crm/slack/inbox.js';
import {
  actorForSlackUser,
  agentThreadIdFor,
  ensureSlackThread,
  findSlackThread,
  mayDecide,
  setThreadPending,
  takeThreadDecision,
  userFullName,
  type SlackThread,
} from '../crm/slack/threads.js';
import type { SlackApi } from './client.js';
import { splitMessage, toMrkdwn } from './format.js';
import {
  ALREADY_DECIDED_TEXT,
  APPROVE_ACTION,
  approvalBlocks,
  decidedBlocks,
  notYoursText,
  REJECT_ACTION,
  UNKNOWN_USER_TEXT,
  waitingText,
  WORKING_TEXT,
  type ApprovalRef,
} from './messages.js';
import { actionPayload, eventEnvelope, isForAgent, stripBotMention } from './payloads.js';

export interface SlackContext {
  db: Db;
  api: SlackApi;
  /** Undefined when no chat model is configured: people get `noAgentText` instead. */
  agent: AgentRunner | undefined;
  noAgentText: string;
  /** How often a busy row's claim is renewed (so it is not taken over as stale). */
  heartbeatMs: number;
}

/** One claimed row, with the claim token and the "working…" message once posted. */
export interface SlackJob {
  item: ClaimedSlackEvent;
  token: string;
  replyTs: string | null;
  channel?: string;
}

/** The agent thread a row belongs to (rows of one thread are processed in order), or null. */
export function jobThreadKey(item: ClaimedSlackEvent): string | null {
  if (item.kind === 'event') {
    const env = eventEnvelope.safeParse(item.payload);
    if (!env.success || !env.data.event.channel) return null;
    const ev = env.data.event;
    return agentThreadIdFor({ teamId: env.data.team_id ?? '', channelId: ev.channel!, threadTs: ev.thread_ts ?? ev.ts ?? '' });
  }
  const p = actionPayload.safeParse(item.payload);
  return (p.success && parseRef(p.data.actions[0]!.value)?.t) || null;
}

function parseRef(value: string | undefined): ApprovalRef | null {
  try {
    const v = JSON.parse(value ?? '') as Partial<ApprovalRef>;
    return typeof v.t === 'string' && typeof v.c === 'string' ? { t: v.t, c: v.c } : null;
  } catch {
    return null;
  }
}

async function working(ctx: SlackContext, job: SlackJob, channel: string, threadTs: string): Promise<string> {
  if (job.replyTs) return job.replyTs;
  job.replyTs = await ctx.api.post({ channel, threadTs, text: WORKING_TEXT });
  await setSlackReplyTs(ctx.db, job.item.id, job.token, job.replyTs);
  return job.replyTs;
}

/** Runs an agent call while renewing the row's claim; keeps its answer on the row. */
async function agentCall(ctx: SlackContext, job: SlackJob, call: () => Promise<TurnResult>): Promise<TurnResult> {
  if (job.item.result) return job.item.result as unknown as TurnResult;
  const beat = setInterval(() => void touchSlackEvent(ctx.db, job.item.id, job.token).catch(() => undefined), ctx.heartbeatMs);
  try {
    const result = await call();
    await setSlackResult(ctx.db, job.item.id, job.token, result as unknown as Record<string, unknown>);
    return result;
  } finally {
    clearInterval(beat);
  }
}

async function deliver(
  ctx: SlackContext,
  at: { channel: string; threadTs: string; replyTs: string; thread: SlackThread; askerId: string },
  result: TurnResult,
): Promise<void> {
  const fallback =
    result.status === 'failed'
      ? (result.error?.message ?? 'The agent failed on this message.')
      : result.status === 'awaiting_approval'
        ? 'I need a decision on a change:'
        : 'Done.';
  const parts = splitMessage(toMrkdwn(result.reply.trim() || fallback));
  await ctx.api.update({ channel: at.channel, ts: at.replyTs, text: parts[0]! });
  for (const part of parts.slice(1)) await ctx.api.post({ channel: at.channel, threadTs: at.threadTs, text: part });
  if (result.status === 'awaiting_approval' && result.pending) {
    const msg = approvalBlocks(result.pending, at.thread.agentThreadId);
    const ts = await ctx.api.post({ channel: at.channel, threadTs: at.threadTs, ...msg });
    await setThreadPending(ctx.db, at.thread.id, {
      toolCallId: result.pending.toolCallId,
      summary: result.pending.summary,
      userId: at.askerId,
      messageTs: ts,
    });
  } else if (at.thread.pendingToolCallId || at.thread.decisionEventId) {
    await setThreadPending(ctx.db, at.thread.id, null);
  }
}

/** A message event: answer it as the mapped CRM user, or refuse politely. */
export async function handleSlackEvent(ctx: SlackContext, job: SlackJob): Promise<void> {
  const env = eventEnvelope.parse(job.item.payload);
  const ev = env.event;
  if (!isForAgent(ev)) return;
  const bot = await ctx.api.botUserId();
  if (ev.user === bot) return;
  const key = { teamId: env.team_id ?? '', channelId: ev.channel, threadTs: ev.thread_ts ?? ev.ts };
  const reply = (text: string) => ctx.api.post({ channel: ev.channel, threadTs: key.threadTs, text });
  const actor = await actorForSlackUser(ctx.db, ev.user);
  if (!actor) return void (await reply(UNKNOWN_USER_TEXT));
  if (!ctx.agent) return void (await reply(ctx.noAgentText));
  const agent = ctx.agent;
  const thread = await ensureSlackThread(ctx.db, key, actor.userId);
  if (thread.pendingToolCallId && !job.item.result) return void (await reply(waitingText(thread.pendingSummary ?? 'a change')));
  const replyTs = await working(ctx, job, ev.channel, key.threadTs);
  // Only the sender's own message goes to the agent, as that user: never other people's channel text.
  const text = stripBotMention(ev.text ?? '', bot);
  const result = await agentCall(ctx, job, () => agent.send({ threadId: thread.agentThreadId, actor, channel: 'slack', text }));
  await deliver(ctx, { channel: ev.channel, threadTs: key.threadTs, replyTs, thread, askerId: actor.userId }, result);
}

function decisionFor(approve: boolean, toolCallId: string, actor: Actor): ApprovalDecision {
  return approve
    ? { toolCallId, decision: 'approve' }
    : { toolCallId, decision: 'reject', reason: `Rejected in Slack by ${actor.fullName}.` };
}

/** A button click on an approval: decide (once, by someone allowed) and resume the thread. */
export async function handleSlackAction(ctx: SlackContext, job: SlackJob): Promise<void> {
  const p = actionPayload.parse(job.item.payload);
  const action = p.actions[0]!;
  if (action.action_id !== APPROVE_ACTION && action.action_id !== REJECT_ACTION) return;
  const approve = action.action_id === APPROVE_ACTION;
  const ref = parseRef(action.value);
  const channel = p.channel?.id ?? p.container?.channel_id;
  if (!ref || !channel) return;
  const threadTs = p.message?.thread_ts ?? p.container?.thread_ts ?? p.message?.ts ?? p.container?.message_ts;
  const tell = (text: string) => ctx.api.ephemeral({ channel, user: p.user.id, ...(threadTs ? { threadTs } : {}), text });
  const actor = await actorForSlackUser(ctx.db, p.user.id);
  if (!actor) return void (await tell(UNKNOWN_USER_TEXT));
  if (!ctx.agent) return void (await tell(ctx.noAgentText));
  const agent = ctx.agent;
  if (job.item.result) {
    // An earlier attempt decided and got the answer, then failed to deliver it: deliver only.
    const t = await findSlackThread(ctx.db, ref.t);
    if (t && t.decisionEventId === job.item.id) {
      const replyTs = await working(ctx, job, channel, t.threadTs);
      await deliver(
        ctx,
        { channel, threadTs: t.threadTs, replyTs, thread: t, askerId: t.pendingUserId ?? actor.userId },
        job.item.result as unknown as TurnResult,
      );
    }
    return;
  }
  const current = await findSlackThread(ctx.db, ref.t);
  if (!current || current.pendingToolCallId !== ref.c) return void (await tell(ALREADY_DECIDED_TEXT));
  if (!mayDecide(actor, current)) {
    const asker = current.pendingUserId ? await userFullName(ctx.db, current.pendingUserId) : null;
    return void (await tell(notYoursText(asker ?? 'the person who asked')));
  }
  const thread = await takeThreadDecision(ctx.db, ref.t, ref.c, job.item.id);
  if (!thread) return void (await tell(ALREADY_DECIDED_TEXT));
  if (thread.pendingMessageTs)
    await ctx.api.update({ channel, ts: thread.pendingMessageTs, ...decidedBlocks(thread.pendingSummary ?? '', approve, p.user.id) });
  const at = thread.threadTs;
  const replyTs = await working(ctx, job, channel, at);
  const result = await agentCall(ctx, job, () =>
    agent.resume({ threadId: ref.t, actor, channel: 'slack', decision: decisionFor(approve, ref.c, actor) }),
  );
  await deliver(ctx, { channel, threadTs: at, replyTs, thread, askerId: thread.pendingUserId ?? actor.userId }, result);
}
