/**
 * Adapter from a LangChain chat model to the domain's `TriageModel` port (src/crm/ports.ts): renders
 * prompts/triage-ticket.md with the customer's text fenced, and returns the model's raw answer
 * (the triage code validates it and falls back to its rules when it is unusable).
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { TriageModel } from '../crm/ports.js';
import { scrubSecrets } from '../crm/audit/scrub-secrets.js';
import { TRIAGE_PROMPT_FILE, triagePromptVars } from '../crm/tickets/triage/model.js';
import { loadPrompt, renderPrompt } from '../prompts.js';

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === 'string' ? p : ((p as { text?: string }).text ?? ''))).join('');
  return '';
}

export function createTriageModel(
  model: BaseChatModel,
  modelName: string,
  opts: { provider?: string; temperature?: number } = {},
): TriageModel {
  return {
    modelName,
    async classify(input, observe) {
      const prompt = renderPrompt(loadPrompt(TRIAGE_PROMPT_FILE), triagePromptVars(input));
      const started = performance.now();
      const turn = {
        type: 'triage' as const,
        model: modelName,
        provider: opts.provider ?? 'openai-compatible',
        prompt,
        temperature: opts.temperature,
      };
      try {
        const reply = await model.invoke([{ role: 'user', content: prompt }]);
        const text = textOf(reply.content);
        const usage = (reply as { usage_metadata?: { input_tokens?: number; output_tokens?: number; total_tokens?: number } })
          .usage_metadata;
        observe?.({
          ...turn,
          response: text,
          promptTokens: usage?.input_tokens,
          completionTokens: usage?.output_tokens,
          totalTokens: usage?.total_tokens,
          latencyMs: Math.round(performance.now() - started),
        });
        return text;
      } catch (err) {
        observe?.({
          ...turn,
          response: null,
          latencyMs: Math.round(performance.now() - started),
          error: scrubSecrets((err as Error).message).slice(0, 500),
        });
        throw err;
      }
    },
  };
}
