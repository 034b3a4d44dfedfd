import {
  addNaturalDays,
  naturalDaysBetween,
  plusDays,
  toCalendarDate,
  type CalendarDate,
  type CalendarOptions,
  type CalendarWarning,
} from '../../platform/calendar/index.js';
import { addMonthsPeriod } from './month-period.js';
import type { LegalBasis } from './voting.types.js';

/**
 * Statutory deadlines of a bankruptcy case (EBL and SPC Provisions III). Natural-day periods: the starting day
 * is not counted and a last day that is a day off moves to the next working day (Civil Procedure Law Art. 85,
 * Civil Code Arts. 201–203; platform/calendar). Month periods end on the corresponding day (Civil Code Art. 202).
 */
export type DeadlineCode =
  | 'acceptanceNotice'
  | 'claimPeriodEarliestEnd'
  | 'claimPeriodLatestEnd'
  | 'firstMeeting'
  | 'reorganizationPlanDue'
  | 'reorganizationPlanDueExtended'
  | 'planVoteMeeting'
  | 'approvalApplication'
  | 'approvalRuling'
  | 'voteResultNotice'
  | 'resolutionRevocationRequest'
  | 'claimObjectionSuit'
  | 'unclaimedDistribution'
  | 'supplementaryDistribution';

export interface StatutoryDeadline {
  code: DeadlineCode;
  basis: LegalBasis;
  /** The event the period runs from. */
  fromDate: CalendarDate;
  /** The last day on which the act is in time. */
  dueOn: CalendarDate;
}

const B = {
  art14: { code: 'EBL-14', en: 'EBL Art. 14: notify known creditors and announce within 25 days of accepting the case', zh: '《企业破产法》第十四条：裁定受理之日起二十五日内通知已知债权人并予以公告' },
  art45min: { code: 'EBL-45', en: 'EBL Art. 45: the claim period is at least 30 days from the announcement', zh: '《企业破产法》第四十五条：债权申报期限自发布受理破产申请公告之日起计算，最短不得少于三十日' },
  art45max: { code: 'EBL-45', en: 'EBL Art. 45: the claim period is at most 3 months from the announcement', zh: '《企业破产法》第四十五条：债权申报期限最长不得超过三个月' },
  art62: { code: 'EBL-62-1', en: 'EBL Art. 62 ¶1: the first meeting within 15 days after the claim period ends', zh: '《企业破产法》第六十二条第一款：第一次债权人会议自债权申报期限届满之日起十五日内召开' },
  art63: { code: 'EBL-63', en: 'EBL Art. 63: notify known creditors 15 days before a meeting', zh: '《企业破产法》第六十三条：召开债权人会议，管理人应当提前十五日通知已知的债权人' },
  art79: { code: 'EBL-79-1', en: 'EBL Art. 79 ¶1: the reorganization plan within 6 months of the reorganization ruling', zh: '《企业破产法》第七十九条第一款：自人民法院裁定债务人重整之日起六个月内提交重整计划草案' },
  art79ext: { code: 'EBL-79-2', en: 'EBL Art. 79 ¶2: the court may extend the plan period by 3 months', zh: '《企业破产法》第七十九条第二款：有正当理由的，人民法院可以裁定延期三个月' },
  art84: { code: 'EBL-84-1', en: 'EBL Art. 84 ¶1: the court holds the meeting to vote on the plan within 30 days of receiving it', zh: '《企业破产法》第八十四条第一款：人民法院自收到重整计划草案之日起三十日内召开债权人会议进行表决' },
  art86apply: { code: 'EBL-86-2', en: 'EBL Art. 86 ¶2: apply for approval within 10 days of the plan passing', zh: '《企业破产法》第八十六条第二款：自重整计划通过之日起十日内提出批准申请' },
  art86rule: { code: 'EBL-86-2', en: 'EBL Art. 86 ¶2: the court rules within 30 days of receiving the application', zh: '《企业破产法》第八十六条第二款：人民法院自收到申请之日起三十日内裁定' },
  spc3art11: { code: 'SPC3-11', en: 'SPC Provisions III Art. 11: tell voters the result of a vote not held on site within 3 days of the meeting', zh: '《破产法司法解释（三）》第十一条：非现场表决的，管理人应当在债权人会议召开后的三日内告知表决结果' },
  art64p2: { code: 'EBL-64-2', en: 'EBL Art. 64 ¶2: a creditor may ask the court to revoke a resolution within 15 days', zh: '《企业破产法》第六十四条第二款：自债权人会议作出决议之日起十五日内请求人民法院裁定撤销' },
  spc3art8: { code: 'SPC3-8', en: "SPC Provisions III Art. 8: an objector sues within 15 days after the meeting's check of the claim register", zh: '《破产法司法解释（三）》第八条：异议人应当在债权人会议核查结束后十五日内提起债权确认诉讼' },
  art118: { code: 'EBL-118', en: 'EBL Art. 118: undrawn distributions are waived 2 months after the final distribution announcement', zh: '《企业破产法》第一百一十八条：最后分配公告日起满二个月仍不领取的，视为放弃受领分配的权利' },
  art123: { code: 'EBL-123', en: 'EBL Art. 123: further property found within 2 years after closure is distributed', zh: '《企业破产法》第一百二十三条：破产程序终结之日起二年内发现可供分配的财产的，可以请求追加分配' },
} as const satisfies Record<string, LegalBasis>;

export { B as DEADLINE_BASIS };

/** Facts of a case as far as they are known; each deadline appears once the fact it runs from exists. */
export interface CaseDates {
  /** Ruling accepting the bankruptcy application (受理). */
  acceptedOn: CalendarDate;
  acceptanceAnnouncedOn?: CalendarDate;
  claimPeriodEndsOn?: CalendarDate;
  /** Reorganization ruling (裁定重整); for a case accepted as reorganization, the acceptance ruling. */
  reorganizationRuledOn?: CalendarDate;
  planPeriodExtended?: boolean;
  planReceivedByCourtOn?: CalendarDate;
  planPassedOn?: CalendarDate;
  approvalAppliedOn?: CalendarDate;
  /** The day the first meeting finished checking the claim register. */
  claimRegisterCheckedOn?: CalendarDate;
  finalDistributionAnnouncedOn?: CalendarDate;
  closedOn?: CalendarDate;
}

export interface DeadlineReport {
  deadlines: StatutoryDeadline[];
  warnings: CalendarWarning[];
}

/** Every deadline that follows from the dates known so far, in chronological order of their due dates. */
export function caseDeadlines(dates: CaseDates): DeadlineReport {
  const warnings: CalendarWarning[] = [];
  const opts: CalendarOptions = { onWarning: (w) => warnings.push(w) };
  const out: StatutoryDeadline[] = [];
  const days = (code: DeadlineCode, basis: LegalBasis, from: CalendarDate | undefined, n: number) => {
    if (from) out.push({ code, basis, fromDate: toCalendarDate(from), dueOn: addNaturalDays(from, n, opts) });
  };
  const months = (code: DeadlineCode, basis: LegalBasis, from: CalendarDate | undefined, n: number) => {
    if (from) out.push({ code, basis, fromDate: toCalendarDate(from), dueOn: addMonthsPeriod(from, n, opts) });
  };

  days('acceptanceNotice', B.art14, dates.acceptedOn, 25);
  if (dates.acceptanceAnnouncedOn) {
    const w = claimPeriodWindow(dates.acceptanceAnnouncedOn, opts);
    out.push({ code: 'claimPeriodEarliestEnd', basis: B.art45min, fromDate: dates.acceptanceAnnouncedOn, dueOn: w.earliestEnd });
    out.push({ code: 'claimPeriodLatestEnd', basis: B.art45max, fromDate: dates.acceptanceAnnouncedOn, dueOn: w.latestEnd });
  }
  days('firstMeeting', B.art62, dates.claimPeriodEndsOn, 15);
  if (dates.reorganizationRuledOn) {
    months('reorganizationPlanDue', B.art79, dates.reorganizationRuledOn, 6);
    // Art. 79 ¶2 "延期三个月": three more months from the (unshifted) end of the six.
    if (dates.planPeriodExtended) months('reorganizationPlanDueExtended', B.art79ext, dates.reorganizationRuledOn, 9);
  }
  days('planVoteMeeting', B.art84, dates.planReceivedByCourtOn, 30);
  days('approvalApplication', B.art86apply, dates.planPassedOn, 10);
  days('approvalRuling', B.art86rule, dates.approvalAppliedOn, 30);
  days('claimObjectionSuit', B.spc3art8, dates.claimRegisterCheckedOn, 15);
  months('unclaimedDistribution', B.art118, dates.finalDistributionAnnouncedOn, 2);
  months('supplementaryDistribution', B.art123, dates.closedOn, 24);
  out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  return { deadlines: out, warnings: dedupe(warnings) };
}

function dedupe(ws: CalendarWarning[]): CalendarWarning[] {
  const seen = new Set<number>();
  return ws.filter((w) => (seen.has(w.year) ? false : (seen.add(w.year), true)));
}

/**
 * Art. 45: the claim period runs from the acceptance announcement, at least 30 days and at most 3 months.
 * `earliestEnd` is the first day the period may end; `latestEnd` the last.
 */
export function claimPeriodWindow(announcedOn: CalendarDate, opts?: CalendarOptions): { earliestEnd: CalendarDate; latestEnd: CalendarDate } {
  return { earliestEnd: addNaturalDays(announcedOn, 30, opts), latestEnd: addMonthsPeriod(announcedOn, 3, opts) };
}

export type DateCheck = { ok: true } | { ok: false; code: string; basis: LegalBasis; limit: CalendarDate };

/** Art. 45: is a chosen end of the claim period lawful? */
export function checkClaimPeriodEnd(announcedOn: CalendarDate, endsOn: CalendarDate): DateCheck {
  // The 30-day minimum is a length, not a deadline: a shorter period is unlawful even if day 30 is a holiday.
  const earliest = plusDays(toCalendarDate(announcedOn), 30);
  const { latestEnd } = claimPeriodWindow(announcedOn);
  if (toCalendarDate(endsOn) < earliest) return { ok: false, code: 'claim-period-too-short', basis: B.art45min, limit: earliest };
  if (endsOn > latestEnd) return { ok: false, code: 'claim-period-too-long', basis: B.art45max, limit: latestEnd };
  return { ok: true };
}

/** Art. 62 ¶1: the first meeting after the claim period has ended and within 15 days of its end. */
export function checkFirstMeetingDate(claimPeriodEndsOn: CalendarDate, meetingOn: CalendarDate): DateCheck {
  const latest = addNaturalDays(claimPeriodEndsOn, 15);
  if (toCalendarDate(meetingOn) <= toCalendarDate(claimPeriodEndsOn)) {
    return { ok: false, code: 'first-meeting-before-claim-period-end', basis: B.art62, limit: plusDays(claimPeriodEndsOn, 1) };
  }
  if (meetingOn > latest) return { ok: false, code: 'first-meeting-too-late', basis: B.art62, limit: latest };
  return { ok: true };
}

/**
 * Art. 63 "提前十五日通知": the notice goes out at least 15 full days before the meeting day, i.e. on or
 * before meeting − 15. Counted backwards from a fixed meeting, so no holiday shift applies: a notice may be
 * sent on a weekend, and moving the limit later would shorten the creditors' 15 days.
 */
export function latestMeetingNoticeDate(meetingOn: CalendarDate): CalendarDate {
  return plusDays(toCalendarDate(meetingOn), -15);
}

export function checkMeetingNotice(noticeOn: CalendarDate, meetingOn: CalendarDate): DateCheck {
  const limit = latestMeetingNoticeDate(meetingOn);
  return toCalendarDate(noticeOn) <= limit ? { ok: true } : { ok: false, code: 'meeting-notice-too-late', basis: B.art63, limit };
}

/** SPC Provisions III Art. 11: the result of a vote held by correspondence or online is told within 3 days. */
export function voteResultNoticeDue(meetingOn: CalendarDate, opts?: CalendarOptions): StatutoryDeadline {
  return { code: 'voteResultNotice', basis: B.spc3art11, fromDate: meetingOn, dueOn: addNaturalDays(meetingOn, 3, opts) };
}

/** Art. 64 ¶2: the last day to ask the court to revoke a resolution. */
export function resolutionRevocationDue(resolvedOn: CalendarDate, opts?: CalendarOptions): StatutoryDeadline {
  return { code: 'resolutionRevocationRequest', basis: B.art64p2, fromDate: resolvedOn, dueOn: addNaturalDays(resolvedOn, 15, opts) };
}

export type DeadlineStatus = 'met' | 'missed' | 'overdue' | 'dueSoon' | 'onTrack';

/**
 * For the judge's view of deadlines at risk: `overdue` (past and not done), `dueSoon` (within `soonDays`
 * natural days, today included), `onTrack`; once done, `met` or `missed`.
 */
export function deadlineStatus(dueOn: CalendarDate, today: CalendarDate, doneOn?: CalendarDate, soonDays = 5): DeadlineStatus {
  if (doneOn) return doneOn <= dueOn ? 'met' : 'missed';
  const left = naturalDaysBetween(today, dueOn);
  if (left < 0) return 'overdue';
  return left <= soonDays ? 'dueSoon' : 'onTrack';
}

