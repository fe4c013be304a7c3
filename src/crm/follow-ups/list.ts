/** Listing follow-ups: filters, due-time order, keyset pagination with a total, and the rows as the tool shows them. */
import { workItemInBook, type Book } from '../access/book.js';
import { z } from 'zod';
import { and, asc, count, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { clients, contacts, followUps, users } from '../../db/schema/index.js';
import { decodeCursor, encodeCursor, type CursorScope } from '../cursor.js';
import { cleanField, type Fence } from '../views/fence.js';
import type { FollowUpChannel } from './schedule.js';
import { addDays, formatLocal, fromZoned, isValidTimeZone, toZoned } from '../time/zoned-time.js';
import { truncate } from '../views/activity.js';
import { dropNulls, sec, SUMMARY_TEXT_CHARS } from '../views/summary.js';
import { FIELD } from '../views/vocabulary.js';

export interface FollowUpFilters {
  /** Default 'open'. */
  status: 'open' | 'completed' | 'cancelled' | 'any';
  /** Only follow-ups due now or earlier today (`dayZone`'s today). */
  dueToday?: boolean;
  /** Only open follow-ups whose due time has passed. */
  overdue?: boolean;
  dueFrom?: Date;
  dueTo?: Date;
  /** Null: every user's. */
  assignedUserId: string | null;
  leadId?: string;
  channel?: FollowUpChannel;
}

export interface FollowUpListItem {
  row: typeof followUps.$inferSelect;
  /** The purpose, cleaned like every short customer-written field (fence.ts). */
  purpose: string;
  clientName: string | null;
  contactName: string | null;
  assigneeHandle: string | null;
  /** Zone the due time is shown in: the follow-up's (the lead's) zone. */
  zone: string;
  dueLocal: string;
  overdue: boolean;
}

/** Start of tomorrow in `zone`: "due today" means before this instant. */
export function endOfLocalDay(now: Date, zone: string): Date {
  return fromZoned({ ...addDays(toZoned(now, zone), 1), hour: 0, minute: 0, second: 0 }, zone);
}

/**
 * One page of follow-ups sorted by due time (then id), `total` counting every match. `cursor` is
 * the previous page's `nextCursor` with the same filters (ValidationError otherwise).
 */
export async function listFollowUps(
  db: DbOrTx,
  f: FollowUpFilters,
  page: { limit: number; cursor?: string; now: Date; dayZone: string; agencyZone: string; book?: Book },
): Promise<{ items: FollowUpListItem[]; total: number; nextCursor: string | null }> {
  const where: SQL[] = [];
  if (f.status !== 'any') where.push(eq(followUps.status, f.status));
  if (f.overdue) where.push(eq(followUps.status, 'open'), lt(followUps.dueAt, page.now));
  if (f.dueToday) where.push(lt(followUps.dueAt, endOfLocalDay(page.now, page.dayZone)));
  if (f.dueFrom) where.push(gte(followUps.dueAt, f.dueFrom));
  if (f.dueTo) where.push(lte(followUps.dueAt, f.dueTo));
  if (f.assignedUserId) where.push(eq(followUps.assignedUserId, f.assignedUserId));
  if (f.leadId) where.push(eq(followUps.leadId, f.leadId));
  if (f.channel) where.push(eq(followUps.channel, f.channel));
  if (page.book)
    where.push(workItemInBook(page.book, sql`${followUps.assignedUserId}`, sql`${followUps.leadId}`, sql`${followUps.clientId}`));

  // "Due today" depends on the day it was asked, so the day is part of the cursor's filters.
  // Dates as ISO strings: the fingerprint hashes JSON, and a Date object would hash as {}.
  const scope: CursorScope = {
    sort: 'due_at',
    order: 'asc',
    filters: {
      ...f,
      dueFrom: f.dueFrom?.toISOString(),
      dueTo: f.dueTo?.toISOString(),
      day: f.dueToday ? endOfLocalDay(page.now, page.dayZone).toISOString() : undefined,
    },
  };
  const filtered = and(...where);
  let pageWhere = filtered;
  if (page.cursor) {
    const pos = decodeCursor(page.cursor, scope);
    pageWhere = and(filtered, sql`(${followUps.dueAt}, ${followUps.id}) > (${pos.key}::timestamptz, ${pos.id}::uuid)`);
  }

  // The total comes with the page, in the same statement (a round trip less); only an empty page
  // needs its own count. Inside the subquery, follow_ups names the subquery's own table.
  const rows = await db
    .select({
      total: sql<number>`(select count(*)::int from ${followUps} where ${filtered ?? sql`true`})`,
      row: followUps,
      dueKey: sql<string>`${followUps.dueAt}::text`,
      clientName: clients.displayName,
      contactFirst: contacts.firstName,
      contactLast: contacts.lastName,
      assigneeHandle: users.handle,
    })
    .from(followUps)
    .leftJoin(clients, eq(clients.id, followUps.clientId))
    .leftJoin(contacts, eq(contacts.id, followUps.contactId))
    .leftJoin(users, eq(users.id, followUps.assignedUserId))
    .where(pageWhere)
    .orderBy(asc(followUps.dueAt), asc(followUps.id))
    .limit(page.limit + 1);

  const total = rows[0]?.total ?? (await db.select({ n: count() }).from(followUps).where(filtered))[0]?.n ?? 0;
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  const items = shown.map((r): FollowUpListItem => {
    const zone = isValidTimeZone(r.row.timezone) ? r.row.timezone : page.agencyZone;
    return {
      row: r.row,
      purpose: cleanField(r.row.purpose),
      clientName: cleanField(r.clientName),
      contactName: r.contactFirst ? cleanField(`${r.contactFirst} ${r.contactLast ?? ''}`) : null,
      assigneeHandle: r.assigneeHandle,
      zone,
      dueLocal: formatLocal(r.row.dueAt, zone),
      overdue: r.row.status === 'open' && r.row.dueAt.getTime() < page.now.getTime(),
    };
  });
  return { items, total, nextCursor: more && last ? encodeCursor(scope, { key: last.dueKey, id: last.row.id }) : null };
}

/**
 * One row of list_follow_ups, its zod schema the tool's output: summary rows leave out empty
 * fields and the ones marked full (notes and outcome fenced and cut to SUMMARY_TEXT_CHARS); full
 * has every field, null where empty.
 */
export const followUpRowView = z.object({
  followUpId: z.uuid().describe('Id of the follow-up.'),
  leadId: z.uuid().optional().describe(FIELD.itsLead),
  clientName: z.string().optional().describe(FIELD.clientName),
  dueAt: z.string().describe('Due time (ISO 8601, UTC).'),
  dueLocal: z.string().describe(FIELD.dueLocal),
  purpose: z.string().describe(FIELD.followUpPurpose),
  channel: z.string().describe(FIELD.followUpChannel),
  priority: z.string().describe(FIELD.priorityLevels),
  overdue: z.boolean().describe('True when open and past due.'),
  assigneeHandle: z.string().optional().describe('Handle of the assigned user.'),
  notes: z.string().nullable().optional().describe('Notes, fenced (summary: cut).'),
  outcome: z.string().nullable().optional().describe('Outcome recorded at completion, fenced (summary: cut).'),
  clientId: z.uuid().nullable().optional().describe("Full: the lead's client."),
  contactName: z.string().nullable().optional().describe('Full: contact person to reach.'),
  timezone: z.string().optional().describe("Full: the lead's IANA time zone."),
  status: z.string().optional().describe('Full: open, completed or cancelled.'),
});
export type FollowUpRow = z.infer<typeof followUpRowView>;

/**
 * A listed follow-up as the tool returns it, customer text fenced here (the one layer that does).
 * Summary: no nulls, times to the minute, notes and outcome cut, fences without a source (the id is
 * in the row); full: every field, null where empty.
 */
export function followUpRow(i: FollowUpListItem, detail: 'summary' | 'full', fence: Fence): FollowUpRow {
  const r = i.row;
  if (detail === 'full') {
    return {
      followUpId: r.id,
      leadId: r.leadId ?? undefined,
      clientId: r.clientId,
      clientName: i.clientName ?? undefined,
      contactName: i.contactName,
      dueAt: r.dueAt.toISOString(),
      dueLocal: i.dueLocal,
      timezone: i.zone,
      purpose: i.purpose,
      channel: r.channel,
      priority: r.priority,
      status: r.status,
      overdue: i.overdue,
      assigneeHandle: i.assigneeHandle ?? undefined,
      notes: fence(r.notes, `follow-up:${r.id}:notes`),
      outcome: fence(r.outcome, `follow-up:${r.id}:outcome`),
    };
  }
  const cut = (t: string | null) => fence(truncate(t, SUMMARY_TEXT_CHARS).text, '') ?? null;
  return dropNulls({
    followUpId: r.id,
    leadId: r.leadId,
    clientName: i.clientName,
    dueAt: sec(r.dueAt.toISOString())!,
    dueLocal: i.dueLocal,
    purpose: i.purpose,
    channel: r.channel,
    priority: r.priority,
    overdue: i.overdue,
    assigneeHandle: i.assigneeHandle,
    notes: cut(r.notes),
    outcome: cut(r.outcome),
  });
}
