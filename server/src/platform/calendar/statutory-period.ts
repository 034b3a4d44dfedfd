import { plusDays, toCalendarDate, yearOf, type CalendarDate, type DateInput } from './calendar-date.js';
import { checkYears, type CalendarOptions, type CalendarWarning } from './calendar-warnings.js';
import { dayInfo } from './holiday-data.js';
import { addWorkingDays } from './working-days.js';

/**
 * A period of `n` natural days (日) from `start`, counted by 民事诉讼法 (Civil Procedure Law) Art. 85:
 * ¶2 the starting day is not counted; ¶3 when the last day is a statutory day off (法定休假日, which includes
 * weekends), the period ends on the first working day after it. An adjusted working Saturday (调休上班) is a
 * working day, so a period ending on it stays there.
 * Example: addNaturalDays('2026-02-10', 7) = '2026-02-24' (the 17th is in the Spring Festival holiday).
 */
export function addNaturalDays(start: DateInput, n: number, opts?: CalendarOptions): CalendarDate {
  if (!Number.isInteger(n) || n < 0 || n > 36_600) {
    throw new RangeError(`自然日数应为 0–36600 的整数 / natural days must be an integer from 0 to 36600: ${n}`);
  }
  const from = toCalendarDate(start);
  let d = plusDays(from, n);
  while (!dayInfo(d).working) d = plusDays(d, 1);
  checkYears(yearOf(from), yearOf(d), opts);
  return d;
}

export type DayUnit = 'working' | 'natural';

/** A time limit as written in a law or a promise: "5 个工作日" = { days: 5, unit: 'working' }. */
export interface TimeLimit {
  days: number;
  unit: DayUnit;
}

export interface Deadline {
  /** Last day of the period, `YYYY-MM-DD` in China. */
  dueDate: CalendarDate;
  /** Warnings about missing holiday data for the years involved (empty when all is covered). */
  warnings: CalendarWarning[];
}

/** The last day of `limit` counted from `start`, with the warnings of the computation returned to the caller. */
export function computeDeadline(start: DateInput, limit: TimeLimit, opts?: CalendarOptions): Deadline {
  const warnings: CalendarWarning[] = [];
  const collect: CalendarOptions = {
    onWarning: (w) => {
      warnings.push(w);
      opts?.onWarning?.(w);
    },
  };
  const dueDate = limit.unit === 'working' ? addWorkingDays(start, limit.days, collect) : addNaturalDays(start, limit.days, collect);
  return { dueDate, warnings };
}
