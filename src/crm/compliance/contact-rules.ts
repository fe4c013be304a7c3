/**
 * The contact-hour rules for one person: their zone, their state's calling window, closed days
 * (contact-calendar.ts), the agency's business hours and every quiet-hours window they set.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { addresses, clients, leads } from '../../db/schema/index.js';
import type { ConsentState } from './consent.js';
import { closedDayReason, stateWindow } from './contact-calendar.js';
import type { ContactTimeRules, QuietWindow } from './contact-hours.js';
import { leadTimeZone } from '../leads/timezone.js';
import { isValidTimeZone, minutesOfDay } from '../time/zoned-time.js';

/** Two-letter state of the client's address, else its mailing address; null when unknown. */
export async function personState(db: DbOrTx, leadId: string): Promise<string | null> {
  const [row] = await db
    .select({ state: addresses.state, mailing: clients.mailingAddressId })
    .from(leads)
    .innerJoin(clients, eq(clients.id, leads.clientId))
    .leftJoin(addresses, eq(addresses.id, clients.addressId))
    .where(eq(leads.id, leadId));
  if (row?.state) return row.state;
  if (!row?.mailing) return null;
  const [m] = await db.select({ state: addresses.state }).from(addresses).where(eq(addresses.id, row.mailing));
  return m?.state ?? null;
}

/** Quiet-hours windows of `consent`, read in its timezone when valid, else in `zone`. */
export function quietWindowsOf(consent: ConsentState, zone: string): QuietWindow[] {
  const qz = isValidTimeZone(consent.timezone) ? consent.timezone : zone;
  const list = consent.quietWindows ?? (consent.quietHours ? [consent.quietHours] : []);
  return list.flatMap((q) => {
    const startMin = minutesOfDay(q.start);
    const endMin = minutesOfDay(q.end);
    return startMin !== null && endMin !== null ? [{ startMin, endMin, zone: qz }] : [];
  });
}

/**
 * The rules for calling or texting `contactId` (or the client) about `leadId`, and the zone
 * they are read in. With `agency` null, business hours are left open (0-24): only the legal
 * rules and the person's quiet hours apply, e.g. to judge a call already made.
 */
export async function contactRulesFor(
  db: DbOrTx,
  leadId: string,
  contactId: string | null,
  consent: ConsentState,
  agency: { zone: string; businessHours: readonly [number, number] | null },
): Promise<{ zone: string; rules: ContactTimeRules }> {
  const { zone } = await leadTimeZone(db, leadId, { contactId, settingsZone: consent.timezone, agencyZone: agency.zone });
  const w = stateWindow(await personState(db, leadId));
  return {
    zone,
    rules: {
      leadZone: zone,
      agencyZone: agency.zone,
      businessHours: agency.businessHours ?? [0, 24],
      quiet: quietWindowsOf(consent, zone),
      leadWindow: w.window,
      leadWindowRule: w.rule,
      closedDay: closedDayReason,
    },
  };
}
