/**
 * Adapter from a LangChain chat model to the tools' `triageModel` service: renders
 * prompts/triage-ticket.md with the customer's text fenced, and returns the model's raw answer
 * (the triage code validates it and falls back to its rules when it is unusable).
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { TRIAGE_PROMPT_FILE, triagePromptVars } from '../crm/triage/model.js';
import { loadPrompt, renderPrompt } from '../prompts.js';

export interface TriageModelService {
  modelName: string;
  classify(input: { subject: string; description: string }): Promise<unknown>;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === 'string' ? p : ((p as { text?: string }).text ?? ''))).join('');
  return '';
}

export function createTriageModel(model: BaseChatModel, modelName: string): TriageModelService {
  return {
    modelName,
    async classify(input) {
      const prompt = renderPrompt(loadPrompt(TRIAGE_PROMPT_FILE), triagePromptVars(input));
      const reply = await model.invoke([{ role: 'user', content: prompt }]);
      return textOf(reply.content);
    },
  };
}
