/**
 * Pieces shared by the summary reads (`detail: "summary"` of get_lead, get_client, list_tickets,
 * list_follow_ups): how many items a list shows, how long a text is, and the compact forms of
 * consent, times and records. In a summary an absent field means "none".
 */
import { recordInBook, type Book } from '../access/book.js';
import { and, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { leadCommunications, leadNotes } from '../../db/schema/index.js';
import type { Fence } from './fence.js';
import type { TimelineEvent } from './timeline.js';
import { truncate } from './activity.js';
import type { ClientCard, ConsentCard, ContactCard } from './cards.js';
import type { z } from 'zod';
import type { consentEitherView } from './schemas.js';

/** Longest event text in a summary; the full view and get_lead_context carry more. */
export const SUMMARY_TEXT_CHARS = 72;
/** Items per list in a summary; `counts` says how many there are in all when a list is cut. */
export const SUMMARY_ITEMS = 3;

/** Nullable fields become optional and non-null: a summary leaves empty fields out. */
export type Compact<T> = { [K in keyof T as null extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as null extends T[K] ? K : never]?: Exclude<T[K], null>;
};

/** The object without its null fields. */
export function dropNulls<T extends object>(o: T): Compact<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as Compact<T>;
}

/** ISO time to the minute: a summary does not need seconds. */
export const sec = (t: string | null): string | null => (t ? t.replace(/:\d{2}(\.\d{3})?Z$/, 'Z') : null);

/** `{ [key]: total }` when a list of that many is cut to SUMMARY_ITEMS, else nothing (the list says it all). */
export const cutTotal = <K extends string>(key: K, total: number) => (total > SUMMARY_ITEMS ? ({ [key]: total } as Record<K, number>) : {});

/**
 * Consent in a summary: the per-channel states and the two opt-outs, quiet hours in one string
 * ("21:00-08:00 America/Chicago"); the full view has the separate fields and the unsubscribe time.
 */
export type ConsentSummary = Required<
  Pick<z.infer<typeof consentEitherView>, 'call' | 'sms' | 'email' | 'mail' | 'doNotCall' | 'unsubscribed' | 'quietHours'>
>;

const hhmm = (t: string) => t.slice(0, 5);

/** ConsentCard -> ConsentSummary. */
export function summarizeConsent(c: ConsentCard): ConsentSummary {
  const quiet =
    c.quietHoursStart && c.quietHoursEnd
      ? `${hhmm(c.quietHoursStart)}-${hhmm(c.quietHoursEnd)}${c.timezone ? ` ${c.timezone}` : ''}`
      : null;
  return {
    call: c.call,
    sms: c.sms,
    email: c.email,
    mail: c.mail,
    doNotCall: c.doNotCall,
    unsubscribed: c.unsubscribed,
    quietHours: quiet,
  };
}

/** The client as a summary shows it: who, how to reach them, where (city and state of the physical address). */
export function summaryClient(client: ClientCard) {
  const physical = client.addresses.find((a) => a.kind === 'physical') ?? client.addresses[0];
  return dropNulls({
    id: client.id,
    clientType: client.clientType,
    displayName: client.displayName,
    email: client.email,
    phone: client.phone,
    city: physical?.city ?? null,
    state: physical?.state ?? null,
    timezone: client.timezone,
  });
}

/** A contact as a summary shows it. */
export const summaryContact = (k: ContactCard) => ({
  id: k.id,
  firstName: k.firstName,
  lastName: k.lastName,
  roles: k.roles,
  isPrimary: k.isPrimary,
});

/** One timeline event as a summary shows it; the kind is right beside the text, so its fence needs no source. */
export function summaryEvent(e: Pick<TimelineEvent, 'kind' | 'at' | 'title' | 'text'>, fence: Fence) {
  return { kind: e.kind, at: sec(e.at)!, title: e.title, text: fence(truncate(e.text, SUMMARY_TEXT_CHARS).text, '') };
}

/** How many notes or communications belong to a lead or a client. */
export async function countRows(
  db: DbOrTx,
  table: typeof leadNotes | typeof leadCommunications,
  by: { leadId: string } | { clientId: string; book?: Book },
): Promise<number> {
  const where =
    'leadId' in by
      ? eq(table.leadId, by.leadId)
      : and(eq(table.clientId, by.clientId), by.book && recordInBook(by.book, sql`${table.leadId}`, sql`${table.clientId}`));
  return (await db.select({ n: count() }).from(table).where(where))[0]?.n ?? 0;
}
