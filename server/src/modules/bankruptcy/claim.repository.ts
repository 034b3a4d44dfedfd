import type { DbOrTx } from '../../platform/db/index.js';
import './claim.table.js';
import type { ClaimEvidenceTable, ClaimObjectionTable, ClaimRow, ClaimTable } from './claim.table.js';
import type { VotingClaim } from './voting-roll.js';

export async function insertClaim(db: DbOrTx, row: ClaimTable): Promise<void> {
  await db.insertInto('bk_claims').values(row).execute();
}

export async function findClaimById(db: DbOrTx, id: string): Promise<ClaimRow | undefined> {
  return db.selectFrom('bk_claims').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateClaimAtVersion(db: DbOrTx, id: string, version: number, patch: Partial<ClaimTable>): Promise<boolean> {
  const r = await db
    .updateTable('bk_claims')
    .set({ ...patch, version: version + 1, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findClaimsByCase(db: DbOrTx, caseId: string): Promise<ClaimRow[]> {
  return db.selectFrom('bk_claims').selectAll().where('case_id', '=', caseId).orderBy('filed_at').orderBy('id').execute();
}

/** Only what the voting roll needs, unordered (the roll is a map). */
export async function findVotingClaimsByCase(db: DbOrTx, caseId: string): Promise<VotingClaim[]> {
  return db
    .selectFrom('bk_claims')
    .select(['id', 'creditor_organization_id', 'source', 'nature', 'status', 'confirmed_fen', 'provisional_fen', 'secured', 'security_waived', 'collateral_value_fen'])
    .where('case_id', '=', caseId)
    .execute();
}

export async function findClaimsOfCreditor(db: DbOrTx, caseId: string, organizationId: string): Promise<ClaimRow[]> {
  return db
    .selectFrom('bk_claims')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('creditor_organization_id', '=', organizationId)
    .orderBy('filed_at')
    .execute();
}

export async function isCreditorOfCase(db: DbOrTx, caseId: string, organizationId: string): Promise<boolean> {
  const r = await db
    .selectFrom('bk_claims')
    .select('id')
    .where('case_id', '=', caseId)
    .where('creditor_organization_id', '=', organizationId)
    .limit(1)
    .executeTakeFirst();
  return !!r;
}

export async function insertEvidence(db: DbOrTx, row: ClaimEvidenceTable): Promise<void> {
  await db.insertInto('bk_claim_evidence').values(row).execute();
}

export async function findEvidence(db: DbOrTx, claimIds: string[]): Promise<ClaimEvidenceTable[]> {
  if (claimIds.length === 0) return [];
  return db.selectFrom('bk_claim_evidence').selectAll().where('claim_id', 'in', claimIds).orderBy('created_at').execute();
}

export async function insertObjection(db: DbOrTx, row: ClaimObjectionTable): Promise<void> {
  await db.insertInto('bk_claim_objections').values(row).execute();
}

export async function findObjectionsByCase(db: DbOrTx, caseId: string): Promise<ClaimObjectionTable[]> {
  return db.selectFrom('bk_claim_objections').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
}

export async function countClaims(db: DbOrTx, caseIds?: string[]): Promise<number> {
  let q = db.selectFrom('bk_claims').select((eb) => eb.fn.countAll<number>().as('n'));
  if (caseIds) q = q.where('case_id', 'in', caseIds.length ? caseIds : ['']);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}
