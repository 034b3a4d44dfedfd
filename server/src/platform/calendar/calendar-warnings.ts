import { holidayDataCoverage, isYearCovered } from './holiday-data.js';

/**
 * A year without holiday data is not an error: the calendar still answers, counting Monday–Friday as working
 * days, and says so. The data must be refreshed (a newer `chinese-days`) after the State Council publishes
 * next year's holiday notice, usually in November.
 */
export interface CalendarWarning {
  code: 'calendar-year-not-covered';
  year: number;
  zh: string;
  en: string;
}

export type CalendarWarningHandler = (warning: CalendarWarning) => void;

export interface CalendarOptions {
  /** Receives every warning of this call (in addition to the process-wide handler). */
  onWarning?: CalendarWarningHandler;
}

export function uncoveredYearWarning(year: number): CalendarWarning {
  const { firstYear, lastYear } = holidayDataCoverage();
  return {
    code: 'calendar-year-not-covered',
    year,
    zh: `缺少 ${year} 年法定节假日数据（现有 ${firstYear}–${lastYear} 年）：该年仅按周一至周五计算工作日，未计入法定节假日和调休。请在国务院办公厅发布节假日安排通知后升级 chinese-days。`,
    en: `No statutory holiday data for ${year} (have ${firstYear}–${lastYear}): working days in that year are counted Monday–Friday only, without holidays or adjusted working days. Upgrade chinese-days after the State Council publishes the holiday notice.`,
  };
}

const reportedYears = new Set<number>();

function defaultHandler(w: CalendarWarning): void {
  process.emitWarning(`${w.zh} / ${w.en}`, { code: 'YS_CALENDAR_NO_DATA' });
}

let processHandler: CalendarWarningHandler = defaultHandler;

/**
 * Where warnings go besides the caller's `onWarning`: by default `process.emitWarning` (stderr). The app can
 * route them to its logger. The process-wide handler hears about each year once, so a sweep over thousands
 * of deadlines does not flood the log.
 */
export function setCalendarWarningHandler(handler: CalendarWarningHandler | null): void {
  processHandler = handler ?? defaultHandler;
  reportedYears.clear();
}

/** Warnings for the years from `fromYear` to `toYear` (either order) that have no data; reports them too. */
export function checkYears(fromYear: number, toYear: number, opts?: CalendarOptions): CalendarWarning[] {
  const out: CalendarWarning[] = [];
  for (let y = Math.min(fromYear, toYear); y <= Math.max(fromYear, toYear); y++) {
    if (isYearCovered(y)) continue;
    const w = uncoveredYearWarning(y);
    out.push(w);
    opts?.onWarning?.(w);
    if (!reportedYears.has(y)) {
      reportedYears.add(y);
      processHandler(w);
    }
  }
  return out;
}
