/**
 * Service-level targets for tickets, in the agency's business time: business hours on work days
 * in the agency's IANA time zone. Pure functions (no I/O, no clock), so the arithmetic (weekend
 * and after-hours roll-over, DST) is unit-tested on its own.
 */
import type { PRIORITIES } from '../../db/schema/index.js';
import { fromZoned, toZoned } from '../time/zoned-time.js';

export type Priority = (typeof PRIORITIES)[number];

export interface BusinessCalendar {
  /** IANA zone the hours are in, e.g. America/Chicago. */
  timeZone: string;
  /** Local opening hour, 0-23. */
  startHour: number;
  /** Local closing hour, 1-24, after startHour. */
  endHour: number;
  /** ISO weekdays that are work days (1 = Monday ... 7 = Sunday). Default Monday to Friday. */
  workDays?: readonly number[];
  /** Local dates (YYYY-MM-DD) the agency is closed. */
  holidays?: readonly string[];
}

/**
 * Response targets per priority, in business minutes. A business day is one full set of business
 * hours, so "1 business day" from Monday 10:00 is Tuesday 10:00. Urgent is 4 business hours: the
 * target measures when staff answer (carriers run their own 24/7 claim lines).
 */
export const SLA_POLICY: Readonly<Record<Priority, { businessHours?: number; businessDays?: number; label: string }>> = {
  urgent: { businessHours: 4, label: '4 business hours' },
  high: { businessDays: 1, label: '1 business day' },
  normal: { businessDays: 2, label: '2 business days' },
  low: { businessDays: 5, label: '5 business days' },
};

/** The calendar from agency settings (`businessHours` is [startHour, endHour]). */
export function calendarFromSettings(s: { agencyTimezone: string; businessHours: readonly [number, number] }): BusinessCalendar {
  return { timeZone: s.agencyTimezone, startHour: s.businessHours[0], endHour: s.businessHours[1] };
}

/** The instant of a local hour (DST gaps resolve forward, overlaps to the earlier instant). */
function at(year: number, month: number, day: number, hour: number, timeZone: string): number {
  return fromZoned({ year, month, day, hour, minute: 0 }, timeZone).getTime();
}

function isoWeekday(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

function nextDate(year: number, month: number, day: number): [number, number, number] {
  const d = new Date(Date.UTC(year, month - 1, day + 1));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

function isWorkDay(cal: BusinessCalendar, y: number, m: number, d: number): boolean {
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return (cal.workDays ?? [1, 2, 3, 4, 5]).includes(isoWeekday(y, m, d)) && !(cal.holidays ?? []).includes(iso);
}

function checkCalendar(cal: BusinessCalendar): void {
  const ok =
    Number.isInteger(cal.startHour) &&
    Number.isInteger(cal.endHour) &&
    cal.startHour >= 0 &&
    cal.endHour <= 24 &&
    cal.startHour < cal.endHour;
  if (!ok) throw new RangeError(`business hours must be whole hours with 0 <= start < end <= 24, got ${cal.startHour}-${cal.endHour}`);
  if (!(cal.workDays ?? [1, 2, 3, 4, 5]).length) throw new RangeError('a business calendar needs at least one work day');
}

/**
 * `start` plus `minutes` of business time. Time outside business hours does not count: a start
 * after hours, on a weekend or a holiday rolls to the next opening. Returns the closing time, not
 * the next opening, when the budget ends exactly at close.
 */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar): Date {
  checkCalendar(cal);
  if (!(minutes >= 0)) throw new RangeError('minutes must be >= 0');
  let remaining = minutes * 60_000;
  let cursor = start.getTime();
  // Bounded: at most a few years of days, even for a calendar with one work day a week.
  for (let guard = 0; guard < 5000; guard++) {
    const p = toZoned(new Date(cursor), cal.timeZone);
    const open = at(p.year, p.month, p.day, cal.startHour, cal.timeZone);
    const close = at(p.year, p.month, p.day, cal.endHour, cal.timeZone);
    if (!isWorkDay(cal, p.year, p.month, p.day) || cursor >= close) {
      const [y, m, d] = nextDate(p.year, p.month, p.day);
      cursor = at(y, m, d, 0, cal.timeZone);
      continue;
    }
    if (cursor < open) cursor = open;
    if (remaining <= close - cursor) return new Date(cursor + remaining);
    remaining -= close - cursor;
    cursor = close;
  }
  throw new RangeError('business time did not converge; check the calendar');
}

/** Business minutes from `from` to `to` (0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  checkCalendar(cal);
  let total = 0;
  let cursor = from.getTime();
  const end = to.getTime();
  for (let guard = 0; cursor < end && guard < 50_000; guard++) {
    const p = toZoned(new Date(cursor), cal.timeZone);
    const open = at(p.year, p.month, p.day, cal.startHour, cal.timeZone);
    const close = at(p.year, p.month, p.day, cal.endHour, cal.timeZone);
    if (isWorkDay(cal, p.year, p.month, p.day) && cursor < close) {
      const a = Math.max(cursor, open);
      const b = Math.min(end, close);
      if (b > a) total += b - a;
    }
    const [y, m, d] = nextDate(p.year, p.month, p.day);
    cursor = at(y, m, d, 0, cal.timeZone);
  }
  return Math.round(total / 60_000);
}

/** When a ticket of this priority opened at `openedAt` is due. */
export function slaDueAt(priority: Priority, openedAt: Date, cal: BusinessCalendar): Date {
  const rule = SLA_POLICY[priority];
  const perDay = (cal.endHour - cal.startHour) * 60;
  const minutes = rule.businessHours !== undefined ? rule.businessHours * 60 : (rule.businessDays ?? 0) * perDay;
  return addBusinessMinutes(openedAt, minutes, cal);
}

export const SLA_STATES = ['none', 'on_track', 'due_soon', 'breached', 'met', 'missed'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/**
 * Where a ticket stands against its target at `now`. Due soon: less than 2 hours left. A
 * resolved ticket met the target when it was resolved by the due time.
 */
export function slaState(t: { slaDueAt: Date | null; resolvedAt: Date | null; status: string }, now: Date): SlaState {
  if (!t.slaDueAt) return 'none';
  const done = t.status === 'resolved' || t.status === 'closed';
  if (done) return t.resolvedAt && t.resolvedAt.getTime() > t.slaDueAt.getTime() ? 'missed' : 'met';
  const left = t.slaDueAt.getTime() - now.getTime();
  if (left < 0) return 'breached';
  return left < 2 * 3_600_000 ? 'due_soon' : 'on_track';
}
