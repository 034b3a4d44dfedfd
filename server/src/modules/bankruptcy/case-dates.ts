import { toCalendarDate, type CalendarDate } from '../../platform/calendar/index.js';
import { problem } from './bankruptcy-problems.js';

/** A `YYYY-MM-DD` field that must be a real date, or 422 naming the field. */
export function dateField(path: string, value: string): CalendarDate {
  try {
    return toCalendarDate(value);
  } catch {
    throw problem(422, 'date-invalid', `日期无效 invalid date: ${value}`, [{ path, code: 'invalid-date', message: '日期格式应为 YYYY-MM-DD 且真实存在 (a real YYYY-MM-DD date)' }]);
  }
}

export function optionalDateField(path: string, value: string | null | undefined): CalendarDate | null | undefined {
  if (value === undefined || value === null) return value;
  return dateField(path, value);
}
