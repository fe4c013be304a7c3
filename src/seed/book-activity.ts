/**
 * Notes and communications of a lead: a story told from a few themes that fit its line. Each
 * communication moves the lead's, client's and contact's contact times as logCommunication does.
 */
import type { BookClock } from './clock.js';
import type { Consent } from './book-marketing.js';
import { followUpSlot } from './follow-up-times.js';
import type { Rng } from './prng.js';
import { commText, noteText, type CommType } from './text-activity.js';
import { themesFor } from './text-themes.js';
import type { LeadCtx } from './book-leads.js';
import { earliest, latest, push, type Batch, type Lookups, type SeedUser } from './book-types.js';

const TYPE_WEIGHTS: readonly (readonly [CommType, number])[] = [
  ['call', 30],
  ['email', 30],
  ['sms', 12],
  ['voicemail', 12],
  ['meeting', 6],
  ['letter', 3],
  ['chat', 4],
];

/** Outbound calls and texts only where the person consented; otherwise the agency emails or writes. */
function allowed(type: CommType, consent: Consent): CommType {
  if ((type === 'call' || type === 'voicemail') && !consent.call) return consent.email ? 'email' : 'letter';
  if (type === 'sms' && !consent.sms) return consent.email ? 'email' : 'letter';
  if (type === 'email' && !consent.email) return consent.call ? 'call' : 'letter';
  return type;
}

const DIALED = new Set<CommType>(['call', 'voicemail', 'sms']);

/**
 * An outbound call or text placed at a working hour of the lead's day (Mon-Sat, 9-6 local): the
 * latest slot at or before `days` on that date, when it is still inside the lead's life.
 */
function dialedAt(clock: BookClock, lead: LeadCtx, days: number): number {
  const ms = clock.anchorMs + days * 86_400_000;
  let day = Math.floor(days);
  let minute = Math.round((ms - clock.localAt(lead.client.timezone, day, 0)) / 60_000);
  if (minute < 0) [day, minute] = [day - 1, minute + 1440];
  const slot = followUpSlot(clock, lead.client.timezone, day, minute, -1, null);
  return slot !== null && clock.daysOf(slot) > lead.createdDays && clock.daysOf(slot) < lead.endDays ? slot : ms;
}

/** About `count` activities (notes + communications) for the lead. */
export function makeActivity(rng: Rng, clock: BookClock, batch: Batch, lead: LeadCtx, count: number, lk: Lookups, csrs: SeedUser[]): void {
  const themes = rng.sample(themesFor(lead.line), rng.int(2, 4));
  const span = lead.endDays - lead.createdDays;
  const times = Array.from({ length: count }, () => lead.createdDays + rng.next() * span).sort((a, b) => a - b);
  const c = lead.client;
  times.forEach((t, i) => {
    const theme = themes[Math.min(themes.length - 1, Math.floor((i / count) * themes.length))]!;
    const user = rng.chance(0.8) ? c.producer : rng.pick(csrs);
    const when = clock.at(t);
    if (rng.chance(0.4)) {
      push(batch, 'notes', {
        id: rng.uuid(),
        lead_id: lead.id,
        client_id: c.id,
        author_user_id: user.id,
        note_type: theme.noteType,
        body: noteText(theme, lead.ctx, rng),
        is_pinned: rng.chance(0.04),
        tags: rng.chance(0.5) ? theme.tags.slice(0, 2) : [],
        created_at: when,
        updated_at: when,
      });
      return;
    }
    let dir: 'inbound' | 'outbound' = rng.chance(0.4) ? 'inbound' : 'outbound';
    let type = rng.weighted(TYPE_WEIGHTS);
    if (type === 'chat') dir = 'inbound';
    const contact = rng.chance(0.8) ? c.contacts[0]! : rng.pick(c.contacts);
    if (dir === 'outbound') type = allowed(type, lead.consent.contacts.get(contact.id) ?? lead.consent);
    const text = commText(type, dir, theme, lead.ctx, rng);
    const occurred = dir === 'outbound' && DIALED.has(type) ? new Date(dialedAt(clock, lead, t)).toISOString() : when;
    push(batch, 'communications', {
      id: rng.uuid(),
      lead_id: lead.id,
      client_id: c.id,
      contact_id: contact.id,
      communication_type_id: lk.comm[type],
      campaign_id: null,
      user_id: user.id,
      direction: dir,
      subject: text.subject,
      body: text.body,
      occurred_at: occurred,
      duration_seconds: text.durationSeconds,
      outcome: text.outcome,
      tags: rng.chance(0.3) ? theme.tags.slice(0, 1) : [],
      ai_sentiment: rng.chance(0.25) ? Math.round(rng.float(-0.8, 0.9) * 1000) / 1000 : null,
      created_at: occurred,
      updated_at: occurred,
    });
    latest(lead.row, 'last_contacted_at', occurred);
    earliest(lead.row, 'first_contacted_at', occurred);
    latest(c.row, 'last_contact_at', occurred);
    const contactRow = c.contactRows.get(contact.id);
    if (contactRow) latest(contactRow, 'last_contact_at', occurred);
  });
}
