/**
 * The calendar for outbound calls and texts: which local days are closed and which local hours
 * a state allows. Pure; the sources are cited in docs/compliance.md.
 *
 * Policy (conservative, documented):
 * - No calls or texts on Sundays or on US federal holidays, in the person's local date. A fixed-
 *   date holiday that falls on a weekend is closed on both the day itself and its observed day
 *   (Friday before a Saturday, Monday after a Sunday).
 * - Hours: the federal 8 AM-9 PM (47 CFR 64.1200(c)(1)), narrowed where a state is stricter;
 *   when the person's state is unknown, the narrowest window of the table applies.
 */

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** Day of week of a civil date, 0 = Sunday. */
export function weekdayOf(d: LocalDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

const key = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The `n`th (1-based) `weekday` of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = weekdayOf({ year, month, day: 1 });
    return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  }
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = weekdayOf({ year, month, day: days });
  return days - ((last - weekday + 7) % 7);
}

const FIXED: Array<[month: number, day: number, name: string]> = [
  [1, 1, "New Year's Day"],
  [6, 19, 'Juneteenth'],
  [7, 4, 'Independence Day'],
  [11, 11, 'Veterans Day'],
  [12, 25, 'Christmas Day'],
];
const FLOATING: Array<[month: number, weekday: number, n: number, name: string]> = [
  [1, 1, 3, 'Martin Luther King Jr. Day'],
  [2, 1, 3, "Washington's Birthday"],
  [5, 1, -1, 'Memorial Day'],
  [9, 1, 1, 'Labor Day'],
  [10, 1, 2, 'Columbus Day'],
  [11, 4, 4, 'Thanksgiving Day'],
];

const cache = new Map<number, Map<string, string>>();

/** US federal holidays (5 U.S.C. 6103) of `year` by "YYYY-MM-DD", observed days included. */
export function federalHolidays(year: number): Map<string, string> {
  const hit = cache.get(year);
  if (hit) return hit;
  const out = new Map<string, string>();
  // Next year's New Year's Day can be observed on Dec 31 of this year.
  for (const y of [year, year + 1]) {
    for (const [m, d, name] of FIXED) {
      const wd = weekdayOf({ year: y, month: m, day: d });
      const real = new Date(Date.UTC(y, m - 1, d));
      const shifted = new Date(real.getTime() + (wd === 6 ? -1 : wd === 0 ? 1 : 0) * 86_400_000);
      for (const [dt, label] of [
        [real, name],
        [shifted, `${name} (observed)`],
      ] as const) {
        if (dt.getUTCFullYear() !== year) continue;
        const k = key(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
        if (!out.has(k)) out.set(k, label);
      }
    }
  }
  for (const [m, wd, n, name] of FLOATING) out.set(key(year, m, nthWeekday(year, m, wd, n)), name);
  cache.set(year, out);
  return out;
}

/** Why no call or text may be placed on this local date ("a Sunday", "Labor Day"), or null. */
export function closedDayReason(d: LocalDate): string | null {
  if (weekdayOf(d) === 0) return 'a Sunday';
  return federalHolidays(d.year).get(key(d.year, d.month, d.day)) ?? null;
}

export interface StateWindow {
  /** Local minutes after midnight, [start, end). */
  window: readonly [number, number];
  /** Where the window comes from, for messages. */
  rule: string;
}

const H = 60;
/** States with a stricter telephone-solicitation window than the federal one. */
export const STATE_WINDOWS: Readonly<Record<string, StateWindow>> = {
  FL: { window: [8 * H, 20 * H], rule: 'Florida (Fla. Stat. 501.616(6))' },
  OK: { window: [8 * H, 20 * H], rule: 'Oklahoma (Okla. Stat. tit. 15, 775C.4)' },
  MD: { window: [8 * H, 20 * H], rule: 'Maryland (Md. Com. Law 14-4503)' },
  WA: { window: [8 * H, 20 * H], rule: 'Washington (RCW 80.36.390)' },
  CT: { window: [9 * H, 20 * H], rule: 'Connecticut (Conn. Gen. Stat. 42-288a)' },
  TX: { window: [9 * H, 21 * H], rule: 'Texas (Tex. Bus. & Com. Code 301.051)' },
};

export const FEDERAL_WINDOW: StateWindow = { window: [8 * H, 21 * H], rule: 'the federal TCPA hours' };
/** Unknown state: the narrowest window of the table, since any of them could apply. */
export const UNKNOWN_STATE_WINDOW: StateWindow = {
  window: [9 * H, 20 * H],
  rule: "the strictest state window (the person's state is unknown)",
};

/** The calling window for a person in `state` (two-letter code; null when unknown). */
export function stateWindow(state: string | null | undefined): StateWindow {
  if (!state) return UNKNOWN_STATE_WINDOW;
  return STATE_WINDOWS[state.toUpperCase()] ?? FEDERAL_WINDOW;
}
