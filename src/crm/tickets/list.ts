/**
 * Listing tickets for a work queue: filtered, ordered by SLA due time (none last) then priority
 * (urgent first), with keyset cursors and a total; and the rows as list_tickets shows them.
 */
import { workItemInBook, type Book } from '../access/book.js';
import { and, asc, count, eq, inArray, isNull, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { clients, PRIORITIES, supportTickets, TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_STATUSES, users } from '../../db/schema/index.js';
import { decodeCursor, encodeCursor, type CursorScope } from '../cursor.js';
import { cleanField, type Fence } from '../views/fence.js';
import { z } from 'zod';
import { SLA_STATES, slaState, type Priority } from './sla.js';
import type { TicketCategory, TicketStatus } from './create.js';
import { FIELD } from '../views/vocabulary.js';
import { dropNulls, sec } from '../views/summary.js';

export type AssigneeFilter = { kind: 'user'; userId: string } | { kind: 'any' } | { kind: 'unassigned' };

export interface TicketListQuery {
  statuses: readonly TicketStatus[];
  priorities?: readonly Priority[];
  categories?: readonly TicketCategory[];
  assignee: AssigneeFilter;
  clientId?: string;
  leadId?: string;
  /** Only tickets past their SLA due time and not resolved or closed. */
  breachingSla?: boolean;
  now: Date;
  limit: number;
  cursor?: string;
  /** Only tickets in this book of business (src/crm/access); absent: the whole book. */
  book?: Book;
}

const rankExpr = sql<number>`(case ${supportTickets.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end)`;
const slaKeyExpr = sql`coalesce(${supportTickets.slaDueAt}, 'infinity'::timestamptz)`;

function filters(q: TicketListQuery): SQL | undefined {
  const a = q.assignee;
  return and(
    q.statuses.length ? inArray(supportTickets.status, [...q.statuses]) : undefined,
    q.priorities?.length ? inArray(supportTickets.priority, [...q.priorities]) : undefined,
    q.categories?.length ? inArray(supportTickets.category, [...q.categories]) : undefined,
    a.kind === 'user'
      ? eq(supportTickets.assignedUserId, a.userId)
      : a.kind === 'unassigned'
        ? isNull(supportTickets.assignedUserId)
        : undefined,
    q.clientId ? eq(supportTickets.clientId, q.clientId) : undefined,
    q.leadId ? eq(supportTickets.leadId, q.leadId) : undefined,
    q.breachingSla ? and(lt(supportTickets.slaDueAt, q.now), notInArray(supportTickets.status, ['resolved', 'closed'])) : undefined,
    q.book
      ? workItemInBook(q.book, sql`${supportTickets.assignedUserId}`, sql`${supportTickets.leadId}`, sql`${supportTickets.clientId}`)
      : undefined,
  );
}

/** Rows of one page, `total` matching rows, and the cursor of the next page (null at the end). */
export async function listTickets(db: DbOrTx, q: TicketListQuery) {
  const { limit, cursor, now, book: _book, ...rest } = q;
  // The filter fingerprint excludes `now` for all but breach filtering, where the set depends on it.
  const scope: CursorScope = {
    sort: 'sla_due_priority',
    order: 'asc',
    filters: { ...rest, now: q.breachingSla ? now.toISOString() : undefined },
  };
  const where = filters(q);
  let after: SQL | undefined;
  if (cursor) {
    const at = decodeCursor(cursor, scope);
    const [sla, rank] = (at.key ?? '').split('|');
    after = sql`(${slaKeyExpr}, ${rankExpr}, ${supportTickets.id}) > (${sla}::timestamptz, ${Number(rank)}::int, ${at.id}::uuid)`;
  }
  const rows = await db
    .select({
      id: supportTickets.id,
      ticketNumber: supportTickets.ticketNumber,
      subject: supportTickets.subject,
      status: supportTickets.status,
      priority: supportTickets.priority,
      category: supportTickets.category,
      aiCategory: supportTickets.aiCategory,
      channel: supportTickets.channel,
      clientId: supportTickets.clientId,
      clientName: clients.displayName,
      leadId: supportTickets.leadId,
      assignedUserId: supportTickets.assignedUserId,
      assigneeHandle: users.handle,
      openedAt: supportTickets.openedAt,
      slaDueAt: supportTickets.slaDueAt,
      resolvedAt: supportTickets.resolvedAt,
      sortKey: sql<string>`${slaKeyExpr}::text || '|' || ${rankExpr}`,
    })
    .from(supportTickets)
    .leftJoin(clients, eq(clients.id, supportTickets.clientId))
    .leftJoin(users, eq(users.id, supportTickets.assignedUserId))
    .where(and(where, after))
    .orderBy(asc(slaKeyExpr), asc(rankExpr), asc(supportTickets.id))
    .limit(limit + 1);
  const [{ total }] = (await db.select({ total: count() }).from(supportTickets).where(where)) as [{ total: number }];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(scope, { key: last.sortKey, id: last.id }) : null;
  // Client names are customer-written: cleaned (fence.ts); subjects are fenced by the tool's view.
  return { rows: page.map((r) => ({ ...r, clientName: cleanField(r.clientName) })), total: Number(total), nextCursor };
}

/** A listed ticket as listTickets returns it. */
export type TicketListItem = Awaited<ReturnType<typeof listTickets>>['rows'][number];

/**
 * One row of list_tickets, its zod schema the tool's output: summary rows leave out empty fields
 * and the ones marked full; full has every field, null where empty.
 */
export const ticketRowView = z.object({
  ticketId: z.uuid().describe(FIELD.ticketId),
  ticketNumber: z.number().int().describe(FIELD.ticketNumber),
  subject: z.string().describe(FIELD.subjectFenced),
  status: z.enum(TICKET_STATUSES).describe(FIELD.workflowStatus),
  priority: z.enum(PRIORITIES).describe('Priority.'),
  category: z.enum(TICKET_CATEGORIES).nullable().optional().describe('Category (absent/null if not yet set).'),
  clientName: z.string().nullable().optional().describe('Client display name.'),
  leadId: z.uuid().nullable().optional().describe('Lead id, if any.'),
  assigneeId: z.uuid().nullable().optional().describe('Assigned user id (absent/null: unassigned).'),
  assigneeHandle: z.string().nullable().optional().describe(FIELD.assignedUserHandle),
  slaDueAt: z.string().nullable().optional().describe('SLA due time (ISO 8601).'),
  slaState: z.enum(SLA_STATES).describe(FIELD.slaState),
  aiCategory: z.enum(TICKET_CATEGORIES).nullable().optional().describe('Full: category triage proposed.'),
  channel: z.enum(TICKET_CHANNELS).optional().describe('Full: how it came in.'),
  clientId: z.uuid().nullable().optional().describe('Full: client id.'),
  openedAt: z.string().optional().describe('Full: opened (ISO 8601).'),
});
export type TicketRow = z.infer<typeof ticketRowView>;

/**
 * A listed ticket as the tool returns it, the subject fenced here (the one layer that does).
 * Summary: no null fields, times to the minute, the subject fenced without a source (the id is in
 * the row); full: every field, null where empty.
 */
export function ticketRow(t: TicketListItem, detail: 'summary' | 'full', fence: Fence, now: Date): TicketRow {
  const base = {
    ticketId: t.id,
    ticketNumber: t.ticketNumber,
    status: t.status,
    priority: t.priority,
    category: t.category,
    clientName: t.clientName,
    leadId: t.leadId,
    assigneeId: t.assignedUserId,
    assigneeHandle: t.assigneeHandle,
    slaState: slaState(t, now),
  };
  if (detail === 'full') {
    return {
      ...base,
      subject: fence(t.subject, `ticket:${t.id}:subject`)!,
      slaDueAt: t.slaDueAt ? t.slaDueAt.toISOString() : null,
      aiCategory: t.aiCategory,
      channel: t.channel,
      clientId: t.clientId,
      openedAt: t.openedAt.toISOString(),
    };
  }
  return dropNulls({ ...base, subject: fence(t.subject, '')!, slaDueAt: sec(t.slaDueAt ? t.slaDueAt.toISOString() : null) });
}
