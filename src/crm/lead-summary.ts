/**
 * The default read of a lead (`detail: "summary"`, about 2 KB): the facts a model needs to answer
 * or plan the next step, counts of what else there is, the latest three events and the open work.
 * Everything else (line-of-business payloads, all communications and notes, addresses,
 * opportunities) comes with `detail: "full"` (lead-view.ts). Customer text fenced or cleaned.
 */
import { and, count, eq, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { leadCommunications, leadNotes, opportunities } from '../db/schema/index.js';
import { cleanField, type Fence } from './fence.js';
import { fieldForDataColumn, LEAD_DATA_FIELDS, type LeadDataField } from './lead-data/index.js';
import { loadLeadRow, payloads, type LeadViewOptions } from './lead-view.js';
import { leadTimeline } from './timeline.js';
import { iso, num, openFollowUps, openTickets, truncate } from './view-activity.js';
import { clientCard, consentCard, contactCards, openLeadCards, type ConsentCard } from './view-cards.js';

/** Longest event text in a summary; the full view and get_lead_context carry more. */
export const SUMMARY_TEXT_CHARS = 90;
/** Items per list in a summary; `counts` says how many there are in all. */
export const SUMMARY_ITEMS = 3;

export interface LeadSummary {
  detail: 'summary';
  lead: {
    id: string;
    clientId: string;
    status: string;
    allowedNext: string[];
    line: string;
    source: string | null;
    currentCarrier: string | null;
    currentPremium: number | null;
    quotedPremium: number | null;
    targetPremium: number | null;
    xDate: string | null;
    assignedUserHandle: string | null;
    tags: string[];
    aiScore: number | null;
    aiSummary: string | null;
    lastContactedAt: string | null;
    nextFollowUpAt: string | null;
    dataField: LeadDataField;
    /** What the line payload holds, e.g. "drivers: 2, vehicles: 1, coverages"; null when empty. */
    dataSummary: string | null;
  };
  client: {
    id: string;
    clientType: 'individual' | 'business';
    displayName: string;
    email: string | null;
    phone: string | null;
    city: string | null;
    state: string | null;
    timezone: string | null;
  };
  contacts: { id: string; firstName: string; lastName: string; roles: string[]; isPrimary: boolean }[];
  consent: ConsentCard;
  counts: {
    communications: number;
    notes: number;
    openFollowUps: number;
    openTickets: number;
    otherOpenLeads: number;
    openOpportunities: number;
  };
  recentActivity: { kind: string; id: string; at: string; title: string; text: string | null }[];
  openFollowUps: { id: string; dueAt: string; channel: string; purpose: string; overdue: boolean }[];
  openTickets: { id: string; ticketNumber: number; subject: string; status: string; priority: string }[];
  otherOpenLeads: { leadId: string; status: string; line: string; xDate: string | null }[];
}

/** "drivers: 2, vehicles: 1, coverages": top-level keys of a payload, lists with their length. */
function describePayload(data: Record<string, unknown> | null): string | null {
  if (!data) return null;
  const parts = Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => (Array.isArray(v) ? `${k}: ${v.length}` : k));
  return parts.length ? cleanField(parts.join(', ')) : null;
}

const countOf = async (db: DbOrTx, table: typeof leadNotes | typeof leadCommunications, leadId: string) =>
  (await db.select({ n: count() }).from(table).where(eq(table.leadId, leadId)))[0]?.n ?? 0;

/** The summary read of a lead; NOT_FOUND when there is no such lead. */
export async function getLeadSummary(db: DbOrTx, leadId: string, ctx: LeadViewOptions & { fence: Fence }): Promise<LeadSummary> {
  const row = await loadLeadRow(db, leadId);
  const { l, s, t } = row;
  const dataField = fieldForDataColumn(t.dataField);
  const data = payloads(l)[dataField] ?? LEAD_DATA_FIELDS.map((f) => payloads(l)[f]).find(Boolean) ?? null;
  const client = await clientCard(db, l.clientId, ctx.fence);
  const physical = client.addresses.find((a) => a.kind === 'physical') ?? client.addresses[0];
  const contacts = await contactCards(db, l.clientId);
  const followUps = await openFollowUps(db, { leadId: l.id }, ctx.now);
  const tickets = await openTickets(db, { clientId: l.clientId }, ctx.fence);
  const others = await openLeadCards(db, l.clientId, { except: l.id });
  const [opps] = await db
    .select({ n: count() })
    .from(opportunities)
    .where(and(eq(opportunities.leadId, l.id), notInArray(opportunities.stage, ['won', 'lost'])));
  const events = await leadTimeline(db, l.id, { limit: SUMMARY_ITEMS });
  return {
    detail: 'summary',
    lead: {
      id: l.id,
      clientId: l.clientId,
      status: s.code,
      allowedNext: s.allowedNext,
      line: t.code,
      source: cleanField(l.source),
      currentCarrier: cleanField(l.currentCarrier),
      currentPremium: num(l.currentPremium),
      quotedPremium: num(l.quotedPremium),
      targetPremium: num(l.targetPremium),
      xDate: l.xDate,
      assignedUserHandle: row.handle,
      tags: l.tags.map((x) => cleanField(x)),
      aiScore: l.aiScore,
      aiSummary: ctx.fence(truncate(l.aiSummary, SUMMARY_TEXT_CHARS * 2).text, 'lead-ai-summary'),
      lastContactedAt: iso(l.lastContactedAt),
      nextFollowUpAt: iso(l.nextFollowUpAt),
      dataField,
      dataSummary: describePayload(data),
    },
    client: {
      id: client.id,
      clientType: client.clientType,
      displayName: client.displayName,
      email: client.email,
      phone: client.phone,
      city: physical?.city ?? null,
      state: physical?.state ?? null,
      timezone: client.timezone,
    },
    contacts: contacts
      .slice(0, SUMMARY_ITEMS)
      .map((k) => ({ id: k.id, firstName: k.firstName, lastName: k.lastName, roles: k.roles, isPrimary: k.isPrimary })),
    consent: await consentCard(db, l.id),
    counts: {
      communications: await countOf(db, leadCommunications, l.id),
      notes: await countOf(db, leadNotes, l.id),
      openFollowUps: followUps.length,
      openTickets: tickets.length,
      otherOpenLeads: others.length,
      openOpportunities: opps?.n ?? 0,
    },
    recentActivity: events.map((e) => ({
      kind: e.kind,
      id: e.id,
      at: e.at,
      title: e.title,
      // The record id is right beside it: the fence names the kind only.
      text: ctx.fence(truncate(e.text, SUMMARY_TEXT_CHARS).text, e.kind),
    })),
    openFollowUps: followUps
      .slice(0, SUMMARY_ITEMS)
      .map((f) => ({ id: f.id, dueAt: f.dueAt, channel: f.channel, purpose: f.purpose, overdue: f.overdue })),
    openTickets: tickets
      .slice(0, SUMMARY_ITEMS)
      .map((k) => ({ id: k.id, ticketNumber: k.ticketNumber, subject: k.subject, status: k.status, priority: k.priority })),
    otherOpenLeads: others.slice(0, SUMMARY_ITEMS).map((o) => ({ leadId: o.leadId, status: o.status, line: o.line, xDate: o.xDate })),
  };
}
