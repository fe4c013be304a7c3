/**
 * What the graph needs besides its state: settings from config, and the per-invocation context
 * (who is acting, on which surface, where streamed text goes), which is never checkpointed.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Actor } from '../crm/access/actor.js';
import type { ToolDeps } from '../../tools/run-tool.js';
import type { AnyTool } from '../../tools/define.js';
import type { AgentChannel } from './types.js';

export interface AgentSettings {
  /** The agency's zone: "today" in the system prompt is computed there. */
  agencyTimezone: string;
  /** Model calls per turn before the turn is stopped with a message. */
  stepLimit: number;
  /** Approximate tokens of conversation history sent to the model (system prompt and tools excluded). */
  tokenBudget: number;
  /** Audited with every turn. */
  modelName: string;
  provider: string;
  temperature?: number;
}

export const DEFAULT_AGENT_SETTINGS: Omit<AgentSettings, 'agencyTimezone' | 'modelName' | 'provider'> = {
  stepLimit: 8,
  tokenBudget: 24_000,
};

export interface GraphDeps {
  deps: ToolDeps;
  model: BaseChatModel;
  settings: AgentSettings;
  /** The tools the agent may call (default: the whole registry). */
  tools?: readonly AnyTool[];
}

/** Passed as LangGraph `context` on every invocation. */
export interface TurnContext {
  actor: Actor;
  channel: AgentChannel;
  onToken?: (text: string) => void;
}

/** The context of a node's invocation; fails loudly when a caller forgot it. */
export function turnContext(config: { context?: unknown }): TurnContext {
  const ctx = config.context as TurnContext | undefined;
  if (!ctx?.actor) throw new Error('agent graph invoked without a turn context (actor, channel)');
  return ctx;
}

export function threadIdOf(config: { configurable?: Record<string, unknown> }): string {
  const id = config.configurable?.thread_id;
  if (typeof id !== 'string' || !id) throw new Error('agent graph invoked without configurable.thread_id');
  return id;
}
