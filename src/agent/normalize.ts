/**
 * Normalises a chat model's reply before the graph acts on it. OpenAI-compatible servers (Ollama,
 * vLLM, llama.cpp, LM Studio) differ from OpenAI in small ways that would otherwise break a turn:
 * tool calls without ids, argument strings that are empty, double-encoded or not JSON,
 * `content: null`, or tool calls written into the text instead of `tool_calls`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { AIMessage, type AIMessageChunk, type ToolCall } from '@langchain/core/messages';

/** Argument key that marks a call whose arguments could not be parsed; the tools step answers it with an error. */
export const INVALID_ARGS = '__invalid_arguments';

const newId = () => `call_${randomBytes(6).toString('hex')}`;

function parseArgs(raw: unknown): Record<string, unknown> {
  let value = raw;
  for (let i = 0; i < 2 && typeof value === 'string'; i++) {
    const text = value.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
    if (!text) return {};
    try {
      value = JSON.parse(text);
    } catch {
      return { [INVALID_ARGS]: String(raw).slice(0, 2000) };
    }
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return { [INVALID_ARGS]: JSON.stringify(value).slice(0, 2000) };
  return value as Record<string, unknown>;
}

export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === 'string' ? p : ((p as { text?: string }).text ?? ''))).join('');
  return '';
}

/** `<tool_call>{...}</tool_call>` blocks, or a reply that is nothing but `{"name": ..., "arguments": ...}`. */
function toolCallsInText(text: string, toolNames: ReadonlySet<string>): { calls: ToolCall[]; rest: string } | null {
  const found: ToolCall[] = [];
  const candidates: { json: string; whole: string }[] = [];
  for (const m of text.matchAll(/<tool_call>\s*([\s\S]*?)\s*<\/tool_call>/g)) candidates.push({ json: m[1]!, whole: m[0] });
  const bare = text.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
  if (!candidates.length && bare.startsWith('{') && bare.endsWith('}')) candidates.push({ json: bare, whole: text });
  let rest = text;
  for (const c of candidates) {
    let obj: unknown;
    try {
      obj = JSON.parse(c.json);
    } catch {
      continue;
    }
    const o = obj as { name?: unknown; arguments?: unknown; parameters?: unknown };
    if (typeof o?.name !== 'string' || !toolNames.has(o.name)) continue;
    found.push({ id: newId(), name: o.name, args: parseArgs(o.arguments ?? o.parameters ?? {}), type: 'tool_call' });
    rest = rest.replace(c.whole, '');
  }
  return found.length ? { calls: found, rest: rest.trim() } : null;
}

/** A clean AIMessage: every tool call has a unique id and object arguments. */
export function normalizeReply(msg: AIMessage | AIMessageChunk, toolNames: ReadonlySet<string>): AIMessage {
  let content = textOf(msg.content);
  const calls: ToolCall[] = (msg.tool_calls ?? []).map((c) => ({ ...c, args: parseArgs(c.args), type: 'tool_call' as const }));
  for (const bad of msg.invalid_tool_calls ?? []) {
    calls.push({ id: bad.id ?? undefined, name: bad.name ?? 'unknown_tool', args: parseArgs(bad.args ?? ''), type: 'tool_call' });
  }
  if (!calls.length && content) {
    const inText = toolCallsInText(content, toolNames);
    if (inText) {
      calls.push(...inText.calls);
      content = inText.rest;
    }
  }
  const seen = new Set<string>();
  for (const c of calls) {
    if (!c.id || seen.has(c.id)) c.id = newId();
    seen.add(c.id);
  }
  return new AIMessage({
    content,
    tool_calls: calls,
    // Compatible servers reuse response ids ("chatcmpl-1"); the messages reducer would then
    // replace an earlier reply with this one, so every reply gets its own id.
    id: randomUUID(),
    usage_metadata: msg.usage_metadata,
    response_metadata: msg.response_metadata,
  });
}
