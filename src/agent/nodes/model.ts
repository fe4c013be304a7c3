/**
 * The model node: drops old turns over the token budget, renders the system prompt for the acting
 * user, streams the model's reply (text goes to the surface as it arrives) and normalises it.
 * It always streams: `ChatOpenAI.invoke()` with `streaming: true` estimates tokens with a
 * tokenizer fetched from the internet and hangs offline, `.stream()` does not.
 */
import { RemoveMessage, SystemMessage, type AIMessageChunk } from '@langchain/core/messages';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { AnyTool } from '../../../tools/define.js';
import type { ToolDeps } from '../../../tools/run-tool.js';
import { turnContext, type GraphDeps } from '../configuration.js';
import { normalizeReply, textOf } from '../normalize.js';
import type { AgentStateType, AgentStateUpdate } from '../state.js';
import { systemPrompt } from '../system-prompt.js';
import { modelToolDefs } from '../tools-adapter.js';
import { messagesToDrop } from '../trim.js';

export function makeModelNode(g: GraphDeps, tools: readonly AnyTool[], deps: ToolDeps) {
  if (!g.model.bindTools) throw new Error('the chat model cannot call tools (no bindTools); use a tool-calling model');
  const bound = g.model.bindTools(modelToolDefs(tools));
  const names = new Set(tools.map((t) => t.name));
  return async (state: AgentStateType, config: LangGraphRunnableConfig): Promise<AgentStateUpdate> => {
    const ctx = turnContext(config);
    const drop = messagesToDrop(state.messages, g.settings.tokenBudget);
    const history = state.messages.slice(drop.length);
    const system = new SystemMessage(
      systemPrompt({
        actor: ctx.actor,
        agencyTimezone: g.settings.agencyTimezone,
        businessHours: deps.settings.businessHours,
        now: deps.now?.() ?? new Date(),
        dropped: state.dropped + drop.length,
      }),
    );
    let full: AIMessageChunk | undefined;
    for await (const chunk of await bound.stream([system, ...history], { signal: config.signal })) {
      const text = textOf(chunk.content);
      if (text) ctx.onToken?.(text);
      full = full ? full.concat(chunk) : chunk;
    }
    if (!full) throw new Error('the model returned an empty stream');
    const reply = normalizeReply(full, names);
    const usage = reply.usage_metadata;
    const turn = state.turn;
    return {
      messages: [...drop.map((m) => new RemoveMessage({ id: m.id! })), reply],
      dropped: drop.length,
      turn: {
        ...turn,
        steps: turn.steps + 1,
        usage: {
          promptTokens: turn.usage.promptTokens + (usage?.input_tokens ?? 0),
          completionTokens: turn.usage.completionTokens + (usage?.output_tokens ?? 0),
          totalTokens: turn.usage.totalTokens + (usage?.total_tokens ?? 0),
        },
        toolCalls: [...turn.toolCalls, ...(reply.tool_calls ?? []).map((c) => ({ id: c.id!, name: c.name, args: c.args }))],
      },
    };
  };
}
