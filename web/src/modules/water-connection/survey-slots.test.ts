import { describe, expect, it } from 'vitest';
import { surveySlots } from './survey-slots.js';

describe('surveySlots', () => {
  it('offers only future slots, in Beijing time, and skips weekends', () => {
    // Friday 2026-11-27 14:30 in Beijing (06:30Z): only the 16:00–18:00 visit is still an hour away.
    const days = surveySlots(new Date('2026-11-27T06:30:00Z'), undefined, 2);
    expect(days.map((d) => d.day)).toEqual(['2026-11-27', '2026-11-30']);
    expect(days[0].slots).toEqual([{ start: '2026-11-27T08:00:00.000Z', label: '16:00–18:00' }]);
    expect(days[1].slots.map((s) => s.start)).toEqual(['2026-11-30T01:00:00.000Z', '2026-11-30T06:00:00.000Z', '2026-11-30T08:00:00.000Z']);
    for (const d of days) for (const s of d.slots) expect(new Date(s.start).getTime()).toBeGreaterThan(Date.parse('2026-11-27T06:30:00Z'));
  });

  it('uses the day in Beijing, not in UTC, near midnight', () => {
    // 2026-11-29T17:00Z is Monday 01:00 in Beijing.
    const days = surveySlots(new Date('2026-11-29T17:00:00Z'), undefined, 1);
    expect(days[0].day).toBe('2026-11-30');
    expect(days[0].slots).toHaveLength(3);
  });

  it('follows the holiday calendar it is given', () => {
    const holidays = new Set(['2026-11-30', '2026-12-01']);
    const days = surveySlots(new Date('2026-11-28T02:00:00Z'), (d) => !holidays.has(d) && new Date(`${d}T00:00:00Z`).getUTCDay() % 6 !== 0, 1);
    expect(days[0].day).toBe('2026-12-02');
  });
});
