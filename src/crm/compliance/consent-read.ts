/**
 * Reading what the database holds about one person's consent: the settings rows of every lead
 * of the client (the client's and, for a contact, the contact's), the person-level and
 * contact-level consent records, and the records against the person's phone numbers and email
 * address. The precedence is in consent-resolve.ts.
 *
 * These reads do not depend on which of the client's leads is asked about (only where each row
 * sits relative to it does), so a view showing several leads of one client reads them once and
 * resolves each lead from the same rows (`loadPersonConsent`): each query is a round trip to a
 * database that runs one at a time.
 */
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { clients, consentRecords, contacts, insuranceTypes, leadMarketingSettings, leads } from '../../db/schema/index.js';
import { normalizeEmail, normalizePhone } from './contact-points.js';
import { factsOfRow, mergeConsent, resolveConsent, type ConsentFact, type ConsentState, type PlacedRow } from './consent-resolve.js';

/** Normalised phone numbers and email address of one person. */
export interface ContactPoints {
  phones: string[];
  emails: string[];
}

/** The normalised points of a person from the phones and email written on their row. */
export function contactPointsFrom(phoneA: string | null | undefined, phoneB: string | null | undefined, email: string | null | undefined) {
  const phones = [...new Set([normalizePhone(phoneA), normalizePhone(phoneB)].filter((x): x is string => x !== null))];
  const e = normalizeEmail(email);
  return { phones, emails: e ? [e] : [] };
}

/** The normalised phone numbers and email address of the client (contactId null) or the contact. */
export async function contactPointsOf(db: DbOrTx, clientId: string, contactId: string | null): Promise<ContactPoints> {
  const [p] = contactId
    ? await db.select({ a: contacts.mobilePhone, b: contacts.phone, e: contacts.email }).from(contacts).where(eq(contacts.id, contactId))
    : await db
        .select({ a: clients.phone, b: sql<string | null>`null`, e: clients.email })
        .from(clients)
        .where(eq(clients.id, clientId));
  return contactPointsFrom(p?.a, p?.b, p?.e);
}

/** One person's consent as read once: resolve it for any of the client's leads. */
export interface PersonConsent {
  clientId: string;
  contactId: string | null;
  /** Effective consent for contacting this person about `leadId` (a lead of the client). */
  forLead(leadId: string): ConsentState;
}

/**
 * Reads the consent of the client (contactId null) or one of its contacts: two queries, three
 * when the contact points are not given. `points` must be what contactPointsOf would return.
 */
export async function loadPersonConsent(
  db: DbOrTx,
  clientId: string,
  contactId: string | null,
  points?: ContactPoints,
): Promise<PersonConsent> {
  const { phones, emails } = points ?? (await contactPointsOf(db, clientId, contactId));
  const settings = await db
    .select({ row: leadMarketingSettings, line: insuranceTypes.code })
    .from(leadMarketingSettings)
    .innerJoin(leads, eq(leads.id, leadMarketingSettings.leadId))
    .innerJoin(insuranceTypes, eq(insuranceTypes.id, leads.insuranceTypeId))
    .where(
      and(
        eq(leads.clientId, clientId),
        contactId
          ? or(isNull(leadMarketingSettings.contactId), eq(leadMarketingSettings.contactId, contactId))
          : isNull(leadMarketingSettings.contactId),
      ),
    );
  const addrs = [...phones, ...emails];
  const records = await db
    .select()
    .from(consentRecords)
    .where(
      or(
        and(eq(consentRecords.level, 'client'), eq(consentRecords.clientId, clientId)),
        contactId ? and(eq(consentRecords.level, 'contact'), eq(consentRecords.contactId, contactId)) : undefined,
        addrs.length ? and(eq(consentRecords.level, 'address'), inArray(consentRecords.address, addrs)) : undefined,
      ),
    );
  const recordFacts: ConsentFact[] = records.map((r) => ({
    channel: r.channel,
    state: r.state,
    origin: r.level === 'address' ? (r.address!.startsWith('+') ? 'number' : 'address') : r.level,
    group: r.level === 'address' ? `addr:${r.address}` : r.level,
    record: true,
    source: r.source,
    at: r.recordedAt,
    address: r.address,
  }));
  return {
    clientId,
    contactId,
    forLead(leadId) {
      const rows: PlacedRow[] = settings.map(({ row, line }) => ({
        row,
        line,
        origin: row.contactId ? 'contact' : row.leadId === leadId ? 'lead' : 'other_lead',
      }));
      return resolveConsent({ leadId, contactId, clientId }, [...rows.flatMap(factsOfRow), ...recordFacts], rows);
    },
  };
}

/**
 * Effective consent for contacting `contactId` (or the client itself when null) about `leadId`
 * (see the module comment). An unknown lead reads as nothing recorded. A caller that has just
 * read the lead passes its client id (and the person's contact points, as contactPointsOf would
 * return them) and saves those lookups.
 */
export async function consentFor(
  db: DbOrTx,
  leadId: string,
  contactId: string | null,
  known?: { clientId: string; points?: ContactPoints },
): Promise<ConsentState> {
  const clientId = known?.clientId ?? (await db.select({ clientId: leads.clientId }).from(leads).where(eq(leads.id, leadId)))[0]?.clientId;
  if (!clientId) return mergeConsent(leadId, contactId, undefined, undefined);
  return (await loadPersonConsent(db, clientId, contactId, known?.points)).forLead(leadId);
}
