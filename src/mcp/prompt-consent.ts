/**
 * A person's consent state in plain words for a prompt: do-not-call, each channel's consent,
 * unsubscribe, quiet hours and the local time zone, each with where it comes from. Pure; the
 * wording is ours (sources are system codes such as `web_form`), so nothing here is fenced.
 */
import type { ConsentOrigin, ConsentState } from '../crm/compliance/consent.js';
import type { ZoneSource } from '../crm/leads/timezone.js';
import { formatLocal, isValidTimeZone, minutesOfDay, toZoned } from '../crm/time/zoned-time.js';

export interface ConsentFactsInput {
  state: ConsentState;
  /** The person's local zone and where it was found (leadTimeZone). */
  zone: { zone: string; source: ZoneSource };
  now: Date;
}

const ORIGIN: Record<ConsentOrigin, string> = {
  contact: "on this contact's own settings",
  lead: "on the lead's settings",
  other_lead: "on another of this client's leads (it holds for the person)",
  client: 'on the client as a person',
  number: 'on the phone number itself (for everyone using it)',
  address: 'on the email address itself (for everyone using it)',
  none: 'nothing recorded',
};
const ZONE_SOURCE: Record<ZoneSource, string> = {
  contact: "the contact's record",
  client: "the client's record",
  address: "the client's address",
  marketing_settings: 'the marketing settings',
  agency: "the agency's default (nothing recorded for this person)",
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
function where(source: string | null, at: Date | null, origin: ConsentOrigin): string {
  const bits = [source && `source ${source}`, day(at) && `recorded ${day(at)}`, ORIGIN[origin]].filter(Boolean);
  return `(${bits.join(', ')})`;
}

const LABEL = { call: 'Phone calls', sms: 'SMS / texts', email: 'Email', mail: 'Postal mail' } as const;
const STOP = { call: 'Do not call.', sms: 'Do not text.', email: 'No marketing email may be sent.', mail: 'Do not send mail.' } as const;

function hhmm(t: string): string {
  return t.slice(0, 5);
}

/** True when local `now` falls in [start, end), with windows that wrap midnight (21:00-08:00). */
export function inQuietHours(now: Date, zone: string, start: string, end: string): boolean {
  const s = minutesOfDay(start);
  const e = minutesOfDay(end);
  if (s === null || e === null || s === e) return false;
  const local = toZoned(now, zone);
  const m = local.hour * 60 + local.minute;
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/** Whether marketing email to this person is forbidden, and the plain reason; null when it is allowed. */
export function emailBlock(state: ConsentState): string | null {
  if (state.unsubscribed.at)
    return `this person unsubscribed from email ${where(state.unsubscribed.source, state.unsubscribed.at, state.unsubscribed.origin)}`;
  const c = state.channels.email;
  if (c.state === 'denied' || c.state === 'revoked') return `email consent is ${c.state} ${where(c.source, c.at, c.origin)}`;
  return null;
}

/** The consent facts as bullet lines, most restrictive first. */
export function consentFacts({ state, zone, now }: ConsentFactsInput): string[] {
  const lines: string[] = [];
  if (state.doNotCall.value) {
    lines.push(
      `- DO NOT CALL: this person is on the do-not-call list ${where(state.doNotCall.source, state.doNotCall.at, state.doNotCall.origin)}. Do not call or suggest a call; this holds whatever call consent says.`,
    );
  } else {
    lines.push(`- Do-not-call: not on the do-not-call list (${ORIGIN[state.doNotCall.origin]}).`);
  }
  const blocked = emailBlock(state);
  if (blocked) lines.push(`- EMAIL BLOCKED: ${blocked}. No marketing email may be sent.`);
  for (const ch of ['call', 'sms', 'email', 'mail'] as const) {
    const c = state.channels[ch];
    // Already said in the EMAIL BLOCKED line.
    if (ch === 'email' && blocked && (c.state === 'denied' || c.state === 'revoked')) continue;
    if (ch === 'call' && state.doNotCall.value) {
      lines.push(`- ${LABEL.call}: call consent ${c.state}, overridden by do-not-call.`);
      continue;
    }
    if (c.state === 'unknown') lines.push(`- ${LABEL[ch]}: consent not recorded; ask the producer before relying on it.`);
    else if (c.state === 'granted') lines.push(`- ${LABEL[ch]}: consent granted ${where(c.source, c.at, c.origin)}.`);
    else lines.push(`- ${LABEL[ch]}: consent ${c.state} ${where(c.source, c.at, c.origin)}. ${STOP[ch]}`);
  }
  const local = formatLocal(now, zone.zone);
  if (state.quietHours) {
    const qz = isValidTimeZone(state.timezone) ? state.timezone : zone.zone;
    const inside = inQuietHours(now, qz, state.quietHours.start, state.quietHours.end);
    lines.push(
      `- Quiet hours: no calls or texts ${hhmm(state.quietHours.start)}-${hhmm(state.quietHours.end)} ${qz} time (${ORIGIN[state.quietHours.origin]}); it is now ${inside ? 'INSIDE' : 'outside'} them.`,
    );
  } else {
    lines.push('- Quiet hours: none recorded (agency business hours still apply to calls and texts).');
  }
  lines.push(`- Local time zone: ${zone.zone}, from ${ZONE_SOURCE[zone.source]}; local time now ${local}.`);
  return lines;
}
