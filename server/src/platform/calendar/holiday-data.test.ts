import { afterAll, describe, expect, it } from 'vitest';
import { holidayDataCoverage, isYearCovered, plusDays } from './index.js';
import { dayInfo } from './holiday-data.js';

// The package's own functions are only right when the process time zone is east of UTC (see holiday-data.ts),
// so it is loaded here under Asia/Shanghai, the zone it was written for. Node re-reads TZ when it is assigned.
const savedTz = process.env.TZ;
process.env.TZ = 'Asia/Shanghai';
const chineseDays = (await import('chinese-days')).default;
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('holiday data from chinese-days', () => {
  it('covers 2004 to at least 2026 and nothing after the last notice', () => {
    const { firstYear, lastYear } = holidayDataCoverage();
    expect(firstYear).toBe(2004);
    expect(lastYear).toBeGreaterThanOrEqual(2026);
    expect(isYearCovered(2026)).toBe(true);
    expect(isYearCovered(lastYear + 1)).toBe(false);
    expect(isYearCovered(2003)).toBe(false);
  });

  it('agrees with the package’s isWorkday() on every covered day', () => {
    const { firstYear, lastYear } = holidayDataCoverage();
    const mismatches: string[] = [];
    let days = 0;
    for (let d = `${firstYear}-01-01`; d <= `${lastYear}-12-31`; d = plusDays(d, 1)) {
      days++;
      if (dayInfo(d).working !== chineseDays.isWorkday(d)) mismatches.push(d);
    }
    expect(days).toBeGreaterThan(8000);
    expect(mismatches).toEqual([]);
  });

  it('marks the in-lieu days of the 2026 Spring Festival as holidays', () => {
    // 02-20 (Fri) and 02-23 (Mon) are the weekdays traded for the worked Saturdays 02-14 and 02-28.
    expect(chineseDays.isInLieu('2026-02-20')).toBe(true);
    expect(dayInfo('2026-02-20')).toMatchObject({ kind: 'holiday', working: false });
    expect(dayInfo('2026-02-23')).toMatchObject({ kind: 'holiday', working: false });
  });
});
