import { z } from 'zod';
import { getLeadContext, leadContextQuery } from '../src/crm/views/lead-context.js';
import { requireLead } from '../src/crm/leads/lookup.js';
import { SOURCE_TYPES } from '../src/crm/knowledge/sources.js';
import { embedQuestion } from '../src/crm/knowledge/vector-arm.js';
import { defineTool, READ_ONLY } from './define.js';
import { followUpView, ticketCardView } from '../src/crm/views/schemas.js';
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

const highlight = z.object({
  kind: z.enum(['communication', 'note', 'follow_up', 'ticket']).describe('Kind of event.'),
  id: z.uuid().describe('Id of the record.'),
  at: z.string().describe(FIELD.at),
  title: z.string().describe('One line about the event (our own text).'),
  text: z.string().nullable().describe('Customer-written text, truncated and fenced, or null.'),
});

const relevant = z.object({
  sourceType: z.enum(SOURCE_TYPES).describe(FIELD.sourceType),
  sourceId: z.uuid().describe('Id of the record (cite it).'),
  occurredAt: z.string().nullable().describe(FIELD.at),
  score: z.number().describe('Fused relevance to the question (higher is better).'),
  snippet: z.string().describe('The relevant passage, fenced.'),
});

export const getLeadContextOutput = z.object({
  leadId: z.uuid().describe('The lead.'),
  clientId: z.uuid().describe('Its client.'),
  clientName: z.string().describe('Client display name.'),
  summary: z.string().describe('The lead in one line: line, status, x-date, carrier, premiums, assignee, next follow-up.'),
  query: z.string().describe('What the relevant items were ranked against.'),
  mode: z.enum(['hybrid', 'fulltext']).describe('hybrid: words and meaning; fulltext: words only (no embedding model).'),
  highlights: z.array(highlight).describe('Latest events.'),
  relevant: z.array(relevant).describe('Records most relevant to the question.'),
  openFollowUps: z.array(followUpView).describe('Soonest first.'),
  openTickets: z.array(ticketCardView).describe("The client's."),
});

export const getLeadContextTool = defineTool({
  name: 'get_lead_context',
  title: 'Brief me on a lead',
  description: 'A briefing on a lead: one-line summary, open work, latest events and the records most relevant to a question.',
  input: getLeadContextInput,
  output: getLeadContextOutput,
  annotations: READ_ONLY,
  scope: 'crm:read',
  // Embedding the question may be a network call: outside any transaction.
  async prepare(input, ctx) {
    await requireLead(ctx.db, input.leadId);
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
