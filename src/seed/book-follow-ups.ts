/**
 * Follow-ups of a lead, as a producer would have scheduled them with the tool: purposes that fit
 * the line, channels the lead consented to, due times inside the allowed hours of the lead's zone
 * (follow-up-times.ts), and leads.next_follow_up_at set to the earliest open one, as
 * recomputeNextFollowUp does.
 */
import type { BookClock } from './clock.js';
import { openPurposes, wonPurposes } from './follow-up-purposes.js';
import { contactRules, followUpSlot, SEED_WINDOW, type SeedSettings } from './follow-up-times.js';
import type { LeadCtx } from './book-leads.js';
import type { Rng } from './prng.js';
import { earliest, push, type Batch } from './book-types.js';

type Channel = 'call' | 'email' | 'sms' | 'meeting' | 'task';
const CHANNELS: readonly Channel[] = ['call', 'email', 'sms', 'meeting', 'task'];
const OUTCOMES = ['Reached, next steps agreed', 'Left voicemail', 'Documents received', 'Quote reviewed'];
/** Open follow-ups are overdue by at most this many days. */
export const MAX_OVERDUE_DAYS = 6;

/** A start minute on the 15-minute grid of the seed window. */
const slotMinute = (rng: Rng) => SEED_WINDOW[0] + 15 * rng.int(0, (SEED_WINDOW[1] - SEED_WINDOW[0]) / 15 - 1);

/**
 * Open follow-ups for live leads (about a quarter overdue by 1-6 days, the rest due over the next
 * three weeks; some leads have two), a completed or cancelled one from the past, some AI-created.
 */
export function makeFollowUps(rng: Rng, clock: BookClock, settings: SeedSettings, batch: Batch, lead: LeadCtx): void {
  const c = lead.client;
  const consent = lead.consent;
  const channels = CHANNELS.filter(
    (ch) => (ch !== 'call' || consent.call) && (ch !== 'sms' || consent.sms) && (ch !== 'email' || consent.email),
  );
  const won = lead.status === 'won';
  const purposes = rng.sample(won ? wonPurposes(lead.line, lead.commercial) : openPurposes(lead.line, lead.commercial), 3);
  const rules = contactRules(settings, c.timezone, consent.quietHours);

  /** Due time and channel; a call or text with no allowed slot within two weeks becomes a task. */
  const place = (day: number, minute: number, wanted: Channel, dir: 1 | -1): [number, Channel] => {
    const timed = wanted === 'call' || wanted === 'sms';
    const due = followUpSlot(clock, c.timezone, day, minute, dir, timed ? rules : null);
    if (due !== null) return [due, wanted];
    return [followUpSlot(clock, c.timezone, day, minute, dir, null) ?? clock.localAt(c.timezone, day, minute), 'task'];
  };
  const row = (purpose: string, dueMs: number, channel: Channel, ai: boolean) => {
    const created = clock.at(Math.min(-0.01, Math.max(lead.createdDays, clock.daysOf(dueMs) - 7)));
    return {
      id: rng.uuid(),
      lead_id: lead.id,
      client_id: c.id,
      contact_id: c.contacts[0]!.id,
      assigned_user_id: c.producer.id,
      created_by_user_id: ai ? null : c.producer.id,
      created_by_ai: ai,
      due_at: new Date(dueMs).toISOString(),
      timezone: c.timezone,
      channel,
      purpose,
      notes: rng.chance(0.4) ? `Re ${lead.ctx.lineName}: ${lead.ctx.carrier} at $${lead.ctx.premium}.` : null,
      priority: rng.weighted([
        ['normal', 5],
        ['high', 2],
        ['low', 2],
        ['urgent', 0.5],
      ] as const),
      created_at: created,
      updated_at: created,
    };
  };

  if (!lead.terminal || (won && rng.chance(0.5))) {
    const count = !lead.terminal && rng.chance(0.2) ? 2 : 1;
    for (let i = 0; i < count; i++) {
      const ai = rng.chance(0.2);
      const wanted = rng.pick(channels);
      // Overdue ones fall due after the lead came in, never before.
      const overdue = Math.max(-rng.int(1, MAX_OVERDUE_DAYS), Math.ceil(lead.createdDays + 0.5));
      const day = i === 0 && rng.chance(0.25) ? overdue : rng.int(i === 0 ? 0 : 2, i === 0 ? 21 : 30);
      const [due, channel] = place(day, slotMinute(rng), wanted, 1);
      const fu = { ...row(purposes[i]!, due, channel, ai), status: 'open' };
      push(batch, 'followUps', fu);
      earliest(lead.row, 'next_follow_up_at', fu.due_at);
    }
  }
  if (lead.createdDays < -3 && rng.chance(0.6)) {
    const ai = rng.chance(0.15);
    const wanted = rng.pick(channels);
    const day = Math.min(-1, Math.floor(rng.float(lead.createdDays + 1, lead.endDays)));
    const [due, channel] = place(day, slotMinute(rng), wanted, -1);
    const completed = rng.chance(0.9);
    push(batch, 'followUps', {
      ...row(purposes[2] ?? purposes[0]!, due, channel, ai),
      status: completed ? 'completed' : 'cancelled',
      completed_at: completed ? clock.at(clock.daysOf(due) + rng.float(0, 0.15)) : null,
      completed_by_user_id: completed ? c.producer.id : null,
      outcome: completed ? rng.pick(OUTCOMES) : 'No longer needed',
    });
  }
}
