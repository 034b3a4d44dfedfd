import type { DbOrTx } from '../../platform/db/index.js';
import { forbidden, notFound } from '../../platform/http/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { PERM } from './bankruptcy.policy.js';
import { findCaseById } from './case.repository.js';
import type { CaseRow } from './case.table.js';

/**
 * How the caller stands to a case. `court` and `administrator` act on it; `debtor` reads it; `public` is
 * anyone signed in once the case is accepted (the acceptance is announced, Art. 14), which is what lets a
 * creditor find the case and file a claim. An application not yet accepted is visible to the court only.
 */
export type CaseRelation = 'court' | 'administrator' | 'debtor' | 'public';

export interface CaseAccess {
  row: CaseRow;
  relations: ReadonlySet<CaseRelation>;
}

export function relationsOf(row: CaseRow, p: Principal): Set<CaseRelation> {
  const r = new Set<CaseRelation>();
  if (p.permissions.has(PERM.court) && row.court_organization_id === p.organizationId) r.add('court');
  if (p.permissions.has(PERM.administer) && row.administrator_organization_id === p.organizationId) r.add('administrator');
  if (p.permissions.has(PERM.debtorRead) && row.debtor_organization_id === p.organizationId) r.add('debtor');
  if (row.stage !== 'applied' && row.stage !== 'rejected') r.add('public');
  return r;
}

/** The case as the caller may see it, or 404 (a case one cannot see does not exist for them). */
export async function loadCase(db: DbOrTx, p: Principal, caseId: string): Promise<CaseAccess> {
  const row = await findCaseById(db, caseId);
  if (!row) throw notFound('破产案件不存在 (no such bankruptcy case)');
  const relations = relationsOf(row, p);
  if (relations.size === 0) throw notFound('破产案件不存在 (no such bankruptcy case)');
  return { row, relations };
}

/** The case, when the caller is its court (judge of the accepting court). */
export async function loadCaseAsCourt(db: DbOrTx, p: Principal, caseId: string): Promise<CaseRow> {
  const a = await loadCase(db, p, caseId);
  if (!a.relations.has('court')) throw forbidden('仅受理法院可执行此操作 (only the court of the case may do this)');
  return a.row;
}

/** The case, when the caller is its appointed administrator. */
export async function loadCaseAsAdministrator(db: DbOrTx, p: Principal, caseId: string): Promise<CaseRow> {
  const a = await loadCase(db, p, caseId);
  if (!a.relations.has('administrator')) throw forbidden('仅本案管理人可执行此操作 (only the administrator of the case may do this)');
  return a.row;
}

/** Court or administrator of the case (both supervise the case's records). */
export async function loadCaseAsOfficer(db: DbOrTx, p: Principal, caseId: string): Promise<CaseAccess> {
  const a = await loadCase(db, p, caseId);
  if (!a.relations.has('administrator') && !a.relations.has('court')) {
    throw forbidden('仅受理法院或本案管理人可执行此操作 (only the court or the administrator of the case)');
  }
  return a;
}

/** Organizations that see every ledger entry of the case: court, administrator, debtor. */
export function caseOfficerOrgs(row: CaseRow): string[] {
  return [row.court_organization_id, row.administrator_organization_id, row.debtor_organization_id].filter((x): x is string => !!x);
}
