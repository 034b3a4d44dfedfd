/**
 * platform/calendar — days in China: working days (工作日) with statutory holidays and adjusted working days
 * from `chinese-days`, and natural-day periods counted by Civil Procedure Law Art. 85. See README.md.
 */
export {
  toCalendarDate,
  plusDays,
  weekdayOf,
  naturalDaysBetween,
  todayInChina,
  dayEndsAt,
  CHINA_TIME_ZONE,
  type CalendarDate,
  type DateInput,
} from './calendar-date.js';
export { isYearCovered, holidayDataCoverage, type DayInfo, type DayKind } from './holiday-data.js';
export {
  setCalendarWarningHandler,
  checkYears,
  type CalendarWarning,
  type CalendarWarningHandler,
  type CalendarOptions,
} from './calendar-warnings.js';
export { describeDay, isWorkingDay, workingDayOnOrAfter, addWorkingDays, workingDaysBetween } from './working-days.js';
export { addNaturalDays, computeDeadline, type TimeLimit, type DayUnit, type Deadline } from './statutory-period.js';
