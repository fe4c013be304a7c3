import { z } from 'zod';
import { PRIORITIES, TICKET_CATEGORIES, TICKET_CHANNELS } from '../src/db/schema/index.js';
import { calendarFromSettings } from '../src/crm/tickets/sla.js';
import { createTicket } from '../src/crm/tickets/create.js';
import { triageTicket } from '../src/crm/tickets/triage/triage.js';
import { defineTool, WRITE } from './define.js';
import { similarTicketView, similarTicketViewOf, ticketView, ticketViewOf } from '../src/crm/views/ticket.js';
import { askTriageModel } from './ticket-views.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const createTicketInput = z.strictObject({
  clientId: z.uuid().optional().describe('Client; give clientId, leadId or both.'),
  leadId: z.uuid().optional().describe('Lead it is about (of clientId).'),
  contactId: z.uuid().optional().describe("Client's contact who raised it."),
  subject: z.string().trim().min(1).max(300).describe('E.g. "Need COI for new job site".'),
  description: z.string().trim().min(1).max(20_000).describe("The request in the customer's words (quote, do not paraphrase)."),
  channel: z.enum(TICKET_CHANNELS).describe('How it came in.'),
  category: z
    .enum(TICKET_CATEGORIES)
    .optional()
    .describe('Only if a person decided it (triage keeps it). policy_change = endorsement, certificate = COI.'),
  priority: z.enum(PRIORITIES).optional().describe('Only if a person decided it; sets the SLA.'),
  assigneeId: z.uuid().optional().describe('Assignee (active staff), if decided.'),
  triage: z.boolean().default(true).describe('Triage now.'),
});

export const createTicketOutput = z.object({
  ticket: ticketView.describe('The ticket; triage results in ai* fields.'),
  triaged: z.boolean().describe('Whether triage ran.'),
  similarResolved: z.array(similarTicketView).describe(FIELD.similarResolved),
  triageFallbackReason: z.string().nullable().describe(FIELD.triageFallbackReason),
});

export const createTicketTool = defineTool({
  name: 'create_ticket',
  title: 'Open a ticket',
  description: 'Opens a service ticket for a client or lead with an SLA due time; by default triages it (as triage_ticket).',
  input: createTicketInput,
  output: createTicketOutput,
  annotations: WRITE,
  scope: 'crm:write',
  // The model call happens here, before the transaction opens.
  prepare: (input, ctx) =>
    input.triage ? askTriageModel(ctx, { subject: input.subject, description: input.description }) : Promise.resolve(null),
  async handler(input, ctx, model) {
    const calendar = calendarFromSettings(ctx.settings);
    const created = await createTicket(ctx.db, {
      clientId: input.clientId,
      leadId: input.leadId,
      contactId: input.contactId,
      subject: input.subject,
      description: input.description,
      channel: input.channel,
      category: input.category,
      priority: input.priority,
      assignedUserId: input.assigneeId,
      createdByUserId: ctx.actor.userId,
      openedAt: ctx.now,
      calendar,
    });
    if (!input.triage)
      return { ticket: ticketViewOf(created, ctx.fence, ctx.now), triaged: false, similarResolved: [], triageFallbackReason: null };
    const r = await triageTicket(ctx.db, created.id, { apply: true, calendar, now: ctx.now, model });
    return {
      ticket: ticketViewOf(r.ticket, ctx.fence, ctx.now),
      triaged: true,
      similarResolved: r.similar.map((s) => similarTicketViewOf(s, ctx.fence)),
      triageFallbackReason: r.fallbackReason,
    };
  },
  summarize: (o) =>
    `ticket T-${o.ticket.ticketNumber} ${o.ticket.category ?? 'uncategorised'}/${o.ticket.priority}${o.triaged ? ` triaged by ${o.ticket.aiModel}` : ''}`,
});
