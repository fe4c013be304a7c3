/** Where the graph goes after the model speaks. */
import { END } from '@langchain/langgraph';
import type { AnyTool } from '../../../tools/define.js';
import type { AgentStateType } from '../state.js';
import { lastToolCalls, needsApproval } from './calls.js';

export function makeRoute(byName: ReadonlyMap<string, AnyTool>, stepLimit: number) {
  return (state: AgentStateType): 'approve' | 'tools' | 'stepLimit' | typeof END => {
    const calls = lastToolCalls(state.messages);
    if (!calls.length) return END;
    if (state.turn.steps >= stepLimit) return 'stepLimit';
    return calls.some((c) => needsApproval(byName.get(c.name), c.args)) ? 'approve' : 'tools';
  };
}
