/** Builds the optional tool services (models, embedder) from config. */
import type { Config } from './config.js';
import type { ToolServices } from '../tools/define.js';
import { createChatModel } from './ai/chat-model.js';
import { createTriageModel } from './ai/triage-model.js';

export function toolServicesFromConfig(config: Config, extra: Partial<ToolServices> = {}): ToolServices {
  const chat = createChatModel(config);
  return {
    ...(chat
      ? {
          triageModel: createTriageModel(chat, config.CRM_CHAT_MODEL, {
            provider: config.OPENAI_BASE_URL ? 'openai-compatible' : 'openai',
            temperature: config.CRM_CHAT_TEMPERATURE,
          }),
        }
      : {}),
    ...extra,
  };
}
