/**
 * The answers of get_lead and get_client, either detail, as one zod schema each (the tools'
 * output): one shape for both details (no anyOf), summary filling the core fields, full filling
 * them all. The builders' types are derived here too: the summaries from these schemas, the full
 * views from the same cards (schemas.ts) with every field, so a field a builder forgets fails the
 * typecheck.
 */
import { z } from 'zod';
import {
  activityView,
  clientView,
  consentView,
  communicationView,
  consentEitherView,
  contactView,
  countsView,
  followUpView,
  leadCardView,
  leadDetailView,
  noteView,
  opportunityView,
  ticketCardView,
} from './schemas.js';
import { FIELD } from './vocabulary.js';

const detail = z.enum(['summary', 'full']).describe(FIELD.detailLevel);

/** The client as either detail shows it: summary has city and state, full the addresses. */
const clientEither = clientView
  .extend({ city: z.string().nullable().describe('City (summary).'), state: z.string().nullable().describe('State (summary).') })
  .partial()
  .required({ id: true, clientType: true, displayName: true })
  .describe('Full adds addresses.');

const contactsEither = z.array(contactView.partial().required({ id: true, firstName: true, lastName: true })).describe('Primary first.');

const followUpsEither = z
  .array(followUpView.partial().required({ id: true, dueAt: true, channel: true, purpose: true, overdue: true }))
  .describe('Soonest first.');

const ticketsEither = z.array(
  ticketCardView.partial().required({ id: true, ticketNumber: true, subject: true, status: true, priority: true }),
);

/** get_lead's answer. */
export const leadReadView = z.object({
  detail,
  lead: leadDetailView
    .partial()
    .required({ id: true, status: true, line: true, allowedNext: true })
    .describe('Full adds dates and line payloads.'),
  client: clientEither,
  contacts: contactsEither,
  consent: consentEitherView.describe('Per channel; check before contacting.'),
  counts: countsView
    .partial()
    .required({ communications: true, notes: true, openOpportunities: true })
    .optional()
    .describe('Summary: totals.'),
  recentActivity: z.array(activityView).optional().describe('Summary.'),
  otherOpenLeads: z.array(leadCardView.partial().required({ leadId: true, status: true, line: true })).describe("The client's."),
  openOpportunities: z.array(opportunityView).optional().describe('Full.'),
  recentCommunications: z.array(communicationView).optional().describe('Full.'),
  recentNotes: z.array(noteView).optional().describe('Full.'),
  openFollowUps: followUpsEither,
  openTickets: ticketsEither.describe("The client's."),
});

/** get_client's answer. */
export const clientReadView = z.object({
  detail,
  client: clientEither,
  contacts: contactsEither,
  openLeads: z
    .array(
      leadCardView.extend({ consent: consentEitherView }).partial().required({ leadId: true, status: true, line: true, consent: true }),
    )
    .describe('With consent.'),
  counts: countsView
    .partial()
    .extend({ contacts: z.number().int().optional().describe('Contacts.'), openLeads: z.number().int().optional().describe('Open leads.') })
    .optional()
    .describe('Summary: totals.'),
  recentActivity: z.array(activityView).optional().describe('Summary.'),
  openOpportunities: z.array(opportunityView).optional().describe('Full.'),
  recentCommunications: z.array(communicationView).optional().describe('Full.'),
  recentNotes: z.array(noteView).optional().describe('Full: pinned, then newest.'),
  openFollowUps: followUpsEither,
  openTickets: ticketsEither.describe('Open tickets.'),
});

/** What `detail: "summary"` of get_lead fills (getLeadSummary): no records lists, but counts and the latest events. */
export const leadSummaryView = leadReadView
  .omit({ openOpportunities: true, recentCommunications: true, recentNotes: true })
  .required({ counts: true, recentActivity: true })
  .extend({ detail: z.literal('summary') });

/** What `detail: "summary"` of get_client fills (getClientSummary; the tool adds `detail`). */
export const clientSummaryView = clientReadView
  .omit({ detail: true, openOpportunities: true, recentCommunications: true, recentNotes: true })
  .required({ counts: true, recentActivity: true });

/** What `detail: "full"` of get_lead fills (getLeadView; the tool adds `detail`): every card in full. */
export const leadFullView = z.object({
  lead: leadDetailView.omit({ dataSummary: true }),
  client: clientView,
  contacts: z.array(contactView),
  consent: consentView,
  otherOpenLeads: z.array(leadCardView),
  openOpportunities: z.array(opportunityView),
  recentCommunications: z.array(communicationView),
  recentNotes: z.array(noteView),
  openFollowUps: z.array(followUpView),
  /** Open tickets of the lead's client (service issues matter when selling to the same customer). */
  openTickets: z.array(ticketCardView),
});

/** What `detail: "full"` of get_client fills (getClientView; the tool adds `detail`). */
export const clientFullView = leadFullView
  .pick({
    client: true,
    contacts: true,
    openOpportunities: true,
    recentCommunications: true,
    recentNotes: true,
    openFollowUps: true,
    openTickets: true,
  })
  .extend({ openLeads: z.array(leadCardView) });
