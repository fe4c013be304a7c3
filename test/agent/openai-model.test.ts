/**
 * The agent with the real `@langchain/openai` client (built by src/ai/chat-model.ts) against the
 * OpenAI-compatible stub on loopback: streamed tool calls, a 429 then success, a 500, a
 * timeout, malformed tool calls, tool calls written as text, and no network for token counting.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChatOpenAI } from '@langchain/openai';
import { testConfig } from '../../src/config.js';
import { createChatModel } from '../../src/ai/chat-model.js';
import { createAgentRunner } from '../../src/agent/runner.js';
import { createCheckpointer } from '../../src/db/checkpoints.js';
import { useDatabase } from '../helpers/db.js';
import { actorOf, makeLead, makeUser, toolDeps } from '../helpers/fixtures.js';
import { startOpenAIStub, type OpenAIStub } from '../helpers/openai-stub.js';
import { rowsOfThread, SETTINGS, threadId } from './agent-helpers.js';

const database = useDatabase();
let stub: OpenAIStub;
beforeAll(async () => {
  stub = await startOpenAIStub();
});
afterAll(async () => {
  await stub?.close();
});
afterEach(() => {
  stub.requests.length = 0;
});

function runner(timeoutMs = 10_000) {
  const model = createChatModel(testConfig({ OPENAI_BASE_URL: stub.baseURL, CRM_CHAT_MODEL: 'stub-chat-1' }), { timeoutMs })!;
  return createAgentRunner({
    deps: toolDeps(database().db),
    model,
    checkpointer: createCheckpointer(database().pool),
    settings: { ...SETTINGS, modelName: 'stub-chat-1', provider: 'openai-compatible' },
  });
}

async function actorAndLead() {
  const { db } = database();
  return { actor: actorOf(await makeUser(db)), lead: await makeLead(db) };
}

type Sent = { role: string; content: unknown; tool_call_id?: string; tool_calls?: { id: string }[] };
const sentMessages = (i: number) => stub.requests[i]!.body.messages as Sent[];

describe('agent with ChatOpenAI against an OpenAI-compatible stub', () => {
  it('streams, runs scripted tool calls, and audits usage', async () => {
    const { actor, lead } = await actorAndLead();
    stub.push({ toolCalls: [{ name: 'get_lead', args: { leadId: lead.id } }] }, { content: 'The lead is new and unassigned.' });
    const tokens: string[] = [];
    const t = threadId();
    const r = await runner().send({ threadId: t, actor, channel: 'cli', text: 'status?', onToken: (x) => tokens.push(x) });
    expect(r).toMatchObject({ status: 'done', reply: 'The lead is new and unassigned.' });
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.join('')).toBe('The lead is new and unassigned.');
    expect(stub.requests).toHaveLength(2);
    expect(stub.requests[0]!.body.stream).toBe(true);
    expect((stub.requests[0]!.body.tools as { function: { name: string } }[]).map((x) => x.function.name)).toContain('add_note');
    const tool = sentMessages(1).find((m) => m.role === 'tool')!;
    expect(tool.tool_call_id).toBe('call_0');
    expect(JSON.parse(String(tool.content)).lead.id).toBe(lead.id);
    const chat = (await rowsOfThread(database().db, t)).find((x) => x.type === 'chat')!;
    expect(chat).toMatchObject({
      model: 'stub-chat-1',
      provider: 'openai-compatible',
      promptTokens: 22,
      completionTokens: 14,
      totalTokens: 36,
    });
  });

  it('retries a 429 (no Retry-After) and succeeds', async () => {
    const { actor } = await actorAndLead();
    stub.push({ status: 429, body: { error: { message: 'slow down', type: 'rate_limit' } } }, { content: 'Hello.' });
    const r = await runner().send({ threadId: threadId(), actor, channel: 'cli', text: 'hi' });
    expect(r).toMatchObject({ status: 'done', reply: 'Hello.' });
    expect(stub.requests).toHaveLength(2);
  });

  it('a 500 that persists fails the turn after the retries, with a row', async () => {
    const { actor } = await actorAndLead();
    stub.push({ status: 500 }, { status: 500 }, { status: 500 });
    const t = threadId();
    const r = await runner().send({ threadId: t, actor, channel: 'cli', text: 'hi' });
    expect(r.status).toBe('failed');
    expect(r.error?.code).toBe('MODEL_ERROR');
    expect(stub.requests).toHaveLength(3);
    const [row] = await rowsOfThread(database().db, t);
    expect(row).toMatchObject({ type: 'chat', errorCode: 'MODEL_ERROR', response: r.reply });
  });

  it('a model slower than the timeout fails the turn without retrying', async () => {
    const { actor } = await actorAndLead();
    stub.push({ delayMs: 5000, reply: { content: 'too late' } });
    const r = await runner(300).send({ threadId: threadId(), actor, channel: 'cli', text: 'hi' });
    expect(r.status).toBe('failed');
    expect(r.error?.code).toBe('MODEL_TIMEOUT');
    expect(r.reply).toMatch(/did not answer in time/);
    expect(stub.requests).toHaveLength(1);
  });

  it('malformed tool calls (no id, empty and non-JSON arguments, content null) become errors the model can fix', async () => {
    const { actor } = await actorAndLead();
    stub.push(
      {
        message: {
          content: null,
          tool_calls: [
            { type: 'function', function: { name: 'get_lead', arguments: '' } },
            { id: 'call_bad', type: 'function', function: { name: 'search_leads', arguments: '{query: nope' } },
          ],
        },
      },
      { content: 'Let me ask instead.' },
    );
    const t = threadId();
    const r = await runner().send({ threadId: t, actor, channel: 'cli', text: 'find it' });
    expect(r).toMatchObject({ status: 'done', reply: 'Let me ask instead.' });
    const second = sentMessages(1);
    const assistant = second.find((m) => m.role === 'assistant')!;
    const ids = assistant.tool_calls!.map((c) => c.id);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    const tools = second.filter((m) => m.role === 'tool');
    expect(tools.map((m) => m.tool_call_id)).toEqual(ids);
    expect(tools.map((m) => JSON.parse(String(m.content)).error.code)).toEqual(['VALIDATION', 'VALIDATION']);
    expect(String(tools[1]!.content)).toMatch(/not a JSON object/);
  });

  it('a tool call written into the text is run as a tool call', async () => {
    const { actor, lead } = await actorAndLead();
    stub.push({ content: `<tool_call>{"name": "get_lead", "arguments": {"leadId": "${lead.id}"}}</tool_call>` }, { content: 'Done.' });
    const t = threadId();
    const r = await runner().send({ threadId: t, actor, channel: 'cli', text: 'show it' });
    expect(r).toMatchObject({ status: 'done', reply: 'Done.' });
    const rows = await rowsOfThread(database().db, t);
    expect(rows.filter((x) => x.type === 'tool_call')).toMatchObject([{ toolName: 'get_lead', errorCode: null }]);
  });

  it('counts tokens without the network, even with streaming: true and invoke()', async () => {
    const offline: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!/^http:\/\/127\.0\.0\.1[:/]/.test(url)) {
        offline.push(url);
        throw new TypeError('fetch failed (test: no network)');
      }
      return realFetch(input, init);
    }) as typeof fetch;
    try {
      const model = createChatModel(testConfig({ OPENAI_BASE_URL: stub.baseURL }), { fields: { streaming: true } })!;
      stub.push({ content: 'pong' });
      const reply = await model.invoke('ping');
      expect(reply.content).toBe('pong');
      expect(offline).toEqual([]);
      // The plain client would have gone to the internet for its tokenizer here.
      const plain = new ChatOpenAI({ apiKey: 'x', configuration: { baseURL: stub.baseURL }, streaming: true, maxRetries: 0 });
      await plain.getNumTokens('hello').catch(() => 0);
      expect(offline.length).toBeGreaterThan(0);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
