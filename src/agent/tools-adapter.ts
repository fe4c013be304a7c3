/**
 * From the tool registry to the model: the same JSON Schemas MCP clients see, results as compact
 * JSON tool messages (the untrusted-data fences inside stay as they are), failures as tool
 * messages carrying code, message and hint so the model can recover.
 */
import { ToolMessage } from '@langchain/core/messages';
import type { AnyTool } from '../../tools/define.js';
import type { ToolResult } from '../../tools/run-tool.js';
import { inputJsonSchema } from '../../tools/json-schema.js';

/** OpenAI-style function definitions, accepted by every LangChain chat model's `bindTools`. */
export function modelToolDefs(tools: readonly AnyTool[]) {
  return tools.map((t) => ({
    type: 'function' as const,
    function: { name: t.name, description: t.description, parameters: inputJsonSchema(t.input) },
  }));
}

/** The tool message for a tool result: the output, or `{ error: { code, message, hint } }`. */
export function resultMessage(toolCallId: string, toolName: string, result: ToolResult): ToolMessage {
  if (result.ok) return new ToolMessage({ tool_call_id: toolCallId, name: toolName, content: JSON.stringify(result.output) });
  const { code, message, hint, details } = result.error;
  const error = { code, message, ...(hint ? { hint } : {}), ...(details.length ? { details: details.slice(0, 10) } : {}) };
  return new ToolMessage({ tool_call_id: toolCallId, name: toolName, status: 'error', content: JSON.stringify({ error }) });
}

/** A tool message for a call the graph answered itself (unknown tool, rejected, step limit). */
export function errorMessage(toolCallId: string, toolName: string, code: string, message: string, hint?: string): ToolMessage {
  return new ToolMessage({
    tool_call_id: toolCallId,
    name: toolName,
    status: 'error',
    content: JSON.stringify({ error: { code, message, ...(hint ? { hint } : {}) } }),
  });
}

/**
 * The write's idempotency key. Compatible servers reuse tool-call ids such as `call_0` on every
 * reply, so the turn's row id and the model step are part of it along with the thread and
 * tool-call ids; all four are fixed in the checkpoint, so a re-run node derives the same key.
 */
export function idempotencyKey(threadId: string, turnId: string, step: number, toolCallId: string): string {
  return `agent:${threadId}:${turnId}:${step}:${toolCallId}`;
}

/** One line a person can read: `add_note {"leadId":"5f2…","body":"Left voicemail"}`. */
export function approvalSummary(toolName: string, args: Record<string, unknown>, max = 240): string {
  const shown = Object.fromEntries(
    Object.entries(args).map(([k, v]) => [k, typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? `${v.slice(0, 8)}…` : v]),
  );
  const text = JSON.stringify(shown);
  return `${toolName} ${text.length > max ? `${text.slice(0, max - 1)}…` : text}`;
}
