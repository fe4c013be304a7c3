/**
 * A small OpenAI-compatible HTTP server on loopback that serves scripted chat completions, so
 * the real `@langchain/openai` client can be exercised offline. Each request takes the next
 * scripted reply; requests are recorded for assertions. A request with `stream: true` is answered
 * as server-sent events (text in small pieces, tool calls in argument fragments, usage last when
 * `stream_options.include_usage` asks for it).
 *
 * Replies: `{ content }`, `{ toolCalls }` (both may be combined), `{ message }` (a raw assistant
 * message, for the quirks of compatible servers: missing ids, `content: null`, bad argument
 * strings), `{ status, body?, headers? }` (an HTTP error), `{ delayMs, reply }` (a slow answer).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

type ToolCallSpec = { name: string; args: Record<string, unknown>; id?: string };
type Answer =
  { content: string; toolCalls?: ToolCallSpec[] } | { toolCalls: ToolCallSpec[]; content?: string } | { message: Record<string, unknown> };
export type StubReply =
  { status: number; body?: unknown; headers?: Record<string, string> } | Answer | { delayMs: number; reply: StubReply };

export interface OpenAIStub {
  baseURL: string;
  requests: { path: string; body: Record<string, unknown>; headers: http.IncomingHttpHeaders }[];
  push(...replies: StubReply[]): void;
  close(): Promise<void>;
}

const USAGE = { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 };

function messageOf(reply: Answer): Record<string, unknown> {
  if ('message' in reply) return { role: 'assistant', ...reply.message };
  const toolCalls = reply.toolCalls?.map((t, i) => ({
    id: t.id ?? `call_${i}`,
    type: 'function',
    function: { name: t.name, arguments: JSON.stringify(t.args) },
  }));
  return { role: 'assistant', content: reply.content ?? null, ...(toolCalls?.length ? { tool_calls: toolCalls } : {}) };
}

function completion(model: string, reply: Answer) {
  const message = messageOf(reply);
  return {
    id: 'chatcmpl-stub',
    object: 'chat.completion',
    created: 1_795_000_000,
    model,
    choices: [{ index: 0, message, finish_reason: message.tool_calls ? 'tool_calls' : 'stop' }],
    usage: USAGE,
  };
}

function streamChunks(model: string, reply: Answer, includeUsage: boolean): unknown[] {
  const message = messageOf(reply);
  const base = { id: 'chatcmpl-stub', object: 'chat.completion.chunk', created: 1_795_000_000, model };
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const out: unknown[] = [chunk({ role: 'assistant', content: '' })];
  const text = typeof message.content === 'string' ? message.content : '';
  for (const piece of text.match(/.{1,5}/gs) ?? []) out.push(chunk({ content: piece }));
  const calls = (message.tool_calls ?? []) as { id?: string; function: { name: string; arguments: string } }[];
  calls.forEach((c, index) => {
    const args = c.function.arguments ?? '';
    out.push(
      chunk({
        tool_calls: [
          { index, ...(c.id ? { id: c.id } : {}), type: 'function', function: { name: c.function.name, arguments: args.slice(0, 8) } },
        ],
      }),
    );
    if (args.length > 8) out.push(chunk({ tool_calls: [{ index, function: { arguments: args.slice(8) } }] }));
  });
  out.push(chunk({}, calls.length ? 'tool_calls' : 'stop'));
  if (includeUsage) out.push({ ...base, choices: [], usage: USAGE });
  return out;
}

export async function startOpenAIStub(): Promise<OpenAIStub> {
  const queue: StubReply[] = [];
  const requests: OpenAIStub['requests'] = [];
  const answer = (res: http.ServerResponse, body: Record<string, unknown>, reply: StubReply): void => {
    if ('delayMs' in reply) {
      const timer = setTimeout(() => answer(res, body, reply.reply), reply.delayMs);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body ?? { error: { message: `stub status ${reply.status}` } }));
      return;
    }
    const model = String(body.model ?? 'stub-model');
    if (body.stream === true) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const includeUsage = Boolean((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage);
      for (const c of streamChunks(model, reply, includeUsage)) res.write(`data: ${JSON.stringify(c)}\n\n`);
      res.end('data: [DONE]\n\n');
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(completion(model, reply)));
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      requests.push({ path: req.url ?? '', body, headers: req.headers });
      answer(res, body, queue.shift() ?? { status: 500, body: { error: { message: 'stub: no scripted reply left' } } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    push: (...r) => queue.push(...r),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
