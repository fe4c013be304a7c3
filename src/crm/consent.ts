/**
 * Marketing consent: what a lead (or one of its contacts) agreed to, and whether an outbound
 * communication on a channel may be logged.
 *
 * Rules:
 * - Inbound communications are never refused: the customer reached us.
 * - Outbound on a channel is refused when that channel's consent is 'denied' or 'revoked'
 *   (the person opted out); outbound calls and voicemails also when on do-not-call; outbound
 *   email also when unsubscribed.
 * - 'unknown' consent (no settings row, or nothing recorded) is allowed: logging records a
 *   contact that already happened, and refusing it would only lose history. The caller gets a
 *   note asking to record consent for channels that require it.
 * - A contact's own settings row overrides the lead's row field by field wherever it records
 *   something: a consent state other than 'unknown', a do-not-call decision (flag or its date),
 *   an unsubscribe, quiet hours, a timezone. Fields it leaves unrecorded fall back to the lead's.
 */
import { and, eq, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { leadMarketingSettings, type CONSENT_STATES, type ConsentChannel } from '../db/schema/index.js';
import { ConsentRequiredError } from '../errors.js';

export type ConsentValue = (typeof CONSENT_STATES)[number];
/** Where an effective value came from. */
export type ConsentOrigin = 'contact' | 'lead' | 'none';

export interface ChannelConsent {
  state: ConsentValue;
  source: string | null;
  at: Date | null;
  origin: ConsentOrigin;
}

export interface ConsentState {
  leadId: string;
  contactId: string | null;
  channels: Record<ConsentChannel, ChannelConsent>;
  doNotCall: { value: boolean; source: string | null; at: Date | null; origin: ConsentOrigin };
  unsubscribed: { at: Date | null; source: string | null; origin: ConsentOrigin };
  /** Local quiet hours as "HH:MM:SS" strings, in `timezone` (or the lead's zone when null). */
  quietHours: { start: string; end: string; origin: ConsentOrigin } | null;
  timezone: string | null;
}

type Row = typeof leadMarketingSettings.$inferSelect;

const CHANNEL_COLUMNS = {
  call: ['callConsent', 'callConsentSource', 'callConsentAt'],
  sms: ['smsConsent', 'smsConsentSource', 'smsConsentAt'],
  email: ['emailConsent', 'emailConsentSource', 'emailConsentAt'],
  mail: ['mailConsent', 'mailConsentSource', 'mailConsentAt'],
} as const satisfies Record<ConsentChannel, readonly [keyof Row, keyof Row, keyof Row]>;

/** Effective consent from the lead-level row and the contact's row (either may be missing). Pure. */
export function mergeConsent(
  leadId: string,
  contactId: string | null,
  leadRow: Row | undefined,
  contactRow: Row | undefined,
): ConsentState {
  const channel = (ch: ConsentChannel): ChannelConsent => {
    const [s, src, at] = CHANNEL_COLUMNS[ch];
    for (const [row, origin] of [
      [contactRow, 'contact'],
      [leadRow, 'lead'],
    ] as const) {
      if (row && row[s] !== 'unknown')
        return { state: row[s] as ConsentValue, source: row[src] as string | null, at: row[at] as Date | null, origin };
    }
    return { state: 'unknown', source: null, at: null, origin: 'none' };
  };
  const dncFrom = contactRow && (contactRow.doNotCall || contactRow.doNotCallAt) ? contactRow : leadRow;
  const dncOrigin: ConsentOrigin = !dncFrom ? 'none' : dncFrom === contactRow ? 'contact' : 'lead';
  const unsubFrom = contactRow?.unsubscribedAt ? contactRow : leadRow?.unsubscribedAt ? leadRow : undefined;
  const quietFrom =
    contactRow?.quietHoursStart && contactRow.quietHoursEnd
      ? contactRow
      : leadRow?.quietHoursStart && leadRow.quietHoursEnd
        ? leadRow
        : undefined;
  return {
    leadId,
    contactId,
    channels: { call: channel('call'), sms: channel('sms'), email: channel('email'), mail: channel('mail') },
    doNotCall: {
      value: dncFrom?.doNotCall ?? false,
      source: dncFrom?.doNotCallSource ?? null,
      at: dncFrom?.doNotCallAt ?? null,
      origin: dncOrigin,
    },
    unsubscribed: {
      at: unsubFrom?.unsubscribedAt ?? null,
      source: unsubFrom?.unsubscribeSource ?? null,
      origin: !unsubFrom ? 'none' : unsubFrom === contactRow ? 'contact' : 'lead',
    },
    quietHours: quietFrom
      ? { start: quietFrom.quietHoursStart!, end: quietFrom.quietHoursEnd!, origin: quietFrom === contactRow ? 'contact' : 'lead' }
      : null,
    timezone: contactRow?.timezone ?? leadRow?.timezone ?? null,
  };
}

/** Loads and merges the lead's settings and, when `contactId` is given, that contact's. */
export async function consentFor(db: DbOrTx, leadId: string, contactId: string | null): Promise<ConsentState> {
  const rows = await db
    .select()
    .from(leadMarketingSettings)
    .where(
      and(
        eq(leadMarketingSettings.leadId, leadId),
        contactId
          ? or(isNull(leadMarketingSettings.contactId), eq(leadMarketingSettings.contactId, contactId))
          : isNull(leadMarketingSettings.contactId),
      ),
    );
  const leadRow = rows.find((r) => r.contactId === null);
  const contactRow = contactId ? rows.find((r) => r.contactId === contactId) : undefined;
  return mergeConsent(leadId, contactId, leadRow, contactRow);
}

const who = (origin: ConsentOrigin) => (origin === 'contact' ? 'this contact' : 'this lead');
const evidence = (source: string | null, at: Date | null) => {
  const bits = [source ? `source: ${source}` : null, at ? `recorded ${at.toISOString()}` : null].filter(Boolean);
  return bits.length ? ` (${bits.join(', ')})` : '';
};
const LABEL: Record<ConsentChannel, string> = { call: 'call', sms: 'SMS', email: 'email', mail: 'mail' };
const ALTERNATIVE: Record<ConsentChannel, string> = {
  call: 'log an email instead',
  sms: 'log a call or an email instead',
  email: 'log a call or a letter instead',
  mail: 'log a call or an email instead',
};

/**
 * Throws ConsentRequiredError when an outbound communication on `channel` is not allowed by
 * `state` (see the module rules); the message names the missing consent and how to fix it.
 * Returns a note (or null) when consent is merely unknown on a channel where `requiresConsent`.
 * `channel` null (meetings, chats) and inbound communications are always allowed.
 */
export function assertMayContact(
  state: ConsentState,
  channel: ConsentChannel | null,
  direction: 'inbound' | 'outbound',
  opts: { requiresConsent?: boolean; kind?: string } = {},
): { note: string | null } {
  if (direction === 'inbound' || channel === null) return { note: null };
  const kind = opts.kind ?? LABEL[channel];
  const c = state.channels[channel];
  // Do-not-call and unsubscribe are absolute: a granted consent recorded elsewhere does not undo them.
  if (channel === 'call' && state.doNotCall.value) {
    throw new ConsentRequiredError(
      `Outbound ${kind} refused: ${who(state.doNotCall.origin)} is on the do-not-call list${evidence(state.doNotCall.source, state.doNotCall.at)}.`,
      `If the customer asked to be called again, clear do-not-call and record call consent with its source first, or ${ALTERNATIVE.call}.`,
    );
  }
  if (c.state === 'denied' || c.state === 'revoked') {
    throw new ConsentRequiredError(
      `Outbound ${kind} refused: ${LABEL[channel]} consent for ${who(c.origin)} is ${c.state}${evidence(c.source, c.at)}.`,
      `Record ${LABEL[channel]} consent as granted, with its source, only if the customer opted back in; otherwise ${ALTERNATIVE[channel]}.`,
    );
  }
  if (channel === 'email' && state.unsubscribed.at) {
    throw new ConsentRequiredError(
      `Outbound email refused: ${who(state.unsubscribed.origin)} unsubscribed from email${evidence(state.unsubscribed.source, state.unsubscribed.at)}.`,
      `Only if the customer re-subscribed: clear the unsubscribe and record email consent with its source first; otherwise ${ALTERNATIVE.email}.`,
    );
  }
  if (opts.requiresConsent && c.state === 'unknown') {
    return {
      note: `${LABEL[channel]} consent for ${who(state.contactId ? 'contact' : 'lead')} is not recorded; record it with its source before further outbound ${kind}s.`,
    };
  }
  return { note: null };
}
