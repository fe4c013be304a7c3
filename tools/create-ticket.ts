import { z } from 'zod';
import { PRIORITIES, TICKET_CATEGORIES, TICKET_CHANNELS } from '../src/db/schema/index.js';
import { calendarFromSettings } from '../src/crm/sla.js';
import { createTicket } from '../src/crm/tickets.js';
import { triageTicket } from '../src/crm/triage/triage.js';
import { defineTool, WRITE } from './define.js';
import { askTriageModel, similarTicketView, ticketView, toSimilarView, toTicketView } from './ticket-views.js';

export const createTicketInput = z.strictObject({
  clientId: z.uuid().optional().describe('Client the request is from. Give clientId, leadId, or both.'),
  leadId: z.uuid().optional().describe('Lead the request is about; its client must match clientId when both are given.'),
  contactId: z.uuid().optional().describe("Contact person who raised it; must be one of the client's contacts."),
  subject: z.string().trim().min(1).max(300).describe('Short subject line, e.g. "Need COI for new job site".'),
  description: z.string().trim().min(1).max(20_000).describe("The customer's request in their own words (quote them; do not paraphrase)."),
  channel: z.enum(TICKET_CHANNELS).describe('How the request came in.'),
  category: z
    .enum(TICKET_CATEGORIES)
    .optional()
    .describe(
      'Only if a person already knows it; triage will not override it. policy_change = endorsement, certificate = certificate of insurance.',
    ),
  priority: z
    .enum(PRIORITIES)
    .optional()
    .describe('Only if a person already decided it; triage will not override it. Sets the SLA due time.'),
  assigneeId: z.uuid().optional().describe('User to work the ticket, if already decided (an active staff member).'),
  triage: z
    .boolean()
    .default(true)
    .describe('Run triage now (category, priority, sentiment, urgency, suggested assignee, similar resolved tickets). Default true.'),
});

export const createTicketOutput = z.object({
  ticket: ticketView.describe('The new ticket, with triage results in its ai* fields when triage ran.'),
  triaged: z.boolean().describe('Whether triage ran.'),
  similarResolved: z.array(similarTicketView).describe('Up to 3 similar resolved tickets with their resolutions (empty without triage).'),
  triageFallbackReason: z
    .string()
    .nullable()
    .describe('Why the configured model was not used and the rules classified instead; null otherwise.'),
});

export const createTicketTool = defineTool({
  name: 'create_ticket',
  title: 'Open a service ticket',
  description:
    'Opens a service ticket for a client or lead, with an SLA due time from its priority. By default triages it (category, priority, sentiment, urgency, assignee, similar resolved tickets). Customer text comes back fenced.',
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
    if (!input.triage) return { ticket: toTicketView(created, ctx), triaged: false, similarResolved: [], triageFallbackReason: null };
    const r = await triageTicket(ctx.db, created.id, { apply: true, calendar, now: ctx.now, model });
    return {
      ticket: toTicketView(r.ticket, ctx),
      triaged: true,
      similarResolved: r.similar.map((s) => toSimilarView(s, ctx)),
      triageFallbackReason: r.fallbackReason,
    };
  },
  summarize: (o) =>
    `ticket T-${o.ticket.ticketNumber} ${o.ticket.category ?? 'uncategorised'}/${o.ticket.priority}${o.triaged ? ` triaged by ${o.ticket.aiModel}` : ''}`,
});
