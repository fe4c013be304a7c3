import { z } from 'zod';
import { getClientView } from '../src/crm/client-view.js';
import { defineTool, READ_ONLY } from './define.js';
import {
  clientView,
  communicationView,
  contactView,
  followUpView,
  leadCardView,
  noteView,
  opportunityView,
  ticketCardView,
} from './lead-views.js';

export const getClientInput = z.strictObject({
  clientId: z.uuid().describe('Client id.'),
});

export const getClientOutput = z.object({
  client: clientView.describe('With addresses.'),
  contacts: z.array(contactView).describe('Primary first.'),
  openLeads: z.array(leadCardView).describe('With consent.'),
  openOpportunities: z.array(opportunityView).describe('Open opportunities.'),
  recentCommunications: z.array(communicationView).describe('Newest first.'),
  recentNotes: z.array(noteView).describe('Pinned, then newest.'),
  openFollowUps: z.array(followUpView).describe('Soonest first.'),
  openTickets: z.array(ticketCardView).describe('Open tickets.'),
});

export const getClientTool = defineTool({
  name: 'get_client',
  title: 'Get a client',
  description: 'One client across its leads: contacts, open leads with consent, latest records, open work.',
  input: getClientInput,
  output: getClientOutput,
  annotations: READ_ONLY,
  scope: 'crm:read',
  handler: (input, ctx) => getClientView(ctx.db, input.clientId, { fence: ctx.fence, now: ctx.now }),
  summarize: (o) => `client ${o.client.id}: ${o.openLeads.length} open leads`,
});
