import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCalendarWarningHandler } from '../calendar/index.js';
import { defineProcess } from './process-registry.js';
import { dueOnEntering, dueSoonCutoff, dueStatus } from './state-deadline.js';
import { sampleDefinition } from './workflow.fixture.js';

const process = defineProcess(sampleDefinition());
beforeAll(() => setCalendarWarningHandler(() => undefined));
afterAll(() => setCalendarWarningHandler(null));

describe('dueOnEntering', () => {
  it('counts working days from the day the state is entered in China', () => {
    // Friday 2026-02-13 10:00 in China: 1 working day → the worked Saturday 02-14.
    expect(dueOnEntering(process, 'submitted', new Date('2026-02-13T02:00:00Z'))).toEqual({
      dueDate: '2026-02-14',
      dueAt: '2026-02-14T16:00:00.000Z',
      warnings: [],
    });
    // 2026-02-13T17:00Z is already Saturday 02-14 in China: next working day is 02-24.
    expect(dueOnEntering(process, 'submitted', new Date('2026-02-13T17:00:00Z')).dueDate).toBe('2026-02-24');
  });

  it('counts natural days by Civil Procedure Law Art. 85', () => {
    // 5 days from 2026-09-28 is 10-03, inside the National Day holiday → 10-08.
    expect(dueOnEntering(process, 'supplementing', new Date('2026-09-28T03:00:00Z')).dueDate).toBe('2026-10-08');
  });

  it('has no deadline in a terminal state, and takes an explicit due date when given', () => {
    expect(dueOnEntering(process, 'completed', new Date('2026-02-13T02:00:00Z'))).toEqual({ dueDate: null, dueAt: null, warnings: [] });
    expect(dueOnEntering(process, 'submitted', new Date('2026-02-13T02:00:00Z'), '2026-03-31')).toMatchObject({
      dueDate: '2026-03-31',
      dueAt: '2026-03-31T16:00:00.000Z',
    });
    expect(() => dueOnEntering(process, 'nowhere', new Date())).toThrow('has no state "nowhere"');
  });

  it('passes on the calendar warning for a year without data', () => {
    const r = dueOnEntering(process, 'licenceChanged', new Date('2026-12-30T02:00:00Z'));
    expect(r.dueDate).toBe('2027-01-04');
    expect(r.warnings.map((w) => w.year)).toEqual([2027]);
  });
});

describe('dueStatus', () => {
  const inst = { dueAt: '2026-02-24T16:00:00.000Z', completedAt: null };
  it('is overdue from the instant the due day ends in China', () => {
    expect(dueStatus(inst, new Date('2026-02-24T15:59:59.999Z'))).toBe('dueSoon');
    expect(dueStatus(inst, new Date('2026-02-24T16:00:00.000Z'))).toBe('overdue');
  });

  it('is due soon within N working days, counting across the holiday', () => {
    // On 2026-02-13 (Fri), 2 working days reach 02-24 (via the worked Saturday 02-14).
    expect(dueSoonCutoff(new Date('2026-02-13T02:00:00Z'), 2)).toBe('2026-02-24T16:00:00.000Z');
    expect(dueStatus(inst, new Date('2026-02-13T02:00:00Z'), 2)).toBe('dueSoon');
    expect(dueStatus(inst, new Date('2026-02-13T02:00:00Z'), 1)).toBe('onTime');
  });

  it('is none without a deadline or once completed', () => {
    expect(dueStatus({ dueAt: null, completedAt: null }, new Date())).toBe('none');
    expect(dueStatus({ ...inst, completedAt: '2026-02-20T00:00:00.000Z' }, new Date('2026-03-01T00:00:00Z'))).toBe('none');
  });
});
