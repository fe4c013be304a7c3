/**
 * Follow-ups on a lead: scheduling (natural-language times in the lead's zone, per-person consent
 * and contact-hour rules for calls and texts, one open follow-up per lead and purpose);
 * completing is in complete.ts.
 * Every change recomputes leads.next_follow_up_at from the open follow-ups.
 */
import { and, eq, min, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contacts, followUps, leads, type FOLLOW_UP_CHANNELS, type PRIORITIES } from '../../db/schema/index.js';
import { ConflictError, ConsentRequiredError, NotFoundError, ValidationError } from '../../errors.js';
import { allowedChannels, assertMayContact, consentFor, type ConsentState } from '../compliance/consent.js';
import { contactRulesFor } from '../compliance/contact-rules.js';
import { contactTimeViolations, nearestAllowedTime } from '../compliance/contact-hours.js';
import { requireLead } from '../leads/lookup.js';
import { parseWhen } from '../time/parse-when.js';
import { formatLocal } from '../time/zoned-time.js';

export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];
export type FollowUpRow = typeof followUps.$inferSelect;

/** Recomputes leads.next_follow_up_at as the earliest open follow-up's due time (null when none). */
export async function recomputeNextFollowUp(db: DbOrTx, leadId: string): Promise<Date | null> {
  const earliest = db
    .select({ due: min(followUps.dueAt) })
    .from(followUps)
    .where(and(eq(followUps.leadId, leadId), eq(followUps.status, 'open')));
  const [row] = await db
    .update(leads)
    .set({ nextFollowUpAt: sql`(${earliest})` })
    .where(eq(leads.id, leadId))
    .returning({ next: leads.nextFollowUpAt });
  return row?.next ?? null;
}

export interface ScheduleRequest {
  leadId: string;
  /** ISO 8601 or a phrase, read in the lead's zone. */
  when: string;
  channel: FollowUpChannel;
  purpose: string;
  priority: (typeof PRIORITIES)[number];
  notes?: string | null;
  assignedUserId: string;
  contactId?: string | null;
  acceptProposed: boolean;
  createdByUserId: string;
  now: Date;
  agencyZone: string;
  businessHours: readonly [number, number];
}

export interface ScheduleResult {
  /** The follow-up (new or the existing open one); undefined when not scheduled. */
  row?: FollowUpRow;
  scheduled: boolean;
  existing: boolean;
  zone: string;
  requestedDueAt: Date;
  proposedDueAt: Date | null;
  reason: string | null;
  warnings: string[];
  nextFollowUpAt: Date | null;
}

const CONSENT_CHANNEL = { call: 'call', sms: 'sms', email: 'email', meeting: null, task: null } as const;

/** Follow-up channels consent allows for this person now; meetings and tasks always. */
export function allowedFollowUpChannels(state: ConsentState): FollowUpChannel[] {
  const open = allowedChannels(state);
  return (['call', 'sms', 'email', 'meeting', 'task'] as const).filter((ch) => {
    const c = CONSENT_CHANNEL[ch];
    return c === null || open.includes(c);
  });
}

/**
 * Refuses (ConsentRequiredError, nothing written) a follow-up on a channel that could never be
 * used lawfully for this person; the hint names the channels still open.
 */
function assertMayFollowUp(state: ConsentState, channel: FollowUpChannel): void {
  const open = allowedFollowUpChannels(state).filter((c) => c !== 'meeting');
  const alt = `schedule it with channel ${open.map((c) => `"${c}"`).join(' or ')} instead`;
  assertMayContact(state, CONSENT_CHANNEL[channel], 'outbound', {
    kind: `${channel === 'sms' ? 'text' : channel} follow-up`,
    alternative: alt,
  });
}

async function openFor(db: DbOrTx, leadId: string, purpose: string): Promise<FollowUpRow | undefined> {
  const [row] = await db
    .select()
    .from(followUps)
    .where(
      and(
        eq(followUps.leadId, leadId),
        eq(followUps.status, 'open'),
        sql`${followUps.purposeKey} = lower(regexp_replace(btrim(${purpose}::text), '\\s+', ' ', 'g'))`,
      ),
    )
    .limit(1);
  return row;
}

/**
 * Schedules a follow-up. A channel consent refuses for this person at any level (do-not-call,
 * revoked or denied consent, unsubscribe; consent.ts) is a ConsentRequiredError naming the open
 * channels, and nothing is written. Returns the existing open follow-up for the same lead and
 * purpose (`existing: true`) instead of a second one. A past time is a ValidationError. For calls
 * and texts outside the allowed hours and days (compliance/contact-hours.ts, contact-calendar.ts) nothing
 * is written and the result has
 * `scheduled: false`, the nearest allowed `proposedDueAt` and the `reason`, unless
 * `acceptProposed`, which schedules at the proposed time.
 */
export async function scheduleFollowUp(db: DbOrTx, req: ScheduleRequest): Promise<ScheduleResult> {
  const lead = await requireLead(db, req.leadId, { forUpdate: true });
  if (req.contactId) {
    const [c] = await db.select({ clientId: contacts.clientId }).from(contacts).where(eq(contacts.id, req.contactId));
    if (!c) throw new NotFoundError('contact', req.contactId, "Use get_lead to list the lead's contacts.");
    if (c.clientId !== lead.clientId) {
      throw new ValidationError(`Contact ${req.contactId} does not belong to this lead's client.`, [
        { field: 'contactId', message: "not a contact of the lead's client" },
      ]);
    }
  }
  const consent = await consentFor(db, lead.id, req.contactId ?? null);
  assertMayFollowUp(consent, req.channel);
  const { zone, rules } = await contactRulesFor(db, lead.id, req.contactId ?? null, consent, {
    zone: req.agencyZone,
    businessHours: req.businessHours,
  });
  const parsed = parseWhen(req.when, { now: req.now, zone });
  const base = { zone, requestedDueAt: parsed.at, proposedDueAt: null, reason: null, warnings: [] as string[] };

  const prior = await openFor(db, lead.id, req.purpose);
  if (prior) {
    // The open one may predate an opt-out: returning it as scheduled would contradict the refusal.
    const priorConsent = prior.contactId === (req.contactId ?? null) ? consent : await consentFor(db, lead.id, prior.contactId);
    if (!allowedFollowUpChannels(priorConsent).includes(prior.channel)) {
      throw new ConsentRequiredError(
        `An open ${prior.channel} follow-up for this purpose exists (${prior.id}), but consent now refuses that channel.`,
        `Cancel it with complete_follow_up (cancel: true), then schedule with channel ${allowedFollowUpChannels(priorConsent)
          .filter((c) => c !== 'meeting')
          .map((c) => `"${c}"`)
          .join(' or ')}.`,
      );
    }
    return { ...base, row: prior, scheduled: true, existing: true, nextFollowUpAt: await currentNext(db, lead.id) };
  }

  if (parsed.at.getTime() <= req.now.getTime()) {
    throw new ValidationError(
      `"${req.when}" is ${formatLocal(parsed.at, zone)}, which is in the past (now is ${formatLocal(req.now, zone)} in the lead's zone ${zone}).`,
      [{ field: 'when', message: 'in the past' }],
      'Pass a future time, e.g. "tomorrow at 10am" or an ISO 8601 datetime after now.',
    );
  }
  let dueAt = parsed.at;
  if (req.channel === 'call' || req.channel === 'sms') {
    const violations = contactTimeViolations(dueAt, rules);
    if (violations.length > 0) {
      const proposed = nearestAllowedTime(dueAt, rules, req.now);
      const reason = `${violations.join('; ')}.`;
      if (!req.acceptProposed || !proposed) {
        const how = proposed
          ? ` Call again with acceptProposed: true to schedule at ${formatLocal(proposed, zone)} (${proposed.toISOString()}), or pass another time.`
          : ' No allowed time was found in the next two weeks; check the quiet hours and business hours, or use channel "email" or "task".';
        return {
          ...base,
          scheduled: false,
          existing: false,
          proposedDueAt: proposed,
          reason: reason + how,
          nextFollowUpAt: await currentNext(db, lead.id),
        };
      }
      dueAt = proposed;
      base.warnings.push(`Moved from ${formatLocal(parsed.at, zone)} to ${formatLocal(proposed, zone)} as accepted: ${reason}`);
    }
  }

  const { row, existing } = await insertFollowUpOnce(db, {
    leadId: lead.id,
    clientId: lead.clientId,
    contactId: req.contactId ?? null,
    assignedUserId: req.assignedUserId,
    createdByUserId: req.createdByUserId,
    dueAt,
    timezone: zone,
    channel: req.channel,
    purpose: req.purpose,
    notes: req.notes ?? null,
    priority: req.priority,
  });
  return {
    ...base,
    row,
    scheduled: true,
    existing,
    proposedDueAt: dueAt === parsed.at ? null : dueAt,
    nextFollowUpAt: await recomputeNextFollowUp(db, lead.id),
  };
}

/**
 * Inserts an open follow-up unless one is already open for the same lead and purpose (the
 * partial unique index follow_ups_one_open_per_lead_purpose decides, so concurrent callers
 * cannot both insert); then returns that one with `existing: true`.
 */
export async function insertFollowUpOnce(
  db: DbOrTx,
  values: typeof followUps.$inferInsert & { leadId: string },
): Promise<{ row: FollowUpRow; existing: boolean }> {
  const [row] = await db
    .insert(followUps)
    .values(values)
    .onConflictDoNothing({ target: [followUps.leadId, followUps.purposeKey], where: sql`status = 'open' and lead_id is not null` })
    .returning();
  if (row) return { row, existing: false };
  const other = await openFor(db, values.leadId, values.purpose);
  if (!other) throw new ConflictError('A concurrent change to this follow-up is in progress.', 'Retry the same call in a moment.');
  return { row: other, existing: true };
}

async function currentNext(db: DbOrTx, leadId: string): Promise<Date | null> {
  const [l] = await db.select({ next: leads.nextFollowUpAt }).from(leads).where(eq(leads.id, leadId));
  return l?.next ?? null;
}
