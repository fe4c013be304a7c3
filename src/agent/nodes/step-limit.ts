/**
 * Ends a turn whose model keeps calling tools: the unanswered calls get a tool message (so the
 * thread stays valid for the next turn) and the user gets a clear reply.
 */
import { AIMessage } from '@langchain/core/messages';
import type { AgentStateType, AgentStateUpdate } from '../state.js';
import { errorMessage } from '../tools-adapter.js';
import { lastToolCalls } from './calls.js';

export function makeStepLimitNode(stepLimit: number) {
  return async (state: AgentStateType): Promise<AgentStateUpdate> => {
    const message = `I stopped after ${stepLimit} steps without finishing, so nothing more was done in this turn. Tell me how to narrow it down, or ask again in smaller parts.`;
    const answered = lastToolCalls(state.messages).map((c) =>
      errorMessage(c.id!, c.name, 'STEP_LIMIT', `Not run: the turn reached its limit of ${stepLimit} model steps.`),
    );
    return {
      messages: [...answered, new AIMessage(message)],
      turn: { ...state.turn, stop: { code: 'STEP_LIMIT', message: `The turn reached its limit of ${stepLimit} model steps.` } },
    };
  };
}
