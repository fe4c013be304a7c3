/**
 * The tools step: runs the last model message's tool calls in order through `runTool`, the same
 * audited path as MCP. Read-only calls run at once; a write runs only with a person's approval
 * (the approval step's decision), with the arguments as edited, and with an idempotency key
 * derived from the thread, the turn and the tool-call id, so a re-run writes nothing twice.
 * Every call becomes a tool message: the output, or the error for the model to recover from.
 */
import type { ToolMessage } from '@langchain/core/messages';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { AnyTool } from '../../../tools/define.js';
import { runTool, type ToolDeps } from '../../../tools/run-tool.js';
import { threadIdOf, turnContext } from '../configuration.js';
import { INVALID_ARGS } from '../normalize.js';
import type { AgentStateType, AgentStateUpdate } from '../state.js';
import { errorMessage, idempotencyKey, resultMessage } from '../tools-adapter.js';
import { lastToolCalls } from './calls.js';

export function makeToolsNode(deps: ToolDeps, byName: ReadonlyMap<string, AnyTool>) {
  return async (state: AgentStateType, config: LangGraphRunnableConfig): Promise<AgentStateUpdate> => {
    const ctx = turnContext(config);
    const threadId = threadIdOf(config);
    const out: ToolMessage[] = [];
    for (const call of lastToolCalls(state.messages)) {
      const id = call.id!;
      const tool = byName.get(call.name);
      if (!tool) {
        out.push(
          errorMessage(id, call.name, 'NOT_FOUND', `There is no tool "${call.name}".`, `Use one of: ${[...byName.keys()].join(', ')}.`),
        );
        continue;
      }
      if (INVALID_ARGS in call.args) {
        out.push(
          errorMessage(
            id,
            call.name,
            'VALIDATION',
            `The arguments of this ${call.name} call were not a JSON object: ${String(call.args[INVALID_ARGS]).slice(0, 200)}`,
            'Call the tool again with a JSON object that matches its input schema.',
          ),
        );
        continue;
      }
      let args = call.args;
      const write = !tool.annotations.readOnlyHint;
      if (write && tool.input.safeParse(args).success) {
        const d = state.decisions[id];
        if (!d || d.decision === 'reject') {
          const reason = d?.decision === 'reject' ? d.reason.trim() : 'it was not approved';
          out.push(
            errorMessage(
              id,
              call.name,
              'REJECTED',
              `The user rejected this ${call.name} call${reason ? `: ${reason}` : ''}. Nothing was written.`,
              'Do not propose the same write again; ask the user what they want instead.',
            ),
          );
          continue;
        }
        if (d.decision === 'edit') args = d.args;
      }
      // Invalid arguments of a write reach runTool too: it answers VALIDATION and writes nothing.
      const result = await runTool(deps, tool, args, {
        actor: ctx.actor,
        channel: ctx.channel,
        threadId,
        parentInteractionId: state.turn.interactionId,
        ...(write ? { idempotencyKey: idempotencyKey(threadId, state.turn.interactionId, state.turn.steps, id) } : {}),
      });
      out.push(resultMessage(id, call.name, result));
    }
    return { messages: out, decisions: {} };
  };
}
