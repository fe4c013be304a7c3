import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, calendarFromSettings, slaDueAt, slaState, type BusinessCalendar } from './sla.js';

// America/Chicago, 8:00-20:00 (a 12-hour business day): CST is UTC-6, CDT UTC-5.
const cal: BusinessCalendar = calendarFromSettings({ agencyTimezone: 'America/Chicago', businessHours: [8, 20] });
const utc = (s: string) => new Date(s);

describe('slaDueAt in business time', () => {
  it('counts a business day within hours as the same time the next work day', () => {
    // Monday 2025-03-03 10:00 CST
    expect(slaDueAt('high', utc('2025-03-03T16:00:00Z'), cal).toISOString()).toBe('2025-03-04T16:00:00.000Z');
    expect(slaDueAt('normal', utc('2025-03-03T16:00:00Z'), cal).toISOString()).toBe('2025-03-05T16:00:00.000Z');
  });

  it('rolls over the weekend: Friday 15:00 + 1 business day is Monday 15:00', () => {
    expect(slaDueAt('high', utc('2025-02-28T21:00:00Z'), cal).toISOString()).toBe('2025-03-03T21:00:00.000Z');
  });

  it('starts the clock at the next opening for weekend and after-hours tickets', () => {
    // Saturday 11:00 -> Monday 08:00 start -> 4 business hours -> Monday 12:00 CST
    expect(slaDueAt('urgent', utc('2025-03-01T17:00:00Z'), cal).toISOString()).toBe('2025-03-03T18:00:00.000Z');
    // Monday 22:00 -> Tuesday 08:00 -> Tuesday 12:00
    expect(slaDueAt('urgent', utc('2025-03-04T04:00:00Z'), cal).toISOString()).toBe('2025-03-04T18:00:00.000Z');
    // Monday 06:00 (before opening) -> Monday 12:00
    expect(slaDueAt('urgent', utc('2025-03-03T12:00:00Z'), cal).toISOString()).toBe('2025-03-03T18:00:00.000Z');
  });

  it('carries what is left at closing into the next work day', () => {
    // Monday 18:30 + 4 h: 1.5 h on Monday, 2.5 h on Tuesday -> Tuesday 10:30 CST
    expect(slaDueAt('urgent', utc('2025-03-04T00:30:00Z'), cal).toISOString()).toBe('2025-03-04T16:30:00.000Z');
    // Friday 18:00 + 4 h -> Monday 10:00
    expect(slaDueAt('urgent', utc('2025-03-01T00:00:00Z'), cal).toISOString()).toBe('2025-03-03T16:00:00.000Z');
  });

  it('keeps local wall time across the spring-forward weekend (CST -> CDT)', () => {
    // Friday 2025-03-07 15:00 CST (21:00Z) -> Monday 2025-03-10 15:00 CDT (20:00Z), not 21:00Z.
    expect(slaDueAt('high', utc('2025-03-07T21:00:00Z'), cal).toISOString()).toBe('2025-03-10T20:00:00.000Z');
  });

  it('keeps local wall time across the fall-back weekend (CDT -> CST)', () => {
    // Friday 2025-10-31 15:00 CDT (20:00Z) -> Monday 2025-11-03 15:00 CST (21:00Z).
    expect(slaDueAt('high', utc('2025-10-31T20:00:00Z'), cal).toISOString()).toBe('2025-11-03T21:00:00.000Z');
  });

  it('gives low priority five business days and skips holidays', () => {
    // Wednesday 2025-03-05 09:00 CST -> next Wednesday 09:00 CST... which is CDT after 03-09 (14:00Z).
    expect(slaDueAt('low', utc('2025-03-05T15:00:00Z'), cal).toISOString()).toBe('2025-03-12T14:00:00.000Z');
    const xmas = { ...cal, holidays: ['2025-12-25'] };
    // Wednesday 2025-12-24 10:00 CST + 1 business day skips Thursday the 25th -> Friday 10:00.
    expect(slaDueAt('high', utc('2025-12-24T16:00:00Z'), xmas).toISOString()).toBe('2025-12-26T16:00:00.000Z');
  });

  it('works in other zones and hours', () => {
    const london: BusinessCalendar = { timeZone: 'Europe/London', startHour: 9, endHour: 17 };
    // Friday 2025-03-28 16:00 GMT + 4 business hours: 1 h Friday, 3 h Monday (BST since 03-30) -> Monday 12:00 BST = 11:00Z
    expect(addBusinessMinutes(utc('2025-03-28T16:00:00Z'), 240, london).toISOString()).toBe('2025-03-31T11:00:00.000Z');
  });

  it('rejects impossible calendars', () => {
    expect(() => addBusinessMinutes(new Date(), 60, { ...cal, startHour: 20, endHour: 8 })).toThrow(RangeError);
    expect(() => addBusinessMinutes(new Date(), 60, { ...cal, workDays: [] })).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  it('counts only business hours', () => {
    // Friday 19:00 CST -> Monday 09:00 CST: 1 h + 1 h
    expect(businessMinutesBetween(utc('2025-02-28T01:00:00Z'), utc('2025-02-28T01:00:00Z'), cal)).toBe(0);
    expect(businessMinutesBetween(utc('2025-03-01T01:00:00Z'), utc('2025-03-03T15:00:00Z'), cal)).toBe(120);
  });
  it('inverts addBusinessMinutes', () => {
    const start = utc('2025-03-06T23:17:00Z');
    const due = addBusinessMinutes(start, 1000, cal);
    expect(businessMinutesBetween(start, due, cal)).toBe(1000);
  });
});

describe('slaState', () => {
  const now = utc('2025-03-03T16:00:00Z');
  const due = (h: number) => new Date(now.getTime() + h * 3_600_000);
  it('classifies open and finished tickets', () => {
    expect(slaState({ slaDueAt: null, resolvedAt: null, status: 'new' }, now)).toBe('none');
    expect(slaState({ slaDueAt: due(5), resolvedAt: null, status: 'open' }, now)).toBe('on_track');
    expect(slaState({ slaDueAt: due(1), resolvedAt: null, status: 'open' }, now)).toBe('due_soon');
    expect(slaState({ slaDueAt: due(-1), resolvedAt: null, status: 'pending' }, now)).toBe('breached');
    expect(slaState({ slaDueAt: due(-1), resolvedAt: due(-2), status: 'resolved' }, now)).toBe('met');
    expect(slaState({ slaDueAt: due(-3), resolvedAt: due(-2), status: 'closed' }, now)).toBe('missed');
  });
});
