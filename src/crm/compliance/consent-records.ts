/**
 * Recording consent for a person, a contact or a phone number / email address: append-only
 * events in consent_records, idempotent (recording what already holds writes nothing).
 */
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { clients, consentRecords, contacts, type CONSENT_RECORD_STATES, type ConsentChannel } from '../../db/schema/index.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { contactPointsOf } from './consent.js';
import { normalizeEmail, normalizePhone } from './contact-points.js';

export type ConsentRecordState = (typeof CONSENT_RECORD_STATES)[number];
export type ConsentRecordRow = typeof consentRecords.$inferSelect;

/** Exactly one subject: the person (client), one contact, or a number/address. */
export type ConsentSubject =
  { level: 'client'; clientId: string } | { level: 'contact'; contactId: string } | { level: 'address'; phone?: string; email?: string };

export interface NewConsentRecord {
  subject: ConsentSubject;
  channel: ConsentChannel;
  state: ConsentRecordState;
  source: string;
  evidence?: string | null;
  /** When the customer gave or withdrew it. */
  at: Date;
  userId: string | null;
  communicationId?: string | null;
  /** Who an address-level record was recorded for (provenance only). */
  forClientId?: string | null;
  forContactId?: string | null;
}

/** Resolves and checks the subject into the row's level/client/contact/address columns. */
async function subjectColumns(db: DbOrTx, r: NewConsentRecord) {
  const s = r.subject;
  if (s.level === 'client') {
    const [c] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, s.clientId));
    if (!c) throw new NotFoundError('client', s.clientId, 'Use get_lead or search_leads to find the client id.');
    return { level: s.level, clientId: s.clientId, contactId: null, address: null };
  }
  if (s.level === 'contact') {
    const [c] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, s.contactId));
    if (!c) throw new NotFoundError('contact', s.contactId, "Use get_lead or get_client to list the client's contacts.");
    return { level: s.level, clientId: null, contactId: s.contactId, address: null };
  }
  const address = s.phone !== undefined ? normalizePhone(s.phone) : normalizeEmail(s.email);
  const field = s.phone !== undefined ? 'phone' : 'email';
  if (!address) {
    throw new ValidationError(
      `"${field}" is not a valid ${field === 'phone' ? 'phone number' : 'email address'}.`,
      [{ field, message: 'invalid' }],
      field === 'phone' ? 'Pass a 10-digit US number or E.164, e.g. +15550102030.' : 'Pass the full address, e.g. pat@example.com.',
    );
  }
  const phoneChannels: ConsentChannel[] = ['call', 'sms'];
  if (field === 'phone' ? !phoneChannels.includes(r.channel) : r.channel !== 'email') {
    throw new ValidationError(
      `A ${field} can only carry ${field === 'phone' ? 'call or sms' : 'email'} consent, not ${r.channel}.`,
      [{ field: 'channel', message: `not a ${field} channel` }],
      `Use channel ${field === 'phone' ? '"call" or "sms"' : '"email"'}, or record ${r.channel} consent for the client or contact.`,
    );
  }
  return { level: s.level, clientId: r.forClientId ?? null, contactId: r.forContactId ?? null, address };
}

/**
 * Records a consent event. When the latest event for the same subject and channel already says
 * the same (for a grant: with the same source) nothing is written and `changed` is false.
 * Do-not-call is a call event and an unsubscribe an email event; a grant needs a source and
 * lifts earlier opt-outs of the same subject and channel only (consent-resolve.ts).
 */
export async function recordConsent(db: DbOrTx, r: NewConsentRecord): Promise<{ row: ConsentRecordRow; changed: boolean }> {
  if (r.state === 'do_not_call' && r.channel !== 'call')
    throw new ValidationError('Do-not-call applies to the call channel.', [{ field: 'channel', message: 'must be call' }]);
  if (r.state === 'unsubscribed' && r.channel !== 'email')
    throw new ValidationError('An unsubscribe applies to the email channel.', [{ field: 'channel', message: 'must be email' }]);
  const cols = await subjectColumns(db, r);
  const subjectCond =
    cols.level === 'client'
      ? eq(consentRecords.clientId, cols.clientId!)
      : cols.level === 'contact'
        ? eq(consentRecords.contactId, cols.contactId!)
        : eq(consentRecords.address, cols.address!);
  const [latest] = await db
    .select()
    .from(consentRecords)
    .where(and(eq(consentRecords.level, cols.level), subjectCond, eq(consentRecords.channel, r.channel)))
    .orderBy(desc(consentRecords.recordedAt), desc(consentRecords.createdAt))
    .limit(1);
  if (latest && latest.state === r.state && (r.state !== 'granted' || latest.source === r.source)) return { row: latest, changed: false };
  const [row] = await db
    .insert(consentRecords)
    .values({
      ...cols,
      channel: r.channel,
      state: r.state,
      source: r.source,
      evidence: r.evidence ?? null,
      recordedAt: r.at,
      recordedByUserId: r.userId,
      communicationId: r.communicationId ?? null,
    })
    .returning();
  return { row: row!, changed: true };
}

/**
 * An inbound text that revokes (see sms-revocation.ts): SMS consent is revoked for the person
 * who sent it (the contact, else the client) and for each of their phone numbers, so the
 * revocation holds across all their leads and for anyone else using the number. Returns the
 * numbers revoked.
 */
export async function revokeSmsByReply(
  db: DbOrTx,
  r: { clientId: string; contactId: string | null; keyword: string; at: Date; userId: string; communicationId: string },
): Promise<string[]> {
  const base = {
    channel: 'sms' as const,
    state: 'revoked' as const,
    source: 'sms_reply',
    evidence: `Inbound text: ${r.keyword}`,
    at: r.at,
    userId: r.userId,
    communicationId: r.communicationId,
  };
  const subject: ConsentSubject = r.contactId ? { level: 'contact', contactId: r.contactId } : { level: 'client', clientId: r.clientId };
  await recordConsent(db, { ...base, subject });
  const { phones } = await contactPointsOf(db, r.clientId, r.contactId);
  for (const phone of phones) {
    await recordConsent(db, {
      ...base,
      subject: { level: 'address', phone },
      forClientId: r.contactId ? null : r.clientId,
      forContactId: r.contactId,
    });
  }
  return phones;
}
