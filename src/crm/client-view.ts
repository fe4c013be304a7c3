/**
 * The 360 view of a client, trimmed for a model's context: the client with addresses, contacts,
 * open leads (each with its consent), open opportunities, the latest communications and notes
 * across its leads, open follow-ups and tickets. Customer-written text is truncated and fenced.
 */
import type { DbOrTx } from '../db/client.js';
import type { Fence } from './fence.js';
import {
  openFollowUps,
  openTickets,
  recentCommunications,
  recentNotes,
  type CommunicationCard,
  type FollowUpCard,
  type NoteCard,
  type TicketCard,
} from './view-activity.js';
import {
  clientCard,
  contactCards,
  openLeadCards,
  openOpportunityCards,
  type ClientCard,
  type ContactCard,
  type LeadCard,
  type OpportunityCard,
} from './view-cards.js';

export interface ClientView {
  client: ClientCard;
  contacts: ContactCard[];
  openLeads: LeadCard[];
  openOpportunities: OpportunityCard[];
  recentCommunications: CommunicationCard[];
  recentNotes: NoteCard[];
  openFollowUps: FollowUpCard[];
  openTickets: TicketCard[];
}

/** Assembles the client's 360 view; NOT_FOUND when there is no such client. */
export async function getClientView(db: DbOrTx, clientId: string, ctx: { fence: Fence; now: Date }): Promise<ClientView> {
  const client = await clientCard(db, clientId, ctx.fence);
  const scope = { clientId: client.id };
  return {
    client,
    contacts: await contactCards(db, client.id),
    openLeads: await openLeadCards(db, client.id),
    openOpportunities: await openOpportunityCards(db, scope),
    recentCommunications: await recentCommunications(db, scope, ctx.fence),
    recentNotes: await recentNotes(db, scope, ctx.fence),
    openFollowUps: await openFollowUps(db, scope, ctx.now),
    openTickets: await openTickets(db, scope, ctx.fence),
  };
}
