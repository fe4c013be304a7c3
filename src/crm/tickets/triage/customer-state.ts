/**
 * What the agency already knows about the customer when a ticket arrives, for priority: whether
 * the client has another open claim ticket, and the policy's lapse date. The lapse date is read
 * from the client's custom field `lapseDate` (ISO date; an agency-management sync or a person sets
 * it when a carrier sends a pending-cancellation or non-renewal notice); the CRM has no policy table.
 */
import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { clients, supportTickets } from '../../../db/schema/index.js';

export interface CustomerState {
  /** The client has another open ticket categorised (by a person or triage) as a claim. */
  openClaim: boolean;
  /** Whole days from `now` to the lapse date (negative: already lapsed); null when unknown. */
  lapseInDays: number | null;
}

export const NO_CUSTOMER_STATE: CustomerState = { openClaim: false, lapseInDays: null };

const OPEN = ['new', 'open', 'pending', 'on_hold'] as const;
const DAY = 86_400_000;

/** Days from `now` to an ISO date (YYYY-MM-DD, or a full timestamp); null if not a date. */
export function daysUntil(value: unknown, now: Date): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const at = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(at)) return null;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((at - today) / DAY);
}

/** Reads the customer state of a ticket's client; the empty state for a ticket with no client. */
export async function customerStateOf(db: DbOrTx, t: { id: string; clientId: string | null }, now: Date): Promise<CustomerState> {
  if (!t.clientId) return NO_CUSTOMER_STATE;
  const [client] = await db.select({ customFields: clients.customFields }).from(clients).where(eq(clients.id, t.clientId));
  const [claim] = await db
    .select({ id: supportTickets.id })
    .from(supportTickets)
    .where(
      and(
        eq(supportTickets.clientId, t.clientId),
        ne(supportTickets.id, t.id),
        inArray(supportTickets.status, [...OPEN]),
        or(eq(supportTickets.category, 'claim'), eq(supportTickets.aiCategory, 'claim')),
      ),
    )
    .limit(1);
  return { openClaim: Boolean(claim), lapseInDays: daysUntil(client?.customFields?.lapseDate, now) };
}
