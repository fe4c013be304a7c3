/**
 * Record pieces of the 360 views: the client with its addresses, contacts, leads, opportunities,
 * consent. Names, addresses, titles and other short customer-written fields are cleaned (fence.ts).
 */
import { and, asc, desc, eq, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { addresses, clients, contacts, insuranceTypes, leads, leadStatuses, opportunities, users } from '../../db/schema/index.js';
import { NotFoundError } from '../../errors.js';
import { consentFor, loadPersonConsent, type ConsentState, type PersonConsent } from '../compliance/consent.js';
import { leadAssigneeInBook, recordInBook, type Book } from '../access/book.js';
import { cleanField as c, type Fence } from './fence.js';
import { iso, num } from './format.js';
import type { z } from 'zod';
import type { addressView, clientView, consentView, contactView, leadCardView, opportunityView } from './schemas.js';

export type AddressCard = z.infer<typeof addressView>;
export type ClientCard = z.infer<typeof clientView>;
export type ContactCard = z.infer<typeof contactView>;
export type ConsentCard = z.infer<typeof consentView>;
export type LeadCard = z.infer<typeof leadCardView>;
export type OpportunityCard = z.infer<typeof opportunityView>;

/** The address fields a card shows, as one JSON object (text and booleans survive JSON unchanged). */
type AddressFields = Pick<
  typeof addresses.$inferSelect,
  'line1' | 'line2' | 'city' | 'state' | 'postalCode' | 'county' | 'country' | 'timezone' | 'isVerified'
>;
const addressJson = (id: SQL) => sql<AddressFields | null>`(select json_build_object('line1', a.line1, 'line2', a.line2,
  'city', a.city, 'state', a.state, 'postalCode', a.postal_code, 'county', a.county, 'country', a.country,
  'timezone', a.timezone, 'isVerified', a.is_verified) from ${addresses} a where a.id = ${id})`;

/**
 * The columns a client card is built from (clientCardFrom), to select from `clients` beside
 * others: a lead read selects them too. The assignee and the addresses are scalar subqueries,
 * not joins: each join adds to the planner's join-order search, which on a small lookup costs
 * more than running it (a nine-table join planned in ~7 ms, executed in 0.4).
 */
export const clientCardColumns = {
  c: clients,
  clientHandle: sql<string | null>`(select u.handle from ${users} u where u.id = ${clients.assignedUserId})`,
  physical: addressJson(sql`${clients.addressId}`),
  mailing: addressJson(sql`${clients.mailingAddressId}`),
};

/** The client card from its row, assignee handle and addresses. The AI summary is fenced (it is built from customer text). */
export function clientCardFrom(
  row: { c: typeof clients.$inferSelect; clientHandle: string | null; physical: AddressFields | null; mailing: AddressFields | null },
  fence: Fence,
): ClientCard {
  const card = (kind: AddressCard['kind'], a: AddressFields | null): AddressCard[] => {
    if (!a) return [];
    return [
      {
        kind,
        line1: c(a.line1),
        line2: c(a.line2),
        city: c(a.city),
        state: c(a.state),
        postalCode: c(a.postalCode),
        county: c(a.county),
        country: c(a.country),
        timezone: a.timezone,
        isVerified: a.isVerified,
      },
    ];
  };
  const k = row.c;
  return {
    id: k.id,
    clientType: k.clientType,
    displayName: c(k.displayName),
    firstName: c(k.firstName),
    lastName: c(k.lastName),
    businessName: c(k.businessName),
    dbaName: c(k.dbaName),
    industry: c(k.industry),
    email: c(k.email),
    phone: c(k.phone),
    website: c(k.website),
    preferredContactMethod: k.preferredContactMethod,
    timezone: k.timezone,
    status: k.status,
    assignedUserHandle: row.clientHandle,
    tags: k.tags.map((t) => c(t)),
    aiSummary: fence(k.aiSummary, `client-ai-summary:${k.id}`),
    lastContactAt: iso(k.lastContactAt),
    nextContactAt: iso(k.nextContactAt),
    createdAt: k.createdAt.toISOString(),
    addresses: [...card('physical', row.physical), ...card('mailing', row.mailing)],
  };
}

/** The client with its addresses, in one query; NOT_FOUND when missing. */
export async function clientCard(db: DbOrTx, clientId: string, fence: Fence): Promise<ClientCard> {
  const [row] = await db.select(clientCardColumns).from(clients).where(eq(clients.id, clientId)).limit(1);
  if (!row) throw new NotFoundError('client', clientId, 'Use search_leads to find the client id.');
  return clientCardFrom(row, fence);
}

/** The client's contacts, primary first. */
export async function contactCards(db: DbOrTx, clientId: string, limit = 50): Promise<ContactCard[]> {
  const rows = await db
    .select()
    .from(contacts)
    .where(eq(contacts.clientId, clientId))
    .orderBy(desc(contacts.isPrimaryContact), asc(contacts.lastName), asc(contacts.firstName))
    .limit(limit);
  return rows.map((k) => ({
    id: k.id,
    firstName: c(k.firstName),
    lastName: c(k.lastName),
    title: c(k.title),
    roles: k.roles,
    isPrimary: k.isPrimaryContact,
    email: c(k.email),
    phone: c(k.phone),
    mobilePhone: c(k.mobilePhone),
    preferredContactMethod: k.preferredContactMethod,
  }));
}

/** Lead-level consent (no settings row reads as all unknown). */
export async function consentCard(db: DbOrTx, leadId: string): Promise<ConsentCard> {
  return consentCardOf(await consentFor(db, leadId, null));
}

/** The consent card of a resolved consent state. */
export function consentCardOf(s: ConsentState): ConsentCard {
  return {
    call: s.channels.call.state,
    sms: s.channels.sms.state,
    email: s.channels.email.state,
    mail: s.channels.mail.state,
    doNotCall: s.doNotCall.value,
    unsubscribed: s.unsubscribed.at !== null,
    unsubscribedAt: iso(s.unsubscribed.at),
    quietHoursStart: s.quietHours?.start ?? null,
    quietHoursEnd: s.quietHours?.end ?? null,
    timezone: s.timezone,
  };
}

/**
 * The client's open (non-terminal) leads, soonest x-date first, each with its consent; `except`
 * skips one lead. The client's consent is read once for all of them (or taken from `consent`,
 * read by the caller for the same client).
 */
export async function openLeadCards(
  db: DbOrTx,
  clientId: string,
  opts: { except?: string; limit?: number; book?: Book; consent?: PersonConsent | Promise<PersonConsent> } = {},
): Promise<LeadCard[]> {
  const conds: SQL[] = [eq(leads.clientId, clientId), eq(leadStatuses.isTerminal, false)];
  if (opts.except) conds.push(ne(leads.id, opts.except));
  if (opts.book) conds.push(leadAssigneeInBook(opts.book, sql`${leads.assignedUserId}`));
  const rows = await db
    .select({ l: leads, status: leadStatuses.code, line: insuranceTypes.code, handle: users.handle })
    .from(leads)
    .innerJoin(leadStatuses, eq(leadStatuses.id, leads.statusId))
    .innerJoin(insuranceTypes, eq(insuranceTypes.id, leads.insuranceTypeId))
    .leftJoin(users, eq(users.id, leads.assignedUserId))
    .where(and(...conds))
    .orderBy(asc(leads.xDate), desc(leads.updatedAt))
    .limit(opts.limit ?? 50);
  if (!rows.length) return [];
  const consent = await (opts.consent ?? loadPersonConsent(db, clientId, null));
  return rows.map(({ l, status, line, handle }) => ({
    leadId: l.id,
    status,
    line,
    xDate: l.xDate,
    currentCarrier: c(l.currentCarrier),
    currentPremium: num(l.currentPremium),
    quotedPremium: num(l.quotedPremium),
    nextFollowUpAt: iso(l.nextFollowUpAt),
    aiScore: l.aiScore,
    assignedUserHandle: handle,
    statusChangedAt: iso(l.statusChangedAt),
    consent: consentCardOf(consent.forLead(l.id)),
  }));
}

/** Opportunities not yet won or lost, of one lead or of a whole client. */
export async function openOpportunityCards(
  db: DbOrTx,
  scope: { leadId: string } | { clientId: string; book?: Book },
  limit = 20,
): Promise<OpportunityCard[]> {
  const rows = await db
    .select()
    .from(opportunities)
    .where(
      and(
        notInArray(opportunities.stage, ['won', 'lost']),
        'leadId' in scope ? eq(opportunities.leadId, scope.leadId) : eq(opportunities.clientId, scope.clientId),
        'clientId' in scope && scope.book
          ? recordInBook(scope.book, sql`${opportunities.leadId}`, sql`${opportunities.clientId}`)
          : undefined,
      ),
    )
    .orderBy(asc(opportunities.expectedCloseDate), desc(opportunities.updatedAt))
    .limit(limit);
  return rows.map((o) => ({
    id: o.id,
    leadId: o.leadId,
    name: c(o.name),
    stage: o.stage,
    carrier: c(o.carrier),
    estimatedPremium: num(o.estimatedPremium),
    probability: o.probability,
    expectedCloseDate: o.expectedCloseDate,
  }));
}
