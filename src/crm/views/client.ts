/**
 * The 360 view of a client, trimmed for a model's context: the client with addresses, contacts,
 * open leads (each with its consent), open opportunities, the latest communications and notes
 * across its leads, open follow-ups and tickets. Customer-written text is truncated and fenced.
 */
import type { Book } from '../access/book.js';
import type { z } from 'zod';
import type { clientFullView, clientSummaryView } from './reads.js';
import type { DbOrTx } from '../../db/client.js';
import { leadCommunications, leadNotes } from '../../db/schema/index.js';
import type { Fence } from './fence.js';
import { clientTimeline } from './timeline.js';
import { openFollowUps, openTickets, recentCommunications, recentNotes } from './activity.js';
import { clientCard, contactCards, openLeadCards, openOpportunityCards } from './cards.js';
import {
  cutTotal,
  dropNulls,
  sec,
  SUMMARY_ITEMS,
  summarizeConsent,
  countRows,
  summaryClient,
  summaryContact,
  summaryEvent,
} from './summary.js';

/** The client's full 360 view (its schema in reads.ts). */
export type ClientView = z.infer<typeof clientFullView>;

/** Assembles the client's 360 view; NOT_FOUND when there is no such client. */
export async function getClientView(db: DbOrTx, clientId: string, ctx: { fence: Fence; now: Date; book?: Book }): Promise<ClientView> {
  const client = await clientCard(db, clientId, ctx.fence);
  const scope = { clientId: client.id, book: ctx.book };
  return {
    client,
    contacts: await contactCards(db, client.id),
    openLeads: await openLeadCards(db, client.id, { book: ctx.book }),
    openOpportunities: await openOpportunityCards(db, scope),
    recentCommunications: await recentCommunications(db, scope, ctx.fence),
    recentNotes: await recentNotes(db, scope, ctx.fence),
    openFollowUps: await openFollowUps(db, scope, ctx.now),
    openTickets: await openTickets(db, scope, ctx.fence),
  };
}

/**
 * The default read of a client (`detail: "summary"`): who they are, how to reach them, each open
 * lead in one line with its consent, the latest events across its leads and the open work. The
 * full view (getClientView) adds addresses, every contact field, opportunities, communications and
 * notes. Empty fields are left out; lists are cut to SUMMARY_ITEMS (contacts and open leads to
 * twice that) and `counts` gives the total of a cut list.
 */
export type ClientSummary = z.infer<typeof clientSummaryView>;

/** The summary read of a client; NOT_FOUND when there is no such client. */
export async function getClientSummary(
  db: DbOrTx,
  clientId: string,
  ctx: { fence: Fence; now: Date; book?: Book },
): Promise<ClientSummary> {
  const client = await clientCard(db, clientId, ctx.fence);
  const scope = { clientId: client.id, book: ctx.book };
  const contacts = await contactCards(db, client.id);
  const leads = await openLeadCards(db, client.id, { book: ctx.book });
  const followUps = await openFollowUps(db, scope, ctx.now);
  // Ids are beside the subjects: fenced without a source.
  const tickets = await openTickets(db, scope, (text) => ctx.fence(text, ''));
  const listed = new Set([...followUps.slice(0, SUMMARY_ITEMS).map((f) => f.id), ...tickets.slice(0, SUMMARY_ITEMS).map((t) => t.id)]);
  const events = (await clientTimeline(db, client.id, { limit: SUMMARY_ITEMS + listed.size, book: ctx.book }))
    .filter((e) => !listed.has(e.id))
    .slice(0, SUMMARY_ITEMS);
  const many = SUMMARY_ITEMS * 2;
  return {
    client: { ...summaryClient(client), ...dropNulls({ status: client.status, assignedUserHandle: client.assignedUserHandle }) },
    contacts: contacts.slice(0, many).map(summaryContact),
    openLeads: leads.slice(0, many).map((l) =>
      dropNulls({
        leadId: l.leadId,
        status: l.status,
        line: l.line,
        xDate: l.xDate,
        nextFollowUpAt: sec(l.nextFollowUpAt),
        consent: summarizeConsent(l.consent),
      }),
    ),
    counts: {
      communications: await countRows(db, leadCommunications, scope),
      notes: await countRows(db, leadNotes, scope),
      openOpportunities: (await openOpportunityCards(db, scope)).length,
      ...(contacts.length > many ? { contacts: contacts.length } : {}),
      ...(leads.length > many ? { openLeads: leads.length } : {}),
      ...cutTotal('openFollowUps', followUps.length),
      ...cutTotal('openTickets', tickets.length),
    },
    recentActivity: events.map((e) => summaryEvent(e, ctx.fence)),
    openFollowUps: followUps
      .slice(0, SUMMARY_ITEMS)
      .map((f) => ({ id: f.id, leadId: f.leadId, dueAt: sec(f.dueAt)!, channel: f.channel, purpose: f.purpose, overdue: f.overdue })),
    openTickets: tickets
      .slice(0, SUMMARY_ITEMS)
      .map((t) => ({ id: t.id, ticketNumber: t.ticketNumber, subject: t.subject, status: t.status, priority: t.priority })),
  };
}
