/**
 * The chat-model factory. Production builds `ChatOpenAI` from config: OpenAI itself, or any
 * OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio) through OPENAI_BASE_URL.
 * Without a key or base URL there is no model, and features fall back to offline behaviour
 * (the agent's surfaces print `NO_CHAT_MODEL_HELP`).
 *
 * Nothing here may reach the internet on its own: `ChatOpenAI` counts tokens with a tokenizer it
 * downloads (and retries for minutes offline, e.g. in `invoke()` with `streaming: true`), so
 * token counting is an estimate here. Reply quirks of compatible servers (missing tool-call ids,
 * bad argument strings, tool calls in the text) are normalised by the agent (src/agent/normalize.ts)
 * for every model.
 */
import type { MessageContent } from '@langchain/core/messages';
import { ChatOpenAI, ChatOpenAICompletions, ChatOpenAIResponses, type ChatOpenAIFields } from '@langchain/openai';
import type { Config } from '../config.js';

export type ChatModelConfig = Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'CRM_CHAT_MODEL' | 'CRM_CHAT_TEMPERATURE'> &
  Partial<Pick<Config, 'CRM_CHAT_TIMEOUT_MS' | 'CRM_CHAT_MAX_RETRIES'>>;

/** What `chat` and Slack say when no model is configured. */
export const NO_CHAT_MODEL_HELP = [
  'No chat model is configured, so the agent cannot answer. Set one of:',
  '  OPENAI_API_KEY=sk-...                      (OpenAI; CRM_CHAT_MODEL defaults to gpt-4o-mini)',
  '  OPENAI_BASE_URL=http://127.0.0.1:11434/v1  (an OpenAI-compatible server: Ollama, vLLM, llama.cpp, LM Studio)',
  '  CRM_CHAT_MODEL=llama3.1                    (a model that supports tool calling)',
  'in the environment or .env, then start again. The MCP server (crm-agent mcp / serve) works without a model.',
].join('\n');

/** True when a model is configured. */
export function hasChatModel(cfg: ChatModelConfig): boolean {
  return Boolean(cfg.OPENAI_API_KEY || cfg.OPENAI_BASE_URL);
}

/** `openai`, or `openai-compatible` for a base URL that is not api.openai.com; recorded with every turn. */
export function chatProvider(cfg: Pick<Config, 'OPENAI_BASE_URL'>): string {
  return cfg.OPENAI_BASE_URL && !/^https:\/\/api\.openai\.com\//.test(cfg.OPENAI_BASE_URL) ? 'openai-compatible' : 'openai';
}

/**
 * Retries what a retry can fix: 429 (with or without Retry-After; LangChain's default gives up on
 * a headerless one), 5xx, 408 and dropped connections, with LangChain's exponential backoff.
 * A timeout is not retried: the user has already waited the whole timeout once.
 */
export function retryOnlyTransient(error: unknown): void {
  const e = error as { status?: number; response?: { status?: number }; name?: string; message?: string };
  const status = e?.status ?? e?.response?.status;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || /^(Cancel|AbortError)/.test(e?.message ?? '')) throw error;
  if (typeof status === 'number' && status < 500 && status !== 408 && status !== 429) throw error;
}

/** About four characters a token: no tokenizer download. */
async function estimateTokens(content: MessageContent): Promise<number> {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return Math.ceil(text.length / 4);
}

class OfflineCompletions extends ChatOpenAICompletions {
  override getNumTokens = estimateTokens;
}
class OfflineResponses extends ChatOpenAIResponses {
  override getNumTokens = estimateTokens;
}

/**
 * `ChatOpenAI` with offline token counting. ChatOpenAI delegates the requests to inner
 * completions/responses models, which count tokens themselves: those are replaced too.
 */
export class OfflineChatOpenAI extends ChatOpenAI {
  constructor(fields: ChatOpenAIFields) {
    super({ ...fields, completions: new OfflineCompletions(fields), responses: new OfflineResponses(fields) });
  }
  override getNumTokens = estimateTokens;
}

export function createChatModel(
  cfg: ChatModelConfig,
  opts: { maxRetries?: number; timeoutMs?: number; fields?: Partial<ChatOpenAIFields> } = {},
): OfflineChatOpenAI | undefined {
  if (!hasChatModel(cfg)) return undefined;
  return new OfflineChatOpenAI({
    model: cfg.CRM_CHAT_MODEL,
    temperature: cfg.CRM_CHAT_TEMPERATURE,
    // Local OpenAI-compatible servers ignore the key, but the client requires one.
    apiKey: cfg.OPENAI_API_KEY ?? 'not-needed-for-local-server',
    configuration: cfg.OPENAI_BASE_URL ? { baseURL: cfg.OPENAI_BASE_URL } : undefined,
    maxRetries: opts.maxRetries ?? cfg.CRM_CHAT_MAX_RETRIES ?? 2,
    timeout: opts.timeoutMs ?? cfg.CRM_CHAT_TIMEOUT_MS ?? 30_000,
    onFailedAttempt: retryOnlyTransient,
    ...opts.fields,
  });
}
