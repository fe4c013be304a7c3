import { z } from 'zod';
import { PRIORITIES, TICKET_CATEGORIES, TICKET_STATUSES } from '../src/db/schema/index.js';
import { OPEN_TICKET_STATUSES } from '../src/crm/tickets/create.js';
import { listTickets, ticketRow, ticketRowView, type AssigneeFilter } from '../src/crm/tickets/list.js';
import { defineTool, READ_ONLY } from './define.js';
import { detailInput } from '../src/crm/views/schemas.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const listTicketsInput = z.strictObject({
  status: z.array(z.enum(TICKET_STATUSES)).min(1).max(TICKET_STATUSES.length).optional().describe('Default: new, open, pending, on_hold.'),
  priority: z.array(z.enum(PRIORITIES)).min(1).max(PRIORITIES.length).optional().describe('Any of.'),
  category: z.array(z.enum(TICKET_CATEGORIES)).min(1).max(TICKET_CATEGORIES.length).optional().describe('Any of.'),
  assignee: z.enum(['me', 'any', 'unassigned']).optional().describe('Default me; any with clientId/leadId.'),
  assigneeId: z.uuid().optional().describe("This user's (overrides assignee)."),
  clientId: z.uuid().optional().describe('Only this client.'),
  leadId: z.uuid().optional().describe(FIELD.onlyThisLead),
  breachingSla: z.boolean().default(false).describe('Past SLA due and unresolved.'),
  limit: z.number().int().min(1).max(100).default(10).describe(FIELD.pageSize),
  cursor: z.string().max(500).optional().describe(FIELD.cursor),
  detail: detailInput,
});

export const listTicketsOutput = z.object({
  tickets: z.array(ticketRowView).describe('Soonest SLA first, then priority.'),
  total: z.number().int().describe('How many tickets match the filters in all.'),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null when this is the last page.'),
});

export const listTicketsTool = defineTool({
  name: 'list_tickets',
  title: 'List tickets',
  description: 'Tickets as a work queue, by default your open ones, soonest SLA due first; compact rows, a total and nextCursor.',
  input: listTicketsInput,
  output: listTicketsOutput,
  annotations: READ_ONLY,
  scope: 'crm:read',
  async handler(input, ctx) {
    const kind = input.assignee ?? (input.clientId || input.leadId ? 'any' : 'me');
    const assignee: AssigneeFilter = input.assigneeId
      ? { kind: 'user', userId: input.assigneeId }
      : kind === 'me'
        ? { kind: 'user', userId: ctx.actor.userId }
        : { kind };
    const r = await listTickets(ctx.db, {
      statuses: input.status ?? OPEN_TICKET_STATUSES,
      priorities: input.priority,
      categories: input.category,
      assignee,
      clientId: input.clientId,
      leadId: input.leadId,
      breachingSla: input.breachingSla,
      now: ctx.now,
      limit: input.limit,
      cursor: input.cursor,
      book: ctx.book,
    });
    return {
      tickets: r.rows.map((t) => ticketRow(t, input.detail, ctx.fence, ctx.now)),
      total: r.total,
      nextCursor: r.nextCursor,
    };
  },
  summarize: (o) => `${o.tickets.length} of ${o.total} tickets`,
});
