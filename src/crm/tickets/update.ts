/**
 * Changing a ticket: status transitions (with their timestamps), assignee, priority (recomputes
 * the SLA), category and resolution. Values a person sets here are marked human-set.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { supportTickets } from '../../db/schema/index.js';
import { InvalidTransitionError, ValidationError } from '../../errors.js';
import { slaDueAt, type BusinessCalendar, type Priority } from './sla.js';
import {
  requireAssignableUser,
  requireTicket,
  slaAnchor,
  withFieldSources,
  type Ticket,
  type TicketCategory,
  type TicketStatus,
} from './create.js';

/** Allowed moves without `reopen`. Nothing goes back to `new`; resolved/closed reopen only explicitly. */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['open', 'pending', 'on_hold', 'resolved', 'closed'],
  open: ['pending', 'on_hold', 'resolved', 'closed'],
  pending: ['open', 'on_hold', 'resolved', 'closed'],
  on_hold: ['open', 'pending', 'resolved', 'closed'],
  resolved: ['closed'],
  closed: [],
};

export interface TicketPatch {
  status?: TicketStatus;
  /** Reopen a resolved or closed ticket (to `open`); the SLA clock restarts. */
  reopen?: boolean;
  /** null unassigns. */
  assignedUserId?: string | null;
  priority?: Priority;
  category?: TicketCategory;
  resolution?: string;
}

export interface TicketUpdateResult {
  ticket: Ticket;
  /** Names of the fields that changed. */
  changed: string[];
}

function targetStatus(t: Ticket, p: TicketPatch): TicketStatus | undefined {
  if (p.reopen) {
    if (t.status !== 'resolved' && t.status !== 'closed') {
      throw new InvalidTransitionError(
        `Ticket is ${t.status}, not resolved or closed; there is nothing to reopen.`,
        'Omit reopen and set status instead.',
      );
    }
    if (p.status && p.status !== 'open')
      throw new ValidationError('reopen moves the ticket to open.', [{ field: 'status', message: 'must be open or omitted with reopen' }]);
    return 'open';
  }
  if (!p.status || p.status === t.status) return undefined;
  if (!TICKET_TRANSITIONS[t.status].includes(p.status)) {
    const allowed = TICKET_TRANSITIONS[t.status];
    const reopenHint = t.status === 'resolved' || t.status === 'closed' ? ' To work on it again, pass reopen: true.' : '';
    throw new InvalidTransitionError(
      `A ${t.status} ticket cannot move to ${p.status}.`,
      `Allowed from ${t.status}: ${allowed.length ? allowed.join(', ') : 'none'}.${reopenHint}`,
    );
  }
  return p.status;
}

/**
 * Applies a patch to a ticket (locked for the transaction) and returns it. Resolving or closing
 * needs a resolution (given now or already stored). Leaving `new` the first time stamps
 * `first_response_at`; resolving stamps `resolved_at`; closing stamps `closed_at`.
 */
export async function updateTicket(
  db: DbOrTx,
  id: string,
  p: TicketPatch,
  opts: { now: Date; calendar: BusinessCalendar },
): Promise<TicketUpdateResult> {
  const t = await requireTicket(db, id, { forUpdate: true });
  const keys = (Object.keys(p) as (keyof TicketPatch)[]).filter((k) => p[k] !== undefined && !(k === 'reopen' && p.reopen === false));
  if (!keys.length)
    throw new ValidationError('Nothing to change.', [], 'Pass at least one of status, reopen, assigneeId, priority, category, resolution.');
  const now = opts.now;
  const next = targetStatus(t, p);
  const set: Partial<typeof supportTickets.$inferInsert> = {};
  const changed: string[] = [];
  const sources: Parameters<typeof withFieldSources>[1] = {};
  let metadata: Record<string, unknown> = { ...t.metadata };

  const resolution = p.resolution ?? t.resolution;
  if ((next === 'resolved' || next === 'closed') && !resolution?.trim()) {
    throw new ValidationError(
      `A resolution is required to mark the ticket ${next}.`,
      [{ field: 'resolution', message: 'required' }],
      'Pass resolution: what was done for the customer.',
    );
  }
  if (p.resolution !== undefined && p.resolution !== t.resolution) {
    set.resolution = p.resolution;
    changed.push('resolution');
  }
  if (next) {
    set.status = next;
    changed.push('status');
    if (t.status === 'new' && !t.firstResponseAt) set.firstResponseAt = now;
    if (next === 'resolved') set.resolvedAt = now;
    if (next === 'closed') {
      set.closedAt = now;
      if (!t.resolvedAt) set.resolvedAt = now;
    }
    if (p.reopen) {
      set.resolvedAt = null;
      set.closedAt = null;
      metadata = { ...metadata, slaStartedAt: now.toISOString(), reopenCount: Number(metadata.reopenCount ?? 0) + 1 };
    }
  }
  if (p.assignedUserId !== undefined && p.assignedUserId !== t.assignedUserId) {
    if (p.assignedUserId) await requireAssignableUser(db, p.assignedUserId);
    set.assignedUserId = p.assignedUserId;
    changed.push('assignee');
  }
  if (p.category !== undefined) {
    sources.category = 'human';
    if (p.category !== t.category) {
      set.category = p.category;
      changed.push('category');
    }
  }
  const priority = p.priority ?? t.priority;
  if (p.priority !== undefined) {
    sources.priority = 'human';
    if (p.priority !== t.priority) {
      set.priority = p.priority;
      changed.push('priority');
    }
  }
  if (changed.includes('priority') || p.reopen) {
    set.slaDueAt = slaDueAt(priority, slaAnchor({ metadata, openedAt: t.openedAt }), opts.calendar);
    changed.push('slaDueAt');
  }
  set.metadata = withFieldSources({ metadata }, sources);
  const [row] = await db.update(supportTickets).set(set).where(eq(supportTickets.id, id)).returning();
  return { ticket: row!, changed };
}
