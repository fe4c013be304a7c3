/**
 * Effective consent from every level that speaks about a person: pure, no I/O.
 *
 * Levels (origins): this lead's settings row ('lead'), the client's other leads' rows
 * ('other_lead'), person-level records for the client ('client'), the contact's own rows and
 * records ('contact'), and records against the phone number ('number') or email address
 * ('address') itself. The most restrictive wins:
 * - an opt-out (do-not-call, denied, revoked, unsubscribed) at any level refuses the channel;
 * - it holds until a later *grant record* (record_consent, with a source) for the same level,
 *   subject and channel; a grant in a settings row, or at another level, never lifts it;
 * - only when nothing refuses a channel does a grant make it 'granted'; else it is 'unknown'.
 * Quiet hours from every row apply together; the timezone is the contact's, this lead's, then
 * another lead's.
 */
import type { CONSENT_RECORD_STATES, CONSENT_STATES, ConsentChannel, leadMarketingSettings } from '../../db/schema/index.js';

export type ConsentValue = (typeof CONSENT_STATES)[number];
/** Where an effective value came from ('none': nothing recorded). */
export type ConsentOrigin = 'contact' | 'lead' | 'none' | 'client' | 'other_lead' | 'number' | 'address';

/** Where a recorded value lives, beyond its origin: the lead it was recorded on, the number or address. */
export interface ConsentPlace {
  leadId?: string | null;
  /** Insurance line of that lead, e.g. "life". */
  line?: string | null;
  /** E.164 number or lower-cased email address, for 'number' and 'address' origins. */
  address?: string | null;
}

export interface ChannelConsent extends ConsentPlace {
  state: ConsentValue;
  source: string | null;
  at: Date | null;
  origin: ConsentOrigin;
}

export type RestrictionKind = 'do_not_call' | 'denied' | 'revoked' | 'unsubscribed';

/** One opt-out that currently holds. */
export interface ConsentRestriction extends ConsentPlace {
  channel: ConsentChannel;
  kind: RestrictionKind;
  origin: Exclude<ConsentOrigin, 'none'>;
  source: string | null;
  at: Date | null;
}

export interface ConsentState {
  leadId: string;
  contactId: string | null;
  channels: Record<ConsentChannel, ChannelConsent>;
  doNotCall: { value: boolean; source: string | null; at: Date | null; origin: ConsentOrigin } & ConsentPlace;
  unsubscribed: { at: Date | null; source: string | null; origin: ConsentOrigin } & ConsentPlace;
  /** Local quiet hours as "HH:MM:SS" strings, in `timezone` (or the lead's zone when null). */
  quietHours: { start: string; end: string; origin: ConsentOrigin } | null;
  timezone: string | null;
  /** The lead's client (null when the lead was not found). */
  clientId?: string | null;
  /** Every opt-out that holds, most specific first. */
  restrictions?: ConsentRestriction[];
  /** Every quiet-hours window of the person and contact (`quietHours` is the first). */
  quietWindows?: Array<{ start: string; end: string; origin: ConsentOrigin }>;
}

/** A recorded consent fact at one level. */
export interface ConsentFact extends ConsentPlace {
  channel: ConsentChannel;
  state: (typeof CONSENT_RECORD_STATES)[number];
  origin: Exclude<ConsentOrigin, 'none'>;
  /** Supersession group: 'client', 'contact' or 'addr:<address>'. */
  group: string;
  /** True for consent records; only a record grant lifts an earlier opt-out of its group. */
  record: boolean;
  source: string | null;
  at: Date | null;
  /** For supersession when `at` is unknown: when the value was last known to hold. */
  since?: Date | null;
}

export type SettingsRow = typeof leadMarketingSettings.$inferSelect;

/** A settings row and where it sits relative to the lead and contact being contacted. */
export interface PlacedRow {
  row: SettingsRow;
  origin: 'lead' | 'other_lead' | 'contact';
  line?: string | null;
}

const CHANNEL_COLUMNS = {
  call: ['callConsent', 'callConsentSource', 'callConsentAt'],
  sms: ['smsConsent', 'smsConsentSource', 'smsConsentAt'],
  email: ['emailConsent', 'emailConsentSource', 'emailConsentAt'],
  mail: ['mailConsent', 'mailConsentSource', 'mailConsentAt'],
} as const satisfies Record<ConsentChannel, readonly [keyof SettingsRow, keyof SettingsRow, keyof SettingsRow]>;
const CHANNELS = Object.keys(CHANNEL_COLUMNS) as ConsentChannel[];

/** The facts a settings row records. A value without its own date counts from the row's last update. */
export function factsOfRow({ row, origin, line }: PlacedRow): ConsentFact[] {
  const group = origin === 'contact' ? 'contact' : 'client';
  const base = { origin, group, record: false, leadId: row.leadId, line: line ?? null };
  const out: ConsentFact[] = [];
  for (const ch of CHANNELS) {
    const [s, src, at] = CHANNEL_COLUMNS[ch];
    const state = row[s] as ConsentValue;
    if (state === 'unknown') continue;
    const when = row[at] as Date | null;
    out.push({ ...base, channel: ch, state, source: row[src] as string | null, at: when, since: when ?? row.updatedAt ?? null });
  }
  if (row.doNotCall) {
    out.push({
      ...base,
      channel: 'call',
      state: 'do_not_call',
      source: row.doNotCallSource,
      at: row.doNotCallAt,
      since: row.doNotCallAt ?? row.updatedAt ?? null,
    });
  }
  if (row.unsubscribedAt)
    out.push({ ...base, channel: 'email', state: 'unsubscribed', source: row.unsubscribeSource, at: row.unsubscribedAt });
  return out;
}

const RANK: Record<ConsentOrigin, number> = { lead: 0, contact: 1, client: 2, other_lead: 3, number: 4, address: 5, none: 6 };
const byRank = <T extends { origin: ConsentOrigin; at: Date | null }>(a: T, b: T) =>
  RANK[a.origin] - RANK[b.origin] || (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0);
const ROW_RANK: Record<PlacedRow['origin'], number> = { contact: 0, lead: 1, other_lead: 2 };
const place = (f: ConsentPlace): ConsentPlace => ({ leadId: f.leadId ?? null, line: f.line ?? null, address: f.address ?? null });

/** Opt-outs that no later grant record of their group and channel lifts. */
export function holdingRestrictions(facts: readonly ConsentFact[]): ConsentRestriction[] {
  const grants = facts.filter((f) => f.record && f.state === 'granted');
  return facts
    .filter((f) => f.state !== 'granted')
    .filter((f) => {
      const since = f.since ?? f.at;
      return !grants.some((g) => g.group === f.group && g.channel === f.channel && since && g.at && g.at > since);
    })
    .map((f) => ({ channel: f.channel, kind: f.state as RestrictionKind, origin: f.origin, source: f.source, at: f.at, ...place(f) }))
    .sort(byRank);
}

/** Effective consent for contacting `contactId` (or the client when null) about `leadId`. */
export function resolveConsent(
  ids: { leadId: string; contactId: string | null; clientId: string | null },
  facts: readonly ConsentFact[],
  rows: readonly PlacedRow[],
): ConsentState {
  const restrictions = holdingRestrictions(facts);
  const channel = (ch: ConsentChannel): ChannelConsent => {
    const refusal = restrictions.find((r) => r.channel === ch && (r.kind === 'denied' || r.kind === 'revoked'));
    if (refusal)
      return { state: refusal.kind as ConsentValue, source: refusal.source, at: refusal.at, origin: refusal.origin, ...place(refusal) };
    const grant = facts.filter((f) => f.channel === ch && f.state === 'granted').sort(byRank)[0];
    if (grant) return { state: 'granted', source: grant.source, at: grant.at, origin: grant.origin, ...place(grant) };
    return { state: 'unknown', source: null, at: null, origin: 'none' };
  };
  const dnc = restrictions.find((r) => r.kind === 'do_not_call');
  const unsub = restrictions.find((r) => r.kind === 'unsubscribed');
  // The contact's own zone and quiet hours come first, then this lead's, then the other leads'.
  const ordered = [...rows].sort((a, b) => ROW_RANK[a.origin] - ROW_RANK[b.origin]);
  const quietWindows = ordered
    .filter((p) => p.row.quietHoursStart && p.row.quietHoursEnd)
    .map((p) => ({ start: p.row.quietHoursStart!, end: p.row.quietHoursEnd!, origin: p.origin as ConsentOrigin }));
  return {
    leadId: ids.leadId,
    contactId: ids.contactId,
    clientId: ids.clientId,
    channels: { call: channel('call'), sms: channel('sms'), email: channel('email'), mail: channel('mail') },
    doNotCall: dnc
      ? { value: true, source: dnc.source, at: dnc.at, origin: dnc.origin, ...place(dnc) }
      : { value: false, source: null, at: null, origin: 'none' },
    unsubscribed: unsub
      ? { at: unsub.at, source: unsub.source, origin: unsub.origin, ...place(unsub) }
      : { at: null, source: null, origin: 'none' },
    quietHours: quietWindows[0] ?? null,
    quietWindows,
    timezone: ordered.find((p) => p.row.timezone)?.row.timezone ?? null,
    restrictions,
  };
}

/**
 * Effective consent from this lead's settings row and the contact's row (either may be missing),
 * most restrictive first (see the module rules). Pure; `consentFor` adds the other levels.
 */
export function mergeConsent(
  leadId: string,
  contactId: string | null,
  leadRow: SettingsRow | undefined,
  contactRow: SettingsRow | undefined,
): ConsentState {
  const rows: PlacedRow[] = [];
  if (leadRow) rows.push({ row: leadRow, origin: 'lead' });
  if (contactRow) rows.push({ row: contactRow, origin: 'contact' });
  return resolveConsent({ leadId, contactId, clientId: null }, rows.flatMap(factsOfRow), rows);
}
