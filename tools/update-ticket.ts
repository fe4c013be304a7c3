import { z } from 'zod';
import { PRIORITIES, TICKET_CATEGORIES, TICKET_STATUSES } from '../src/db/schema/index.js';
import { calendarFromSettings } from '../src/crm/sla.js';
import { updateTicket } from '../src/crm/ticket-update.js';
import { defineTool, WRITE } from './define.js';
import { ticketView, toTicketView } from './ticket-views.js';

export const updateTicketInput = z.strictObject({
  ticketId: z.uuid().describe('Ticket to change (from list_tickets).'),
  status: z
    .enum(TICKET_STATUSES)
    .optional()
    .describe(
      'New status. new -> open/pending/on_hold/resolved/closed; open, pending, on_hold move among themselves or to resolved/closed; resolved -> closed. Never back to new.',
    ),
  reopen: z.boolean().default(false).describe('Reopen a resolved or closed ticket (moves it to open and restarts the SLA clock).'),
  assigneeId: z.uuid().nullable().optional().describe('User to work the ticket (an active staff member); null unassigns.'),
  priority: z
    .enum(PRIORITIES)
    .optional()
    .describe('New priority; recomputes the SLA due time. Marks priority as set by a person (triage will not change it).'),
  category: z.enum(TICKET_CATEGORIES).optional().describe('Correct the category. Marks it as set by a person (triage will not change it).'),
  resolution: z
    .string()
    .trim()
    .min(1)
    .max(10_000)
    .optional()
    .describe('What was done for the customer. Required to resolve or close (unless already recorded).'),
});

export const updateTicketOutput = z.object({
  ticket: ticketView.describe('The ticket after the change.'),
  changed: z.array(z.string()).describe('Fields that changed, e.g. ["status", "resolution"].'),
});

export const updateTicketTool = defineTool({
  name: 'update_ticket',
  title: 'Update a service ticket',
  description:
    'Changes a ticket: status (resolving needs a resolution), reopen, assignee, priority (recomputes SLA), category, resolution. Illegal moves fail with INVALID_TRANSITION naming the allowed ones.',
  input: updateTicketInput,
  output: updateTicketOutput,
  annotations: WRITE,
  scope: 'crm:write',
  async handler(input, ctx) {
    const { ticket, changed } = await updateTicket(
      ctx.db,
      input.ticketId,
      {
        status: input.status,
        reopen: input.reopen,
        assignedUserId: input.assigneeId,
        priority: input.priority,
        category: input.category,
        resolution: input.resolution,
      },
      { now: ctx.now, calendar: calendarFromSettings(ctx.settings) },
    );
    return { ticket: toTicketView(ticket, ctx), changed };
  },
  summarize: (o) => `T-${o.ticket.ticketNumber}: ${o.changed.join(', ') || 'no change'} (now ${o.ticket.status})`,
});
