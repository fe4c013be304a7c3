import { describe, expect, it } from 'vitest';
import { closedDayReason, federalHolidays, stateWindow, weekdayOf } from './contact-calendar.js';

const d = (s: string) => {
  const [year, month, day] = s.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

describe('contact calendar', () => {
  it('computes the federal holidays of 2026, floating ones included', () => {
    expect([...federalHolidays(2026).entries()].sort()).toEqual([
      ['2026-01-01', "New Year's Day"],
      ['2026-01-19', 'Martin Luther King Jr. Day'],
      ['2026-02-16', "Washington's Birthday"],
      ['2026-05-25', 'Memorial Day'],
      ['2026-06-19', 'Juneteenth'],
      ['2026-07-03', 'Independence Day (observed)'],
      ['2026-07-04', 'Independence Day'],
      ['2026-09-07', 'Labor Day'],
      ['2026-10-12', 'Columbus Day'],
      ['2026-11-11', 'Veterans Day'],
      ['2026-11-26', 'Thanksgiving Day'],
      ['2026-12-25', 'Christmas Day'],
    ]);
  });

  it('shifts a Sunday holiday to Monday and a Saturday New Year to the Friday of the year before', () => {
    expect(closedDayReason(d('2021-07-05'))).toBe('Independence Day (observed)');
    expect(closedDayReason(d('2021-12-31'))).toBe("New Year's Day (observed)");
    expect(closedDayReason(d('2022-01-01'))).toBe("New Year's Day");
    expect(closedDayReason(d('2027-12-24'))).toBe('Christmas Day (observed)');
  });

  it('closes Sundays and leaves Saturdays and ordinary weekdays open', () => {
    expect(weekdayOf(d('2026-03-08'))).toBe(0);
    expect(closedDayReason(d('2026-03-08'))).toBe('a Sunday');
    expect(closedDayReason(d('2026-03-07'))).toBeNull();
    expect(closedDayReason(d('2026-03-09'))).toBeNull();
  });

  it('narrows the federal window in stricter states and when the state is unknown', () => {
    expect(stateWindow('CA').window).toEqual([480, 1260]);
    expect(stateWindow('fl')).toMatchObject({ window: [480, 1200], rule: expect.stringMatching(/^Florida/) });
    expect(stateWindow('CT').window).toEqual([540, 1200]);
    expect(stateWindow(null).window).toEqual([540, 1200]);
  });
});
