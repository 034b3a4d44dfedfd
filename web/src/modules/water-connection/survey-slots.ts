/**
 * The survey slots offered to the applicant: 2-hour visits on working days in Beijing time, only in the future
 * (the server answers 422 to a past slot). The promise is a survey within 3 working days, so the next few
 * working days are enough.
 */
export interface SurveySlot {
  /** ISO UTC instant the visit starts. */
  start: string;
  /** "09:00–11:00" in Beijing time. */
  label: string;
}

export interface SurveyDay {
  /** YYYY-MM-DD in Beijing time. */
  day: string;
  slots: SurveySlot[];
}

/** Visit windows, Beijing time. */
export const SLOT_WINDOWS = [
  ['09:00', '11:00'],
  ['14:00', '16:00'],
  ['16:00', '18:00'],
] as const;

/** Earliest bookable start: an hour from now, so the service manager can still make it. */
const LEAD_MS = 60 * 60 * 1000;

export function beijingDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Monday–Friday; used where no holiday calendar is available. */
export function isWeekday(day: string): boolean {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6;
}

export function surveySlots(now: Date, isWorkday: (day: string) => boolean = isWeekday, workingDays = 5): SurveyDay[] {
  const out: SurveyDay[] = [];
  let day = beijingDay(now);
  // A bounded walk: even the Spring Festival week plus weekends leaves working days within 30 days.
  for (let i = 0; i < 30 && out.length < workingDays; i++, day = nextDay(day)) {
    if (!isWorkday(day)) continue;
    const slots = SLOT_WINDOWS.map(([from, to]) => ({ start: new Date(`${day}T${from}:00+08:00`).toISOString(), label: `${from}–${to}` })).filter(
      (s) => new Date(s.start).getTime() >= now.getTime() + LEAD_MS,
    );
    if (slots.length) out.push({ day, slots });
  }
  return out;
}
