/**
 * The demo book's "now": every timestamp is placed relative to an anchor day (the start of a
 * local date in the agency's zone), never read from the clock, so a seed and an anchor date fix
 * every row. The anchor defaults to the seeding day, which keeps the book alive: a book seeded
 * today has follow-ups due this week and tickets inside their SLA today.
 */
import { fromZoned, offsetMinutes, toZoned } from '../crm/time/zoned-time.js';

export const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isAnchorDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The local date (YYYY-MM-DD) of `now` in `zone`: the default anchor. */
export function localDateOf(now: Date, zone: string): string {
  const z = toZoned(now, zone);
  return `${z.year}-${String(z.month).padStart(2, '0')}-${String(z.day).padStart(2, '0')}`;
}

export class BookClock {
  /** The instant the anchor day starts in the agency zone. */
  readonly anchorMs: number;
  /** The anchor date's year: model years, ages and "years in business" are relative to it. */
  readonly year: number;
  /** Anchor month, 1-12. */
  readonly month: number;
  private readonly civil: number;
  private readonly offsets = new Map<string, number>();

  /** `anchorDate` is YYYY-MM-DD, read as a local date in `agencyZone`. */
  constructor(
    readonly anchorDate: string,
    readonly agencyZone: string,
  ) {
    if (!isAnchorDate(anchorDate)) throw new RangeError(`anchor date must be a calendar date YYYY-MM-DD, got "${anchorDate}"`);
    const [y, m, d] = anchorDate.split('-').map(Number) as [number, number, number];
    this.year = y;
    this.month = m;
    this.civil = Date.UTC(y, m - 1, d);
    this.anchorMs = fromZoned({ year: y, month: m, day: d, hour: 0, minute: 0 }, agencyZone).getTime();
  }

  /** ISO timestamp `days` (fractional; negative = past) after the anchor. */
  at(days: number): string {
    return new Date(this.anchorMs + Math.round(days * DAY_MS)).toISOString();
  }

  /** Fractional days from the anchor to `ms`. */
  daysOf(ms: number): number {
    return (ms - this.anchorMs) / DAY_MS;
  }

  /** The calendar date (YYYY-MM-DD) `days` after the anchor date; fractions round down. */
  dateAt(days: number): string {
    return new Date(this.civil + Math.floor(days) * DAY_MS).toISOString().slice(0, 10);
  }

  /** Weekday (0 = Sunday) of the date `day` whole days after the anchor date. */
  weekday(day: number): number {
    return new Date(this.civil + day * DAY_MS).getUTCDay();
  }

  /**
   * The instant a clock in `zone` shows `minute` minutes after midnight on the date `day` days
   * after the anchor date. The zone's offset is taken at local noon and cached per zone and date:
   * exact for daytime minutes (DST changes happen at night), and cheap for a 100k-lead book.
   */
  localAt(zone: string, day: number, minute: number): number {
    const key = `${zone}|${day}`;
    const noonUtc = this.civil + day * DAY_MS + 12 * 3_600_000;
    let off = this.offsets.get(key);
    if (off === undefined) {
      off = offsetMinutes(new Date(noonUtc), zone);
      off = offsetMinutes(new Date(noonUtc - off * 60_000), zone);
      this.offsets.set(key, off);
    }
    return this.civil + day * DAY_MS + (minute - off) * 60_000;
  }
}
