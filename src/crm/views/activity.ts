/**
 * Activity pieces of the 360 views (recent communications and notes, open follow-ups and tickets)
 * for one lead or for all of a client's leads. Customer-written text is truncated and fenced;
 * short fields (follow-up purposes) are cleaned.
 */
import { recordInBook, workItemInBook, type Book } from '../access/book.js';
import { and, asc, desc, eq, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { communicationTypes, followUps, leadCommunications, leadNotes, leads, supportTickets, users } from '../../db/schema/index.js';
import { cleanField, type Fence } from './fence.js';
import { iso } from './format.js';
import type { z } from 'zod';
import type { communicationView, followUpView, noteView, ticketCardView } from './schemas.js';

/** Longest body returned in a view; the rest is cut and flagged `truncated`. */
export const VIEW_BODY_CHARS = 500;

/** A client's scope carries the caller's book: its leads outside the book are left out. */
export type ViewScope = { leadId: string } | { clientId: string; book?: Book };

/** Cuts `text` to `max` characters (on a word boundary when one is near) and says whether it did. */
export function truncate(text: string | null, max = VIEW_BODY_CHARS): { text: string | null; truncated: boolean } {
  if (text === null || text.length <= max) return { text, truncated: false };
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return { text: `${space > max * 0.8 ? cut.slice(0, space) : cut}…`, truncated: true };
}

export type CommunicationCard = z.infer<typeof communicationView>;
export type NoteCard = z.infer<typeof noteView>;
export type FollowUpCard = z.infer<typeof followUpView>;
export type TicketCard = z.infer<typeof ticketCardView>;

const byScope = (scope: ViewScope, lead: AnyPgColumn, client: AnyPgColumn): SQL =>
  'leadId' in scope
    ? eq(lead, scope.leadId)
    : and(eq(client, scope.clientId), scope.book && recordInBook(scope.book, sql`${lead}`, sql`${client}`))!;

/** The latest communications, newest first. Subject and body are fenced (customers write them). */
export async function recentCommunications(db: DbOrTx, scope: ViewScope, fence: Fence, limit = 10): Promise<CommunicationCard[]> {
  const rows = await db
    .select({ c: leadCommunications, type: communicationTypes.code, handle: users.handle })
    .from(leadCommunications)
    .innerJoin(communicationTypes, eq(communicationTypes.id, leadCommunications.communicationTypeId))
    .leftJoin(users, eq(users.id, leadCommunications.userId))
    .where(byScope(scope, leadCommunications.leadId, leadCommunications.clientId))
    .orderBy(desc(leadCommunications.occurredAt), desc(leadCommunications.id))
    .limit(limit);
  return rows.map(({ c, type, handle }) => {
    const body = truncate(c.body);
    return {
      id: c.id,
      leadId: c.leadId,
      type,
      direction: c.direction,
      subject: fence(c.subject, `communication-subject:${c.id}`),
      body: fence(body.text, `communication:${c.id}`),
      truncated: body.truncated,
      occurredAt: c.occurredAt.toISOString(),
      outcome: c.outcome,
      durationSeconds: c.durationSeconds,
      userHandle: handle,
      contactId: c.contactId,
    };
  });
}

/** Pinned notes first, then the latest; bodies fenced. */
export async function recentNotes(db: DbOrTx, scope: ViewScope, fence: Fence, limit = 10): Promise<NoteCard[]> {
  const rows = await db
    .select({ n: leadNotes, handle: users.handle })
    .from(leadNotes)
    .leftJoin(users, eq(users.id, leadNotes.authorUserId))
    .where(byScope(scope, leadNotes.leadId, leadNotes.clientId))
    .orderBy(desc(leadNotes.isPinned), desc(leadNotes.createdAt), desc(leadNotes.id))
    .limit(limit);
  return rows.map(({ n, handle }) => {
    const body = truncate(n.body);
    return {
      id: n.id,
      leadId: n.leadId,
      noteType: n.noteType,
      isPinned: n.isPinned,
      body: fence(body.text, `note:${n.id}`)!,
      truncated: body.truncated,
      authorHandle: handle,
      createdAt: n.createdAt.toISOString(),
    };
  });
}

/** Open follow-ups, soonest due first. For a client: its own and its leads'. */
export async function openFollowUps(db: DbOrTx, scope: ViewScope, now: Date, limit = 20): Promise<FollowUpCard[]> {
  const where =
    'leadId' in scope
      ? eq(followUps.leadId, scope.leadId)
      : and(
          or(
            eq(followUps.clientId, scope.clientId),
            inArray(followUps.leadId, db.select({ id: leads.id }).from(leads).where(eq(leads.clientId, scope.clientId))),
          ),
          scope.book && workItemInBook(scope.book, sql`${followUps.assignedUserId}`, sql`${followUps.leadId}`, sql`${followUps.clientId}`),
        );
  const rows = await db
    .select({ f: followUps, handle: users.handle })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.assignedUserId))
    .where(and(eq(followUps.status, 'open'), where))
    .orderBy(asc(followUps.dueAt), asc(followUps.id))
    .limit(limit);
  return rows.map(({ f, handle }) => ({
    id: f.id,
    leadId: f.leadId,
    dueAt: f.dueAt.toISOString(),
    timezone: f.timezone,
    channel: f.channel,
    purpose: cleanField(f.purpose),
    priority: f.priority,
    assignedUserHandle: handle,
    createdByAi: f.createdByAi,
    overdue: f.dueAt < now,
  }));
}

/** Tickets not resolved or closed, newest first; subject and description fenced. */
export async function openTickets(db: DbOrTx, scope: ViewScope, fence: Fence, limit = 20): Promise<TicketCard[]> {
  const rows = await db
    .select()
    .from(supportTickets)
    .where(and(notInArray(supportTickets.status, ['resolved', 'closed']), byScope(scope, supportTickets.leadId, supportTickets.clientId)))
    .orderBy(desc(supportTickets.openedAt), desc(supportTickets.id))
    .limit(limit);
  return rows.map((t) => {
    const d = truncate(t.description);
    return {
      id: t.id,
      ticketNumber: t.ticketNumber,
      leadId: t.leadId,
      subject: fence(t.subject, `ticket-subject:${t.id}`)!,
      description: fence(d.text, `ticket:${t.id}`)!,
      truncated: d.truncated,
      status: t.status,
      priority: t.priority,
      category: t.category,
      openedAt: t.openedAt.toISOString(),
      slaDueAt: iso(t.slaDueAt),
    };
  });
}
