import type { Db, DbOrTx } from '../../platform/db/index.js';
import { newId } from '../../platform/ids/index.js';
import { HttpProblem, unprocessable } from '../../platform/http/index.js';
import { findOrganizationById, findOrganizationByUscc, isValidUscc, type Principal } from '../../platform/identity/index.js';
import { appendLedgerEntry } from '../../platform/ledger/index.js';
import { deadlineProblem, invalidState, problem, staleVersion } from './bankruptcy-problems.js';
import { caseOfficerOrgs, loadCaseAsCourt, loadCaseAsOfficer } from './case-access.js';
import { dateField, optionalDateField } from './case-dates.js';
import { formatCaseNumber } from './case-number.js';
import { findCaseById, insertCase, listCases, nextCaseSerial, updateCaseAtVersion } from './case.repository.js';
import type { ApplicantRole, CaseRow, CaseUpdate, Procedure } from './case.table.js';
import { PERM } from './bankruptcy.policy.js';
import { checkClaimPeriodEnd } from './statutory-deadlines.js';

/** Default approval threshold for disbursements from the case account: 50,000 yuan. */
export const DEFAULT_DISBURSEMENT_THRESHOLD_FEN = 5_000_000n;

export interface ApplyInput {
  procedure: Procedure;
  applicantName: string;
  applicantRole: ApplicantRole;
  debtorName: string;
  debtorUscc: string;
  appliedOn: string;
  /** 法院代字 of the court, e.g. `闽0203`. */
  courtCode: string;
  disbursementThresholdFen?: bigint;
}

/**
 * The court registers a bankruptcy application (EBL Arts. 7–8) and gives it a `破申` number. The debtor's
 * platform organization, if it has one, is linked by its 统一社会信用代码 so its users can follow the case.
 */
export async function registerApplication(db: Db, p: Principal, input: ApplyInput): Promise<CaseRow> {
  if (!p.permissions.has(PERM.court)) throw new HttpProblem(403, 'forbidden', '仅法院可登记破产申请 (only a court registers applications)');
  if (!isValidUscc(input.debtorUscc)) {
    throw unprocessable('invalid-uscc', [{ path: 'body.debtorUscc', code: 'invalid-uscc', message: '统一社会信用代码无效 (invalid USCC)' }]);
  }
  const appliedOn = dateField('body.appliedOn', input.appliedOn);
  const debtorOrg = await findOrganizationByUscc(db, input.debtorUscc);
  return db.transaction().execute(async (trx) => {
    const serial = await nextCaseSerial(trx, Number(appliedOn.slice(0, 4)), input.courtCode, '破申');
    const now = new Date().toISOString();
    const row: CaseRow = {
      id: newId('bkc'),
      application_number: formatCaseNumber({ year: Number(appliedOn.slice(0, 4)), courtCode: input.courtCode, typeCode: '破申', serial }),
      case_number: null,
      procedure: input.procedure,
      stage: 'applied',
      applicant_name: input.applicantName,
      applicant_role: input.applicantRole,
      debtor_name: input.debtorName,
      debtor_uscc: input.debtorUscc,
      debtor_organization_id: debtorOrg?.id ?? null,
      court_organization_id: p.organizationId,
      court_code: input.courtCode,
      judge_user_id: p.userId,
      administrator_organization_id: null,
      administrator_appointed_on: null,
      applied_on: appliedOn,
      accepted_on: null,
      acceptance_announced_on: null,
      claim_period_ends_on: null,
      first_meeting_on: null,
      reorganization_ruled_on: null,
      plan_period_extended: 0,
      plan_received_on: null,
      plan_passed_on: null,
      approval_applied_on: null,
      final_distribution_announced_on: null,
      closed_on: null,
      converted_from: null,
      converted_on: null,
      disbursement_threshold_fen: Number(input.disbursementThresholdFen ?? DEFAULT_DISBURSEMENT_THRESHOLD_FEN),
      acceptance_ledger_index: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await insertCase(trx, row);
    return row;
  });
}

/**
 * The court accepts the application (受理, EBL Art. 10) and appoints the administrator (Art. 13); the case gets
 * its `破` number. A reorganization accepted as such is ruled on the same day (Art. 71), which starts the
 * Art. 79 six months. The acceptance goes on the ledger.
 */
export async function acceptCase(
  db: Db,
  p: Principal,
  caseId: string,
  input: { acceptedOn: string; administratorOrganizationId: string; version: number },
): Promise<CaseRow> {
  const row = await loadCaseAsCourt(db, p, caseId);
  if (row.stage !== 'applied') throw invalidState('只有待审查的申请可以受理 (only a pending application can be accepted)');
  const acceptedOn = dateField('body.acceptedOn', input.acceptedOn);
  if (acceptedOn < row.applied_on) {
    throw unprocessable('date-invalid', [{ path: 'body.acceptedOn', code: 'before-application', message: '受理日期早于申请日期 (before the application)' }]);
  }
  const admin = await findOrganizationById(db, input.administratorOrganizationId);
  if (!admin || admin.kind !== 'administrator-firm') {
    throw unprocessable('validation-failed', [{ path: 'body.administratorOrganizationId', code: 'not-an-administrator', message: '须为管理人机构 (must be an administrator firm)' }]);
  }
  return db.transaction().execute(async (trx) => {
    const year = Number(acceptedOn.slice(0, 4));
    const serial = await nextCaseSerial(trx, year, row.court_code, '破');
    const caseNumber = formatCaseNumber({ year, courtCode: row.court_code, typeCode: '破', serial });
    const visible = [row.court_organization_id, admin.id, ...(row.debtor_organization_id ? [row.debtor_organization_id] : [])];
    const { leafIndex } = await appendLedgerEntry(trx, {
      type: 'bankruptcy.case.accepted',
      subject: row.id,
      data: { caseNumber, applicationNumber: row.application_number, procedure: row.procedure, debtorUscc: row.debtor_uscc, acceptedOn, administratorOrganizationId: admin.id },
      visibleTo: { organizationIds: visible },
    });
    const patch: CaseUpdate = {
      stage: 'accepted',
      case_number: caseNumber,
      accepted_on: acceptedOn,
      administrator_organization_id: admin.id,
      administrator_appointed_on: acceptedOn,
      reorganization_ruled_on: row.procedure === 'reorganization' ? acceptedOn : null,
      acceptance_ledger_index: leafIndex,
    };
    if (!(await updateCaseAtVersion(trx, row.id, input.version, patch))) throw staleVersion();
    return (await findCaseById(trx, row.id))!;
  });
}

export async function rejectApplication(db: Db, p: Principal, caseId: string, input: { version: number }): Promise<CaseRow> {
  const row = await loadCaseAsCourt(db, p, caseId);
  if (row.stage !== 'applied') throw invalidState('只有待审查的申请可以裁定不予受理 (only a pending application)');
  if (!(await updateCaseAtVersion(db, row.id, input.version, { stage: 'rejected' }))) throw staleVersion();
  return (await findCaseById(db, row.id))!;
}

export interface MilestoneInput {
  version: number;
  acceptanceAnnouncedOn?: string;
  claimPeriodEndsOn?: string;
  firstMeetingOn?: string;
  reorganizationRuledOn?: string;
  planPeriodExtended?: boolean;
  planReceivedOn?: string;
  planPassedOn?: string;
  approvalAppliedOn?: string;
  finalDistributionAnnouncedOn?: string;
}

/**
 * Court or administrator record the case's milestones; the claim period is checked against Art. 45 (30 days
 * to 3 months from the announcement). The deadlines that follow are recomputed on every read.
 */
export async function recordMilestones(db: Db, p: Principal, caseId: string, input: MilestoneInput): Promise<CaseRow> {
  const { row } = await loadCaseAsOfficer(db, p, caseId);
  if (row.stage !== 'accepted') throw invalidState('案件不在审理中 (the case is not in progress)');
  const patch: CaseUpdate = {};
  const set = <K extends keyof CaseUpdate>(k: K, v: CaseUpdate[K] | undefined) => {
    if (v !== undefined) patch[k] = v;
  };
  set('acceptance_announced_on', optionalDateField('body.acceptanceAnnouncedOn', input.acceptanceAnnouncedOn));
  set('claim_period_ends_on', optionalDateField('body.claimPeriodEndsOn', input.claimPeriodEndsOn));
  set('first_meeting_on', optionalDateField('body.firstMeetingOn', input.firstMeetingOn));
  set('reorganization_ruled_on', optionalDateField('body.reorganizationRuledOn', input.reorganizationRuledOn));
  set('plan_received_on', optionalDateField('body.planReceivedOn', input.planReceivedOn));
  set('plan_passed_on', optionalDateField('body.planPassedOn', input.planPassedOn));
  set('approval_applied_on', optionalDateField('body.approvalAppliedOn', input.approvalAppliedOn));
  set('final_distribution_announced_on', optionalDateField('body.finalDistributionAnnouncedOn', input.finalDistributionAnnouncedOn));
  if (input.planPeriodExtended !== undefined) {
    if (!p.permissions.has(PERM.court) || row.court_organization_id !== p.organizationId) {
      throw new HttpProblem(403, 'forbidden', '延期由人民法院裁定 (EBL Art. 79 ¶2: the court extends the plan period)');
    }
    patch.plan_period_extended = input.planPeriodExtended ? 1 : 0;
  }
  const announced = (patch.acceptance_announced_on ?? row.acceptance_announced_on) as string | null;
  const claimEnd = (patch.claim_period_ends_on ?? row.claim_period_ends_on) as string | null;
  if (announced && claimEnd) {
    const check = checkClaimPeriodEnd(announced, claimEnd);
    if (!check.ok) throw deadlineProblem('body.claimPeriodEndsOn', check.code, check.basis, check.limit);
  }
  if (!(await updateCaseAtVersion(db, row.id, input.version, patch))) throw staleVersion();
  return (await findCaseById(db, row.id))!;
}

/** Legal grounds for turning a reorganization or settlement into liquidation. */
export const CONVERSION_GROUNDS = {
  'EBL-78': '《企业破产法》第七十八条（重整期间债务人经营状况恶化等）',
  'EBL-79': '《企业破产法》第七十九条第三款（未按期提出重整计划草案）',
  'EBL-88': '《企业破产法》第八十八条（重整计划草案未获通过且未获批准）',
  'EBL-93': '《企业破产法》第九十三条（债务人不能执行或者不执行重整计划）',
  'EBL-99': '《企业破产法》第九十九条（和解协议草案未获通过或未获认可）',
  'EBL-104': '《企业破产法》第一百零四条（债务人不能执行或者不执行和解协议）',
} as const;
export type ConversionGround = keyof typeof CONVERSION_GROUNDS;

/** The court turns a reorganization or settlement into liquidation and declares the debtor bankrupt. */
export async function convertToLiquidation(db: Db, p: Principal, caseId: string, input: { on: string; ground: ConversionGround; version: number }): Promise<CaseRow> {
  const row = await loadCaseAsCourt(db, p, caseId);
  if (row.stage !== 'accepted' || row.procedure === 'liquidation') {
    throw invalidState('只有审理中的重整或和解案件可以转为破产清算 (only a reorganization or settlement in progress)');
  }
  const fromReorganization = ['EBL-78', 'EBL-79', 'EBL-88', 'EBL-93'].includes(input.ground);
  if (fromReorganization !== (row.procedure === 'reorganization')) {
    throw unprocessable('validation-failed', [{ path: 'body.ground', code: 'ground-mismatch', message: '转换依据与案件程序不符 (the ground does not fit the procedure)' }]);
  }
  const on = dateField('body.on', input.on);
  return db.transaction().execute(async (trx) => {
    await appendLedgerEntry(trx, {
      type: 'bankruptcy.case.converted',
      subject: row.id,
      data: { caseNumber: row.case_number, from: row.procedure, to: 'liquidation', on, ground: input.ground },
      visibleTo: { organizationIds: caseOfficerOrgs(row) },
    });
    const ok = await updateCaseAtVersion(trx, row.id, input.version, { procedure: 'liquidation', converted_from: row.procedure, converted_on: on });
    if (!ok) throw staleVersion();
    return (await findCaseById(trx, row.id))!;
  });
}

/**
 * The court ends the case: `closed` after the final distribution (Art. 120) or `terminated` early (Art. 43 ¶4
 * when the estate cannot cover the expenses; Art. 105/108).
 */
export async function endCase(db: Db, p: Principal, caseId: string, input: { on: string; how: 'closed' | 'terminated'; version: number }): Promise<CaseRow> {
  const row = await loadCaseAsCourt(db, p, caseId);
  if (row.stage !== 'accepted') throw invalidState('案件不在审理中 (the case is not in progress)');
  const on = dateField('body.on', input.on);
  return db.transaction().execute(async (trx) => {
    await appendLedgerEntry(trx, {
      type: `bankruptcy.case.${input.how}`,
      subject: row.id,
      data: { caseNumber: row.case_number, on },
      visibleTo: { organizationIds: caseOfficerOrgs(row) },
    });
    if (!(await updateCaseAtVersion(trx, row.id, input.version, { stage: input.how, closed_on: on }))) throw staleVersion();
    return (await findCaseById(trx, row.id))!;
  });
}

/** Cases the caller may see: their court's, their administrator firm's, their own as debtor or creditor, or all public ones. */
export async function findCasesFor(db: DbOrTx, p: Principal, opts: { q?: string; scope: 'mine' | 'public'; limit: number; offset: number }) {
  if (opts.scope === 'public') return listCases(db, { publicOnly: true, q: opts.q, limit: opts.limit, offset: opts.offset });
  return listCases(db, {
    courtOrganizationId: p.permissions.has(PERM.court) ? p.organizationId : undefined,
    administratorOrganizationId: p.permissions.has(PERM.administer) ? p.organizationId : undefined,
    debtorOrganizationId: p.permissions.has(PERM.debtorRead) ? p.organizationId : undefined,
    creditorOrganizationId: p.permissions.has(PERM.fileClaim) ? p.organizationId : undefined,
    q: opts.q,
    limit: opts.limit,
    offset: opts.offset,
  });
}

export function requireAccepted(row: CaseRow): void {
  if (row.stage !== 'accepted') throw problem(409, 'case-not-accepted', '案件不在审理中 (the case is not in progress)');
}
