/** Listing follow-ups: filters, due-time order, keyset pagination with a total. */
import { and, asc, count, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { clients, contacts, followUps, users } from '../db/schema/index.js';
import { decodeCursor, encodeCursor, type CursorScope } from './cursor.js';
import { cleanField } from './fence.js';
import type { FollowUpChannel } from './follow-ups.js';
import { addDays, formatLocal, fromZoned, isValidTimeZone, toZoned } from './time/zoned-time.js';

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
  page: { limit: number; cursor?: string; now: Date; dayZone: string; agencyZone: string },
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

  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(followUps).where(filtered);
  const rows = await db
    .select({
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
