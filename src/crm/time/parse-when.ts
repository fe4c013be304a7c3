/**
 * Turns a caller's "when" into an instant: an ISO 8601 datetime, or a natural phrase ("next
 * Tuesday at 3pm", "in 2 days", "tomorrow morning") read with chrono-node as if spoken in `zone`
 * at `now`.
 *
 * Why not chrono's own instant: chrono reads wall times with one fixed offset (the one at `now`),
 * so "next Tuesday at 3pm" said on the Friday before a DST change would land an hour off. We take
 * chrono's calendar fields and convert them with the zone's rules for that date instead; only
 * phrases that are exact durations ("in 3 hours") or name their own offset use chrono's instant.
 */
import * as chrono from 'chrono-node';
import { ValidationError } from '../../errors.js';
import { fromZoned, offsetMinutes, type WallTime } from './zoned-time.js';

export interface ParsedWhen {
  /** The instant (UTC). */
  at: Date;
  /** 'iso' for ISO 8601 input, 'phrase' for natural language. */
  kind: 'iso' | 'phrase';
  /** False when the input named no time of day and the default was applied. */
  timeGiven: boolean;
  /** The part of the input that was understood. */
  matched: string;
}

export interface ParseWhenOptions {
  now: Date;
  /** IANA zone the phrase is spoken in (the lead's local zone). */
  zone: string;
  /** Hour used when the input names a day but no time. Default 10 (10:00 local). */
  defaultHour?: number;
}

/** Default local times for vague parts of the day; chrono's own (6am "morning") are too early for calls. */
const PERIOD_HOURS: ReadonlyArray<[tag: string, hour: number]> = [
  ['casualReference/morning', 9],
  ['casualReference/afternoon', 14],
  ['casualReference/evening', 18],
  ['casualReference/tonight', 19],
];

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const fail = (input: string, why: string) =>
  new ValidationError(
    `Could not read the time "${input}": ${why}.`,
    [{ field: 'when', message: why }],
    'Pass an ISO 8601 datetime (e.g. 2026-03-10T15:00:00-04:00) or a phrase such as "next Tuesday at 3pm", "in 2 days", "tomorrow morning".',
  );

function parseIso(input: string, m: RegExpExecArray, opts: ParseWhenOptions): ParsedWhen {
  const [, y, mo, d, h, mi, s, offset] = m;
  if (offset) {
    const at = new Date(input.replace(' ', 'T'));
    if (Number.isNaN(at.getTime())) throw fail(input, 'not a valid date');
    return { at, kind: 'iso', timeGiven: h !== undefined, matched: input };
  }
  const wall: WallTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: h === undefined ? (opts.defaultHour ?? 10) : Number(h),
    minute: mi === undefined ? 0 : Number(mi),
    second: s === undefined ? 0 : Number(s),
  };
  const check = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  if (check.getUTCMonth() !== wall.month - 1 || check.getUTCDate() !== wall.day || wall.hour > 23 || wall.minute > 59) {
    throw fail(input, 'not a valid date');
  }
  // No offset given: the wall time is the lead's local time.
  return { at: fromZoned(wall, opts.zone), kind: 'iso', timeGiven: h !== undefined, matched: input };
}

/**
 * Parses `input` relative to `opts.now` in `opts.zone`. A day without a time gets
 * `defaultHour`:00 local ("morning" 9:00, "afternoon" 14:00, "evening" 18:00, "tonight" 19:00).
 * Throws ValidationError (field `when`) when nothing in the input reads as a date or time.
 */
export function parseWhen(input: string, opts: ParseWhenOptions): ParsedWhen {
  const text = input.trim();
  const iso = ISO.exec(text);
  if (iso) return parseIso(text, iso, opts);

  const ref = { instant: opts.now, timezone: offsetMinutes(opts.now, opts.zone) };
  const [result] = chrono.parse(text, ref, { forwardDate: true });
  if (!result) throw fail(input, 'no date or time found in it');
  const start = result.start;
  const tags = start.tags();

  if (start.isCertain('timezoneOffset')) {
    // An exact duration ("in 3 hours") or an explicit zone ("3pm EST"): chrono's instant is right.
    return { at: start.date(), kind: 'phrase', timeGiven: true, matched: result.text };
  }
  const timeGiven = start.isCertain('hour');
  let hour = start.get('hour') ?? 0;
  let minute = start.get('minute') ?? 0;
  if (!timeGiven) {
    hour = PERIOD_HOURS.find(([tag]) => tags.has(tag))?.[1] ?? opts.defaultHour ?? 10;
    minute = 0;
  }
  const wall: WallTime = { year: start.get('year')!, month: start.get('month')!, day: start.get('day')!, hour, minute, second: 0 };
  return { at: fromZoned(wall, opts.zone), kind: 'phrase', timeGiven, matched: result.text };
}
