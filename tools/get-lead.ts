import { z } from 'zod';
import { hasScope } from '../src/crm/access/actor.js';
import { getLeadSummary } from '../src/crm/views/lead-summary.js';
import { getLeadView } from '../src/crm/views/lead.js';
import { AppError } from '../src/errors.js';
import { defineTool, READ_ONLY, type ToolContext } from './define.js';
import {
  activityView,
  clientView,
  communicationView,
  consentEitherView,
  contactView,
  countsView,
  detailInput,
  followUpView,
  includePiiInput,
  leadCardView,
  leadDetailView,
  noteView,
  opportunityView,
  ticketCardView,
} from '../src/crm/views/schemas.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const getLeadInput = z.strictObject({
  leadId: z.uuid().describe(FIELD.leadId),
  detail: detailInput,
  includePii: includePiiInput,
});

// One shape for both details (no anyOf): summary fills the core fields, full fills them all.
export const getLeadOutput = z.object({
  detail: z.enum(['summary', 'full']).describe(FIELD.detailLevel),
  lead: leadDetailView
    .partial()
    .required({ id: true, status: true, line: true, allowedNext: true })
    .describe('Full adds dates and line payloads.'),
  client: clientView
    .extend({ city: z.string().nullable().describe('City (summary).'), state: z.string().nullable().describe('State (summary).') })
    .partial()
    .required({ id: true, clientType: true, displayName: true })
    .describe('Full adds addresses.'),
  contacts: z.array(contactView.partial().required({ id: true, firstName: true, lastName: true })).describe('Primary first.'),
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
  openFollowUps: z
    .array(followUpView.partial().required({ id: true, dueAt: true, channel: true, purpose: true, overdue: true }))
    .describe('Soonest first.'),
  openTickets: z
    .array(ticketCardView.partial().required({ id: true, ticketNumber: true, subject: true, status: true, priority: true }))
    .describe("The client's."),
});

/** includePii needs the crm:pii scope: refused, not silently ignored. */
export function assertPiiAllowed(includePii: boolean, ctx: Pick<ToolContext, 'actor'>): void {
  if (includePii && !hasScope(ctx.actor, 'crm:pii')) {
    throw new AppError('FORBIDDEN', 'includePii needs the crm:pii scope, which this caller does not hold.', {
      hint: 'Call again without includePii (licence numbers, dates of birth and VINs come masked), or use a token created with --scopes crm:pii.',
    });
  }
}

export const getLeadTool = defineTool({
  name: 'get_lead',
  title: 'Get a lead',
  description:
    'One lead: summary (~2 KB: facts, client, contacts, consent, latest events, open work) or full (adds line details and records).',
  input: getLeadInput,
  output: getLeadOutput,
  annotations: READ_ONLY,
  scope: 'crm:read',
  async handler(input, ctx) {
    assertPiiAllowed(input.includePii, ctx);
    const opts = { fence: ctx.fence, now: ctx.now, includePii: input.includePii, book: ctx.book };
    if (input.detail === 'summary') return getLeadSummary(ctx.db, input.leadId, opts);
    return { detail: 'full' as const, ...(await getLeadView(ctx.db, input.leadId, opts)) };
  },
  summarize: (o) => `lead ${o.lead.id} (${o.lead.status}, ${o.lead.line}) of ${o.client.id}, ${o.detail}`,
});
