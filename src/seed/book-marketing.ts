/**
 * Marketing consent per lead (and some per contact), with evidence for every granted consent.
 * Opt-outs are per person: a client who asked not to be called, texted or emailed on one lead has
 * the same opt-out on their other leads.
 */
import type { BookClock } from './clock.js';
import type { Rng } from './prng.js';
import { AGENCY } from './text-kit.js';
import { push, type Batch } from './book-types.js';

const WORDING = {
  web: `By submitting this form I agree that ${AGENCY} may call and text me at the number provided, including by automated means, about insurance quotes. Consent is not a condition of purchase. Msg & data rates may apply. Reply STOP to opt out.`,
  call: `Caller verbally agreed on a recorded line to receive calls from ${AGENCY} about their insurance.`,
  paper: `Signed application: "I authorize ${AGENCY} to contact me by phone, text and email regarding my policies."`,
  sms: `Texted START to ${AGENCY}'s number after seeing the opt-in notice.`,
};

export type Profile = 'full' | 'call_only' | 'sms_revoked' | 'dnc' | 'unsubscribed' | 'unknown';
const OPT_OUTS: readonly Profile[] = ['sms_revoked', 'dnc', 'unsubscribed'];

export interface Consent {
  profile: Profile;
  call: boolean;
  sms: boolean;
  email: boolean;
  quietHours: [string, string] | null;
  /** Effective consent of contacts that have their own settings row (contact fields override the lead's). */
  contacts: Map<string, Consent>;
}

type State = 'granted' | 'denied' | 'revoked' | 'unknown';

function evidence(rng: Rng, clock: BookClock, createdDays: number): { source: string; at: string; wording: string } {
  const [source, wording] = rng.pick([
    ['web_form', WORDING.web],
    ['recorded_call', WORDING.call],
    ['paper_application', WORDING.paper],
    ['sms_keyword', WORDING.sms],
  ] as const);
  return { source, at: clock.at(createdDays + rng.float(0, 1)), wording };
}

interface Settings {
  row: Record<string, unknown>;
  profile: Profile;
  state: Record<'call' | 'sms' | 'email' | 'mail', State>;
  quietHours: [string, string] | null;
}

function settingsRow(
  rng: Rng,
  clock: BookClock,
  leadId: string,
  contactId: string | null,
  tz: string,
  createdDays: number,
  person: Profile | null,
): Settings {
  const drawn = rng.weighted<Profile>([
    ['full', 45],
    ['call_only', 18],
    ['sms_revoked', 10],
    ['dnc', 7],
    ['unsubscribed', 8],
    ['unknown', 12],
  ]);
  // One person, one set of opt-outs: a later lead neither drops nor adds one.
  const profile = person && (OPT_OUTS.includes(person) || OPT_OUTS.includes(drawn)) ? person : drawn;
  const state: Record<'call' | 'sms' | 'email' | 'mail', State> = {
    call: profile === 'unknown' ? 'unknown' : profile === 'dnc' ? rng.pick(['revoked', 'denied'] as const) : 'granted',
    sms: profile === 'full' ? 'granted' : profile === 'sms_revoked' ? 'revoked' : profile === 'dnc' ? 'denied' : 'unknown',
    email: profile === 'unsubscribed' ? 'revoked' : profile === 'unknown' ? 'unknown' : 'granted',
    mail: rng.chance(0.5) ? 'granted' : 'unknown',
  };
  const row: Record<string, unknown> = {
    id: rng.uuid(),
    lead_id: leadId,
    contact_id: contactId,
    timezone: tz,
    created_at: clock.at(createdDays),
    updated_at: clock.at(createdDays),
  };
  for (const ch of ['call', 'sms', 'email', 'mail'] as const) {
    row[`${ch}_consent`] = state[ch];
    if (state[ch] === 'granted' || state[ch] === 'revoked') {
      const e = evidence(rng, clock, createdDays);
      row[`${ch}_consent_source`] =
        state[ch] === 'revoked'
          ? ch === 'sms'
            ? 'sms_reply_stop'
            : ch === 'email'
              ? 'email_unsubscribe_link'
              : 'verbal_request'
          : e.source;
      row[`${ch}_consent_at`] = state[ch] === 'revoked' ? clock.at(Math.min(-0.5, createdDays + rng.float(5, 60))) : e.at;
      row[`${ch}_consent_wording`] = state[ch] === 'revoked' ? (ch === 'sms' ? 'STOP' : null) : e.wording;
    }
  }
  if (profile === 'dnc')
    Object.assign(row, {
      do_not_call: true,
      do_not_call_source: rng.pick(['customer_request', 'national_dnc_registry']),
      do_not_call_at: clock.at(Math.min(-0.5, createdDays + rng.float(1, 30))),
    });
  else row.do_not_call = false;
  if (profile === 'unsubscribed')
    Object.assign(row, { unsubscribed_at: row.email_consent_at, unsubscribe_source: 'email_unsubscribe_link' });
  const quietHours: [string, string] | null = rng.chance(0.3)
    ? (rng
        .pick([
          ['21:00', '08:00'],
          ['20:00', '09:00'],
          ['19:00', '08:30'],
        ] as const)
        .slice() as [string, string])
    : null;
  if (quietHours) Object.assign(row, { quiet_hours_start: quietHours[0], quiet_hours_end: quietHours[1] });
  return { row, profile, state, quietHours };
}

/** What the seeder may do on each channel, as consent.ts's mergeConsent would decide (`own` over `lead`). */
function effective(lead: Settings, own: Settings | null): Consent {
  const eff = (ch: 'call' | 'sms' | 'email') => (own && own.state[ch] !== 'unknown' ? own.state[ch] : lead.state[ch]);
  const dnc = lead.profile === 'dnc' || own?.profile === 'dnc';
  const unsubscribed = lead.profile === 'unsubscribed' || own?.profile === 'unsubscribed';
  return {
    profile: own?.profile ?? lead.profile,
    call: eff('call') === 'granted' && !dnc,
    sms: eff('sms') === 'granted',
    email: eff('email') !== 'revoked' && eff('email') !== 'denied' && !unsubscribed,
    quietHours: own?.quietHours ?? lead.quietHours,
    contacts: new Map(),
  };
}

/**
 * Lead-level settings, plus sometimes a contact's own (e.g. the billing contact who texted STOP).
 * `person` is the profile of the client's earlier lead: its opt-out, if any, holds here too.
 */
export function makeMarketing(
  rng: Rng,
  clock: BookClock,
  batch: Batch,
  leadId: string,
  contactIds: string[],
  tz: string,
  createdDays: number,
  person: Profile | null,
): Consent {
  const lead = settingsRow(rng, clock, leadId, null, tz, createdDays, person);
  push(batch, 'marketing', lead.row);
  const consent = effective(lead, null);
  if (contactIds.length > 1 && rng.chance(0.15)) {
    const contactId = rng.pick(contactIds.slice(1));
    const own = settingsRow(rng, clock, leadId, contactId, tz, createdDays, null);
    push(batch, 'marketing', own.row);
    consent.contacts.set(contactId, effective(lead, own));
  }
  return consent;
}
