/**
 * The turn's `ai_interactions` row (type chat): inserted when the user's message arrives, so the
 * turn's tool rows can name it as their parent, and brought up to date each time the turn stops
 * (awaiting an approval, done, failed). Never inside a transaction held across a model call.
 */
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { aiInteractions } from '../db/schema/index.js';
import { capJson, recordInteraction } from '../crm/audit/interactions.js';
import type { AgentSettings } from './configuration.js';
import type { TurnInfo } from './state.js';
import type { AgentChannel, PendingApproval } from './types.js';

export async function startTurnRow(
  db: DbOrTx,
  t: { threadId: string; userId: string; channel: AgentChannel; text: string; settings: AgentSettings },
): Promise<string> {
  return recordInteraction(db, {
    type: 'chat',
    channel: t.channel,
    threadId: t.threadId,
    userId: t.userId,
    prompt: t.text,
    model: t.settings.modelName,
    provider: t.settings.provider,
    temperature: t.settings.temperature === undefined ? null : String(t.settings.temperature),
    metadata: { status: 'running' },
  });
}

export interface TurnOutcome {
  status: 'done' | 'awaiting_approval' | 'failed';
  reply: string | null;
  turn: TurnInfo | null;
  pending: PendingApproval | null;
  /** Milliseconds this invocation took (added: time spent waiting for a person is not counted). */
  latencyMs: number;
  error?: { code: string; message: string };
}

/** Brings the turn's row up to date with what the turn has done so far. */
export async function updateTurnRow(db: DbOrTx, id: string, o: TurnOutcome): Promise<void> {
  const metadata = {
    status: o.status,
    steps: o.turn?.steps ?? 0,
    toolCalls: capJson(o.turn?.toolCalls ?? [], 8000),
    approvals: o.turn?.approvals ?? [],
    ...(o.pending ? { pending: { toolCallId: o.pending.toolCallId, toolName: o.pending.toolName, summary: o.pending.summary } } : {}),
  };
  await db
    .update(aiInteractions)
    .set({
      response: o.reply,
      promptTokens: o.turn?.usage.promptTokens ?? null,
      completionTokens: o.turn?.usage.completionTokens ?? null,
      totalTokens: o.turn?.usage.totalTokens ?? null,
      latencyMs: sql`coalesce(${aiInteractions.latencyMs}, 0) + ${Math.max(0, Math.round(o.latencyMs))}`,
      errorCode: o.error?.code ?? null,
      errorMessage: o.error?.message ?? null,
      metadata,
    })
    .where(eq(aiInteractions.id, id));
}
