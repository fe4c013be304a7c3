/**
 * The contract between the agent (src/agent) and its surfaces (the terminal chat, Slack, the
 * eval runner). A surface sends a user's message on a thread, shows the reply, and when a turn
 * stops at an approval, asks the user and resumes the thread with their decision. Approvals are
 * asked one at a time, in the order the model proposed the writes.
 */
import type { Actor } from '../crm/access/actor.js';

export type AgentChannel = 'cli' | 'slack' | 'eval';

/** A write the model proposed and the graph is holding until a person decides. */
export interface PendingApproval {
  /** The model's tool-call id; decisions name it. */
  toolCallId: string;
  toolName: string;
  /** The arguments as the model proposed them (already validated against the tool's input schema). */
  args: Record<string, unknown>;
  /** One line a person can read, e.g. "add_note on lead 5f2…: \"Left voicemail\"". */
  summary: string;
}

export type ApprovalDecision =
  | { toolCallId: string; decision: 'approve' }
  | { toolCallId: string; decision: 'reject'; reason: string }
  | { toolCallId: string; decision: 'edit'; args: Record<string, unknown> };

export interface TurnRequest {
  threadId: string;
  actor: Actor;
  channel: AgentChannel;
  /** Streamed text of the model's answer as it arrives (optional). */
  onToken?: (text: string) => void;
}

export interface TurnResult {
  threadId: string;
  /** done: the reply is final; awaiting_approval: `pending` needs a decision; failed: see `error`. */
  status: 'done' | 'awaiting_approval' | 'failed';
  /** What to show the user (for failed turns, a clear explanation). */
  reply: string;
  /** The next write waiting for a decision (status awaiting_approval), else null. */
  pending: PendingApproval | null;
  /** The turn's `ai_interactions` row (type chat). */
  interactionId: string;
  error?: { code: string; message: string };
}

/** What every surface uses. Implemented by src/agent/runner.ts. */
export interface AgentRunner {
  /** A new user message on a thread (created on first use). */
  send(req: TurnRequest & { text: string }): Promise<TurnResult>;
  /** The decision on the thread's pending approval; continues the turn. */
  resume(req: TurnRequest & { decision: ApprovalDecision }): Promise<TurnResult>;
  /** The thread's pending approval, if any (e.g. after a restart). */
  pending(threadId: string): Promise<PendingApproval | null>;
}
