import { z } from 'zod';
import { getLeadContext, leadContextQuery, leadContextView } from '../src/crm/views/lead-context.js';
import { embedQuestion } from '../src/crm/knowledge/vector-arm.js';
import { defineTool, READ_ONLY } from './define.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const getLeadContextInput = z.strictObject({
  leadId: z.uuid().describe(FIELD.leadId),
  question: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .describe('What to rank records against; default: what matters for its line and status.'),
});

export const getLeadContextTool = defineTool({
  name: 'get_lead_context',
  title: 'Brief me on a lead',
  description: 'A briefing on a lead: one-line summary, open work, latest events and the records most relevant to a question.',
  input: getLeadContextInput,
  output: leadContextView,
  annotations: READ_ONLY,
  scope: 'crm:read',
  // Embedding the question may be a network call: outside any transaction.
  // leadContextQuery reads the lead (NOT_FOUND for an unknown one) even when a question is given.
  async prepare(input, ctx) {
    return embedQuestion(ctx.services.embedder, await leadContextQuery(ctx.db, input.leadId, input.question));
  },
  // The outline `text` (for prompts) would repeat the structured answer: it is not returned.
  handler: async (input, ctx, prepared) => {
    const { text: _outline, ...context } = await getLeadContext(ctx.db, undefined, input.leadId, {
      question: input.question,
      vector: prepared.vector,
      fence: ctx.fence,
      now: ctx.now,
      rrfK: ctx.settings.rrfK,
      book: ctx.book,
    });
    return context;
  },
  summarize: (o) => `context of lead ${o.leadId}: ${o.highlights.length} events, ${o.relevant.length} relevant (${o.mode})`,
});
