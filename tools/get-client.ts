import { z } from 'zod';
import { getClientView } from '../src/crm/client-view.js';
import { FENCE_NOTICE } from '../src/crm/fence.js';
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
  clientId: z.uuid().describe('Id of the client (from search_leads or get_lead).'),
});

export const getClientOutput = z.object({
  client: clientView.describe('The client with its addresses.'),
  contacts: z.array(contactView).describe('Contact people, primary first.'),
  openLeads: z.array(leadCardView).describe('Open leads (not won, lost or archived), each with its marketing consent.'),
  openOpportunities: z.array(opportunityView).describe('Open opportunities across the client.'),
  recentCommunications: z.array(communicationView).describe('Latest communications across all its leads (up to 10), newest first.'),
  recentNotes: z.array(noteView).describe('Pinned, then latest notes across all its leads (up to 10).'),
  openFollowUps: z.array(followUpView).describe('Open follow-ups on the client or its leads, soonest due first.'),
  openTickets: z.array(ticketCardView).describe('Open service tickets.'),
});

export const getClientTool = defineTool({
  name: 'get_client',
  title: 'Get a client (360 view)',
  description:
    'One client (person or business): details, addresses, contacts, open leads with consent, opportunities, 10 latest communications and notes, open follow-ups and tickets. Texts cut to ~500 chars. ' +
    FENCE_NOTICE,
  input: getClientInput,
  output: getClientOutput,
  annotations: READ_ONLY,
  scope: 'crm:read',
  handler: (input, ctx) => getClientView(ctx.db, input.clientId, { fence: ctx.fence, now: ctx.now }),
  summarize: (o) => `client ${o.client.id}: ${o.openLeads.length} open leads`,
});
