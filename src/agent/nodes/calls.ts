/** Reading the model's tool calls from state, and which of them need a person's approval. */
import { AIMessage, type BaseMessage, type ToolCall } from '@langchain/core/messages';
import type { AnyTool } from '../../../tools/define.js';
import { INVALID_ARGS } from '../normalize.js';

/** The tool calls of the last message, when it is the model's. */
export function lastToolCalls(messages: readonly BaseMessage[]): ToolCall[] {
  const last = messages.at(-1);
  return last && AIMessage.isInstance(last) ? (last.tool_calls ?? []) : [];
}

/** True for a call of a tool that is not read-only, with arguments that pass its input schema. */
export function needsApproval(tool: AnyTool | undefined, args: Record<string, unknown>): tool is AnyTool {
  return Boolean(tool && !tool.annotations.readOnlyHint && !(INVALID_ARGS in args) && tool.input.safeParse(args).success);
}
