import { z } from 'zod';
import { FENCE_NOTICE } from '../src/crm/fence.js';
import { getLeadView } from '../src/crm/lead-view.js';
import { defineTool, READ_ONLY } from './define.js';
import {
  clientView,
  communicationView,
  consentView,
  contactView,
  followUpView,
  leadCardView,
  noteView,
  opportunityView,
  ticketCardView,
} from './lead-views.js';

export const getLeadInput = z.strictObject({
  leadId: z.uuid().describe('Id of the lead (from search_leads).'),
});

const payload = (what: string) =>
  z
    .record(z.string(), z.unknown())
    .nullable()
    .describe(`${what} details at the current schema version (older stored versions are upgraded on read), or null.`);
const at = (what: string) => z.string().nullable().describe(`${what} (ISO 8601), or null.`);

const leadDetail = z.object({
  id: z.uuid().describe('Lead id.'),
  clientId: z.uuid().describe('Client id.'),
  status: z.string().describe('Status code.'),
  statusName: z.string().describe('Status label.'),
  isTerminal: z.boolean().describe('Won, lost or archived.'),
  allowedNext: z.array(z.string()).describe('Statuses update_lead_status may move this lead to.'),
  line: z.string().describe('Line of business code.'),
  lineName: z.string().describe('Line of business label.'),
  lineCategory: z.string().describe('personal, commercial or specialty.'),
  dataField: z.enum(['autoData', 'homeData', 'specialtyData', 'commercialData']).describe("Which payload carries this line's details."),
  campaign: z.string().nullable().describe('Campaign code the lead came from.'),
  source: z.string().nullable().describe('Lead source, e.g. referral, website.'),
  currentCarrier: z.string().nullable().describe('Current carrier.'),
  currentPremium: z.number().nullable().describe('Current annual premium, USD.'),
  quotedPremium: z.number().nullable().describe('Our quoted annual premium, USD.'),
  targetPremium: z.number().nullable().describe('Premium the prospect hopes for, USD.'),
  umbrellaRequested: z.boolean().describe('Umbrella coverage requested.'),
  umbrellaLimit: z.number().nullable().describe('Requested umbrella limit, USD.'),
  xDate: z.string().nullable().describe('X-date (current policy expiry), YYYY-MM-DD.'),
  policyEffectiveDate: z.string().nullable().describe('New policy effective date, YYYY-MM-DD.'),
  assignedUserHandle: z.string().nullable().describe('Assigned user handle.'),
  tags: z.array(z.string()).describe('Lead tags.'),
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

export const getLeadOutput = z.object({
  lead: leadDetail.describe('The lead.'),
  client: clientView.describe("The lead's client."),
  contacts: z.array(contactView).describe("The client's contact people, primary first."),
  consent: consentView.describe('Marketing consent recorded on this lead: check it before calling, texting or emailing.'),
  otherOpenLeads: z.array(leadCardView).describe("The client's other open leads (cross-sell context)."),
  openOpportunities: z.array(opportunityView).describe('Open opportunities on this lead.'),
  recentCommunications: z.array(communicationView).describe('Latest communications on this lead (up to 10), newest first.'),
  recentNotes: z.array(noteView).describe('Pinned, then latest notes on this lead (up to 10).'),
  openFollowUps: z.array(followUpView).describe('Open follow-ups on this lead, soonest due first.'),
  openTickets: z.array(ticketCardView).describe("The client's open service tickets."),
});

export const getLeadTool = defineTool({
  name: 'get_lead',
  title: 'Get a lead (360 view)',
  description:
    'Everything about one lead in one call: the lead with its line-of-business details (drivers, vehicles, dwelling, ...), its client with addresses and contacts, marketing consent, ' +
    "the client's other open leads, open opportunities, the 10 latest communications and notes, open follow-ups and the client's open tickets. Long texts are cut to ~500 characters (truncated: true). " +
    FENCE_NOTICE,
  input: getLeadInput,
  output: getLeadOutput,
  annotations: READ_ONLY,
  scope: 'crm:read',
  handler: (input, ctx) => getLeadView(ctx.db, input.leadId, { fence: ctx.fence, now: ctx.now }),
  summarize: (o) => `lead ${o.lead.id} (${o.lead.status}, ${o.lead.line}) of ${o.client.id}`,
});
