/**
 * A small OpenAI-compatible HTTP server on loopback that serves scripted chat completions, so
 * the real `@langchain/openai` client can be exercised offline. Each request takes the next
 * scripted reply; requests are recorded for assertions.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubReply = { status: number; body?: unknown } | { content: string } | { toolCalls: { name: string; args: Record<string, unknown> }[] };

export interface OpenAIStub {
  baseURL: string;
  requests: { path: string; body: Record<string, unknown>; headers: http.IncomingHttpHeaders }[];
  push(...replies: StubReply[]): void;
  close(): Promise<void>;
}

function completion(model: string, reply: Exclude<StubReply, { status: number }>) {
  const message =
    'content' in reply
      ? { role: 'assistant', content: reply.content }
      : {
          role: 'assistant',
          content: null,
          tool_calls: reply.toolCalls.map((t, i) => ({ id: `call_${i}`, type: 'function', function: { name: t.name, arguments: JSON.stringify(t.args) } })),
        };
  return {
    id: 'chatcmpl-stub',
    object: 'chat.completion',
    created: 1_795_000_000,
    model,
    choices: [{ index: 0, message, finish_reason: 'content' in reply ? 'stop' : 'tool_calls' }],
    usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
  };
}

export async function startOpenAIStub(): Promise<OpenAIStub> {
  const queue: StubReply[] = [];
  const requests: OpenAIStub['requests'] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      requests.push({ path: req.url ?? '', body, headers: req.headers });
      const reply = queue.shift() ?? { status: 500, body: { error: { message: 'stub: no scripted reply left' } } };
      res.setHeader('content-type', 'application/json');
      if ('status' in reply) {
        res.statusCode = reply.status;
        res.end(JSON.stringify(reply.body ?? { error: { message: `stub status ${reply.status}` } }));
        return;
      }
      res.end(JSON.stringify(completion(String(body.model ?? 'stub-model'), reply)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    push: (...r) => queue.push(...r),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
