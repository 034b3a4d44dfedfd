import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  addWorkingDays,
  describeDay,
  isWorkingDay,
  setCalendarWarningHandler,
  workingDayOnOrAfter,
  workingDaysBetween,
  type CalendarWarning,
} from './index.js';

// Dates from the State Council notice for 2026 (gov.cn/zhengce/zhengceku/202511/content_7047091.htm), as in chinese-days:
// 春节 2026-02-15 (Sun) … 02-23 (Mon) off, 02-14 (Sat) and 02-28 (Sat) worked;
// 中秋 09-25 (Fri) … 09-27 off; 国庆 10-01 (Thu) … 10-07 (Wed) off, 09-20 (Sun) and 10-10 (Sat) worked.

beforeEach(() => setCalendarWarningHandler(() => undefined));
afterEach(() => setCalendarWarningHandler(null));

describe('isWorkingDay — 2026 Spring Festival', () => {
  it.each([
    ['2026-02-13', true], // Friday before the holiday
    ['2026-02-14', true], // Saturday worked (调休上班)
    ['2026-02-15', false], // first day off, a Sunday
    ['2026-02-16', false], // Monday inside the holiday
    ['2026-02-21', false], // Saturday inside the holiday
    ['2026-02-23', false], // Monday, last day off
    ['2026-02-24', true], // back to work
    ['2026-02-28', true], // Saturday worked (调休上班)
    ['2026-03-07', false], // an ordinary Saturday
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('names the holiday and the kind of day', () => {
    expect(describeDay('2026-02-17')).toMatchObject({ kind: 'holiday', working: false, holiday: { zh: '春节', en: 'Spring Festival' } });
    expect(describeDay('2026-02-28')).toMatchObject({ kind: 'adjustedWorkday', working: true, holiday: { zh: '春节' } });
    expect(describeDay('2026-03-07')).toMatchObject({ kind: 'weekend', working: false, covered: true });
    expect(describeDay('2026-03-09')).toMatchObject({ kind: 'workday', working: true });
  });
});

describe('isWorkingDay — 2026 Mid-Autumn and National Day', () => {
  it.each([
    ['2026-09-20', true], // Sunday worked
    ['2026-09-25', false], // 中秋, a Friday
    ['2026-10-01', false],
    ['2026-10-07', false], // Wednesday, last day off
    ['2026-10-08', true],
    ['2026-10-10', true], // Saturday worked
    ['2026-10-11', false], // ordinary Sunday
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it('skips the Spring Festival and counts the worked Saturdays', () => {
    expect(addWorkingDays('2026-02-12', 1)).toBe('2026-02-13');
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(addWorkingDays('2026-02-13', 6)).toBe('2026-02-28');
    expect(addWorkingDays('2026-02-13', 7)).toBe('2026-03-02');
  });

  it('skips Mid-Autumn and National Day and counts 09-20 and 10-10', () => {
    expect(addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-24', 1)).toBe('2026-09-28');
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
  });

  it('does not count the starting day, even when it is a working day', () => {
    expect(addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
    // Application received on a holiday: the count starts with the first working day after it.
    expect(addWorkingDays('2026-10-03', 1)).toBe('2026-10-08');
  });

  it('counts backwards for negative n and returns the start for 0', () => {
    expect(addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-10-08', -2)).toBe('2026-09-29');
    expect(addWorkingDays('2026-02-21', 0)).toBe('2026-02-21');
  });

  it('reads a Date as the day it is in Asia/Shanghai', () => {
    // 2026-02-13T16:30Z is already Saturday 2026-02-14 00:30 in China.
    expect(addWorkingDays(new Date('2026-02-13T16:30:00Z'), 1)).toBe('2026-02-24');
    expect(addWorkingDays(new Date('2026-02-13T15:30:00Z'), 1)).toBe('2026-02-14');
  });

  it('rejects counts that are not whole numbers or absurdly large', () => {
    expect(() => addWorkingDays('2026-02-13', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-13', 1_000_000)).toThrow(RangeError);
  });
});

describe('workingDaysBetween and workingDayOnOrAfter', () => {
  it('counts the days after `from` up to `to`', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6); // 14, 24, 25, 26, 27, 28
    expect(workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4); // 10-08, 09, 10, 12
    expect(workingDaysBetween('2026-02-28', '2026-02-13')).toBe(-6);
    expect(workingDaysBetween('2026-02-15', '2026-02-23')).toBe(0);
  });

  it('rolls a holiday forward to the next working day', () => {
    expect(workingDayOnOrAfter('2026-10-01')).toBe('2026-10-08');
    expect(workingDayOnOrAfter('2026-10-09')).toBe('2026-10-09');
  });

  const date2026 = fc.integer({ min: 0, max: 364 }).map((i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));

  it('is the inverse of addWorkingDays (property)', () => {
    fc.assert(
      fc.property(date2026, fc.integer({ min: 0, max: 60 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(workingDaysBetween(start, end)).toBe(n);
        if (n > 0) expect(isWorkingDay(end)).toBe(true);
      }),
    );
  });
});

describe('a year without holiday data', () => {
  it('answers by weekday and returns a warning naming the year, without throwing', () => {
    const seen: CalendarWarning[] = [];
    // 2026-12-31 (Thu), then 2027-01-01 (Fri) counts as a working day since 2027's notice is not in the data.
    expect(addWorkingDays('2026-12-30', 3, { onWarning: (w) => seen.push(w) })).toBe('2027-01-04');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ code: 'calendar-year-not-covered', year: 2027 });
    expect(seen[0]!.zh).toContain('缺少 2027 年法定节假日数据');
    expect(seen[0]!.en).toContain('No statutory holiday data for 2027');
  });

  it('reports each missing year once to the process-wide handler', () => {
    const handler = vi.fn();
    setCalendarWarningHandler(handler);
    expect(isWorkingDay('2030-01-01')).toBe(true); // a Tuesday, judged by weekday only
    expect(isWorkingDay('2030-01-02')).toBe(true);
    expect(describeDay('2030-01-05')).toMatchObject({ kind: 'weekend', covered: false });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]![0]).toMatchObject({ year: 2030 });
  });

  it('says nothing for covered years', () => {
    const handler = vi.fn();
    setCalendarWarningHandler(handler);
    const seen: CalendarWarning[] = [];
    addWorkingDays('2025-12-01', 60, { onWarning: (w) => seen.push(w) });
    expect(seen).toEqual([]);
    expect(handler).not.toHaveBeenCalled();
  });
});
