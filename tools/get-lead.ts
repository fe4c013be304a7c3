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

const payload = (what: string) =>
  z.record(z.string(), z.unknown()).nullable().describe(`${what} details (current schema version), or null.`);
const at = (what: string) => z.string().nullable().describe(`${what} (ISO 8601), or null.`);

const leadDetail = z.object({
  id: z.uuid().describe(FIELD.leadId),
  clientId: z.uuid().describe(FIELD.clientId),
  status: z.string().describe(FIELD.statusCode),
  statusName: z.string().describe('Status label.'),
  isTerminal: z.boolean().describe('Won, lost or archived.'),
  allowedNext: z.array(z.string()).describe('Statuses update_lead_status may move this lead to.'),
  line: z.string().describe(FIELD.line),
  lineName: z.string().describe('Line of business label.'),
  lineCategory: z.string().describe('personal, commercial or specialty.'),
  dataField: z.enum(['autoData', 'homeData', 'specialtyData', 'commercialData']).describe("Which payload carries this line's details."),
  dataSummary: z.string().nullable().describe('Summary only: what the payload holds, e.g. "drivers: 2, vehicles: 1".'),
  campaign: z.string().nullable().describe('Campaign code.'),
  source: z.string().nullable().describe('Lead source, customer-written.'),
  currentCarrier: z.string().nullable().describe('Current carrier, customer-written.'),
  currentPremium: z.number().nullable().describe(FIELD.currentPremium),
  quotedPremium: z.number().nullable().describe(FIELD.quotedPremium),
  targetPremium: z.number().nullable().describe('Premium the prospect hopes for, USD.'),
  umbrellaRequested: z.boolean().describe('Umbrella coverage requested.'),
  umbrellaLimit: z.number().nullable().describe('Requested umbrella limit, USD.'),
  xDate: z.string().nullable().describe(FIELD.xDate),
  policyEffectiveDate: z.string().nullable().describe('New policy effective date, YYYY-MM-DD.'),
  assignedUserHandle: z.string().nullable().describe(FIELD.assignedUserHandle),
  tags: z.array(z.string()).describe(FIELD.leadTags),
  customFields: z.record(z.string(), z.unknown()).describe('Agency-defined custom fields.'),
  aiSummary: z.string().nullable().describe('AI summary of the lead, fenced.'),
  aiNextAction: z.string().nullable().describe('AI-suggested next action, fenced.'),
  aiScore: z.number().nullable().describe('AI likelihood to bind, 0-100.'),
  aiFollowUpPriority: z.number().nullable().describe('AI follow-up priority, 1 (highest) to 5.'),
  createdAt: z.string().describe('Created (ISO 8601).'),
  updatedAt: z.string().describe('Last updated (ISO 8601).'),
  statusChangedAt: at('Last status change'),
  firstContactedAt: at('First contact'),
  lastContactedAt: at('Last contact'),
  nextFollowUpAt: at('Next follow-up'),
  qualifiedAt: at('Qualified'),
  quotedAt: at('Quoted'),
  proposalSentAt: at('Proposal sent'),
  wonAt: at('Won'),
  lostAt: at('Lost'),
  lostReason: z.string().nullable().describe('Why it was lost.'),
  archivedAt: at('Archived'),
  autoData: payload('Auto / motorcycle'),
  homeData: payload('Home / renters / condo'),
  specialtyData: payload('Umbrella / boat / flood / life'),
  commercialData: payload('Commercial'),
  dataIssues: z.array(z.string()).describe('Payloads that could not be upgraded and are shown as stored; usually empty.'),
});

// One shape for both details (no anyOf): summary fills the core fields, full fills them all.
export const getLeadOutput = z.object({
  detail: z.enum(['summary', 'full']).describe(FIELD.detailLevel),
  lead: leadDetail
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
    const opts = { fence: ctx.fence, now: ctx.now, includePii: input.includePii };
    if (input.detail === 'summary') return getLeadSummary(ctx.db, input.leadId, opts);
    return { detail: 'full' as const, ...(await getLeadView(ctx.db, input.leadId, opts)) };
  },
  summarize: (o) => `lead ${o.lead.id} (${o.lead.status}, ${o.lead.line}) of ${o.client.id}, ${o.detail}`,
});
