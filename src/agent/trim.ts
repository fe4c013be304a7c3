/**
 * Keeps a long thread inside the model's context: whole old turns are dropped, oldest first, once
 * the history is over the token budget. The current turn (from the last user message on) is
 * always kept whole, so a pending approval and its tool calls are never dropped, and a tool call
 * is never separated from its result.
 */
import { HumanMessage, type BaseMessage } from '@langchain/core/messages';

/** Roughly four characters a token: no tokenizer download, no network (see src/ai/chat-model.ts). */
export function estimateTokens(m: BaseMessage): number {
  const text = typeof m.content === 'string' ? m.content : JSON.stringify(m.content);
  const calls = 'tool_calls' in m && Array.isArray(m.tool_calls) && m.tool_calls.length ? JSON.stringify(m.tool_calls) : '';
  return Math.ceil((text.length + calls.length) / 4) + 4;
}

/** The messages to drop (oldest first) so that the rest fits `budget`; empty when it already fits. */
export function messagesToDrop(messages: readonly BaseMessage[], budget: number): BaseMessage[] {
  const starts = messages.flatMap((m, i) => (HumanMessage.isInstance(m) ? [i] : []));
  if (starts.length < 2) return [];
  const current = starts.at(-1)!;
  let total = messages.slice(current).reduce((n, m) => n + estimateTokens(m), 0);
  let keepFrom = current;
  for (let t = starts.length - 2; t >= 0; t--) {
    const turnTokens = messages.slice(starts[t], keepFrom).reduce((n, m) => n + estimateTokens(m), 0);
    if (total + turnTokens > budget) break;
    total += turnTokens;
    keepFrom = starts[t]!;
  }
  return messages.slice(0, keepFrom);
}
