import { describe, expect, it } from 'vitest';
import { addDays, formatLocal, fromZoned, isValidTimeZone, minutesOfDay, offsetMinutes, toZoned } from './zoned-time.js';

const NY = 'America/New_York';

describe('zoned time', () => {
  it('converts local wall time to UTC on ordinary days, either side of DST', () => {
    expect(fromZoned({ year: 2026, month: 3, day: 7, hour: 10, minute: 0 }, NY).toISOString()).toBe('2026-03-07T15:00:00.000Z');
    expect(fromZoned({ year: 2026, month: 3, day: 9, hour: 10, minute: 0 }, NY).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(fromZoned({ year: 2026, month: 7, day: 1, hour: 0, minute: 0 }, 'Asia/Kolkata').toISOString()).toBe('2026-06-30T18:30:00.000Z');
  });

  it('resolves a spring-forward gap forward and a fall-back overlap to the earlier instant', () => {
    // 02:30 does not exist on 2026-03-08 in New York: read with the EST offset -> 03:30 EDT.
    expect(fromZoned({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, NY).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 2026-11-01: the first (EDT) wins.
    expect(fromZoned({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, NY).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(fromZoned({ year: 2026, month: 11, day: 1, hour: 2, minute: 30 }, NY).toISOString()).toBe('2026-11-01T07:30:00.000Z');
  });

  it('reads instants back as local parts with weekday and offset', () => {
    const z = toZoned(new Date('2026-03-08T07:30:00Z'), NY);
    expect(z).toMatchObject({ year: 2026, month: 3, day: 8, hour: 3, minute: 30, weekday: 0 });
    expect(offsetMinutes(new Date('2026-03-08T06:59:00Z'), NY)).toBe(-300);
    expect(offsetMinutes(new Date('2026-03-08T07:00:00Z'), NY)).toBe(-240);
    expect(toZoned(new Date('2026-01-01T04:59:00Z'), NY)).toMatchObject({ year: 2025, month: 12, day: 31, hour: 23 });
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays({ year: 2026, month: 12, day: 31, hour: 9, minute: 0 }, 1)).toMatchObject({ year: 2027, month: 1, day: 1, hour: 9 });
    expect(addDays({ year: 2026, month: 3, day: 1, hour: 9, minute: 0 }, -1)).toMatchObject({ year: 2026, month: 2, day: 28 });
  });

  it('validates zone names, formats local strings and parses time-of-day', () => {
    expect(isValidTimeZone('America/Chicago')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone(null)).toBe(false);
    expect(formatLocal(new Date('2026-03-10T19:00:00Z'), NY)).toBe('Tue, Mar 10, 2026, 3:00 PM EDT');
    expect(minutesOfDay('21:30:00')).toBe(1290);
    expect(minutesOfDay('08:00')).toBe(480);
    expect(minutesOfDay('nope')).toBeNull();
  });
});
