/**
 * The wiring point between Slack and the agent: the real runner (src/agent/runner.ts) over the
 * configured chat model, with conversation checkpoints in the product's Postgres (so a restart,
 * or another instance, resumes a Slack thread's pending approval). Undefined without a model:
 * Slack then tells people how to configure one, and the MCP server is unaffected.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Runtime } from '../runtime.js';
import type { AgentRunner } from '../agent/types.js';
import { createAgentRunner } from '../agent/runner.js';
import { DEFAULT_AGENT_SETTINGS } from '../agent/configuration.js';
import { createChatModel } from '../ai/chat-model.js';
import { createCheckpointer } from '../db/checkpoints.js';

/** The runner `serve` gives Slack; `model` defaults to the configured one (tests pass a scripted model). */
export function slackAgentRunner(
  rt: Pick<Runtime, 'config' | 'database' | 'deps'>,
  model: BaseChatModel | undefined = createChatModel(rt.config),
): AgentRunner | undefined {
  if (!model) return undefined;
  return createAgentRunner({
    deps: rt.deps,
    model,
    checkpointer: createCheckpointer(rt.database.pool),
    settings: {
      ...DEFAULT_AGENT_SETTINGS,
      agencyTimezone: rt.config.CRM_AGENCY_TIMEZONE,
      modelName: rt.config.CRM_CHAT_MODEL,
      provider: rt.config.OPENAI_BASE_URL ? 'openai-compatible' : 'openai',
      temperature: rt.config.CRM_CHAT_TEMPERATURE,
    },
  });
}
