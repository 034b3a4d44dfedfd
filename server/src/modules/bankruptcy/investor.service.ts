import type { Db } from '../../platform/db/index.js';
import { findReadableFile, grantFileAccess } from '../../platform/files/index.js';
import { forbidden, notFound, unprocessable } from '../../platform/http/index.js';
import { newId } from '../../platform/ids/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { appendLedgerEntry } from '../../platform/ledger/index.js';
import { PERM } from './bankruptcy.policy.js';
import { invalidState } from './bankruptcy-problems.js';
import { caseOfficerOrgs, loadCase, loadCaseAsAdministrator } from './case-access.js';
import type { InvestorRegistrationRow } from './investor.table.js';
import './investor.table.js';

/** The confidentiality undertaking an investor accepts before the data room opens (text versioned here). */
export const CONFIDENTIALITY_UNDERTAKING_V1 =
  '本单位承诺：对通过“易破”平台资料室获取的债务人资产、负债、经营及债权人信息严格保密，仅用于评估参与重整投资，不向任何第三方披露；违反承诺的，依法承担责任。';

/**
 * Investor recruitment: an investor registers with the confidentiality undertaking (its acceptance is on the
 * ledger), which opens the data room; later it submits an intention letter. The administrator may close the
 * data room for an investor.
 */
export async function registerInvestor(db: Db, p: Principal, caseId: string, input: { acceptUndertaking: boolean }): Promise<InvestorRegistrationRow> {
  if (!p.permissions.has(PERM.invest)) throw forbidden('仅意向投资人可报名 (investors only)');
  const { row: theCase } = await loadCase(db, p, caseId);
  if (theCase.stage !== 'accepted') throw invalidState('案件不在审理中 (the case is not in progress)');
  if (!input.acceptUndertaking) {
    throw unprocessable('validation-failed', [{ path: 'body.acceptUndertaking', code: 'undertaking-required', message: '须接受保密承诺 (the confidentiality undertaking is required)' }]);
  }
  const existing = await db.selectFrom('bk_investor_registrations').select('id').where('case_id', '=', theCase.id).where('investor_organization_id', '=', p.organizationId).executeTakeFirst();
  if (existing) throw invalidState('已报名 (already registered)');
  const now = new Date().toISOString();
  const row: InvestorRegistrationRow = {
    id: newId('bkir'),
    case_id: theCase.id,
    investor_organization_id: p.organizationId,
    investor_name: p.organizationName,
    undertaking_accepted_at: now,
    data_room_access: 1,
    intention_summary: null,
    intention_file_id: null,
    status: 'registered',
    ledger_index: null,
    created_at: now,
  };
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('bk_investor_registrations').values(row).execute();
    const { leafIndex } = await appendLedgerEntry(trx, {
      type: 'bankruptcy.investor.undertaking-accepted',
      subject: row.id,
      data: { caseNumber: theCase.case_number, investor: p.organizationName, undertaking: CONFIDENTIALITY_UNDERTAKING_V1, acceptedAt: now, byUser: p.id },
      visibleTo: { organizationIds: [p.organizationId, ...caseOfficerOrgs(theCase)] },
    });
    await trx.updateTable('bk_investor_registrations').set({ ledger_index: leafIndex }).where('id', '=', row.id).execute();
    return { ...row, ledger_index: leafIndex };
  });
}

export async function submitIntention(db: Db, p: Principal, registrationId: string, input: { summary: string; fileId?: string }): Promise<InvestorRegistrationRow> {
  const reg = await db.selectFrom('bk_investor_registrations').selectAll().where('id', '=', registrationId).executeTakeFirst();
  if (!reg || reg.investor_organization_id !== p.organizationId) throw notFound('报名记录不存在 (no such registration)');
  const { row: theCase } = await loadCase(db, p, reg.case_id);
  if (input.fileId) {
    try {
      await findReadableFile(db, input.fileId, p.organizationId);
    } catch {
      throw unprocessable('validation-failed', [{ path: 'body.fileId', code: 'file-not-found', message: '意向书文件不存在 (no such uploaded file)' }]);
    }
  }
  const patch = { intention_summary: input.summary.trim(), intention_file_id: input.fileId ?? null, status: 'intentionSubmitted' as const };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('bk_investor_registrations').set(patch).where('id', '=', reg.id).execute();
    if (input.fileId) await grantFileAccess(trx, input.fileId, caseOfficerOrgs(theCase));
  });
  return { ...reg, ...patch };
}

export async function setDataRoomAccess(db: Db, p: Principal, registrationId: string, input: { access: boolean }): Promise<InvestorRegistrationRow> {
  const reg = await db.selectFrom('bk_investor_registrations').selectAll().where('id', '=', registrationId).executeTakeFirst();
  if (!reg) throw notFound('报名记录不存在 (no such registration)');
  await loadCaseAsAdministrator(db, p, reg.case_id);
  await db.updateTable('bk_investor_registrations').set({ data_room_access: input.access ? 1 : 0 }).where('id', '=', reg.id).execute();
  return { ...reg, data_room_access: input.access ? 1 : 0 };
}

/** The administrator sees every registration; an investor sees its own. */
export async function listInvestors(db: Db, p: Principal, caseId: string) {
  const { relations } = await loadCase(db, p, caseId);
  let q = db.selectFrom('bk_investor_registrations').selectAll().where('case_id', '=', caseId);
  if (!relations.has('administrator') && !relations.has('court')) q = q.where('investor_organization_id', '=', p.organizationId);
  return (await q.orderBy('created_at').execute()).map(presentRegistration);
}

export function presentRegistration(r: InvestorRegistrationRow) {
  return {
    id: r.id,
    caseId: r.case_id,
    investorOrganizationId: r.investor_organization_id,
    investorName: r.investor_name,
    undertakingAcceptedAt: r.undertaking_accepted_at,
    dataRoomAccess: r.data_room_access === 1,
    intentionSummary: r.intention_summary,
    intentionFileId: r.intention_file_id,
    status: r.status,
    ledgerIndex: r.ledger_index,
  };
}
