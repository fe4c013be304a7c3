/**
 * The prepare step the triaging tools (create_ticket, triage_ticket) share: it calls the triage
 * model outside the transaction. Not a tool. (The ticket's output shape is src/crm/views/ticket.ts.)
 */
import { runTriageModel, type ModelOutcome } from '../src/crm/tickets/triage/model.js';
import type { ToolContext } from './define.js';

/**
 * The prepare step of the triaging tools: asks the configured model (if any), outside the
 * transaction. Never throws for a model failure; the outcome says why it will not be used.
 */
export async function askTriageModel(
  ctx: Pick<ToolContext, 'services' | 'recordModelTurn'>,
  text: { subject: string; description: string },
): Promise<ModelOutcome | null> {
  const model = ctx.services.triageModel;
  return model
    ? runTriageModel({ modelName: model.modelName, classify: (input) => model.classify(input, ctx.recordModelTurn) }, text)
    : null;
}
