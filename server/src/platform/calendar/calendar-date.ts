/**
 * Calendar dates as the platform uses them: a day in China (Asia/Shanghai), written `YYYY-MM-DD`.
 *
 * Arithmetic is done on the date itself (UTC midnight of that date, UTC getters only), so results do not depend
 * on the server's TZ setting. A `Date` (an instant) is first turned into the day it is in Asia/Shanghai.
 */
export type CalendarDate = string;

/** Either a `YYYY-MM-DD` day in China or an instant (`Date`), read as the day it falls on in Asia/Shanghai. */
export type DateInput = CalendarDate | Date;

export const CHINA_TIME_ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const shanghaiDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Normalizes input to `YYYY-MM-DD`; throws RangeError for a malformed or impossible date (e.g. 2026-02-30). */
export function toCalendarDate(input: DateInput): CalendarDate {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new RangeError('日期无效 invalid Date');
    const parts = shanghaiDayFormat.formatToParts(input);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  }
  const m = DATE_RE.exec(input);
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD: ${JSON.stringify(input)}`);
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (utc.getUTCFullYear() !== Number(m[1]) || utc.getUTCMonth() + 1 !== Number(m[2]) || utc.getUTCDate() !== Number(m[3])) {
    throw new RangeError(`日期不存在 / no such date: ${input}`);
  }
  return input;
}

function toUtcMs(date: CalendarDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` calendar days after (or before, if negative) `date`. Pure arithmetic, no holiday rules. */
export function plusDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function naturalDaysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** Today's date in China. */
export function todayInChina(now: Date = new Date()): CalendarDate {
  return toCalendarDate(now);
}

/**
 * The instant (ISO-8601 UTC) at which `date` ends in China, i.e. the next day's 00:00 in Asia/Shanghai. A
 * deadline "on 2026-02-24" is met by anything done before `2026-02-24T16:00:00.000Z`. China has kept UTC+8
 * without daylight saving since 1991, so a fixed offset is exact for every date the platform handles.
 */
export function dayEndsAt(date: DateInput): string {
  const d = toCalendarDate(date);
  return new Date(toUtcMs(plusDays(d, 1)) - 8 * 3_600_000).toISOString();
}
