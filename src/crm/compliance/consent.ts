/**
 * Marketing consent: what a person agreed to, and whether an outbound communication on a
 * channel may be logged or scheduled. Compliance is per person: a setting holds across every
 * lead of the client, and a number's or address's opt-out holds for everyone using it (the
 * precedence is in consent-resolve.ts and docs/compliance.md).
 *
 * Rules:
 * - Inbound communications are never refused: the customer reached us.
 * - Outbound on a channel is refused when that channel's consent is 'denied' or 'revoked' at any
 *   level; outbound calls and voicemails also on do-not-call; outbound email also when
 *   unsubscribed.
 * - 'unknown' consent (nothing recorded) is allowed: logging records a contact that already
 *   happened, and refusing it would only lose history. The caller gets a note asking to record
 *   consent for channels that require it.
 */
import type { ConsentChannel } from '../../db/schema/index.js';
import { ConsentRequiredError } from '../../errors.js';
import type { ConsentOrigin, ConsentPlace, ConsentState } from './consent-resolve.js';

export {
  mergeConsent,
  type ChannelConsent,
  type ConsentOrigin,
  type ConsentRestriction,
  type ConsentState,
  type ConsentValue,
} from './consent-resolve.js';
export { consentFor, contactPointsOf, loadPersonConsent, type PersonConsent } from './consent-read.js';

/** Sources are short codes; anything else (import- or customer-written text) is not echoed. */
const safeSource = (s: string | null) => (s && /^[\w .:/@+-]{1,80}$/.test(s) ? s : s ? 'see the consent record' : null);
const evidence = (source: string | null, at: Date | null) => {
  const bits = [source ? `source: ${safeSource(source)}` : null, at ? `recorded ${at.toISOString()}` : null].filter(Boolean);
  return bits.length ? ` (${bits.join(', ')})` : '';
};

/** Who a value belongs to, in words, naming the lead, the person or the number. */
function who(origin: ConsentOrigin, p: ConsentPlace): string {
  switch (origin) {
    case 'contact':
      return 'this contact';
    case 'client':
      return 'the client (recorded for the person, all their leads)';
    case 'other_lead':
      return `the client (recorded on their ${p.line ? `${p.line} ` : ''}lead ${p.leadId}; it holds for all their leads)`;
    case 'number':
      return `the number ${p.address} (for everyone using it)`;
    case 'address':
      return "the person's email address (for everyone using it)";
    default:
      return 'this lead';
  }
}

/** The record_consent subject that lifts an opt-out of `origin`. */
function recordVia(origin: ConsentOrigin, state: ConsentState, p: ConsentPlace): string {
  if (origin === 'number') return `"phone":"${p.address}"`;
  if (origin === 'address') return `"email":"<the address>"`;
  if (origin === 'contact') return `"contactId":"${state.contactId}"`;
  return `"clientId":"${state.clientId ?? '<the client id>'}"`;
}

const LABEL: Record<ConsentChannel, string> = { call: 'call', sms: 'SMS', email: 'email', mail: 'mail' };
const NOUN: Record<ConsentChannel, string> = { call: 'a call', sms: 'a text', email: 'an email', mail: 'a letter' };
const PREFERRED: Record<ConsentChannel, ConsentChannel[]> = {
  call: ['email'],
  sms: ['call', 'email'],
  email: ['call', 'mail'],
  mail: ['call', 'email'],
};

/** Channels an outbound communication may use now (nothing refuses them at any level). */
export function allowedChannels(state: ConsentState): ConsentChannel[] {
  return (['call', 'sms', 'email', 'mail'] as const).filter((ch) => {
    const s = state.channels[ch].state;
    if (s === 'denied' || s === 'revoked') return false;
    if (ch === 'call' && state.doNotCall.value) return false;
    return !(ch === 'email' && state.unsubscribed.at);
  });
}

function alternative(state: ConsentState, channel: ConsentChannel): string {
  const open = allowedChannels(state);
  const alts = PREFERRED[channel].filter((c) => open.includes(c));
  if (alts.length) return `log ${alts.map((c) => NOUN[c]).join(' or ')} instead`;
  return 'add a note instead: no other channel is open for this person';
}

/**
 * Throws ConsentRequiredError when an outbound communication on `channel` is not allowed by
 * `state` (see the module rules); the message names the opt-out, where it was recorded (this
 * lead, another lead of the client, the contact, the number) and how to lift it with
 * record_consent. Returns a note (or null) when consent is merely unknown on a channel where
 * `requiresConsent`. `channel` null (meetings, chats) and inbound communications are always
 * allowed. `alternative` replaces the default "log … instead" advice.
 */
export function assertMayContact(
  state: ConsentState,
  channel: ConsentChannel | null,
  direction: 'inbound' | 'outbound',
  opts: { requiresConsent?: boolean; kind?: string; alternative?: string } = {},
): { note: string | null } {
  if (direction === 'inbound' || channel === null) return { note: null };
  const kind = opts.kind ?? LABEL[channel];
  const c = state.channels[channel];
  const alt = opts.alternative ?? alternative(state, channel);
  const more = (ch: ConsentChannel) => {
    const n = (state.restrictions ?? []).filter((r) => r.channel === ch).length - 1;
    return n > 0 ? ` ${n} more opt-out${n > 1 ? 's' : ''} also refuse${n > 1 ? '' : 's'} it.` : '';
  };
  const how = (ch: ConsentChannel, origin: ConsentOrigin, p: ConsentPlace) =>
    ` To record it: record_consent {"action":"grant","channel":"${ch}",${recordVia(origin, state, p)},"source":"…"}.`;
  // Do-not-call and unsubscribe are absolute: a granted consent recorded elsewhere does not undo them.
  if (channel === 'call' && state.doNotCall.value) {
    const d = state.doNotCall;
    throw new ConsentRequiredError(
      `Outbound ${kind} refused: ${who(d.origin, d)} is on the do-not-call list${evidence(d.source, d.at)}.${more('call')}`,
      `If the customer asked to be called again, record call consent with its source first, or ${alt}.${how('call', d.origin, d)}`,
    );
  }
  if (c.state === 'denied' || c.state === 'revoked') {
    throw new ConsentRequiredError(
      `Outbound ${kind} refused: ${LABEL[channel]} consent for ${who(c.origin, c)} is ${c.state}${evidence(c.source, c.at)}.${more(channel)}`,
      `Record ${LABEL[channel]} consent as granted, with its source, only if the customer opted back in; otherwise ${alt}.${how(channel, c.origin, c)}`,
    );
  }
  if (channel === 'email' && state.unsubscribed.at) {
    const u = state.unsubscribed;
    throw new ConsentRequiredError(
      `Outbound email refused: ${who(u.origin, u)} unsubscribed from email${evidence(u.source, u.at)}.${more('email')}`,
      `Only if the customer re-subscribed: record email consent with its source first; otherwise ${alt}.${how('email', u.origin, u)}`,
    );
  }
  if (opts.requiresConsent && c.state === 'unknown') {
    return {
      note: `${LABEL[channel]} consent for ${state.contactId ? 'this contact' : 'this lead'} is not recorded; record it with its source (record_consent) before further outbound ${kind}s.`,
    };
  }
  return { note: null };
}
