/**
 * A chat model that plays back a script, for tests, benchmarks and the eval runner: each call
 * takes the next step (a reply, a function of the messages it received, or an error to throw)
 * and records what it was sent. It streams text word by word, like a real model, and accepts
 * `bindTools` (the tools it was given are kept in `boundTools`).
 */
import { randomUUID } from 'node:crypto';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BindToolsInput } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';

export interface ScriptedReply {
  text?: string;
  toolCalls?: { name: string; args: Record<string, unknown>; id?: string }[];
}
export type ScriptStep = ScriptedReply | Error | ((messages: BaseMessage[]) => ScriptedReply);

const chars = (ms: BaseMessage[]) =>
  ms.reduce((n, m) => n + (typeof m.content === 'string' ? m.content.length : JSON.stringify(m.content).length), 0);

export class ScriptedChatModel extends BaseChatModel {
  /** Every call's messages, in order (system prompt first). */
  readonly calls: BaseMessage[][] = [];
  boundTools: BindToolsInput[] = [];
  private readonly script: ScriptStep[];

  constructor(script: ScriptStep[] = []) {
    super({});
    this.script = [...script];
  }

  _llmType(): string {
    return 'scripted';
  }

  /** Appends steps to the script. */
  push(...steps: ScriptStep[]): this {
    this.script.push(...steps);
    return this;
  }

  /** Drops the steps not yet played (the eval runner, after a turn that ended early). */
  clear(): void {
    this.script.length = 0;
  }

  /** Steps not yet played. */
  get remaining(): number {
    return this.script.length;
  }

  override bindTools(tools: BindToolsInput[]): this {
    this.boundTools = tools;
    return this;
  }

  private next(messages: BaseMessage[]): AIMessage {
    this.calls.push([...messages]);
    const step = this.script.shift();
    if (step === undefined) throw new Error('scripted model: no reply left in the script');
    if (step instanceof Error) throw step;
    const reply = typeof step === 'function' ? step(messages) : step;
    const text = reply.text ?? '';
    const input = Math.ceil(chars(messages) / 4);
    const output = Math.ceil((text.length + JSON.stringify(reply.toolCalls ?? []).length) / 4);
    return new AIMessage({
      content: text,
      tool_calls: (reply.toolCalls ?? []).map((c) => ({
        id: c.id ?? `call_${randomUUID().slice(0, 8)}`,
        name: c.name,
        args: c.args,
        type: 'tool_call' as const,
      })),
      usage_metadata: { input_tokens: input, output_tokens: output, total_tokens: input + output },
    });
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.next(messages);
    return { generations: [{ message, text: typeof message.content === 'string' ? message.content : '' }] };
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    _options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const message = this.next(messages);
    const text = typeof message.content === 'string' ? message.content : '';
    for (const word of text.match(/\S+\s*|\s+/g) ?? []) {
      yield new ChatGenerationChunk({ message: new AIMessageChunk({ content: word }), text: word });
      await runManager?.handleLLMNewToken(word);
    }
    yield new ChatGenerationChunk({
      text: '',
      message: new AIMessageChunk({
        content: '',
        tool_call_chunks: (message.tool_calls ?? []).map((c, index) => ({
          id: c.id,
          name: c.name,
          args: JSON.stringify(c.args),
          index,
          type: 'tool_call_chunk' as const,
        })),
        usage_metadata: message.usage_metadata,
      }),
    });
  }
}
