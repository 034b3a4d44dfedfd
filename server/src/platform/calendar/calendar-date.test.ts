import { describe, expect, it } from 'vitest';
import { dayEndsAt, naturalDaysBetween, plusDays, toCalendarDate, todayInChina, weekdayOf } from './index.js';

describe('calendar dates', () => {
  it('validates YYYY-MM-DD strings', () => {
    expect(toCalendarDate('2026-02-28')).toBe('2026-02-28');
    expect(() => toCalendarDate('2026-02-29')).toThrow(RangeError); // 2026 is not a leap year
    expect(() => toCalendarDate('2026-2-3')).toThrow(RangeError);
    expect(() => toCalendarDate('2026-02-03T00:00:00Z')).toThrow(RangeError);
    expect(() => toCalendarDate(new Date('nope'))).toThrow(RangeError);
  });

  it('reads instants in Asia/Shanghai', () => {
    expect(toCalendarDate(new Date('2026-09-30T15:59:59.999Z'))).toBe('2026-09-30');
    expect(toCalendarDate(new Date('2026-09-30T16:00:00.000Z'))).toBe('2026-10-01');
    expect(todayInChina(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('does day arithmetic across months and years', () => {
    expect(plusDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(plusDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(plusDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(naturalDaysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(weekdayOf('2026-02-14')).toBe(6);
  });

  it('gives the UTC instant at which a day ends in China', () => {
    expect(dayEndsAt('2026-02-24')).toBe('2026-02-24T16:00:00.000Z');
    expect(dayEndsAt('2026-12-31')).toBe('2026-12-31T16:00:00.000Z');
  });
});
