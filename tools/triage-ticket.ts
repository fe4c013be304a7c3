import { z } from 'zod';
import { calendarFromSettings } from '../src/crm/tickets/sla.js';
import { requireTicket } from '../src/crm/tickets/create.js';
import { triageTicket } from '../src/crm/tickets/triage/triage.js';
import { defineTool, IDEMPOTENT_WRITE } from './define.js';
import { similarTicketView, similarTicketViewOf, ticketView, ticketViewOf } from '../src/crm/views/ticket.js';
import { askTriageModel } from './ticket-views.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const triageTicketInput = z.strictObject({
  ticketId: z.uuid().describe(FIELD.ticketId),
  apply: z.boolean().default(true).describe('Also set category, priority and SLA where no person set them.'),
});

export const triageTicketOutput = z.object({
  ticket: ticketView.describe('Triage results in ai* fields.'),
  similarResolved: z.array(similarTicketView).describe(FIELD.similarResolved),
  suggestedAssigneeReason: z.string().describe('Why that assignee is suggested.'),
  applied: z
    .object({
      category: z.boolean().describe('Category was set from triage.'),
      priority: z.boolean().describe('Priority was set from triage.'),
      slaDueAt: z.boolean().describe('SLA due time was recomputed.'),
    })
    .describe('Fields triage set.'),
  fallbackReason: z.string().nullable().describe(FIELD.triageFallbackReason),
});

export const triageTicketTool = defineTool({
  name: 'triage_ticket',
  title: 'Triage a ticket',
  description: 'Classifies a ticket: category, priority, SLA, sentiment, urgency, assignee, similar resolved tickets; safe to repeat.',
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
      ticket: ticketViewOf(r.ticket, ctx.fence, ctx.now),
      similarResolved: r.similar.map((s) => similarTicketViewOf(s, ctx.fence)),
      suggestedAssigneeReason: r.assignee.reason,
      applied: r.applied,
      fallbackReason: r.fallbackReason,
    };
  },
  summarize: (o) =>
    `T-${o.ticket.ticketNumber}: ${o.ticket.aiCategory}/${o.ticket.aiPriority} by ${o.ticket.aiModel} (${o.ticket.aiConfidence})`,
});
