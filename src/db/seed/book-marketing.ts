/** Marketing consent per lead (and some per contact), with evidence for every granted consent. */
import { Rng, at } from './prng.js';
import { AGENCY } from './text-kit.js';
import { push, type Batch } from './book-types.js';

const WORDING = {
  web: `By submitting this form I agree that ${AGENCY} may call and text me at the number provided, including by automated means, about insurance quotes. Consent is not a condition of purchase. Msg & data rates may apply. Reply STOP to opt out.`,
  call: `Caller verbally agreed on a recorded line to receive calls from ${AGENCY} about their insurance.`,
  paper: `Signed application: "I authorize ${AGENCY} to contact me by phone, text and email regarding my policies."`,
  sms: `Texted START to ${AGENCY}'s number after seeing the opt-in notice.`,
};

export interface Consent {
  call: boolean;
  sms: boolean;
  email: boolean;
  quietHours: [string, string] | null;
}

type State = 'granted' | 'denied' | 'revoked' | 'unknown';

function evidence(rng: Rng, createdDays: number): { source: string; at: string; wording: string } {
  const [source, wording] = rng.pick([['web_form', WORDING.web], ['recorded_call', WORDING.call], ['paper_application', WORDING.paper], ['sms_keyword', WORDING.sms]] as const);
  return { source, at: at(createdDays + rng.float(0, 1)), wording };
}

function settingsRow(rng: Rng, leadId: string, contactId: string | null, tz: string, createdDays: number): { row: Record<string, unknown>; consent: Consent } {
  const profile = rng.weighted([['full', 45], ['call_only', 18], ['sms_revoked', 10], ['dnc', 7], ['unsubscribed', 8], ['unknown', 12]] as const);
  const state: Record<'call' | 'sms' | 'email' | 'mail', State> = {
    call: profile === 'unknown' ? 'unknown' : profile === 'dnc' ? rng.pick(['revoked', 'denied'] as const) : 'granted',
    sms: profile === 'full' ? 'granted' : profile === 'sms_revoked' ? 'revoked' : profile === 'dnc' ? 'denied' : 'unknown',
    email: profile === 'unsubscribed' ? 'revoked' : profile === 'unknown' ? 'unknown' : 'granted',
    mail: rng.chance(0.5) ? 'granted' : 'unknown',
  };
  const row: Record<string, unknown> = { id: rng.uuid(), lead_id: leadId, contact_id: contactId, timezone: tz, created_at: at(createdDays), updated_at: at(createdDays) };
  for (const ch of ['call', 'sms', 'email', 'mail'] as const) {
    row[`${ch}_consent`] = state[ch];
    if (state[ch] === 'granted' || state[ch] === 'revoked') {
      const e = evidence(rng, createdDays);
      row[`${ch}_consent_source`] = state[ch] === 'revoked' ? (ch === 'sms' ? 'sms_reply_stop' : ch === 'email' ? 'email_unsubscribe_link' : 'verbal_request') : e.source;
      row[`${ch}_consent_at`] = state[ch] === 'revoked' ? at(Math.min(-0.5, createdDays + rng.float(5, 60))) : e.at;
      row[`${ch}_consent_wording`] = state[ch] === 'revoked' ? (ch === 'sms' ? 'STOP' : null) : e.wording;
    }
  }
  if (profile === 'dnc') Object.assign(row, { do_not_call: true, do_not_call_source: rng.pick(['customer_request', 'national_dnc_registry']), do_not_call_at: at(Math.min(-0.5, createdDays + rng.float(1, 30))) });
  else row.do_not_call = false;
  if (profile === 'unsubscribed') Object.assign(row, { unsubscribed_at: row.email_consent_at, unsubscribe_source: 'email_unsubscribe_link' });
  const quietHours: [string, string] | null = rng.chance(0.3) ? rng.pick([['21:00', '08:00'], ['20:00', '09:00'], ['19:00', '08:30']] as const).slice() as [string, string] : null;
  if (quietHours) Object.assign(row, { quiet_hours_start: quietHours[0], quiet_hours_end: quietHours[1] });
  return { row, consent: { call: state.call === 'granted' && profile !== 'dnc', sms: state.sms === 'granted', email: state.email !== 'revoked', quietHours } };
}

/** Lead-level settings, plus sometimes a contact's own (e.g. the billing contact who texted STOP). */
export function makeMarketing(rng: Rng, batch: Batch, leadId: string, contactIds: string[], tz: string, createdDays: number): Consent {
  const lead = settingsRow(rng, leadId, null, tz, createdDays);
  push(batch, 'marketing', lead.row);
  if (contactIds.length > 1 && rng.chance(0.15)) push(batch, 'marketing', settingsRow(rng, leadId, rng.pick(contactIds.slice(1)), tz, createdDays).row);
  return lead.consent;
}
