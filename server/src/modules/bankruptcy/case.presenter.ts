import { todayInChina } from '../../platform/calendar/index.js';
import type { CaseRelation } from './case-access.js';
import type { CaseRow } from './case.table.js';
import { caseDeadlines, deadlineStatus, type DeadlineCode } from './statutory-deadlines.js';

/** Which recorded date shows a deadline was met. */
const DONE_BY: Partial<Record<DeadlineCode, keyof CaseRow>> = {
  acceptanceNotice: 'acceptance_announced_on',
  firstMeeting: 'first_meeting_on',
  reorganizationPlanDue: 'plan_received_on',
  reorganizationPlanDueExtended: 'plan_received_on',
  approvalApplication: 'approval_applied_on',
};

export function presentDeadlines(row: CaseRow, today = todayInChina()) {
  if (!row.accepted_on) return { deadlines: [], warnings: [] };
  const report = caseDeadlines({
    acceptedOn: row.accepted_on,
    acceptanceAnnouncedOn: row.acceptance_announced_on ?? undefined,
    claimPeriodEndsOn: row.claim_period_ends_on ?? undefined,
    // After conversion to liquidation the Art. 79 plan periods no longer run.
    reorganizationRuledOn: row.procedure === 'reorganization' ? (row.reorganization_ruled_on ?? undefined) : undefined,
    planPeriodExtended: row.plan_period_extended === 1,
    planReceivedByCourtOn: row.plan_received_on ?? undefined,
    planPassedOn: row.plan_passed_on ?? undefined,
    approvalAppliedOn: row.approval_applied_on ?? undefined,
    finalDistributionAnnouncedOn: row.final_distribution_announced_on ?? undefined,
    closedOn: row.closed_on ?? undefined,
  });
  const deadlines = report.deadlines
    // The Art. 45 window bounds a choice, not an act; once chosen it is not "due".
    .filter((d) => !(row.claim_period_ends_on && (d.code === 'claimPeriodEarliestEnd' || d.code === 'claimPeriodLatestEnd')))
    .filter((d) => !(d.code === 'reorganizationPlanDue' && row.plan_period_extended === 1))
    .map((d) => {
      const doneKey = DONE_BY[d.code];
      const doneOn = doneKey ? (row[doneKey] as string | null) ?? undefined : undefined;
      const open = row.stage === 'accepted';
      return {
        code: d.code,
        dueOn: d.dueOn,
        fromDate: d.fromDate,
        basis: d.basis,
        status: doneOn ? deadlineStatus(d.dueOn, today, doneOn) : open ? deadlineStatus(d.dueOn, today) : 'onTrack',
      };
    });
  return { deadlines, warnings: report.warnings.map((w) => ({ code: w.code, year: w.year, zh: w.zh, en: w.en })) };
}

export function presentCase(row: CaseRow, relations: ReadonlySet<CaseRelation>) {
  return {
    id: row.id,
    applicationNumber: row.application_number,
    caseNumber: row.case_number,
    procedure: row.procedure,
    stage: row.stage,
    applicantName: row.applicant_name,
    applicantRole: row.applicant_role,
    debtorName: row.debtor_name,
    debtorUscc: row.debtor_uscc,
    courtOrganizationId: row.court_organization_id,
    courtCode: row.court_code,
    administratorOrganizationId: row.administrator_organization_id,
    dates: {
      appliedOn: row.applied_on,
      acceptedOn: row.accepted_on,
      administratorAppointedOn: row.administrator_appointed_on,
      acceptanceAnnouncedOn: row.acceptance_announced_on,
      claimPeriodEndsOn: row.claim_period_ends_on,
      firstMeetingOn: row.first_meeting_on,
      reorganizationRuledOn: row.reorganization_ruled_on,
      planPeriodExtended: row.plan_period_extended === 1,
      planReceivedOn: row.plan_received_on,
      planPassedOn: row.plan_passed_on,
      approvalAppliedOn: row.approval_applied_on,
      finalDistributionAnnouncedOn: row.final_distribution_announced_on,
      closedOn: row.closed_on,
      convertedOn: row.converted_on,
    },
    convertedFrom: row.converted_from,
    disbursementThresholdFen: row.disbursement_threshold_fen,
    acceptanceLedgerIndex: row.acceptance_ledger_index,
    ...presentDeadlines(row),
    relations: [...relations],
    version: row.version,
  };
}
