import { z } from 'zod';
import { getClientSummary, getClientView } from '../src/crm/views/client.js';
import { defineTool, READ_ONLY } from './define.js';
import {
  activityView,
  clientView,
  consentEitherView,
  countsView,
  detailInput,
  communicationView,
  contactView,
  followUpView,
  leadCardView,
  noteView,
  opportunityView,
  ticketCardView,
} from '../src/crm/views/schemas.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const getClientInput = z.strictObject({
  clientId: z.uuid().describe(FIELD.clientId),
  detail: detailInput,
});

// One shape for both details (no anyOf): summary fills the core fields, full fills them all.
export const getClientOutput = z.object({
  detail: z.enum(['summary', 'full']).describe(FIELD.detailLevel),
  client: clientView
    .extend({ city: z.string().nullable().describe('City (summary).'), state: z.string().nullable().describe('State (summary).') })
    .partial()
    .required({ id: true, clientType: true, displayName: true })
    .describe('Full adds addresses.'),
  contacts: z.array(contactView.partial().required({ id: true, firstName: true, lastName: true })).describe('Primary first.'),
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
  openFollowUps: z
    .array(followUpView.partial().required({ id: true, dueAt: true, channel: true, purpose: true, overdue: true }))
    .describe('Soonest first.'),
  openTickets: z
    .array(ticketCardView.partial().required({ id: true, ticketNumber: true, subject: true, status: true, priority: true }))
    .describe('Open tickets.'),
});

export const getClientTool = defineTool({
  name: 'get_client',
  title: 'Get a client',
  description:
    'One client across its leads: summary (contacts, open leads with consent, latest events, open work) or full (adds addresses and records).',
  input: getClientInput,
  output: getClientOutput,
  annotations: READ_ONLY,
  scope: 'crm:read',
  async handler(input, ctx) {
    const opts = { fence: ctx.fence, now: ctx.now, book: ctx.book };
    if (input.detail === 'summary') return { detail: 'summary' as const, ...(await getClientSummary(ctx.db, input.clientId, opts)) };
    return { detail: 'full' as const, ...(await getClientView(ctx.db, input.clientId, opts)) };
  },
  summarize: (o) => `client ${o.client.id}: ${o.openLeads.length} open leads, ${o.detail}`,
});
