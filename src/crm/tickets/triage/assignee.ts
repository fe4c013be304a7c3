/**
 * Who should work a ticket: routing by category to a role, then the least-loaded active user of
 * that role (load = open tickets assigned), computed from the database. Retention and coverage
 * questions go to the client's own producer first.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { clients, leads, supportTickets, users, type USER_ROLES } from '../../../db/schema/index.js';
import type { TicketCategory } from './patterns.js';

type Role = (typeof USER_ROLES)[number];

export interface AssigneeSuggestion {
  userId: string | null;
  /** Why this person (for the rationale). */
  reason: string;
}

/** Roles to try, in order, for a category. */
export const ROUTING: Readonly<Record<TicketCategory, readonly Role[]>> = {
  billing: ['csr', 'producer', 'manager', 'admin'],
  claim: ['csr', 'producer', 'manager', 'admin'],
  policy_change: ['csr', 'producer', 'manager', 'admin'],
  certificate: ['csr', 'producer', 'manager', 'admin'],
  other: ['csr', 'producer', 'manager', 'admin'],
  coverage_question: ['producer', 'csr', 'manager', 'admin'],
  cancellation: ['producer', 'manager', 'csr', 'admin'],
  complaint: ['manager', 'admin', 'producer', 'csr'],
};

const OWNER_FIRST: ReadonlySet<TicketCategory> = new Set(['coverage_question', 'cancellation']);
const OPEN_STATUSES = ['new', 'open', 'pending', 'on_hold'] as const;

/** The least-loaded active user with this role, ties broken by handle; null if there is none. */
export async function leastLoaded(db: DbOrTx, role: Role): Promise<{ id: string; handle: string; load: number } | null> {
  const load = sql<number>`count(${supportTickets.id})::int`;
  const [row] = await db
    .select({ id: users.id, handle: users.handle, load })
    .from(users)
    .leftJoin(supportTickets, and(eq(supportTickets.assignedUserId, users.id), inArray(supportTickets.status, [...OPEN_STATUSES])))
    .where(and(eq(users.isActive, true), eq(users.role, role)))
    .groupBy(users.id, users.handle)
    .orderBy(asc(load), asc(users.handle))
    .limit(1);
  return row ?? null;
}

async function owner(
  db: DbOrTx,
  clientId: string | null,
  leadId: string | null,
): Promise<{ id: string; handle: string; via: string } | null> {
  const candidates: { userId: string | null; via: string }[] = [];
  if (clientId) {
    const [c] = await db.select({ userId: clients.assignedUserId }).from(clients).where(eq(clients.id, clientId));
    candidates.push({ userId: c?.userId ?? null, via: "client's assigned producer" });
  }
  if (leadId) {
    const [l] = await db.select({ userId: leads.assignedUserId }).from(leads).where(eq(leads.id, leadId));
    candidates.push({ userId: l?.userId ?? null, via: "lead's assigned producer" });
  }
  for (const c of candidates) {
    if (!c.userId) continue;
    const [u] = await db
      .select({ id: users.id, handle: users.handle, role: users.role, isActive: users.isActive })
      .from(users)
      .where(eq(users.id, c.userId));
    if (u?.isActive && u.role !== 'viewer') return { id: u.id, handle: u.handle, via: c.via };
  }
  return null;
}

/** Suggests an assignee for a ticket of `category` for this client/lead. */
export async function suggestAssignee(
  db: DbOrTx,
  t: { category: TicketCategory; clientId: string | null; leadId: string | null },
): Promise<AssigneeSuggestion> {
  if (OWNER_FIRST.has(t.category)) {
    const o = await owner(db, t.clientId, t.leadId);
    if (o) return { userId: o.id, reason: `${o.via} @${o.handle} (${t.category === 'cancellation' ? 'retention' : 'coverage advice'})` };
  }
  for (const role of ROUTING[t.category]) {
    const u = await leastLoaded(db, role);
    if (u) return { userId: u.id, reason: `least-loaded active ${role} @${u.handle} (${u.load} open)` };
  }
  return { userId: null, reason: 'no active user to suggest' };
}
