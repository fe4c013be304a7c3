/** Lead pipeline moves: allowed transitions from lead_statuses.allowed_next, and the lifecycle stamps. */
import { eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { leads, leadStatuses } from '../../db/schema/index.js';
import { InvalidTransitionError, NotFoundError, ValidationError } from '../../errors.js';

/** Columns stamped when a lead enters a status (first contact is kept once set). */
export function lifecycleStamp(code: string, now: Date): PgUpdateSetSource<typeof leads> {
  switch (code) {
    case 'contacted':
      return { firstContactedAt: sql`coalesce(${leads.firstContactedAt}, ${now.toISOString()}::timestamptz)` };
    case 'qualified':
      return { qualifiedAt: now };
    case 'quoted':
      return { quotedAt: now };
    case 'proposal_sent':
      return { proposalSentAt: now };
    case 'won':
      return { wonAt: now };
    case 'lost':
      return { lostAt: now };
    case 'archived':
      return { archivedAt: now };
    default:
      return {};
  }
}

/** Dollars as the numeric(12,2) text drizzle writes. */
export const money = (n: number | undefined) => (n === undefined ? undefined : n.toFixed(2));

/** The active status with this code, or ValidationError (naming `field`) listing the valid codes. */
export async function statusByCode(db: DbOrTx, code: string, field: string) {
  const all = await db.select().from(leadStatuses).orderBy(leadStatuses.sortOrder);
  const s = all.find((r) => r.code === code && r.isActive);
  if (!s) {
    const valid = all.filter((r) => r.isActive).map((r) => r.code);
    throw new ValidationError(
      `Unknown lead status "${code}".`,
      [{ field, message: `valid: ${valid.join(', ')}` }],
      `Use one of: ${valid.join(', ')}.`,
    );
  }
  return s;
}

export interface StatusChange {
  leadId: string;
  status: string;
  /** Required when moving to lost. */
  lostReason?: string;
  /** Only when moving to quoted. */
  quotedPremium?: number;
}

/** A status change as update_lead_status reports it (its output schema). */
export const statusChangeView = z.object({
  leadId: z.uuid().describe('The lead.'),
  previousStatus: z.string().describe('Status before the call.'),
  status: z.string().describe('Status now.'),
  changed: z.boolean().describe('False when the lead already had this status (nothing changed).'),
  statusChangedAt: z.string().nullable().describe('When the status last changed (ISO 8601).'),
  allowedNext: z.array(z.string()).describe('Where the lead may move from here.'),
});

/** What changeLeadStatus returns: the view with the change time as a Date (`changed` false: nothing was written). */
export type StatusChangeResult = Omit<z.infer<typeof statusChangeView>, 'statusChangedAt'> & { statusChangedAt: Date | null };

/**
 * Moves a lead to `status` if lead_statuses.allowed_next permits it, stamping status_changed_at
 * and the status's lifecycle column. The lead row is locked (FOR UPDATE) for the check and the
 * write, so concurrent changes serialise. Repeating the current status is a no-op success.
 * Throws InvalidTransitionError listing the allowed statuses, ValidationError for a missing lost
 * reason, a quoted premium on another status, or an unknown status code.
 */
export async function changeLeadStatus(db: DbOrTx, change: StatusChange, now: Date): Promise<StatusChangeResult> {
  if (change.quotedPremium !== undefined && change.status !== 'quoted') {
    throw new ValidationError(
      'quotedPremium can only be set when moving to quoted.',
      [{ field: 'quotedPremium', message: 'only with status quoted' }],
      'Drop quotedPremium, or move the lead to quoted.',
    );
  }
  if (change.status === 'lost' && !change.lostReason?.trim()) {
    throw new ValidationError(
      'Moving a lead to lost needs a reason.',
      [{ field: 'lostReason', message: 'required when status is lost' }],
      'Say why the lead was lost (e.g. "chose another carrier on price") and call again.',
    );
  }
  if (change.lostReason !== undefined && change.status !== 'lost') {
    throw new ValidationError(
      'lostReason is only used when moving to lost.',
      [{ field: 'lostReason', message: 'only with status lost' }],
      'Drop lostReason, or add a note instead.',
    );
  }
  const [current] = await db
    .select({ id: leads.id, statusChangedAt: leads.statusChangedAt, code: leadStatuses.code, allowedNext: leadStatuses.allowedNext })
    .from(leads)
    .innerJoin(leadStatuses, eq(leadStatuses.id, leads.statusId))
    .where(eq(leads.id, change.leadId))
    .limit(1)
    .for('update', { of: leads });
  if (!current) throw new NotFoundError('lead', change.leadId, 'Use search_leads to find the lead id.');
  const target = await statusByCode(db, change.status, 'status');
  if (target.code === current.code) {
    return {
      leadId: current.id,
      previousStatus: current.code,
      status: current.code,
      changed: false,
      statusChangedAt: current.statusChangedAt,
      allowedNext: current.allowedNext,
    };
  }
  if (!current.allowedNext.includes(target.code)) {
    throw new InvalidTransitionError(
      `A lead cannot move from ${current.code} to ${target.code}. Allowed next statuses: ${current.allowedNext.join(', ') || 'none'}.`,
      current.allowedNext.length
        ? `Move it to one of ${current.allowedNext.join(', ')} first, or leave it as ${current.code}.`
        : `${current.code} is final.`,
    );
  }
  const [updated] = await db
    .update(leads)
    .set({
      statusId: target.id,
      statusChangedAt: now,
      ...lifecycleStamp(target.code, now),
      ...(target.code === 'lost' ? { lostReason: change.lostReason!.trim() } : {}),
      ...(change.quotedPremium !== undefined ? { quotedPremium: money(change.quotedPremium) } : {}),
    })
    .where(eq(leads.id, current.id))
    .returning({ statusChangedAt: leads.statusChangedAt });
  return {
    leadId: current.id,
    previousStatus: current.code,
    status: target.code,
    changed: true,
    statusChangedAt: updated!.statusChangedAt,
    allowedNext: target.allowedNext,
  };
}
