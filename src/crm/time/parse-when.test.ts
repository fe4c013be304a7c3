import { describe, expect, it } from 'vitest';
import { parseWhen } from './parse-when.js';

const NY = 'America/New_York';
// Friday 2026-03-06, 10:00 EST; DST starts Sunday 2026-03-08 in the US.
const FRI_BEFORE_SPRING = new Date('2026-03-06T15:00:00Z');
// Friday 2026-10-30, 10:00 EDT; DST ends Sunday 2026-11-01.
const FRI_BEFORE_FALL = new Date('2026-10-30T14:00:00Z');

const iso = (text: string, now: Date, zone: string) => parseWhen(text, { now, zone }).at.toISOString();

describe('parseWhen', () => {
  it('reads a weekday and time across the spring DST change with the new offset', () => {
    // 3pm EDT on Tuesday, not 3pm EST (chrono alone would keep the Friday offset).
    expect(iso('next Tuesday at 3pm', FRI_BEFORE_SPRING, NY)).toBe('2026-03-10T19:00:00.000Z');
    expect(iso('Monday at 9am', FRI_BEFORE_FALL, NY)).toBe('2026-11-02T14:00:00.000Z');
  });

  it('gives a day without a time a sensible local default', () => {
    const r = parseWhen('in 2 days', { now: FRI_BEFORE_SPRING, zone: NY });
    expect(r.at.toISOString()).toBe('2026-03-08T14:00:00.000Z'); // 10:00 EDT on the DST day
    expect(r.timeGiven).toBe(false);
    expect(iso('tomorrow morning', FRI_BEFORE_SPRING, NY)).toBe('2026-03-07T14:00:00.000Z'); // 09:00 EST
    expect(iso('tomorrow afternoon', FRI_BEFORE_SPRING, 'America/Los_Angeles')).toBe('2026-03-07T22:00:00.000Z'); // 14:00 PST
  });

  it('reads the same phrase in the lead zone, whose "today" may differ from the agency', () => {
    // 15:00Z on 2026-03-06 is already 00:00 on the 7th in Tokyo: "tomorrow" is the 8th there.
    expect(iso('tomorrow', FRI_BEFORE_SPRING, 'Asia/Tokyo')).toBe('2026-03-08T01:00:00.000Z');
    expect(iso('tomorrow', FRI_BEFORE_SPRING, 'America/Los_Angeles')).toBe('2026-03-07T18:00:00.000Z');
    expect(iso('tomorrow at 9am', FRI_BEFORE_SPRING, 'America/Chicago')).toBe('2026-03-07T15:00:00.000Z');
  });

  it('keeps exact durations exact across a DST change', () => {
    // Saturday 2026-10-31 23:00 EDT + 4 hours = 03:00Z+4h, whatever the wall clock says.
    expect(iso('in 4 hours', new Date('2026-11-01T03:00:00Z'), NY)).toBe('2026-11-01T07:00:00.000Z');
    expect(iso('in 3 hours', FRI_BEFORE_SPRING, NY)).toBe('2026-03-06T18:00:00.000Z');
  });

  it('reads ISO input: with an offset as given, without one as lead-local wall time', () => {
    expect(iso('2026-03-10T15:00:00-04:00', FRI_BEFORE_SPRING, NY)).toBe('2026-03-10T19:00:00.000Z');
    expect(iso('2026-03-10T15:00:00Z', FRI_BEFORE_SPRING, NY)).toBe('2026-03-10T15:00:00.000Z');
    expect(iso('2026-11-01T01:30', FRI_BEFORE_FALL, NY)).toBe('2026-11-01T05:30:00.000Z');
    expect(iso('2026-03-12', FRI_BEFORE_SPRING, 'America/Denver')).toBe('2026-03-12T16:00:00.000Z'); // 10:00 MDT
  });

  it('refuses input with no date or time, naming the field', () => {
    expect(() => parseWhen('whenever suits', { now: FRI_BEFORE_SPRING, zone: NY })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', details: [{ field: 'when', message: expect.any(String) }] }),
    );
    expect(() => parseWhen('2026-02-30', { now: FRI_BEFORE_SPRING, zone: NY })).toThrow(/not a valid date/);
  });
});
