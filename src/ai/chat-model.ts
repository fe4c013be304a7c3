/**
 * The chat-model factory. Production builds `ChatOpenAI` from config: OpenAI itself, or any
 * OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio) through OPENAI_BASE_URL.
 * Without a key or base URL there is no model, and features fall back to offline behaviour.
 */
import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../config.js';

export type ChatModelConfig = Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'CRM_CHAT_MODEL' | 'CRM_CHAT_TEMPERATURE'>;

/** True when a model is configured. */
export function hasChatModel(cfg: ChatModelConfig): boolean {
  return Boolean(cfg.OPENAI_API_KEY || cfg.OPENAI_BASE_URL);
}

export function createChatModel(cfg: ChatModelConfig, opts: { maxRetries?: number; timeoutMs?: number } = {}): ChatOpenAI | undefined {
  if (!hasChatModel(cfg)) return undefined;
  return new ChatOpenAI({
    model: cfg.CRM_CHAT_MODEL,
    temperature: cfg.CRM_CHAT_TEMPERATURE,
    // Local OpenAI-compatible servers ignore the key, but the client requires one.
    apiKey: cfg.OPENAI_API_KEY ?? 'not-needed-for-local-server',
    configuration: cfg.OPENAI_BASE_URL ? { baseURL: cfg.OPENAI_BASE_URL } : undefined,
    maxRetries: opts.maxRetries ?? 2,
    timeout: opts.timeoutMs ?? 30_000,
  });
}
