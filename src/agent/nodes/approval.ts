/**
 * The approval step: every proposed call of a tool that is not read-only waits for a person,
 * one `interrupt()` per call, in the order the model proposed them. On resume LangGraph re-runs
 * this node from the start and answers the interrupts in order, so nothing before an interrupt
 * may write: this node only reads state. Calls with unparseable or invalid arguments are not
 * asked about; the tools step answers them with a validation error.
 */
import { interrupt } from '@langchain/langgraph';
import type { AnyTool } from '../../../tools/define.js';
import type { AgentStateType, AgentStateUpdate, ApprovalRecord } from '../state.js';
import { approvalSummary } from '../tools-adapter.js';
import type { ApprovalDecision, PendingApproval } from '../types.js';
import { lastToolCalls, needsApproval } from './calls.js';

export function makeApprovalNode(byName: ReadonlyMap<string, AnyTool>) {
  return async (state: AgentStateType): Promise<AgentStateUpdate> => {
    const decisions: Record<string, ApprovalDecision> = {};
    const records: ApprovalRecord[] = [];
    for (const call of lastToolCalls(state.messages)) {
      const tool = byName.get(call.name);
      if (!needsApproval(tool, call.args)) continue;
      const pending: PendingApproval = {
        toolCallId: call.id!,
        toolName: call.name,
        args: call.args,
        summary: approvalSummary(call.name, call.args),
      };
      // Not in a try/catch: interrupt() throws to pause the graph.
      const answer = interrupt<PendingApproval, ApprovalDecision>(pending);
      const decision: ApprovalDecision =
        answer?.toolCallId === call.id
          ? answer
          : { toolCallId: call.id!, decision: 'reject', reason: 'The decision did not name this call.' };
      decisions[call.id!] = decision;
      records.push({
        toolCallId: call.id!,
        toolName: call.name,
        decision: decision.decision,
        ...(decision.decision === 'reject' ? { reason: decision.reason } : {}),
      });
    }
    return { decisions, turn: { ...state.turn, approvals: [...state.turn.approvals, ...records] } };
  };
}
