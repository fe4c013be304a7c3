/**
 * Due times for seeded follow-ups that a producer would have picked and the scheduling tool would
 * have accepted: Monday to Saturday, 9:00 AM-6:00 PM in the lead's zone, and for calls and texts
 * also allowed by the domain's contact-time rules (agency business hours, the lead's quiet hours).
 * The window is stricter than the rules (TCPA 8 AM-9 PM, every day) so the book stays valid when
 * the rules tighten, e.g. with Sunday or holiday rules.
 */
import { contactTimeViolations, type ContactTimeRules } from '../crm/compliance/contact-hours.js';
import { minutesOfDay } from '../crm/time/zoned-time.js';
import type { BookClock } from './clock.js';

/** Agency settings the book follows (the subset of the tools' settings it needs). */
export interface SeedSettings {
  /** IANA zone of the agency; the anchor day starts at midnight there. */
  agencyTimezone: string;
  /** Agency business hours [start, end) as whole hours. */
  businessHours: readonly [number, number];
}

export const DEFAULT_SEED_SETTINGS: SeedSettings = { agencyTimezone: 'America/Chicago', businessHours: [8, 20] };

/** Local minutes [start, end) the seeder schedules in; Sundays are skipped. */
export const SEED_WINDOW: readonly [number, number] = [9 * 60, 18 * 60];
const STEP = 15;
/** How many days a slot search may move a follow-up. */
const REACH = 14;

/** The contact-time rules for a lead, as scheduleFollowUp builds them. */
export function contactRules(settings: SeedSettings, leadZone: string, quietHours: readonly [string, string] | null): ContactTimeRules {
  const start = minutesOfDay(quietHours?.[0]);
  const end = minutesOfDay(quietHours?.[1]);
  return {
    leadZone,
    agencyZone: settings.agencyTimezone,
    businessHours: settings.businessHours,
    quiet: start !== null && end !== null ? { startMin: start, endMin: end, zone: leadZone } : null,
  };
}

/**
 * A slot on the 15-minute grid inside SEED_WINDOW for `minute` (clamped into the window) on the
 * date `day` days after the anchor; a Sunday moves it to the next (`dir` 1) or previous (`dir` -1)
 * day at the same time. When `rules` are given, the slot must pass contactTimeViolations; if it
 * does not, the search walks the grid in `dir`. Null when no slot is found within two weeks.
 */
export function followUpSlot(
  clock: BookClock,
  zone: string,
  day: number,
  minute: number,
  dir: 1 | -1,
  rules: ContactTimeRules | null,
): number | null {
  const [ws, we] = SEED_WINDOW;
  const last = we - STEP;
  const wanted = Math.min(last, Math.max(ws, Math.round(minute / STEP) * STEP));
  // Once a day's slots were all refused, the search goes on from the next day's first slot.
  let tried = false;
  for (let d = day; Math.abs(d - day) <= REACH; d += dir) {
    if (clock.weekday(d) === 0) continue;
    for (let m = tried ? (dir === 1 ? ws : last) : wanted; m >= ws && m <= last; m += dir * STEP) {
      const t = clock.localAt(zone, d, m);
      if (!rules || contactTimeViolations(new Date(t), rules).length === 0) return t;
    }
    tried = true;
  }
  return null;
}
