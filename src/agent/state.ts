/**
 * The graph's state. `messages` is the conversation (persisted per thread by the checkpointer);
 * `turn` is the bookkeeping of the turn in progress, reset by the runner when a user message
 * arrives; `decisions` carries the approval step's answers to the tools step of the same round.
 */
import { Annotation, messagesStateReducer } from '@langchain/langgraph';
import type { BaseMessage } from '@langchain/core/messages';
import type { ApprovalDecision } from './types.js';

export interface TurnUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** One approval asked during the turn, and what the person decided. */
export interface ApprovalRecord {
  toolCallId: string;
  toolName: string;
  decision: ApprovalDecision['decision'];
  reason?: string;
}

export interface TurnInfo {
  /** The turn's `ai_interactions` row (type chat); parent of every tool row of the turn. */
  interactionId: string;
  /** Model calls made so far in this turn. */
  steps: number;
  usage: TurnUsage;
  /** Every tool call the model proposed in this turn. */
  toolCalls: { id: string; name: string; args: Record<string, unknown> }[];
  approvals: ApprovalRecord[];
  /** Set when the turn ended early; the runner reports it as a failed turn. */
  stop: null | { code: 'STEP_LIMIT'; message: string };
}

export function newTurn(interactionId: string): TurnInfo {
  return {
    interactionId,
    steps: 0,
    usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
    toolCalls: [],
    approvals: [],
    stop: null,
  };
}

export const AgentState = Annotation.Root({
  messages: Annotation<BaseMessage[]>({ reducer: messagesStateReducer, default: () => [] }),
  turn: Annotation<TurnInfo>(),
  /** Decisions of the current round's approvals, by tool-call id (replaced each round). */
  decisions: Annotation<Record<string, ApprovalDecision>>({ reducer: (_old, next) => next, default: () => ({}) }),
  /** How many old messages were dropped from the thread to stay inside the token budget. */
  dropped: Annotation<number>({ reducer: (a, b) => a + b, default: () => 0 }),
});

export type AgentStateType = typeof AgentState.State;
export type AgentStateUpdate = typeof AgentState.Update;
