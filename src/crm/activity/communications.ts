/**
 * Logging communications (calls, voicemails, texts, emails, meetings, letters, chats) on a lead:
 * consent-checked per person (consent.ts), idempotent by the caller's own key, and moving the lead's,
 * client's and contact's last-contact times forward only. An inbound text that revokes (STOP,
 * ALTO, ...) records the revocation for the person and their numbers.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  CONSENT_CHANNELS,
  clients,
  communicationTypes,
  contacts,
  leadCommunications,
  leads,
  type ConsentChannel,
} from '../../db/schema/index.js';
import { ConflictError, ConsentRequiredError, NotFoundError, ValidationError } from '../../errors.js';
import { assertMayContact, consentFor, type ConsentState } from '../compliance/consent.js';
import { cancelRefusedFollowUps } from '../compliance/consent-follow-ups.js';
import { revokeSmsByReply } from '../compliance/consent-records.js';
import { contactRulesFor } from '../compliance/contact-rules.js';
import { contactTimeViolations } from '../compliance/contact-hours.js';
import { requireLeadWithClientContact } from '../leads/lookup.js';
import { contactPointsFrom } from '../compliance/consent-read.js';
import { revocationKeyword } from '../compliance/sms-revocation.js';

export const COMMUNICATION_OUTCOMES = [
  'connected',
  'left_voicemail',
  'no_answer',
  'busy',
  'wrong_number',
  'sent',
  'delivered',
  'replied',
  'bounced',
  'meeting_held',
  'no_show',
  'other',
] as const;
export type CommunicationOutcome = (typeof COMMUNICATION_OUTCOMES)[number];

export interface NewCommunication {
  leadId: string;
  /** communication_types.code, e.g. call, voicemail, sms, email, meeting, letter, chat. */
  typeCode: string;
  direction: 'inbound' | 'outbound';
  subject?: string | null;
  body?: string | null;
  /** When it happened; default `now`. At most 5 minutes after `now`. */
  occurredAt?: Date;
  contactId?: string | null;
  outcome?: CommunicationOutcome | null;
  durationSeconds?: number | null;
  idempotencyKey?: string | null;
  userId: string;
  now: Date;
  /** Agency zone and business hours; when given, outbound calls and texts are checked against the contact hours. */
  agency?: { zone: string; businessHours: readonly [number, number] };
}

export interface LoggedCommunication {
  row: typeof leadCommunications.$inferSelect;
  typeCode: string;
  /** True when the idempotency key matched an earlier identical call; nothing was written. */
  duplicate: boolean;
  /** Set when consent for a channel that requires it is not recorded, or a past call fell outside the contact hours. */
  consentNote: string | null;
  /** Set when this communication changed consent, e.g. an inbound STOP revoked SMS. */
  consentChange: string | null;
  leadFirstContactedAt: Date | null;
  leadLastContactedAt: Date | null;
}

const FUTURE_SLACK_MS = 5 * 60_000;

/** Fingerprint of what the caller asked for; a defaulted occurredAt is left out so retries match. */
function payloadFingerprint(c: NewCommunication): string {
  const canonical = [
    c.leadId,
    c.typeCode,
    c.direction,
    c.subject ?? null,
    c.body ?? null,
    c.occurredAt?.toISOString() ?? null,
    c.contactId ?? null,
    c.outcome ?? null,
    c.durationSeconds ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

async function leadTimes(db: DbOrTx, leadId: string) {
  const [l] = await db.select({ first: leads.firstContactedAt, last: leads.lastContactedAt }).from(leads).where(eq(leads.id, leadId));
  return { leadFirstContactedAt: l?.first ?? null, leadLastContactedAt: l?.last ?? null };
}

/**
 * The stored key: the caller's key under their user id, so keys are per user (the column's
 * unique index is global) and another user's key is neither a conflict nor a way to learn of
 * their record.
 */
function storedKey(userId: string, key: string): string {
  return `${userId}:${key}`;
}

async function replay(db: DbOrTx, userId: string, key: string, fp: string): Promise<LoggedCommunication | null> {
  const [hit] = await db
    .select({ row: leadCommunications, typeCode: communicationTypes.code })
    .from(leadCommunications)
    .innerJoin(communicationTypes, eq(communicationTypes.id, leadCommunications.communicationTypeId))
    // Rows logged before keys were scoped hold the bare key; they still count, for their own user only.
    .where(
      or(
        eq(leadCommunications.idempotencyKey, storedKey(userId, key)),
        and(eq(leadCommunications.idempotencyKey, key), eq(leadCommunications.userId, userId)),
      ),
    )
    .limit(1);
  if (!hit) return null;
  if ((hit.row.metadata as { idempotencyFingerprint?: unknown }).idempotencyFingerprint !== fp) {
    throw new ConflictError(
      `The idempotency key "${key}" was already used for a different communication (${hit.row.id}).`,
      'Use a new idempotency key for a new communication; reuse a key only to retry the exact same call.',
    );
  }
  return {
    row: hit.row,
    typeCode: hit.typeCode,
    duplicate: true,
    consentNote: null,
    consentChange: null,
    ...(await leadTimes(db, hit.row.leadId)),
  };
}

async function requireType(db: DbOrTx, code: string) {
  const [t] = await db
    .select()
    .from(communicationTypes)
    .where(and(eq(communicationTypes.code, code), eq(communicationTypes.isActive, true)));
  if (t) return t;
  const all = await db
    .select({ code: communicationTypes.code })
    .from(communicationTypes)
    .where(eq(communicationTypes.isActive, true))
    .orderBy(asc(communicationTypes.sortOrder));
  throw new ValidationError(
    `Unknown communication type "${code}".`,
    [{ field: 'type', message: 'unknown code' }],
    `Use one of: ${all.map((a) => a.code).join(', ')}.`,
  );
}

/**
 * Contact hours for an outbound call or text: one dated in the future (within the slack) is
 * refused outside them (ConsentRequiredError); one already made is history and only gets a note.
 */
async function checkContactTime(db: DbOrTx, c: NewCommunication, consent: ConsentState, at: Date, kind: string): Promise<string | null> {
  if (!c.agency) return null;
  const future = at.getTime() > c.now.getTime();
  const { rules } = await contactRulesFor(db, c.leadId, c.contactId ?? null, consent, {
    zone: c.agency.zone,
    businessHours: future ? c.agency.businessHours : null,
  });
  const violations = contactTimeViolations(at, rules);
  if (!violations.length) return null;
  if (future) {
    throw new ConsentRequiredError(
      `Outbound ${kind} at a future time refused: ${violations.join('; ')}.`,
      'Log it once it has happened, or plan it with schedule_follow_up, which proposes an allowed time.',
    );
  }
  return `This ${kind} was made outside the allowed contact hours (${violations.join('; ')}); see docs/compliance.md.`;
}

/**
 * Logs a communication. Order: idempotent replay (same key + same payload returns the stored
 * row with `duplicate: true`, different payload -> ConflictError), lead/type/contact checks,
 * consent (ConsentRequiredError for outbound to an opted-out lead or contact, see consent.ts),
 * insert (ON CONFLICT on the key, so concurrent retries insert once), then last-contact times
 * move forward only (first_contacted_at moves back only, to the earliest contact).
 */
export async function logCommunication(db: DbOrTx, c: NewCommunication): Promise<LoggedCommunication> {
  const fp = payloadFingerprint(c);
  if (c.idempotencyKey) {
    const prior = await replay(db, c.userId, c.idempotencyKey, fp);
    if (prior) return prior;
  }
  const lead = await requireLeadWithClientContact(db, c.leadId);
  const type = await requireType(db, c.typeCode);
  const occurredAt = c.occurredAt ?? c.now;
  if (occurredAt.getTime() > c.now.getTime() + FUTURE_SLACK_MS) {
    throw new ValidationError(
      `occurredAt ${occurredAt.toISOString()} is in the future.`,
      [{ field: 'occurredAt', message: 'in the future' }],
      'Log communications that already happened; to plan one, use schedule_follow_up.',
    );
  }
  // Consent is read for the person spoken to: the contact's numbers and address, else the client's.
  let points = contactPointsFrom(lead.phone, null, lead.email);
  if (c.contactId) {
    const [contact] = await db
      .select({ clientId: contacts.clientId, mobilePhone: contacts.mobilePhone, phone: contacts.phone, email: contacts.email })
      .from(contacts)
      .where(eq(contacts.id, c.contactId));
    if (!contact) throw new NotFoundError('contact', c.contactId, "Use get_lead to list the lead's contacts.");
    if (contact.clientId !== lead.clientId) {
      throw new ValidationError(
        `Contact ${c.contactId} does not belong to this lead's client.`,
        [{ field: 'contactId', message: "not a contact of the lead's client" }],
        "Pick a contact of the lead's client, or omit contactId.",
      );
    }
    points = contactPointsFrom(contact.mobilePhone, contact.phone, contact.email);
  }
  const channel = (CONSENT_CHANNELS as readonly string[]).includes(type.consentChannel ?? '')
    ? (type.consentChannel as ConsentChannel)
    : null;
  const consent = await consentFor(db, lead.id, c.contactId ?? null, { clientId: lead.clientId, points });
  const { note } = assertMayContact(consent, channel, c.direction, {
    requiresConsent: type.requiresConsent,
    kind: type.name.toLowerCase(),
  });
  const timeNote =
    c.direction === 'outbound' && (channel === 'call' || channel === 'sms')
      ? await checkContactTime(db, c, consent, occurredAt, type.name.toLowerCase())
      : null;

  const [row] = await db
    .insert(leadCommunications)
    .values({
      leadId: lead.id,
      clientId: lead.clientId,
      contactId: c.contactId ?? null,
      communicationTypeId: type.id,
      userId: c.userId,
      direction: c.direction,
      subject: c.subject ?? null,
      body: c.body ?? null,
      occurredAt,
      durationSeconds: c.durationSeconds ?? null,
      outcome: c.outcome ?? null,
      idempotencyKey: c.idempotencyKey ? storedKey(c.userId, c.idempotencyKey) : null,
      metadata: c.idempotencyKey ? { idempotencyFingerprint: fp } : {},
    })
    .onConflictDoNothing({ target: leadCommunications.idempotencyKey })
    .returning();
  if (!row) {
    // A concurrent call with the same key committed first.
    const prior = await replay(db, c.userId, c.idempotencyKey!, fp);
    if (prior) return prior;
    throw new ConflictError('A concurrent call with the same idempotency key is still in progress.', 'Retry the same call in a moment.');
  }

  // GREATEST/LEAST ignore NULLs, so an empty column takes the new time and a later one is kept.
  // The client's time moves in the same statement (a data-modifying CTE always runs): one round trip.
  const clientTouch = db.$with('client_touch').as(
    db
      .update(clients)
      .set({ lastContactAt: sql`greatest(${clients.lastContactAt}, ${occurredAt})` })
      .where(eq(clients.id, lead.clientId))
      .returning({ id: clients.id }),
  );
  const [times] = await db
    .with(clientTouch)
    .update(leads)
    .set({
      lastContactedAt: sql`greatest(${leads.lastContactedAt}, ${occurredAt})`,
      firstContactedAt: sql`least(${leads.firstContactedAt}, ${occurredAt})`,
    })
    .where(eq(leads.id, lead.id))
    .returning({ first: leads.firstContactedAt, last: leads.lastContactedAt });
  if (c.contactId) {
    await db
      .update(contacts)
      .set({ lastContactAt: sql`greatest(${contacts.lastContactAt}, ${occurredAt})` })
      .where(eq(contacts.id, c.contactId));
  }
  const keyword = c.direction === 'inbound' && channel === 'sms' ? revocationKeyword(c.body ?? c.subject) : null;
  let consentChange: string | null = null;
  if (keyword) {
    const phones = await revokeSmsByReply(db, {
      clientId: lead.clientId,
      contactId: c.contactId ?? null,
      keyword,
      at: occurredAt,
      userId: c.userId,
      communicationId: row.id,
    });
    consentChange =
      `"${keyword}" revokes SMS consent (FCC revocation rule): revoked for ${c.contactId ? 'this contact' : 'the client'}` +
      `${phones.length ? ` and ${phones.join(', ')}` : ''}, across all their leads. No outbound texts will be logged or scheduled until they opt back in.`;
    const cancelled = await cancelRefusedFollowUps(db, {
      subject: c.contactId ? { level: 'contact', contactId: c.contactId } : { level: 'client', clientId: lead.clientId },
      channel: 'sms',
      reason: `the person texted "${keyword}" (SMS consent revoked)`,
      userId: c.userId,
      now: occurredAt,
    });
    if (cancelled.length) consentChange += ` Cancelled ${cancelled.length} open text follow-up(s): ${cancelled.join(', ')}.`;
  }
  return {
    row,
    typeCode: type.code,
    duplicate: false,
    consentNote: [note, timeNote].filter(Boolean).join(' ') || null,
    consentChange,
    leadFirstContactedAt: times?.first ?? null,
    leadLastContactedAt: times?.last ?? null,
  };
}
