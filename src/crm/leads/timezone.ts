/** The lead's local time zone, for contact-hour rules and for showing due times. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { addresses, clients, contacts, leads } from '../../db/schema/index.js';
import { isValidTimeZone } from '../time/zoned-time.js';

export type ZoneSource = 'contact' | 'client' | 'address' | 'marketing_settings' | 'agency';

/**
 * First valid IANA zone of: the contact's timezone (when a contact is given), the client's
 * timezone, the client's address timezone, the marketing settings' timezone, else the agency's.
 * Invalid names in the data are skipped rather than trusted.
 */
export async function leadTimeZone(
  db: DbOrTx,
  leadId: string,
  opts: { contactId?: string | null; settingsZone?: string | null; agencyZone: string },
): Promise<{ zone: string; source: ZoneSource }> {
  const [row] = await db
    .select({ client: clients.timezone, address: addresses.timezone })
    .from(leads)
    .innerJoin(clients, eq(clients.id, leads.clientId))
    .leftJoin(addresses, eq(addresses.id, clients.addressId))
    .where(eq(leads.id, leadId));
  let contactZone: string | null = null;
  if (opts.contactId) {
    const [c] = await db.select({ tz: contacts.timezone }).from(contacts).where(eq(contacts.id, opts.contactId));
    contactZone = c?.tz ?? null;
  }
  const candidates: Array<[string | null | undefined, ZoneSource]> = [
    [contactZone, 'contact'],
    [row?.client, 'client'],
    [row?.address, 'address'],
    [opts.settingsZone, 'marketing_settings'],
  ];
  for (const [zone, source] of candidates) if (isValidTimeZone(zone)) return { zone, source };
  return { zone: opts.agencyZone, source: 'agency' };
}
