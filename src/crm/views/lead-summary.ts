/**
 * The default read of a lead (`detail: "summary"`, about 2 KB): the facts a model needs to answer
 * or plan the next step, counts of what else there is, the latest three events and the open work.
 * Everything else (line-of-business payloads, all communications and notes, addresses,
 * opportunities) comes with `detail: "full"` (lead.ts). Customer text fenced or cleaned.
 * Compact on purpose: null fields of the lead and client are left out, times are to the minute,
 * open follow-ups and tickets are not repeated among the events.
 */
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { cleanField, type Fence } from './fence.js';
import { fieldForDataColumn, LEAD_DATA_FIELDS } from '../leads/data/index.js';
import type { leadSummaryView } from './reads.js';
import { clientConsent, loadLeadWithClient, payloads, type LeadViewOptions } from './lead.js';
import { leadTimeline } from './timeline.js';
import { openFollowUps, openTickets, truncate } from './activity.js';
import { iso, num } from './format.js';
import { clientCardFrom, consentCardOf, contactCards, openLeadCards } from './cards.js';
import {
  cutTotal,
  dropNulls,
  sec,
  SUMMARY_ITEMS,
  SUMMARY_TEXT_CHARS,
  summarizeConsent,
  summaryClient,
  summaryContact,
  summaryEvent,
} from './summary.js';

/** The summary read (its schema in reads.ts). */
export type LeadSummary = z.infer<typeof leadSummaryView>;

/** Most payload keys a summary names; the rest are counted ("+3 more"). */
const PAYLOAD_KEYS_SHOWN = 4;

/** "drivers: 2, vehicles: 1, limits, +3 more": lists first with their length, then other keys. */
export function describePayload(data: Record<string, unknown> | null): string | null {
  if (!data) return null;
  const present = Object.entries(data).filter(([, v]) => v !== null && v !== undefined);
  const lists = present.filter(([, v]) => Array.isArray(v)).map(([k, v]) => `${k}: ${(v as unknown[]).length}`);
  const parts = [...lists, ...present.filter(([, v]) => !Array.isArray(v)).map(([k]) => k)];
  const shown = parts.slice(0, PAYLOAD_KEYS_SHOWN);
  if (parts.length > shown.length) shown.push(`+${parts.length - shown.length} more`);
  return shown.length ? cleanField(shown.join(', ')) : null;
}

/** The summary read of a lead; NOT_FOUND when there is no such lead. */
export async function getLeadSummary(db: DbOrTx, leadId: string, ctx: LeadViewOptions & { fence: Fence }): Promise<LeadSummary> {
  const row = await loadLeadWithClient(db, leadId, ctx.book);
  const { l, s, t } = row;
  const dataField = fieldForDataColumn(t.dataField);
  const data = payloads(l)[dataField] ?? LEAD_DATA_FIELDS.map((f) => payloads(l)[f]).find(Boolean) ?? null;
  const consent = clientConsent(db, row);
  // Independent reads, issued together. The timeline's limit covers the events left after the
  // open follow-ups and tickets listed beside them are dropped (at most SUMMARY_ITEMS of each).
  const [person, contacts, followUps, tickets, others, timeline] = await Promise.all([
    consent,
    contactCards(db, l.clientId),
    openFollowUps(db, { leadId: l.id }, ctx.now),
    // The ticket id is beside its subject: fenced without a source.
    openTickets(db, { clientId: l.clientId, book: ctx.book }, (text) => ctx.fence(text, '')),
    openLeadCards(db, l.clientId, { except: l.id, book: ctx.book, consent }),
    leadTimeline(db, l.id, { limit: SUMMARY_ITEMS * 3, exists: true }),
  ]);
  const client = clientCardFrom(row, ctx.fence);
  // Open follow-ups and tickets have their own lists: the events are the other records (no repeats).
  const listed = new Set([...followUps.slice(0, SUMMARY_ITEMS).map((f) => f.id), ...tickets.slice(0, SUMMARY_ITEMS).map((k) => k.id)]);
  const events = timeline.filter((e) => !listed.has(e.id)).slice(0, SUMMARY_ITEMS);
  return {
    detail: 'summary',
    lead: dropNulls({
      id: l.id,
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
      aiSummary: ctx.fence(truncate(l.aiSummary, SUMMARY_TEXT_CHARS * 1.5).text, ''),
      lastContactedAt: sec(iso(l.lastContactedAt)),
      nextFollowUpAt: sec(iso(l.nextFollowUpAt)),
      dataField,
      dataSummary: describePayload(data),
    }),
    client: summaryClient(client),
    contacts: contacts.slice(0, SUMMARY_ITEMS).map(summaryContact),
    consent: summarizeConsent(consentCardOf(person.forLead(l.id))),
    counts: {
      communications: row.communications,
      notes: row.notes,
      openOpportunities: row.openOpportunities,
      ...cutTotal('openFollowUps', followUps.length),
      ...cutTotal('openTickets', tickets.length),
      ...cutTotal('otherOpenLeads', others.length),
    },
    recentActivity: events.map((e) => summaryEvent(e, ctx.fence)),
    openFollowUps: followUps
      .slice(0, SUMMARY_ITEMS)
      .map((f) => ({ id: f.id, dueAt: sec(f.dueAt)!, channel: f.channel, purpose: f.purpose, overdue: f.overdue })),
    openTickets: tickets
      .slice(0, SUMMARY_ITEMS)
      .map((k) => ({ id: k.id, ticketNumber: k.ticketNumber, subject: k.subject, status: k.status, priority: k.priority })),
    otherOpenLeads: others.slice(0, SUMMARY_ITEMS).map((o) => ({ leadId: o.leadId, status: o.status, line: o.line, xDate: o.xDate })),
  };
}
