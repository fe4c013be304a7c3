/**
 * The facts the MCP prompts are built on: a lead's briefing with the consent state of the person
 * it is about, and a ticket with its current triage. Reads only; unknown ids are NOT_FOUND and a
 * contact of another client is VALIDATION, so a prompt never renders with an empty context.
 */
import { and, desc, eq } from 'drizzle-orm';
import { consentFor, type ConsentState } from '../crm/compliance/consent.js';
import { getLeadContext } from '../crm/views/lead-context.js';
import { leadTimeZone, type ZoneSource } from '../crm/leads/timezone.js';
import { requireLead } from '../crm/leads/lookup.js';
import { fieldSources, requireTicket } from '../crm/tickets/create.js';
import { assertInBook } from '../crm/access/guard.js';
import { clients, contacts } from '../db/schema/index.js';
import { ValidationError } from '../errors.js';
import type { ToolContext } from '../../tools/define.js';
import { ticketViewOf } from '../crm/views/ticket.js';
import { consentFacts } from './prompt-consent.js';

export interface LeadPromptContext {
  leadId: string;
  clientId: string;
  /** The person the consent facts are for: the given contact, else the client's primary contact, else null (lead-level settings only). */
  contactId: string | null;
  consent: ConsentState;
  zone: { zone: string; source: ZoneSource };
  /** The lead briefing (get_lead_context's text), customer text fenced. */
  briefing: string;
  /** The person line and the consent facts, one bullet per fact. */
  consentText: string;
}

async function personOf(ctx: ToolContext, clientId: string, contactId: string | undefined) {
  const where = contactId
    ? and(eq(contacts.id, contactId), eq(contacts.clientId, clientId))
    : and(eq(contacts.clientId, clientId), eq(contacts.isPrimaryContact, true));
  const [c] = await ctx.db
    .select({ id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName })
    .from(contacts)
    .where(where)
    .orderBy(desc(contacts.isPrimaryContact), contacts.id)
    .limit(1);
  if (contactId && !c) {
    throw new ValidationError(
      `Contact ${contactId} is not a contact of this lead's client.`,
      [{ field: 'contactId', message: 'not a contact of the client' }],
      'Omit contactId to use the primary contact, or pass one from get_client.',
    );
  }
  return c ?? null;
}

/** The briefing and consent facts for one lead; NOT_FOUND for an unknown lead. */
export async function leadPromptContext(ctx: ToolContext, leadId: string, contactId?: string): Promise<LeadPromptContext> {
  await assertInBook(ctx.db, ctx.book, { leadId, ...(contactId ? { contactId } : {}) }, 'read');
  const lead = await requireLead(ctx.db, leadId);
  const person = await personOf(ctx, lead.clientId, contactId);
  const consent = await consentFor(ctx.db, leadId, person?.id ?? null);
  const zone = await leadTimeZone(ctx.db, leadId, {
    contactId: person?.id ?? null,
    settingsZone: consent.timezone,
    agencyZone: ctx.settings.agencyTimezone,
  });
  const briefing = await getLeadContext(ctx.db, ctx.services.embedder, leadId, {
    fence: ctx.fence,
    now: ctx.now,
    rrfK: ctx.settings.rrfK,
    book: ctx.book,
  });
  const who = person
    ? `Person: contact ${person.id}, ${ctx.fence(`${person.firstName} ${person.lastName}`, `contact:${person.id}:name`)}`
    : 'Person: the client (no contact on file; lead-level settings apply).';
  return {
    leadId,
    clientId: lead.clientId,
    contactId: person?.id ?? null,
    consent,
    zone,
    briefing: briefing.text,
    consentText: [who, ...consentFacts({ state: consent, zone, now: ctx.now })].join('\n'),
  };
}

export interface TicketPromptContext {
  ticketId: string;
  clientId: string | null;
  leadId: string | null;
  text: string;
}

const set = (who: string | undefined) =>
  who === 'human' ? 'set by a person: triage will not change it' : who === 'ai' ? 'set by triage' : 'default, not yet chosen';

/** The ticket with its fenced subject and description, client and current triage; NOT_FOUND for an unknown ticket. */
export async function ticketPromptContext(ctx: ToolContext, ticketId: string): Promise<TicketPromptContext> {
  await assertInBook(ctx.db, ctx.book, { ticketId }, 'read');
  const t = await requireTicket(ctx.db, ticketId);
  const v = ticketViewOf(t, ctx.fence, ctx.now);
  const [client] = t.clientId ? await ctx.db.select({ name: clients.displayName }).from(clients).where(eq(clients.id, t.clientId)) : [];
  const sources = fieldSources(t);
  const triage = t.aiTriagedAt
    ? [
        `Current triage (${v.aiModel}, ${v.aiTriagedAt}, confidence ${v.aiConfidence ?? 'unknown'}): category ${v.aiCategory ?? '-'}, priority ${v.aiPriority ?? '-'}, sentiment ${v.aiSentiment ?? '-'}, language ${v.aiLanguage ?? '-'}, urgency signals ${v.aiUrgencySignals.join(', ') || 'none'}.`,
        v.aiSummary && `Triage summary:\n${v.aiSummary}`,
        v.aiRationale && `Triage rationale:\n${v.aiRationale}`,
        v.aiSuggestedResolution && `Suggested resolution:\n${v.aiSuggestedResolution}`,
      ]
    : ['Current triage: not triaged yet.'];
  const text = [
    `Ticket T-${v.ticketNumber} (id ${v.ticketId}): status ${v.status}, channel ${v.channel}, opened ${v.openedAt}.`,
    `Category ${v.category ?? 'none'} (${set(sources.category)}); priority ${v.priority} (${set(sources.priority)}); SLA due ${v.slaDueAt ?? 'none'} (${v.slaState}).`,
    t.clientId ? `Client ${t.clientId}: ${ctx.fence(client?.name ?? 'unknown', `client:${t.clientId}:name`)}` : 'Client: none.',
    `Lead: ${v.leadId ?? 'none'}; contact: ${v.contactId ?? 'unknown'}; assignee: ${v.assigneeId ?? 'unassigned'}.`,
    `Subject:\n${v.subject}`,
    `Description:\n${v.description}`,
    ...triage.filter(Boolean),
  ].join('\n');
  return { ticketId: t.id, clientId: t.clientId, leadId: t.leadId, text };
}
