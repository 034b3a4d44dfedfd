import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addNaturalDays, computeDeadline, isWorkingDay, plusDays, setCalendarWarningHandler } from './index.js';

beforeEach(() => setCalendarWarningHandler(() => undefined));
afterEach(() => setCalendarWarningHandler(null));

describe('addNaturalDays (民事诉讼法 Art. 85)', () => {
  it('does not count the starting day', () => {
    expect(addNaturalDays('2026-03-02', 1)).toBe('2026-03-03');
    expect(addNaturalDays('2026-03-02', 3)).toBe('2026-03-05');
  });

  it('moves a deadline that falls in the Spring Festival to the next working day', () => {
    // 2026-02-17 is inside 02-15 … 02-23.
    expect(addNaturalDays('2026-02-10', 7)).toBe('2026-02-24');
  });

  it('moves a deadline that falls in the National Day holiday (e.g. EBL Art. 14, 25 days)', () => {
    // Case accepted 2026-09-10: day 25 is 10-05 (holiday) → 10-08.
    expect(addNaturalDays('2026-09-10', 25)).toBe('2026-10-08');
    expect(addNaturalDays('2026-09-24', 10)).toBe('2026-10-08');
  });

  it('moves a deadline that falls on an ordinary weekend', () => {
    expect(addNaturalDays('2026-03-02', 5)).toBe('2026-03-09'); // Saturday 03-07 → Monday
  });

  it('keeps a deadline that falls on an adjusted working Saturday', () => {
    expect(addNaturalDays('2026-02-07', 7)).toBe('2026-02-14');
    expect(addNaturalDays('2026-10-01', 9)).toBe('2026-10-10');
  });

  it('never ends before start + n, and only skips days off (property)', () => {
    const date = fc.integer({ min: 0, max: 364 }).map((i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 90 }), (start, n) => {
        const raw = plusDays(start, n);
        const due = addNaturalDays(start, n);
        expect(isWorkingDay(due)).toBe(true);
        expect(due >= raw).toBe(true);
        for (let d = raw; d < due; d = plusDays(d, 1)) expect(isWorkingDay(d)).toBe(false);
      }),
    );
  });

  it('rejects negative or fractional periods', () => {
    expect(() => addNaturalDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => addNaturalDays('2026-03-02', 2.5)).toThrow(RangeError);
  });
});

describe('computeDeadline', () => {
  it('counts working or natural days and returns no warnings for covered years', () => {
    expect(computeDeadline('2026-02-13', { days: 5, unit: 'working' })).toEqual({ dueDate: '2026-02-27', warnings: [] });
    expect(computeDeadline('2026-02-10', { days: 7, unit: 'natural' })).toEqual({ dueDate: '2026-02-24', warnings: [] });
  });

  it('returns the warning for a year without data', () => {
    const r = computeDeadline('2026-12-20', { days: 30, unit: 'natural' });
    expect(r.dueDate).toBe('2027-01-19'); // a Tuesday; 2027 holidays unknown
    expect(r.warnings.map((w) => w.year)).toEqual([2027]);
  });
});
