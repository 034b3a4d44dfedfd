import { toCalendarDate, workingDayOnOrAfter, type CalendarDate, type CalendarOptions, type DateInput } from '../../platform/calendar/index.js';

/**
 * The date `months` calendar months after `start`, before any holiday rule (Civil Code Art. 202): the
 * corresponding day of the month it lands in is the last day, or that month's last day when it has no
 * corresponding day (31 January + 1 month = 28/29 February). Art. 201: the starting day is not counted,
 * which for months is exactly "the corresponding day".
 */
export function plusMonths(start: DateInput, months: number): CalendarDate {
  if (!Number.isInteger(months) || months < 0 || months > 1200) throw new RangeError(`months must be an integer 0–1200: ${months}`);
  const d = toCalendarDate(start);
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + months;
  const day = Number(d.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = m % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/**
 * A period of `months` months ending on a working day: Civil Code Art. 203 ¶1 / Civil Procedure Law
 * Art. 85 ¶3 move a last day that is a statutory day off to the next working day.
 */
export function addMonthsPeriod(start: DateInput, months: number, opts?: CalendarOptions): CalendarDate {
  return workingDayOnOrAfter(plusMonths(start, months), opts);
}
