/**
 * Service tickets: opening one (linked to a client and/or lead, with an SLA target from its
 * priority), and who set its category and priority, so triage never overrides a human.
 * Status changes live in update.ts, listing in list.ts, triage in triage/.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  clients,
  contacts,
  supportTickets,
  users,
  type TICKET_CATEGORIES,
  type TICKET_CHANNELS,
  type TICKET_STATUSES,
} from '../../db/schema/index.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { requireLead } from '../leads/lookup.js';
import { slaDueAt, type BusinessCalendar, type Priority } from './sla.js';

export type Ticket = typeof supportTickets.$inferSelect;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** Statuses that still need work. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'on_hold'];

/**
 * Who set a field, kept in `metadata.fieldSources`: `human` (a person chose it: triage must not
 * touch it), `ai` (triage applied it), `default` (nobody chose it yet).
 */
export type FieldSource = 'human' | 'ai' | 'default';
export type TriagedField = 'category' | 'priority';

export function fieldSources(t: Pick<Ticket, 'metadata'>): Partial<Record<TriagedField, FieldSource>> {
  const raw = (t.metadata as { fieldSources?: unknown }).fieldSources;
  return raw && typeof raw === 'object' ? (raw as Partial<Record<TriagedField, FieldSource>>) : {};
}

/**
 * Whether triage may set this field. A value set outside our tools (no recorded source) counts
 * as human-set, except an empty category.
 */
export function triageMayApply(t: Pick<Ticket, 'metadata' | 'category'>, field: TriagedField): boolean {
  const src = fieldSources(t)[field];
  if (src === 'human') return false;
  if (src === 'ai' || src === 'default') return true;
  return field === 'category' && t.category === null;
}

/** Metadata with the given field sources merged in (other keys kept). */
export function withFieldSources(t: Pick<Ticket, 'metadata'>, patch: Partial<Record<TriagedField, FieldSource>>): Record<string, unknown> {
  return { ...t.metadata, fieldSources: { ...fieldSources(t), ...patch } };
}

/** When the SLA clock started: at opening, or at the last reopen. */
export function slaAnchor(t: Pick<Ticket, 'metadata' | 'openedAt'>): Date {
  const s = (t.metadata as { slaStartedAt?: unknown }).slaStartedAt;
  return typeof s === 'string' && !Number.isNaN(Date.parse(s)) ? new Date(s) : t.openedAt;
}

/** The ticket, or NOT_FOUND. Locks the row when `forUpdate`. */
export async function requireTicket(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<Ticket> {
  const q = db.select().from(supportTickets).where(eq(supportTickets.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new NotFoundError('ticket', id, 'Use list_tickets to find the ticket id.');
  return row;
}

/** An active, non-viewer user who can own tickets; NOT_FOUND or VALIDATION otherwise. */
export async function requireAssignableUser(db: DbOrTx, userId: string, field = 'assigneeId'): Promise<void> {
  const [u] = await db.select({ isActive: users.isActive, role: users.role, handle: users.handle }).from(users).where(eq(users.id, userId));
  if (!u) throw new NotFoundError('user', userId, 'Pass the id of an agency user.');
  if (!u.isActive || u.role === 'viewer') {
    throw new ValidationError(
      `User @${u.handle} cannot own tickets (${u.isActive ? 'viewer role' : 'inactive'}).`,
      [{ field, message: 'not assignable' }],
      'Choose an active staff member.',
    );
  }
}

export interface NewTicket {
  clientId?: string;
  leadId?: string;
  contactId?: string;
  subject: string;
  description: string;
  channel: TicketChannel;
  /** Set only when a person knows it; marks the field human-set. */
  category?: TicketCategory;
  /** Set only when a person knows it; marks the field human-set. Default normal. */
  priority?: Priority;
  assignedUserId?: string;
  createdByUserId: string;
  openedAt: Date;
  calendar: BusinessCalendar;
}

/**
 * Opens a ticket with status `new`, `opened_at` and an SLA due time from its priority. Needs a
 * client or a lead (a lead's client must match a given client); a contact must belong to the
 * client. Unknown ids: NOT_FOUND, nothing written.
 */
export async function createTicket(db: DbOrTx, t: NewTicket): Promise<Ticket> {
  if (!t.clientId && !t.leadId) {
    throw new ValidationError(
      'A ticket needs a client or a lead.',
      [{ field: 'clientId', message: 'clientId or leadId is required' }],
      'Pass clientId, leadId, or both.',
    );
  }
  let clientId = t.clientId;
  if (t.leadId) {
    const lead = await requireLead(db, t.leadId);
    if (clientId && lead.clientId !== clientId) {
      throw new ValidationError(
        `Lead ${t.leadId} belongs to client ${lead.clientId}, not ${clientId}.`,
        [{ field: 'leadId', message: 'lead of another client' }],
        'Pass the lead’s own client id, or omit clientId.',
      );
    }
    clientId = lead.clientId;
  }
  const [client] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId!));
  if (!client) throw new NotFoundError('client', clientId!, 'Use search_clients to find the client id.');
  if (t.contactId) {
    const [contact] = await db.select({ clientId: contacts.clientId }).from(contacts).where(eq(contacts.id, t.contactId));
    if (!contact) throw new NotFoundError('contact', t.contactId, 'Use get_client to list the client’s contacts.');
    if (contact.clientId !== clientId) {
      throw new ValidationError(
        `Contact ${t.contactId} belongs to another client.`,
        [{ field: 'contactId', message: 'contact of another client' }],
        'Pass a contact of this client, or omit contactId.',
      );
    }
  }
  if (t.assignedUserId) await requireAssignableUser(db, t.assignedUserId);
  const priority = t.priority ?? 'normal';
  const [row] = await db
    .insert(supportTickets)
    .values({
      clientId,
      leadId: t.leadId ?? null,
      contactId: t.contactId ?? null,
      subject: t.subject,
      description: t.description,
      channel: t.channel,
      status: 'new',
      priority,
      category: t.category ?? null,
      assignedUserId: t.assignedUserId ?? null,
      createdByUserId: t.createdByUserId,
      openedAt: t.openedAt,
      slaDueAt: slaDueAt(priority, t.openedAt, t.calendar),
      metadata: { fieldSources: { ...(t.category ? { category: 'human' } : {}), priority: t.priority ? 'human' : 'default' } },
    })
    .returning();
  return row!;
}
