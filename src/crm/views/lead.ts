/**
 * The 360 view of one lead, trimmed for a model's context: the lead (JSONB payloads upgraded to
 * their current schema version), its client with addresses and contacts, the client's other open
 * leads, open opportunities, the latest communications and notes, open follow-ups and tickets,
 * and the lead's consent. Customer-written text is truncated and fenced (bodies) or cleaned (short
 * fields); licence numbers, dates of birth and VINs in the payloads are masked unless asked for.
 */
import { leadAssigneeInBook, type Book } from '../access/book.js';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  campaigns,
  clients,
  insuranceTypes,
  leadCommunications,
  leadNotes,
  leads,
  leadStatuses,
  opportunities,
  users,
} from '../../db/schema/index.js';
import { contactPointsFrom, loadPersonConsent } from '../compliance/consent-read.js';
import { NotFoundError } from '../../errors.js';
import { cleanDeep, cleanField, type Fence } from './fence.js';
import { maskPii } from '../audit/pii.js';
import { fieldForDataColumn, LEAD_DATA_FIELDS, readLeadData, type LeadDataField } from '../leads/data/index.js';
import { iso, num } from './format.js';
import { openFollowUps, openTickets, recentCommunications, recentNotes } from './activity.js';
import { clientCardColumns, clientCardFrom, consentCardOf, contactCards, openLeadCards, openOpportunityCards } from './cards.js';
import type { z } from 'zod';
import type { leadDetailView } from './schemas.js';
import type { leadFullView } from './reads.js';

/** The lead in the full view; `dataSummary` belongs to the summary read only. */
export type LeadDetail = Omit<z.infer<typeof leadDetailView>, 'dataSummary'>;

/** The full 360 view (its schema in reads.ts). */
export type LeadView = z.infer<typeof leadFullView>;

type LeadRow = typeof leads.$inferSelect;

/** Options of the lead views. */
export interface LeadViewOptions {
  fence: Fence;
  now: Date;
  /** Return licence numbers, dates of birth and VINs unmasked; the caller checked the crm:pii scope. */
  includePii?: boolean;
  /** The caller's book: the client's other leads (and their tickets) outside it are left out. */
  book?: Book;
}

/**
 * Upgrades each stored payload; a payload that cannot be read is returned as stored and reported.
 * Payloads come from forms and imports: their strings are cleaned like any customer-written field.
 */
export function payloads(l: LeadRow, includePii = false): Pick<LeadDetail, LeadDataField | 'dataIssues'> {
  const out = { autoData: null, homeData: null, specialtyData: null, commercialData: null, dataIssues: [] as string[] } as Pick<
    LeadDetail,
    LeadDataField | 'dataIssues'
  >;
  for (const field of LEAD_DATA_FIELDS) {
    const stored = l[field];
    const version = l[`${field}Version`];
    try {
      out[field] = readLeadData(field, stored, version);
    } catch (err) {
      out[field] = stored ?? null;
      out.dataIssues.push(`${field} (stored version ${String(version)}) returned as stored: ${(err as Error).message}`);
    }
    const value = out[field];
    if (value) out[field] = cleanDeep(includePii ? value : maskPii(value));
  }
  return out;
}

const leadColumns = { l: leads, s: leadStatuses, t: insuranceTypes, campaign: campaigns.code, handle: users.handle };

/**
 * The lead row with its status, line, campaign and assignee, its client's card columns and the
 * lead's record counts, in one query: each query is a round trip to a database that runs one at
 * a time. NOT_FOUND when there is no such lead, and, word for word the same, when it is outside
 * `book` (so get_lead's book check is this read, not a query of its own: tools/get-lead.ts).
 */
export async function loadLeadWithClient(db: DbOrTx, leadId: string, book?: Book) {
  const o = opportunities;
  const [row] = await db
    .select({
      ...leadColumns,
      ...clientCardColumns,
      openOpportunities: sql<number>`(select count(*)::int from ${o} where ${o.leadId} = ${leads.id} and ${o.stage} not in ('won', 'lost'))`,
      communications: sql<number>`(select count(*)::int from ${leadCommunications} where ${leadCommunications.leadId} = ${leads.id})`,
      notes: sql<number>`(select count(*)::int from ${leadNotes} where ${leadNotes.leadId} = ${leads.id})`,
    })
    .from(leads)
    .innerJoin(leadStatuses, eq(leadStatuses.id, leads.statusId))
    .innerJoin(insuranceTypes, eq(insuranceTypes.id, leads.insuranceTypeId))
    .leftJoin(campaigns, eq(campaigns.id, leads.campaignId))
    .leftJoin(users, eq(users.id, leads.assignedUserId))
    .innerJoin(clients, eq(clients.id, leads.clientId))
    // The lead is in the book when its assignee is (what leadIdInBook asks of the lead's own row).
    .where(and(eq(leads.id, leadId), book && leadAssigneeInBook(book, sql`${leads.assignedUserId}`)))
    .limit(1);
  if (!row) throw new NotFoundError('lead', leadId, 'Use search_leads to find the lead id.');
  return row;
}

/**
 * Reads the client's consent once for the lead and its other open leads, from the client row
 * just read (its phone and email are the contact points).
 */
export function clientConsent(db: DbOrTx, row: Awaited<ReturnType<typeof loadLeadWithClient>>) {
  return loadPersonConsent(db, row.c.id, null, contactPointsFrom(row.c.phone, null, row.c.email));
}

/**
 * Assembles the lead's full 360 view; NOT_FOUND when there is no such lead. After the lead read,
 * the other reads do not depend on each other and are issued together (on a server, they run
 * on several connections).
 */
export async function getLeadView(db: DbOrTx, leadId: string, ctx: LeadViewOptions): Promise<LeadView> {
  const row = await loadLeadWithClient(db, leadId, ctx.book);
  const { l, s, t } = row;
  const lead: LeadDetail = {
    id: l.id,
    clientId: l.clientId,
    status: s.code,
    statusName: s.name,
    isTerminal: s.isTerminal,
    allowedNext: s.allowedNext,
    line: t.code,
    lineName: t.name,
    lineCategory: t.category,
    dataField: fieldForDataColumn(t.dataField),
    campaign: row.campaign,
    source: cleanField(l.source),
    currentCarrier: cleanField(l.currentCarrier),
    currentPremium: num(l.currentPremium),
    quotedPremium: num(l.quotedPremium),
    targetPremium: num(l.targetPremium),
    umbrellaRequested: l.umbrellaRequested,
    umbrellaLimit: num(l.umbrellaLimit),
    xDate: l.xDate,
    policyEffectiveDate: l.policyEffectiveDate,
    assignedUserHandle: row.handle,
    tags: l.tags.map((x) => cleanField(x)),
    customFields: cleanDeep(l.customFields),
    // AI text is derived from customer text, so it is fenced like it.
    aiSummary: ctx.fence(l.aiSummary, `lead-ai-summary:${l.id}`),
    aiNextAction: ctx.fence(l.aiNextAction, `lead-ai-next-action:${l.id}`),
    aiScore: l.aiScore,
    aiFollowUpPriority: l.aiFollowUpPriority,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    statusChangedAt: iso(l.statusChangedAt),
    firstContactedAt: iso(l.firstContactedAt),
    lastContactedAt: iso(l.lastContactedAt),
    nextFollowUpAt: iso(l.nextFollowUpAt),
    qualifiedAt: iso(l.qualifiedAt),
    quotedAt: iso(l.quotedAt),
    proposalSentAt: iso(l.proposalSentAt),
    wonAt: iso(l.wonAt),
    lostAt: iso(l.lostAt),
    lostReason: cleanField(l.lostReason),
    archivedAt: iso(l.archivedAt),
    ...payloads(l, ctx.includePii),
  };
  const consent = clientConsent(db, row);
  const [person, contacts, otherOpenLeads, openOpportunities, communications, notes, followUps, tickets] = await Promise.all([
    consent,
    contactCards(db, l.clientId),
    openLeadCards(db, l.clientId, { except: l.id, book: ctx.book, consent }),
    openOpportunityCards(db, { leadId: l.id }),
    recentCommunications(db, { leadId: l.id }, ctx.fence),
    recentNotes(db, { leadId: l.id }, ctx.fence),
    openFollowUps(db, { leadId: l.id }, ctx.now),
    openTickets(db, { clientId: l.clientId, book: ctx.book }, ctx.fence),
  ]);
  return {
    lead,
    client: clientCardFrom(row, ctx.fence),
    contacts,
    consent: consentCardOf(person.forLead(l.id)),
    otherOpenLeads,
    openOpportunities,
    recentCommunications: communications,
    recentNotes: notes,
    openFollowUps: followUps,
    openTickets: tickets,
  };
}
