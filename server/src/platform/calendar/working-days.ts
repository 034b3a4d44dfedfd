import { naturalDaysBetween, plusDays, toCalendarDate, yearOf, type CalendarDate, type DateInput } from './calendar-date.js';
import { checkYears, type CalendarOptions } from './calendar-warnings.js';
import { dayInfo, type DayInfo } from './holiday-data.js';

/**
 * Working days (工作日): Monday–Friday, minus statutory holidays, plus adjusted working days (调休上班 on a
 * Saturday or Sunday). Deadlines written "N 个工作日" count only these days, and the starting day is not
 * counted (民事诉讼法 Art. 85 ¶2; 行政处罚法 Art. 85: its "二日、三日、五日、七日" are working days).
 */

/** Longest count accepted, about 40 years of working days: a larger one is a bug, not a deadline. */
const MAX_WORKING_DAYS = 10_000;

/** What kind of day `date` is (working day, adjusted working day, weekend, holiday) and the holiday's name. */
export function describeDay(date: DateInput, opts?: CalendarOptions): DayInfo {
  const d = toCalendarDate(date);
  checkYears(yearOf(d), yearOf(d), opts);
  return dayInfo(d);
}

export function isWorkingDay(date: DateInput, opts?: CalendarOptions): boolean {
  return describeDay(date, opts).working;
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function workingDayOnOrAfter(date: DateInput, opts?: CalendarOptions): CalendarDate {
  let d = toCalendarDate(date);
  const start = d;
  while (!dayInfo(d).working) d = plusDays(d, 1);
  checkYears(yearOf(start), yearOf(d), opts);
  return d;
}

/**
 * The `n`-th working day after `start` (the starting day is not counted). `n < 0` counts backwards (the
 * `|n|`-th working day before `start`); `n = 0` returns `start` unchanged.
 * Example: addWorkingDays('2026-02-13', 1) = '2026-02-14' (a Saturday worked before the Spring Festival).
 */
export function addWorkingDays(start: DateInput, n: number, opts?: CalendarOptions): CalendarDate {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKING_DAYS) {
    throw new RangeError(`工作日数应为不超过 ${MAX_WORKING_DAYS} 的整数 / working days must be an integer up to ${MAX_WORKING_DAYS}: ${n}`);
  }
  const from = toCalendarDate(start);
  const step = n < 0 ? -1 : 1;
  let d = from;
  for (let left = Math.abs(n); left > 0; ) {
    d = plusDays(d, step);
    if (dayInfo(d).working) left--;
  }
  checkYears(yearOf(from), yearOf(d), opts);
  return d;
}

/**
 * Working days after `from` up to and including `to` (so `from` itself is not counted); negative when `to`
 * is before `from`. For n ≥ 0 it is the inverse of addWorkingDays: workingDaysBetween(a, addWorkingDays(a, n)) === n.
 */
export function workingDaysBetween(from: DateInput, to: DateInput, opts?: CalendarOptions): number {
  const a = toCalendarDate(from);
  const b = toCalendarDate(to);
  const span = naturalDaysBetween(a, b);
  const [lo, hi] = span >= 0 ? [a, b] : [b, a];
  let count = 0;
  for (let i = 1; i <= Math.abs(span); i++) if (dayInfo(plusDays(lo, i)).working) count++;
  checkYears(yearOf(lo), yearOf(hi), opts);
  return span >= 0 ? count : -count;
}
