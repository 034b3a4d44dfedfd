import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCalendarWarningHandler } from '../../platform/calendar/index.js';
import { plusMonths } from './month-period.js';
import {
  caseDeadlines,
  checkClaimPeriodEnd,
  checkFirstMeetingDate,
  checkMeetingNotice,
  claimPeriodWindow,
  deadlineStatus,
  latestMeetingNoticeDate,
  resolutionRevocationDue,
  voteResultNoticeDue,
} from './statutory-deadlines.js';

beforeEach(() => setCalendarWarningHandler(() => undefined));
afterEach(() => setCalendarWarningHandler(null));

const due = (r: ReturnType<typeof caseDeadlines>, code: string) => r.deadlines.find((d) => d.code === code)?.dueOn;

describe('month periods (Civil Code Art. 202)', () => {
  it('ends on the corresponding day, or the last day of a shorter month', () => {
    expect(plusMonths('2026-03-15', 3)).toBe('2026-06-15');
    expect(plusMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(plusMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(plusMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(plusMonths('2026-08-31', 6)).toBe('2027-02-28');
  });
});

describe('case deadlines across holidays', () => {
  it('Art. 14: 25 days from acceptance, moved past the National Day holiday', () => {
    expect(due(caseDeadlines({ acceptedOn: '2026-09-10' }), 'acceptanceNotice')).toBe('2026-10-08');
    expect(due(caseDeadlines({ acceptedOn: '2026-03-02' }), 'acceptanceNotice')).toBe('2026-03-27');
  });

  it('Art. 45: claim period between 30 days and 3 months of the announcement', () => {
    expect(claimPeriodWindow('2026-04-06')).toEqual({ earliestEnd: '2026-05-06', latestEnd: '2026-07-06' });
    // 3 months from 02-01 is 05-01, inside the Labour Day holiday (05-01 … 05-05).
    expect(claimPeriodWindow('2026-02-01').latestEnd).toBe('2026-05-06');
    // No 31 April: the month's last day.
    expect(claimPeriodWindow('2026-01-31').latestEnd).toBe('2026-04-30');
    expect(checkClaimPeriodEnd('2026-04-06', '2026-05-05')).toMatchObject({ ok: false, code: 'claim-period-too-short', limit: '2026-05-06' });
    expect(checkClaimPeriodEnd('2026-04-06', '2026-05-06')).toEqual({ ok: true });
    expect(checkClaimPeriodEnd('2026-04-06', '2026-07-06')).toEqual({ ok: true });
    expect(checkClaimPeriodEnd('2026-04-06', '2026-07-07')).toMatchObject({ ok: false, code: 'claim-period-too-long' });
  });

  it('Art. 45: the 30-day minimum is a length, not shortened or lengthened by holidays', () => {
    // Announced 2026-04-01: day 30 is 05-01 (holiday). A period ending 05-01 is 30 days long and lawful.
    expect(checkClaimPeriodEnd('2026-04-01', '2026-05-01')).toEqual({ ok: true });
    expect(checkClaimPeriodEnd('2026-04-01', '2026-04-30')).toMatchObject({ ok: false, code: 'claim-period-too-short' });
  });

  it('Art. 62: first meeting within 15 days of the claim period, moved past Labour Day', () => {
    expect(due(caseDeadlines({ acceptedOn: '2026-02-02', claimPeriodEndsOn: '2026-04-20' }), 'firstMeeting')).toBe('2026-05-06');
    expect(checkFirstMeetingDate('2026-04-20', '2026-05-06')).toEqual({ ok: true });
    expect(checkFirstMeetingDate('2026-04-20', '2026-05-07')).toMatchObject({ ok: false, code: 'first-meeting-too-late' });
    expect(checkFirstMeetingDate('2026-04-20', '2026-04-20')).toMatchObject({ ok: false, code: 'first-meeting-before-claim-period-end' });
  });

  it('Art. 63: notice at least 15 days before the meeting, counted back without holiday shift', () => {
    expect(latestMeetingNoticeDate('2026-06-20')).toBe('2026-06-05');
    expect(checkMeetingNotice('2026-06-05', '2026-06-20')).toEqual({ ok: true });
    expect(checkMeetingNotice('2026-06-06', '2026-06-20')).toMatchObject({ ok: false, code: 'meeting-notice-too-late', limit: '2026-06-05' });
  });

  it('Art. 79: plan in 6 months (+3 on extension); the extended end in an uncovered year warns', () => {
    const r = caseDeadlines({ acceptedOn: '2026-04-01', reorganizationRuledOn: '2026-04-01', planPeriodExtended: true });
    expect(due(r, 'reorganizationPlanDue')).toBe('2026-10-08'); // 10-01 is National Day
    expect(due(r, 'reorganizationPlanDueExtended')).toBe('2027-01-01');
    expect(r.warnings.map((w) => w.year)).toEqual([2027]);
    expect(caseDeadlines({ acceptedOn: '2026-04-01' }).warnings).toEqual([]);
  });

  it('Arts. 84, 86: vote within 30 days of the plan, approval applied for in 10 and ruled on in 30', () => {
    const r = caseDeadlines({
      acceptedOn: '2026-01-05',
      planReceivedByCourtOn: '2026-08-26',
      planPassedOn: '2026-09-20',
      approvalAppliedOn: '2026-09-28',
    });
    expect(due(r, 'planVoteMeeting')).toBe('2026-09-28'); // day 30 is 09-25, Mid-autumn holiday to 09-27
    expect(due(r, 'approvalApplication')).toBe('2026-09-30');
    expect(due(r, 'approvalRuling')).toBe('2026-10-28');
    // Sorted by due date.
    const dues = r.deadlines.map((d) => d.dueOn);
    expect([...dues].sort()).toEqual(dues);
  });

  it('SPC III Art. 11 result notice in 3 days, Art. 64 ¶2 revocation in 15, SPC III Art. 8 suit in 15', () => {
    expect(voteResultNoticeDue('2026-09-30').dueOn).toBe('2026-10-08');
    expect(voteResultNoticeDue('2026-06-10')).toMatchObject({ dueOn: '2026-06-15', basis: { code: 'SPC3-11' } }); // 06-13 is a Saturday
    expect(resolutionRevocationDue('2026-06-10').dueOn).toBe('2026-06-25');
    expect(due(caseDeadlines({ acceptedOn: '2026-01-05', claimRegisterCheckedOn: '2026-04-10' }), 'claimObjectionSuit')).toBe('2026-04-27');
  });

  it('Arts. 118, 123: two months for undrawn amounts, two years for further distribution', () => {
    const r = caseDeadlines({ acceptedOn: '2025-01-06', finalDistributionAnnouncedOn: '2025-12-31', closedOn: '2026-01-15' });
    // Day 2 months on is Saturday 2026-02-28, an adjusted working day after the Spring Festival: it stays.
    expect(due(r, 'unclaimedDistribution')).toBe('2026-02-28');
    // 2028-01-15 is a Saturday; no holiday data for 2028 yet, so it moves to Monday with a warning.
    expect(due(r, 'supplementaryDistribution')).toBe('2028-01-17');
    // Only the last day's year matters for a month period: the days in between are not counted one by one.
    expect(r.warnings.map((w) => w.year)).toEqual([2028]);
  });
});

describe('deadline status for the judge', () => {
  it('classifies open and finished deadlines', () => {
    expect(deadlineStatus('2026-06-10', '2026-06-11')).toBe('overdue');
    expect(deadlineStatus('2026-06-10', '2026-06-10')).toBe('dueSoon');
    expect(deadlineStatus('2026-06-10', '2026-06-05')).toBe('dueSoon');
    expect(deadlineStatus('2026-06-10', '2026-06-04')).toBe('onTrack');
    expect(deadlineStatus('2026-06-10', '2026-06-20', '2026-06-10')).toBe('met');
    expect(deadlineStatus('2026-06-10', '2026-06-20', '2026-06-11')).toBe('missed');
  });
});
