import { z } from 'zod';
import { calendarFromSettings } from '../src/crm/sla.js';
import { requireTicket } from '../src/crm/tickets.js';
import { triageTicket } from '../src/crm/triage/triage.js';
import { defineTool, IDEMPOTENT_WRITE } from './define.js';
import { askTriageModel, similarTicketView, ticketView, toSimilarView, toTicketView } from './ticket-views.js';

export const triageTicketInput = z.strictObject({
  ticketId: z.uuid().describe('Ticket to triage (from list_tickets or create_ticket).'),
  apply: z
    .boolean()
    .default(true)
    .describe(
      'Also set category, priority and SLA due time where no person has set them (human-set values are never changed). Default true.',
    ),
});

export const triageTicketOutput = z.object({
  ticket: ticketView.describe('The ticket after triage; results in its ai* fields.'),
  similarResolved: z.array(similarTicketView).describe('Up to 3 similar resolved tickets with their resolutions, best first.'),
  suggestedAssigneeReason: z.string().describe('Why that assignee is suggested.'),
  applied: z
    .object({
      category: z.boolean().describe('Category was set from triage.'),
      priority: z.boolean().describe('Priority was set from triage.'),
      slaDueAt: z.boolean().describe('SLA due time was recomputed.'),
    })
    .describe('Which ticket fields triage filled (false where a person had set them or apply was false).'),
  fallbackReason: z.string().nullable().describe('Why the configured model was not used and the rules classified instead; null otherwise.'),
});

export const triageTicketTool = defineTool({
  name: 'triage_ticket',
  title: 'Triage a service ticket',
  description:
    'Classifies a ticket: category, priority and SLA, sentiment, language, urgency signals, suggested assignee and resolution, similar resolved tickets, rationale, confidence. With apply, fills category/priority no person set. Safe to repeat. Customer text fenced.',
  input: triageTicketInput,
  output: triageTicketOutput,
  annotations: IDEMPOTENT_WRITE,
  scope: 'crm:write',
  // Read the text and ask the model before the transaction opens; the handler re-checks the text.
  async prepare(input, ctx) {
    if (!ctx.services.triageModel) return null;
    const t = await requireTicket(ctx.db, input.ticketId);
    return askTriageModel(ctx, { subject: t.subject, description: t.description });
  },
  async handler(input, ctx, model) {
    const r = await triageTicket(ctx.db, input.ticketId, {
      apply: input.apply,
      calendar: calendarFromSettings(ctx.settings),
      now: ctx.now,
      model,
    });
    return {
      ticket: toTicketView(r.ticket, ctx),
      similarResolved: r.similar.map((s) => toSimilarView(s, ctx)),
      suggestedAssigneeReason: r.assignee.reason,
      applied: r.applied,
      fallbackReason: r.fallbackReason,
    };
  },
  summarize: (o) =>
    `T-${o.ticket.ticketNumber}: ${o.ticket.aiCategory}/${o.ticket.aiPriority} by ${o.ticket.aiModel} (${o.ticket.aiConfidence})`,
});
