import { afterAll, describe, expect, it } from 'vitest';
import { addNaturalDays, addWorkingDays, isWorkingDay, toCalendarDate, workingDaysBetween } from './index.js';

// West of UTC the chinese-days functions shift dates by a day; ours must not depend on the server's zone.
const savedTz = process.env.TZ;
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe.each([
  ['America/New_York', 300],
  ['Pacific/Kiritimati', -840],
  ['UTC', 0],
])('with TZ=%s', (tz, offsetMinutes) => {
  it('gives the same answers', () => {
    process.env.TZ = tz;
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(offsetMinutes); // the zone really changed
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-15')).toBe(false);
    expect(isWorkingDay('2026-03-07')).toBe(false);
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6);
    expect(addNaturalDays('2026-02-10', 7)).toBe('2026-02-24');
    expect(toCalendarDate(new Date('2026-02-13T16:30:00Z'))).toBe('2026-02-14');
  });
});
