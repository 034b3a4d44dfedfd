import type { Db } from '../../platform/db/index.js';
import { forbidden, notFound, unprocessable } from '../../platform/http/index.js';
import { newId } from '../../platform/ids/index.js';
import { isValidUscc, type Principal } from '../../platform/identity/index.js';
import { PERM } from './bankruptcy.policy.js';
import { fenField, invalidState } from './bankruptcy-problems.js';
import { loadCaseAsCourt } from './case-access.js';
import { dateField } from './case-dates.js';
import type { AssistanceNeed, DistressedEnterpriseRow, MediationRow, PreReorganizationRow } from './pre-case.table.js';
import './pre-case.table.js';

function requireRegistry(p: Principal): void {
  if (!p.permissions.has(PERM.registry) && !p.permissions.has(PERM.court)) throw forbidden('仅帮扶中心或法院可操作 (assistance centre or court only)');
}

function checkUscc(uscc: string, path: string): void {
  if (!isValidUscc(uscc)) throw unprocessable('invalid-uscc', [{ path, code: 'invalid-uscc', message: '统一社会信用代码无效 (invalid USCC)' }]);
}

/** The assistance centre's registry of distressed enterprises: information exchange, financing, asset trading leads. */
export async function registerDistressed(db: Db, p: Principal, input: { name: string; uscc: string; district: string; needs: AssistanceNeed[]; description: string }): Promise<DistressedEnterpriseRow> {
  requireRegistry(p);
  checkUscc(input.uscc, 'body.uscc');
  const row: DistressedEnterpriseRow = {
    id: newId('bkde'),
    name: input.name.trim(),
    uscc: input.uscc,
    district: input.district.trim(),
    needs: JSON.stringify([...new Set(input.needs)]),
    description: input.description.trim(),
    status: 'open',
    registered_by_organization_id: p.organizationId,
    created_at: new Date().toISOString(),
  };
  await db.insertInto('bk_distressed_enterprises').values(row).execute();
  return row;
}

export async function listDistressed(db: Db, p: Principal) {
  requireRegistry(p);
  const rows = await db.selectFrom('bk_distressed_enterprises').selectAll().orderBy('created_at', 'desc').limit(500).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, uscc: r.uscc, district: r.district, needs: JSON.parse(r.needs) as AssistanceNeed[], description: r.description, status: r.status, createdAt: r.created_at }));
}

export async function setDistressedStatus(db: Db, p: Principal, id: string, status: DistressedEnterpriseRow['status']) {
  requireRegistry(p);
  const r = await db.updateTable('bk_distressed_enterprises').set({ status }).where('id', '=', id).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw notFound('企业不存在 (no such enterprise)');
  return { id, status };
}

/** Pre-litigation mediation and settlement (诉源治理): settled, or the application withdrawn. */
export async function recordMediation(
  db: Db,
  p: Principal,
  input: { distressedEnterpriseId?: string; debtorName: string; parties: string; subject: string; amountFen: unknown; outcome: MediationRow['outcome'] },
): Promise<MediationRow> {
  requireRegistry(p);
  if (input.distressedEnterpriseId) {
    const d = await db.selectFrom('bk_distressed_enterprises').select('id').where('id', '=', input.distressedEnterpriseId).executeTakeFirst();
    if (!d) throw unprocessable('validation-failed', [{ path: 'body.distressedEnterpriseId', code: 'not-found', message: '企业不存在 (no such enterprise)' }]);
  }
  const row: MediationRow = {
    id: newId('bkmd'),
    distressed_enterprise_id: input.distressedEnterpriseId ?? null,
    debtor_name: input.debtorName.trim(),
    parties: input.parties.trim(),
    subject: input.subject.trim(),
    amount_fen: Number(fenField('body.amountFen', input.amountFen, { allowZero: true })),
    outcome: input.outcome,
    recorded_by_organization_id: p.organizationId,
    recorded_at: new Date().toISOString(),
  };
  await db.insertInto('bk_mediations').values(row).execute();
  return row;
}

export async function listMediations(db: Db, p: Principal) {
  requireRegistry(p);
  const rows = await db.selectFrom('bk_mediations').selectAll().orderBy('recorded_at', 'desc').limit(500).execute();
  return rows.map((r) => ({ id: r.id, distressedEnterpriseId: r.distressed_enterprise_id, debtorName: r.debtor_name, parties: r.parties, subject: r.subject, amountFen: r.amount_fen, outcome: r.outcome, recordedAt: r.recorded_at }));
}

/** Pre-reorganization (预重整) registered with the court, later converted into a formal reorganization case. */
export async function registerPreReorganization(db: Db, p: Principal, input: { debtorName: string; debtorUscc: string; temporaryAdministrator?: string; registeredOn: string; notes: string }): Promise<PreReorganizationRow> {
  if (!p.permissions.has(PERM.preReorganization)) throw forbidden('预重整由法院登记 (the court registers pre-reorganizations)');
  checkUscc(input.debtorUscc, 'body.debtorUscc');
  const row: PreReorganizationRow = {
    id: newId('bkpr'),
    debtor_name: input.debtorName.trim(),
    debtor_uscc: input.debtorUscc,
    court_organization_id: p.organizationId,
    temporary_administrator: input.temporaryAdministrator?.trim() || null,
    registered_on: dateField('body.registeredOn', input.registeredOn),
    status: 'registered',
    converted_case_id: null,
    notes: input.notes.trim(),
    created_at: new Date().toISOString(),
  };
  await db.insertInto('bk_pre_reorganizations').values(row).execute();
  return row;
}

/** Links the pre-reorganization to the reorganization case the court registered for the same debtor. */
export async function convertPreReorganization(db: Db, p: Principal, id: string, input: { caseId: string }): Promise<PreReorganizationRow> {
  const pre = await db.selectFrom('bk_pre_reorganizations').selectAll().where('id', '=', id).where('court_organization_id', '=', p.organizationId).executeTakeFirst();
  if (!pre) throw notFound('预重整登记不存在 (no such pre-reorganization)');
  if (pre.status !== 'registered') throw invalidState('已转入或已结束 (already converted or ended)');
  const theCase = await loadCaseAsCourt(db, p, input.caseId);
  if (theCase.debtor_uscc !== pre.debtor_uscc || theCase.procedure !== 'reorganization') {
    throw unprocessable('validation-failed', [{ path: 'body.caseId', code: 'case-mismatch', message: '须为同一债务人的重整案件 (a reorganization case of the same debtor)' }]);
  }
  const patch = { status: 'converted' as const, converted_case_id: theCase.id };
  await db.updateTable('bk_pre_reorganizations').set(patch).where('id', '=', pre.id).execute();
  return { ...pre, ...patch };
}

export async function listPreReorganizations(db: Db, p: Principal) {
  if (!p.permissions.has(PERM.preReorganization)) throw forbidden('仅法院可查看 (court only)');
  const rows = await db.selectFrom('bk_pre_reorganizations').selectAll().where('court_organization_id', '=', p.organizationId).orderBy('registered_on', 'desc').execute();
  return rows.map((r) => ({ id: r.id, debtorName: r.debtor_name, debtorUscc: r.debtor_uscc, temporaryAdministrator: r.temporary_administrator, registeredOn: r.registered_on, status: r.status, convertedCaseId: r.converted_case_id, notes: r.notes }));
}
