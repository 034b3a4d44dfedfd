import { createRequire } from 'node:module';
import { weekdayOf, yearOf, type CalendarDate } from './calendar-date.js';

/**
 * Statutory holidays (法定节假日) and adjusted working days (调休上班) from the `chinese-days` package, which
 * transcribes the State Council General Office's yearly notice (国务院办公厅关于部分节假日安排的通知).
 *
 * We read the package's published data file (`dist/chinese-days.json`, documented in its README as the
 * data interface) instead of calling `isWorkday()`: the package's functions parse and format dates in the
 * server's local time zone, so on a server west of UTC they shift every date by one day. Keyed by
 * `YYYY-MM-DD`, the data itself is time-zone free. calendar.test.ts checks this module against the package's
 * own `isWorkday()` for every day it covers.
 */
interface ChineseDaysData {
  /** Days off: `"2026-02-15": "Spring Festival,春节,4"`. */
  holidays: Record<string, string>;
  /** Weekend days that are working days (调休上班). */
  workdays: Record<string, string>;
  /** Weekdays given off in exchange for a weekend working day (调休). */
  inLieuDays: Record<string, string>;
}

const require = createRequire(import.meta.url);
const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;

export type DayKind = 'workday' | 'adjustedWorkday' | 'weekend' | 'holiday';

export interface DayInfo {
  date: CalendarDate;
  kind: DayKind;
  working: boolean;
  /** Holiday name for `holiday` / `adjustedWorkday` days, e.g. `{ zh: '春节', en: 'Spring Festival' }`. */
  holiday?: { zh: string; en: string };
  /** False when the package has no holiday data for this year: the day was judged by weekday only. */
  covered: boolean;
}

function holidayName(raw: string): { zh: string; en: string } {
  const [en = raw, zh = raw] = raw.split(',');
  return { zh, en };
}

/**
 * Years the data covers. A year counts as covered when it has a Spring Festival entry: every notice sets one,
 * while a few December days of a year can appear early because the next year's New Year holiday starts then.
 */
const coveredYearSet: ReadonlySet<number> = new Set(
  Object.entries(data.holidays)
    .filter(([, name]) => name.startsWith('Spring Festival,'))
    .map(([date]) => yearOf(date)),
);

export function isYearCovered(year: number): boolean {
  return coveredYearSet.has(year);
}

/** First and last year with holiday data (2004 and 2026 in chinese-days 1.5.7). */
export function holidayDataCoverage(): { firstYear: number; lastYear: number } {
  const years = [...coveredYearSet];
  return { firstYear: Math.min(...years), lastYear: Math.max(...years) };
}

/** What kind of day `date` is. Expects a normalized `YYYY-MM-DD` (see toCalendarDate). */
export function dayInfo(date: CalendarDate): DayInfo {
  const covered = isYearCovered(yearOf(date));
  const adjusted = data.workdays[date];
  if (adjusted !== undefined) return { date, kind: 'adjustedWorkday', working: true, holiday: holidayName(adjusted), covered };
  const off = data.holidays[date];
  if (off !== undefined) return { date, kind: 'holiday', working: false, holiday: holidayName(off), covered };
  const wd = weekdayOf(date);
  if (wd === 0 || wd === 6) return { date, kind: 'weekend', working: false, covered };
  return { date, kind: 'workday', working: true, covered };
}
