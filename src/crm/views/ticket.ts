/**
 * A ticket as the tools show it, with customer and model text fenced here (the one layer that
 * fences): subject, description, resolution and the triage texts, each tagged with its part.
 */
import type { Fence } from './fence.js';
import { slaState } from '../tickets/sla.js';
import type { Ticket } from '../tickets/create.js';
import type { SimilarTicket } from '../tickets/triage/similar.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const num = (v: string | null) => (v === null ? null : Number(v));

/** The ticket with its texts fenced and its SLA state at `now`. */
export function ticketViewOf(t: Ticket, fence: Fence, now: Date) {
  const f = (text: string | null, part: string) => fence(text, `ticket:${t.id}:${part}`);
  return {
    ticketId: t.id,
    ticketNumber: t.ticketNumber,
    status: t.status,
    priority: t.priority,
    category: t.category,
    channel: t.channel,
    clientId: t.clientId,
    leadId: t.leadId,
    contactId: t.contactId,
    assigneeId: t.assignedUserId,
    subject: f(t.subject, 'subject')!,
    description: f(t.description, 'description')!,
    resolution: f(t.resolution, 'resolution'),
    openedAt: t.openedAt.toISOString(),
    slaDueAt: iso(t.slaDueAt),
    slaState: slaState(t, now),
    firstResponseAt: iso(t.firstResponseAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    aiCategory: t.aiCategory,
    aiPriority: t.aiPriority,
    aiSentiment: num(t.aiSentiment),
    aiLanguage: t.aiLanguage,
    aiUrgencySignals: t.aiUrgencySignals,
    aiSuggestedAssigneeId: t.aiSuggestedAssigneeId,
    aiSuggestedResolution: f(t.aiSuggestedResolution, 'suggested-resolution'),
    aiRationale: f(t.aiRationale, 'rationale'),
    aiConfidence: num(t.aiConfidence),
    aiModel: t.aiModel,
    aiTriagedAt: iso(t.aiTriagedAt),
    aiSummary: f(t.aiSummary, 'summary'),
  };
}

/** A similar resolved ticket (triage), subject and resolution fenced. */
export function similarTicketViewOf(s: SimilarTicket, fence: Fence) {
  return {
    ticketId: s.id,
    ticketNumber: s.ticketNumber,
    category: s.category,
    subject: fence(s.subject, `ticket:${s.id}:subject`)!,
    resolution: fence(s.resolution, `ticket:${s.id}:resolution`)!,
    rank: s.rank,
  };
}
