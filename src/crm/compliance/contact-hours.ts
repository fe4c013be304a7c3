/**
 * When a call or text may be placed: pure functions, no I/O.
 *
 * A time is allowed when all of these hold:
 * - the lead's local time is within the calling window (default 08:00-21:00, the TCPA hours;
 *   the caller passes a state's stricter window, see contact-calendar.ts);
 * - the lead's local date is not a closed day (`closedDay`: Sundays and federal holidays);
 * - the agency's local time is within its business hours (`ToolSettings.businessHours`);
 * - the lead's local time is outside every quiet-hours window of the person.
 * Windows are half-open ([start, end)): 21:00 itself is outside 08:00-21:00. Quiet hours may wrap
 * midnight (21:00-08:00).
 */
import type { LocalDate } from './contact-calendar.js';
import { addDays, formatLocal, fromZoned, toZoned, type WallTime } from '../time/zoned-time.js';

/** Quiet hours in minutes after local midnight, in `zone`. */
export interface QuietWindow {
  startMin: number;
  endMin: number;
  zone: string;
}

export interface ContactTimeRules {
  /** IANA zone of the lead (contact, client, address, settings, else agency). */
  leadZone: string;
  /** IANA zone of the agency. */
  agencyZone: string;
  /** Agency business hours as whole hours, e.g. [8, 20]. */
  businessHours: readonly [number, number];
  /** The person's quiet hours (one window or several, all apply); null when none. */
  quiet: QuietWindow | readonly QuietWindow[] | null;
  /** Lead-local calling window in minutes; default 08:00-21:00. */
  leadWindow?: readonly [number, number];
  /** Where `leadWindow` comes from, e.g. "Florida (Fla. Stat. 501.616(6))"; for messages. */
  leadWindowRule?: string;
  /** Why no call or text may be placed on a lead-local date, or null when it is open. */
  closedDay?: (d: LocalDate) => string | null;
}

const quietList = (q: ContactTimeRules['quiet']): readonly QuietWindow[] =>
  !q ? [] : Array.isArray(q) ? (q as readonly QuietWindow[]) : [q as QuietWindow];

export const DEFAULT_LEAD_WINDOW: readonly [number, number] = [8 * 60, 21 * 60];

type Interval = [start: number, end: number];

/** "8:00 AM" for minutes after midnight. */
export function clock(min: number): string {
  const h = Math.floor(min / 60) % 24;
  const m = min % 60;
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

const localMinutes = (at: Date, zone: string) => {
  const z = toZoned(at, zone);
  return z.hour * 60 + z.minute;
};

/** In [start, end), wrapping midnight when end <= start. */
const inDaily = (min: number, start: number, end: number) => (start < end ? min >= start && min < end : min >= start || min < end);

/**
 * Why `at` is not allowed: one sentence per broken rule; empty when it is allowed.
 */
export function contactTimeViolations(at: Date, rules: ContactTimeRules): string[] {
  const out: string[] = [];
  const [ws, we] = rules.leadWindow ?? DEFAULT_LEAD_WINDOW;
  if (!inDaily(localMinutes(at, rules.leadZone), ws, we) || ws >= we) {
    const rule = rules.leadWindowRule ? `, ${rules.leadWindowRule}` : '';
    out.push(`${formatLocal(at, rules.leadZone)} is outside ${clock(ws)}-${clock(we)} in the lead's time zone (${rules.leadZone}${rule})`);
  }
  const closed = rules.closedDay?.(toZoned(at, rules.leadZone));
  if (closed) out.push(`${formatLocal(at, rules.leadZone)} is on ${closed} in the lead's time zone: no calls or texts that day`);
  const [bs, be] = rules.businessHours;
  if (bs >= be || !inDaily(localMinutes(at, rules.agencyZone), bs * 60, be * 60)) {
    out.push(
      `${formatLocal(at, rules.agencyZone)} is outside the agency's business hours ${clock(bs * 60)}-${clock(be * 60)} (${rules.agencyZone})`,
    );
  }
  for (const q of quietList(rules.quiet)) {
    if (q.startMin !== q.endMin && inDaily(localMinutes(at, q.zone), q.startMin, q.endMin)) {
      out.push(`${formatLocal(at, q.zone)} is inside the lead's quiet hours ${clock(q.startMin)}-${clock(q.endMin)} (${q.zone})`);
    }
  }
  return out;
}

/** Instant of local minute-of-day `min` on the local date `day` (1440 = next midnight). */
const at = (day: WallTime, min: number, zone: string) =>
  fromZoned({ ...addDays(day, Math.floor(min / 1440)), hour: Math.floor((min % 1440) / 60), minute: min % 60, second: 0 }, zone).getTime();

/**
 * Daily [start, end) windows in `zone` for the local days around `center` (end <= start wraps),
 * leaving out the days `skip` closes.
 */
function daily(
  center: Date,
  zone: string,
  startMin: number,
  endMin: number,
  days: [number, number],
  skip?: (d: LocalDate) => string | null,
): Interval[] {
  const today = toZoned(center, zone);
  const out: Interval[] = [];
  for (let k = days[0]; k <= days[1]; k++) {
    const d = addDays(today, k);
    if (skip?.(d)) continue;
    out.push([at(d, startMin, zone), at(d, endMin <= startMin ? endMin + 1440 : endMin, zone)]);
  }
  return out;
}

function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [as, ae] of a)
    for (const [bs, be] of b) if (Math.max(as, bs) < Math.min(ae, be)) out.push([Math.max(as, bs), Math.min(ae, be)]);
  return out.sort((x, y) => x[0] - y[0]);
}

function subtract(a: Interval[], b: Interval[]): Interval[] {
  let cur = a;
  for (const [bs, be] of b) {
    cur = cur.flatMap(([s, e]): Interval[] => {
      if (be <= s || bs >= e) return [[s, e]];
      const parts: Interval[] = [];
      if (s < bs) parts.push([s, bs]);
      if (be < e) parts.push([be, e]);
      return parts;
    });
  }
  return cur.sort((x, y) => x[0] - y[0]);
}

const GRID = 15 * 60_000;

/**
 * The allowed instant nearest to `at` (itself when allowed), looking up to two weeks ahead and
 * back, never at or before `notBefore`. An earlier candidate is the last quarter hour of the
 * previous allowed window (e.g. 8:45 PM for a 9:30 PM request); a later one is the start of the
 * next window. Ties go to the later one. On a closed day (a Sunday, a holiday) the next allowed
 * time is proposed, not the evening before. Null when no time in that range is allowed.
 */
export function nearestAllowedTime(at_: Date, rules: ContactTimeRules, notBefore: Date): Date | null {
  const range: [number, number] = [-15, 15];
  const [ws, we] = rules.leadWindow ?? DEFAULT_LEAD_WINDOW;
  const [bs, be] = rules.businessHours;
  if (ws >= we || bs >= be) return null;
  let allowed = intersect(
    daily(at_, rules.leadZone, ws, we, range, rules.closedDay),
    daily(at_, rules.agencyZone, bs * 60, be * 60, range),
  );
  for (const q of quietList(rules.quiet)) {
    if (q.startMin !== q.endMin) allowed = subtract(allowed, daily(at_, q.zone, q.startMin, q.endMin, [range[0] - 1, range[1] + 1]));
  }
  const closedNow = Boolean(rules.closedDay?.(toZoned(at_, rules.leadZone)));
  const t = at_.getTime();
  const floor = notBefore.getTime();
  let later: number | null = null;
  let earlier: number | null = null;
  for (const [s, e] of allowed) {
    if (s <= t && t < e && t > floor) return at_;
    if (s > t && s > floor && later === null) later = s;
    if (e <= t) {
      const c = Math.floor((e - 1) / GRID) * GRID;
      const candidate = c >= s ? c : s;
      if (candidate > floor) earlier = candidate;
    }
  }
  if (later === null && earlier === null) return null;
  if (later === null) return new Date(earlier!);
  if (earlier === null || closedNow) return new Date(later);
  return new Date(t - earlier < later - t ? earlier : later);
}
