import { describe, expect, it } from 'vitest';
import { closedDayReason } from './contact-calendar.js';
import { clock, contactTimeViolations, nearestAllowedTime, type ContactTimeRules } from './contact-hours.js';

const NY = 'America/New_York';
const rules = (o: Partial<ContactTimeRules> = {}): ContactTimeRules => ({
  leadZone: NY,
  agencyZone: 'America/Chicago',
  businessHours: [8, 20],
  quiet: null,
  ...o,
});
const d = (s: string) => new Date(s);
const NOW = d('2026-03-09T12:00:00Z'); // Monday 08:00 EDT

describe('contact-time rules', () => {
  it('allows a time inside every window', () => {
    expect(contactTimeViolations(d('2026-03-10T19:00:00Z'), rules())).toEqual([]); // 3 PM EDT / 2 PM CDT
    expect(nearestAllowedTime(d('2026-03-10T19:00:00Z'), rules(), NOW)?.toISOString()).toBe('2026-03-10T19:00:00.000Z');
  });

  it("names the lead window and the agency hours when broken, in each side's local time", () => {
    const v = contactTimeViolations(d('2026-03-10T11:30:00Z'), rules()); // 7:30 AM EDT = 6:30 AM CDT
    expect(v).toHaveLength(2);
    expect(v[0]).toMatch(/7:30 AM EDT is outside 8:00 AM-9:00 PM in the lead's time zone \(America\/New_York\)/);
    expect(v[1]).toMatch(/6:30 AM CDT is outside the agency's business hours 8:00 AM-8:00 PM/);
  });

  it('proposes the start of the next window when that is nearer: the later of lead 8 AM and agency 8 AM', () => {
    // Lead window opens 8:00 EDT but the Chicago agency opens at 9:00 EDT.
    expect(nearestAllowedTime(d('2026-03-10T11:30:00Z'), rules(), NOW)?.toISOString()).toBe('2026-03-10T13:00:00.000Z');
  });

  it('proposes the last quarter hour of the evening window when a late request is closer to it', () => {
    // 9:30 PM EDT: 8:45 PM EDT is 45 minutes away, tomorrow 9:00 AM EDT is 11.5 hours away.
    expect(contactTimeViolations(d('2026-03-11T01:30:00Z'), rules()).length).toBeGreaterThan(0);
    expect(nearestAllowedTime(d('2026-03-11T01:30:00Z'), rules(), NOW)?.toISOString()).toBe('2026-03-11T00:45:00.000Z');
    // ...but never at or before now.
    expect(nearestAllowedTime(d('2026-03-11T01:30:00Z'), rules(), d('2026-03-11T00:50:00Z'))?.toISOString()).toBe(
      '2026-03-11T13:00:00.000Z',
    );
  });

  it("respects the lead's quiet hours, wrapping midnight, in their own zone", () => {
    const r = rules({ quiet: { startMin: 12 * 60, endMin: 13 * 60, zone: NY } });
    const v = contactTimeViolations(d('2026-03-10T16:30:00Z'), r); // 12:30 PM EDT
    expect(v).toEqual([expect.stringMatching(/inside the lead's quiet hours 12:00 PM-1:00 PM/)]);
    expect(nearestAllowedTime(d('2026-03-10T16:30:00Z'), r, NOW)?.toISOString()).toBe('2026-03-10T17:00:00.000Z');
    const night = rules({ quiet: { startMin: 18 * 60, endMin: 10 * 60, zone: NY } });
    expect(contactTimeViolations(d('2026-03-10T13:30:00Z'), night)).toHaveLength(1); // 9:30 AM EDT
    expect(nearestAllowedTime(d('2026-03-10T13:30:00Z'), night, NOW)?.toISOString()).toBe('2026-03-10T14:00:00.000Z');
  });

  it('uses the lead zone rules on a DST day', () => {
    // Sunday 2026-03-08: 8:00 AM EDT is 12:00Z (it was 13:00Z the day before).
    const r = rules({ agencyZone: NY });
    expect(nearestAllowedTime(d('2026-03-08T11:00:00Z'), r, d('2026-03-07T00:00:00Z'))?.toISOString()).toBe('2026-03-08T12:00:00.000Z');
    expect(nearestAllowedTime(d('2026-03-07T12:30:00Z'), r, d('2026-03-07T00:00:00Z'))?.toISOString()).toBe('2026-03-07T13:00:00.000Z');
  });

  it('finds nothing when business hours are empty or quiet hours cover the whole window', () => {
    expect(nearestAllowedTime(d('2026-03-10T19:00:00Z'), rules({ businessHours: [9, 9] }), NOW)).toBeNull();
    expect(
      nearestAllowedTime(d('2026-03-10T19:00:00Z'), rules({ quiet: { startMin: 7 * 60, endMin: 22 * 60, zone: NY } }), NOW),
    ).toBeNull();
  });

  it('formats clock times', () => {
    expect([clock(0), clock(8 * 60), clock(12 * 60 + 5), clock(21 * 60)]).toEqual(['12:00 AM', '8:00 AM', '12:05 PM', '9:00 PM']);
  });
});

describe('closed days', () => {
  it('names a closed day and proposes the next open window rather than the evening before', () => {
    const r = rules({ closedDay: closedDayReason });
    const sunday = d('2026-03-15T15:00:00Z'); // Sun 11 AM EDT
    expect(contactTimeViolations(sunday, r)).toEqual([expect.stringMatching(/is on a Sunday in the lead's time zone/)]);
    expect(nearestAllowedTime(sunday, r, NOW)?.toISOString()).toBe('2026-03-16T13:00:00.000Z'); // Mon 9 AM EDT (8 AM CDT)
    // Without the calendar the same request is allowed as it stands.
    expect(nearestAllowedTime(sunday, rules(), NOW)?.toISOString()).toBe(sunday.toISOString());
  });

  it('applies several quiet-hours windows together', () => {
    const r = rules({
      quiet: [
        { startMin: 12 * 60, endMin: 13 * 60, zone: NY },
        { startMin: 13 * 60, endMin: 14 * 60, zone: NY },
      ],
    });
    expect(contactTimeViolations(d('2026-03-10T17:30:00Z'), r)).toHaveLength(1); // 1:30 PM EDT
    expect(nearestAllowedTime(d('2026-03-10T17:30:00Z'), r, NOW)?.toISOString()).toBe('2026-03-10T18:00:00.000Z');
  });
});
