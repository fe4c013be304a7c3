/**
 * An opt-out also stops the work already planned on that channel: after a do-not-call, an SMS
 * revocation or an unsubscribe is recorded, every open follow-up of the affected people on that
 * channel that consent now refuses is cancelled, with an outcome that says why. Consent is
 * re-resolved per follow-up (consent.ts), so the rule stays in one place: a follow-up aimed at a
 * contact who did not opt out, or on a channel still open, is left alone.
 */
import { and, eq, inArray, or, sql, type AnyColumn } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { clients, contacts, followUps, leads, type ConsentChannel } from '../../db/schema/index.js';
import type { ConsentSubject } from './consent-records.js';
import { allowedChannels, consentFor } from './consent.js';
import { normalizeEmail, normalizePhone } from './contact-points.js';
import { completeFollowUp } from '../follow-ups/complete.js';

/** Follow-up channels a consent channel governs (mail has no follow-up channel). */
const GOVERNED: Partial<Record<ConsentChannel, 'call' | 'sms' | 'email'>> = { call: 'call', sms: 'sms', email: 'email' };

/** Clients a consent subject reaches: the client, the contact's client, or everyone using the number or address. */
async function clientsOf(db: DbOrTx, subject: ConsentSubject): Promise<string[]> {
  if (subject.level === 'client') return [subject.clientId];
  if (subject.level === 'contact') {
    const rows = await db.select({ id: contacts.clientId }).from(contacts).where(eq(contacts.id, subject.contactId));
    return rows.map((r) => r.id);
  }
  if (subject.phone !== undefined) {
    const target = normalizePhone(subject.phone);
    const last = target?.replace(/\D/g, '').slice(-7);
    if (!target || !last) return [];
    // Stored numbers are free-form; narrow by their last seven digits, then compare normalised.
    const digits = (col: AnyColumn) => sql`regexp_replace(coalesce(${col}, ''), '[^0-9]', '', 'g') like ${'%' + last}`;
    const viaClients = await db.select({ id: clients.id, p: clients.phone }).from(clients).where(digits(clients.phone));
    const viaContacts = await db
      .select({ id: contacts.clientId, p: contacts.phone, m: contacts.mobilePhone })
      .from(contacts)
      .where(or(digits(contacts.phone), digits(contacts.mobilePhone)));
    return [
      ...viaClients.filter((r) => normalizePhone(r.p) === target).map((r) => r.id),
      ...viaContacts.filter((r) => normalizePhone(r.p) === target || normalizePhone(r.m) === target).map((r) => r.id),
    ];
  }
  const email = normalizeEmail(subject.email);
  if (!email) return [];
  const viaClients = await db
    .select({ id: clients.id })
    .from(clients)
    .where(sql`lower(${clients.email}) = ${email}`);
  const viaContacts = await db
    .select({ id: contacts.clientId })
    .from(contacts)
    .where(sql`lower(${contacts.email}) = ${email}`);
  return [...viaClients, ...viaContacts].map((r) => r.id);
}

/**
 * Cancels the open follow-ups that consent now refuses after an opt-out on `channel` for
 * `subject`. Returns the cancelled follow-ups' ids (empty when none, or for a grant).
 */
export async function cancelRefusedFollowUps(
  db: DbOrTx,
  r: { subject: ConsentSubject; channel: ConsentChannel; reason: string; userId: string; now: Date },
): Promise<string[]> {
  const channel = GOVERNED[r.channel];
  if (!channel) return [];
  const clientIds = [...new Set(await clientsOf(db, r.subject))];
  if (!clientIds.length) return [];
  const open = await db
    .select({ id: followUps.id, leadId: followUps.leadId, contactId: followUps.contactId })
    .from(followUps)
    .innerJoin(leads, eq(leads.id, followUps.leadId))
    .where(and(inArray(leads.clientId, clientIds), eq(followUps.status, 'open'), eq(followUps.channel, channel)))
    .orderBy(followUps.dueAt, followUps.id);
  const cancelled: string[] = [];
  for (const f of open) {
    const consent = await consentFor(db, f.leadId!, f.contactId ?? null);
    if (allowedChannels(consent).includes(channel)) continue;
    await completeFollowUp(db, {
      id: f.id,
      cancel: true,
      outcome: `Cancelled automatically: ${r.reason}. Reschedule on a channel the person allows.`,
      userId: r.userId,
      now: r.now,
    });
    cancelled.push(f.id);
  }
  return cancelled;
}
