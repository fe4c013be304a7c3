/**
 * Wall-clock time in IANA zones with nothing but `Intl.DateTimeFormat`: instant -> local parts,
 * local wall time -> instant (with Temporal's "compatible" rule for DST gaps and overlaps), and
 * display strings. No dependency, no process-TZ reliance: every function takes the zone.
 */

/** A local wall-clock time. `month` is 1-12; `weekday` 0 = Sunday (only on outputs). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when `zone` is an IANA zone name this runtime knows (e.g. "America/New_York"). */
export function isValidTimeZone(zone: string | null | undefined): zone is string {
  if (!zone || zone.length > 64) return false;
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The local wall time of `instant` in `zone`, with the weekday (0 = Sunday). */
export function toZoned(instant: Date, zone: string): Required<WallTime> & { weekday: number } {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(zone).formatToParts(instant)) {
    if (p.type === 'weekday') out.weekday = WEEKDAYS.indexOf(p.value);
    else if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!,
    weekday: out.weekday!,
  };
}

const wallMs = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);

/** Offset of `zone` from UTC at `instant`, in minutes (New York in winter: -300). */
export function offsetMinutes(instant: Date, zone: string): number {
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  return (wallMs(toZoned(new Date(ms), zone)) - ms) / 60_000;
}

/**
 * The instant at which clocks in `zone` show `wall`. In a DST gap (02:30 on a spring-forward
 * night) the wall time is read with the offset before the change, landing after the gap (03:30);
 * in an overlap (01:30 on a fall-back night) the earlier of the two instants wins. This is
 * Temporal's `disambiguation: 'compatible'`.
 */
export function fromZoned(wall: WallTime, zone: string): Date {
  const w = wallMs(wall);
  const DAY = 86_400_000;
  const before = offsetMinutes(new Date(w - DAY), zone);
  const after = offsetMinutes(new Date(w + DAY), zone);
  const candidates = [w - before * 60_000, w - after * 60_000].filter((t) => wallMs(toZoned(new Date(t), zone)) === w);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(w - before * 60_000);
}

/** The calendar date `days` after the local date of `wall` (month and year roll over). */
export function addDays(wall: WallTime, days: number): WallTime {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { ...wall, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/** A human string for `instant` in `zone`, e.g. "Tue, Mar 10, 2026, 3:00 PM EDT". */
export function formatLocal(instant: Date, zone: string): string {
  let f = displayFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    displayFormatters.set(zone, f);
  }
  return f.format(instant);
}

/** Parses "HH:MM" or "HH:MM:SS" (Postgres `time`) into minutes after midnight; null when absent. */
export function minutesOfDay(time: string | null | undefined): number | null {
  if (!time) return null;
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(time);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59) return null;
  return h * 60 + min;
}
