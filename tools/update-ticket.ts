import { z } from 'zod';
import { PRIORITIES, TICKET_CATEGORIES, TICKET_STATUSES } from '../src/db/schema/index.js';
import { calendarFromSettings } from '../src/crm/tickets/sla.js';
import { updateTicket } from '../src/crm/tickets/update.js';
import { resolveUserRef } from '../src/crm/access/user-ref.js';
import { defineTool, WRITE } from './define.js';
import { ticketView, ticketViewOf } from '../src/crm/views/ticket.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const updateTicketInput = z.strictObject({
  ticketId: z.uuid().describe(FIELD.ticketId),
  status: z.enum(TICKET_STATUSES).optional().describe('open, pending, on_hold move freely or to resolved/closed; resolved -> closed.'),
  reopen: z.boolean().default(false).describe('Reopen (to open, SLA restarts).'),
  assigneeId: z.string().trim().min(1).max(64).nullable().optional().describe('Active staff: "me", user id or handle; null unassigns.'),
  priority: z.enum(PRIORITIES).optional().describe('Recomputes the SLA; triage keeps it.'),
  category: z.enum(TICKET_CATEGORIES).optional().describe('Triage keeps it.'),
  resolution: z.string().trim().min(1).max(10_000).optional().describe('What was done; needed to resolve or close.'),
});

export const updateTicketOutput = z.object({
  ticket: ticketView.describe('The ticket after the change.'),
  changed: z.array(z.string()).describe('Fields that changed.'),
});

export const updateTicketTool = defineTool({
  name: 'update_ticket',
  title: 'Update a ticket',
  description: "Changes a ticket's status, assignee, priority, category or resolution, or reopens it.",
  input: updateTicketInput,
  output: updateTicketOutput,
  annotations: WRITE,
  scope: 'crm:write',
  async handler(input, ctx) {
    // A person names a colleague by handle ("give it to luis.ortega"); no tool lists user ids.
    const assignee = input.assigneeId
      ? (await resolveUserRef(ctx.db, input.assigneeId, ctx.actor.userId, 'assigneeId')).id
      : input.assigneeId;
    const { ticket, changed } = await updateTicket(
      ctx.db,
      input.ticketId,
      {
        status: input.status,
        reopen: input.reopen,
        assignedUserId: assignee,
        priority: input.priority,
        category: input.category,
        resolution: input.resolution,
      },
      { now: ctx.now, calendar: calendarFromSettings(ctx.settings) },
    );
    return { ticket: ticketViewOf(ticket, ctx.fence, ctx.now), changed };
  },
  summarize: (o) => `T-${o.ticket.ticketNumber}: ${o.changed.join(', ') || 'no change'} (now ${o.ticket.status})`,
});
