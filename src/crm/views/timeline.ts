/**
 * Timelines: a lead's or a client's communications, notes, follow-ups and tickets merged into one
 * list, newest first. Event times: communications when they occurred, notes and follow-ups when
 * they were created, tickets when they were opened. Served by the MCP server as resources.
 */
import { recordInBook, workItemInBook, type Book } from '../access/book.js';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { clients, communicationTypes, followUps, leadCommunications, leadNotes, leads, supportTickets } from '../../db/schema/index.js';
import { NotFoundError } from '../../errors.js';
import type { Fence } from './fence.js';
import { requireLead } from '../leads/lookup.js';
import { truncate } from './activity.js';

export const TIMELINE_KINDS = ['communication', 'note', 'follow_up', 'ticket'] as const;

export interface TimelineEvent {
  kind: (typeof TIMELINE_KINDS)[number];
  id: string;
  leadId: string | null;
  /** ISO 8601. */
  at: string;
  /** Our own one-line description (safe to show as is). */
  title: string;
  /** Customer-written text (subject and body), truncated; fenced when a fence is given. */
  text: string | null;
  truncated: boolean;
}

export interface TimelineOptions {
  /** 1-200, default 50. */
  limit?: number;
  /** Fence for the untrusted `text`; without one, callers must fence it themselves. */
  fence?: Fence;
  /** A client's timeline leaves out its leads outside this book of business. */
  book?: Book;
  /** The caller has just loaded the lead or client: skip the NOT_FOUND check (one query less). */
  exists?: boolean;
}

type Row = {
  kind: TimelineEvent['kind'];
  id: string;
  lead_id: string | null;
  at: string;
  label: string;
  state: string | null;
  subject: string | null;
  body: string | null;
  due: string | null;
};

const isoText = (e: SQL) => sql`to_char(${e} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface Scope {
  communications: SQL;
  notes: SQL;
  followUps: SQL;
  tickets: SQL;
}

async function timeline(db: DbOrTx, where: Scope, opts: TimelineOptions): Promise<TimelineEvent[]> {
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), 200);
  const c = leadCommunications;
  const n = leadNotes;
  const f = followUps;
  const t = supportTickets;
  const { rows } = await db.execute<Row>(sql`
    select 'communication' as kind, ${c.id} as id, ${c.leadId} as lead_id, ${isoText(sql`${c.occurredAt}`)} as at,
      ${communicationTypes.code} as label, ${c.direction} as state, ${c.subject} as subject, ${c.body} as body, null as due
      from ${c} join ${communicationTypes} on ${communicationTypes.id} = ${c.communicationTypeId}
      where ${where.communications}
    union all
    select 'note', ${n.id}, ${n.leadId}, ${isoText(sql`${n.createdAt}`)}, ${n.noteType}, null, null, ${n.body}, null
      from ${n} where ${where.notes}
    union all
    select 'follow_up', ${f.id}, ${f.leadId}, ${isoText(sql`${f.createdAt}`)}, ${f.channel}, ${f.status}, ${f.purpose}, ${f.notes}, ${isoText(sql`${f.dueAt}`)}
      from ${f} where ${where.followUps}
    union all
    select 'ticket', ${t.id}, ${t.leadId}, ${isoText(sql`${t.openedAt}`)}, 'T-' || ${t.ticketNumber}, ${t.status}, ${t.subject}, ${t.description}, null
      from ${t} where ${where.tickets}
    order by at desc, id desc
    limit ${limit}`);
  return rows.map((r) => toEvent(r, opts.fence));
}

function toEvent(r: Row, fence: Fence | undefined): TimelineEvent {
  const title = {
    communication: () => `${r.state} ${r.label}`,
    note: () => `note (${r.label})`,
    follow_up: () => `follow-up by ${r.label}, due ${r.due} (${r.state})`,
    ticket: () => `ticket ${r.label} (${r.state})`,
  }[r.kind]();
  const joined = [r.subject, r.body].filter((x): x is string => Boolean(x)).join('\n\n') || null;
  const { text, truncated } = truncate(joined);
  return { kind: r.kind, id: r.id, leadId: r.lead_id, at: r.at, title, text: fence ? fence(text, `${r.kind}:${r.id}`) : text, truncated };
}

/** A lead's events, newest first; NOT_FOUND for an unknown lead. */
export async function leadTimeline(db: DbOrTx, leadId: string, opts: TimelineOptions = {}): Promise<TimelineEvent[]> {
  if (!opts.exists) await requireLead(db, leadId);
  return timeline(
    db,
    {
      communications: eq(leadCommunications.leadId, leadId),
      notes: eq(leadNotes.leadId, leadId),
      followUps: eq(followUps.leadId, leadId),
      tickets: eq(supportTickets.leadId, leadId),
    },
    opts,
  );
}

/** A client's events across all its leads (and client-level follow-ups and tickets), newest first; NOT_FOUND for an unknown client. */
export async function clientTimeline(db: DbOrTx, clientId: string, opts: TimelineOptions = {}): Promise<TimelineEvent[]> {
  const [client] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId)).limit(1);
  if (!client) throw new NotFoundError('client', clientId, 'Use search_leads to find the client id.');
  const clientLeads = sql`select ${leads.id} from ${leads} where ${leads.clientId} = ${clientId}`;
  const b = opts.book;
  const inBook = (lead: SQL, client: SQL) => (b ? sql` and ${recordInBook(b, lead, client)}` : sql``);
  return timeline(
    db,
    {
      communications: sql`${leadCommunications.clientId} = ${clientId}${inBook(sql`${leadCommunications.leadId}`, sql`${leadCommunications.clientId}`)}`,
      notes: sql`${leadNotes.clientId} = ${clientId}${inBook(sql`${leadNotes.leadId}`, sql`${leadNotes.clientId}`)}`,
      followUps: sql`(${followUps.clientId} = ${clientId} or ${followUps.leadId} in (${clientLeads}))${
        b ? sql` and ${workItemInBook(b, sql`${followUps.assignedUserId}`, sql`${followUps.leadId}`, sql`${followUps.clientId}`)}` : sql``
      }`,
      tickets: sql`${supportTickets.clientId} = ${clientId}${inBook(sql`${supportTickets.leadId}`, sql`${supportTickets.clientId}`)}`,
    },
    opts,
  );
}
