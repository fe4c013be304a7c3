/** Notes and communications of a lead: a story told from a few themes that fit its line. */
import { Rng, at } from './prng.js';
import { commText, noteText, type CommType } from './text-activity.js';
import { themesFor } from './text-themes.js';
import type { LeadCtx } from './book-leads.js';
import { push, type Batch, type Lookups, type SeedUser } from './book-types.js';

const TYPE_WEIGHTS: readonly (readonly [CommType, number])[] = [['call', 30], ['email', 30], ['sms', 12], ['voicemail', 12], ['meeting', 6], ['letter', 3], ['chat', 4]];

/** Outbound calls and texts only where the lead consented; otherwise the agency emails or writes. */
function allowed(type: CommType, lead: LeadCtx): CommType {
  if ((type === 'call' || type === 'voicemail') && !lead.consent.call) return lead.consent.email ? 'email' : 'letter';
  if (type === 'sms' && !lead.consent.sms) return lead.consent.email ? 'email' : 'letter';
  if (type === 'email' && !lead.consent.email) return lead.consent.call ? 'call' : 'letter';
  return type;
}

/** About `count` activities (notes + communications) for the lead; returns the last activity time. */
export function makeActivity(rng: Rng, batch: Batch, lead: LeadCtx, count: number, lk: Lookups, csrs: SeedUser[]): string | null {
  const themes = rng.sample(themesFor(lead.line), rng.int(2, 4));
  const span = lead.endDays - lead.createdDays;
  const times = Array.from({ length: count }, () => lead.createdDays + rng.next() * span).sort((a, b) => a - b);
  const c = lead.client;
  let last: string | null = null;
  times.forEach((t, i) => {
    const theme = themes[Math.min(themes.length - 1, Math.floor((i / count) * themes.length))]!;
    const user = rng.chance(0.8) ? c.producer : rng.pick(csrs);
    const when = at(t);
    last = when;
    if (rng.chance(0.4)) {
      push(batch, 'notes', {
        id: rng.uuid(), lead_id: lead.id, client_id: c.id, author_user_id: user.id, note_type: theme.noteType, body: noteText(theme, lead.ctx, rng), is_pinned: rng.chance(0.04),
        tags: rng.chance(0.5) ? theme.tags.slice(0, 2) : [], created_at: when, updated_at: when,
      });
      return;
    }
    let dir: 'inbound' | 'outbound' = rng.chance(0.4) ? 'inbound' : 'outbound';
    let type = rng.weighted(TYPE_WEIGHTS);
    if (type === 'chat') dir = 'inbound';
    if (dir === 'outbound') type = allowed(type, lead);
    const text = commText(type, dir, theme, lead.ctx, rng);
    const contact = rng.chance(0.8) ? c.contacts[0]! : rng.pick(c.contacts);
    push(batch, 'communications', {
      id: rng.uuid(), lead_id: lead.id, client_id: c.id, contact_id: contact.id, communication_type_id: lk.comm[type], campaign_id: null, user_id: user.id, direction: dir,
      subject: text.subject, body: text.body, occurred_at: when, duration_seconds: text.durationSeconds, outcome: text.outcome, tags: rng.chance(0.3) ? theme.tags.slice(0, 1) : [],
      ai_sentiment: rng.chance(0.25) ? Math.round(rng.float(-0.8, 0.9) * 1000) / 1000 : null, created_at: when, updated_at: when,
    });
  });
  return last;
}
