import { todayInChina } from '../../platform/calendar/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { findReadableFile, grantFileAccess } from '../../platform/files/index.js';
import { forbidden, notFound, unprocessable } from '../../platform/http/index.js';
import { newId } from '../../platform/ids/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { appendLedgerEntry } from '../../platform/ledger/index.js';
import { PERM } from './bankruptcy.policy.js';
import { fenField, invalidState, problem, staleVersion } from './bankruptcy-problems.js';
import { caseOfficerOrgs, loadCase, loadCaseAsAdministrator, loadCaseAsCourt } from './case-access.js';
import type { CaseRow } from './case.table.js';
import {
  findClaimById,
  findClaimsByCase,
  findObjectionsByCase,
  insertClaim,
  insertEvidence,
  insertObjection,
  isCreditorOfCase,
  updateClaimAtVersion,
} from './claim.repository.js';
import type { ClaimCondition, ClaimNature, ClaimRow, ClaimTable } from './claim.table.js';

export interface FileClaimInput {
  nature: Exclude<ClaimNature, 'employee'>;
  principalFen: unknown;
  interestFen?: unknown;
  otherFen?: unknown;
  secured: boolean;
  collateralDescription?: string;
  collateralValueFen?: unknown;
  condition?: ClaimCondition;
  joint?: boolean;
  agent?: { name: string; authorizationFileId: string };
  evidenceFileIds?: string[];
}

function requireInProgress(row: CaseRow): void {
  if (row.stage !== 'accepted') throw problem(409, 'case-not-accepted', '案件不在审理中，不能申报债权 (the case is not in progress)');
}

/**
 * A creditor files a claim online (EBL Arts. 44, 49): principal, interest (to the acceptance date, Art. 46 ¶2)
 * and other amounts in whole fen, whether secured and on what, evidence, and an agent with a written
 * authorization (Art. 59 ¶5 "授权委托书"). A filing after the claim period is accepted but flagged late
 * (Art. 56 ¶1), until the final distribution. The filing goes on the ledger with the evidence hashes.
 */
export async function fileClaim(db: Db, p: Principal, caseId: string, input: FileClaimInput): Promise<ClaimRow> {
  if (!p.permissions.has(PERM.fileClaim)) throw forbidden('仅债权人可申报债权 (creditors only)');
  const { row: theCase } = await loadCase(db, p, caseId);
  requireInProgress(theCase);
  if (theCase.final_distribution_announced_on) {
    throw invalidState('最后分配已公告，不能再补充申报 (EBL Art. 56 ¶1: no filing after the final distribution)');
  }
  const principal = fenField('body.principalFen', input.principalFen);
  const interest = input.interestFen === undefined ? 0n : fenField('body.interestFen', input.interestFen, { allowZero: true });
  const other = input.otherFen === undefined ? 0n : fenField('body.otherFen', input.otherFen, { allowZero: true });
  const collateralValue = input.collateralValueFen === undefined ? null : fenField('body.collateralValueFen', input.collateralValueFen, { allowZero: true });
  if (input.secured && !input.collateralDescription?.trim()) {
    throw unprocessable('validation-failed', [{ path: 'body.collateralDescription', code: 'required', message: '有财产担保的债权须写明担保物 (Art. 49: name the collateral)' }]);
  }
  const evidenceIds = [...new Set(input.evidenceFileIds ?? [])];
  const files: { id: string; filename: string; sha256: string }[] = [];
  for (const [i, id] of evidenceIds.entries()) {
    try {
      files.push(await findReadableFile(db, id, p.organizationId));
    } catch {
      throw unprocessable('validation-failed', [{ path: `body.evidenceFileIds.${i}`, code: 'file-not-found', message: '证据文件不存在 (no such uploaded file)' }]);
    }
  }
  if (input.agent) {
    try {
      await findReadableFile(db, input.agent.authorizationFileId, p.organizationId);
    } catch {
      throw unprocessable('validation-failed', [{ path: 'body.agent.authorizationFileId', code: 'file-not-found', message: '授权委托书文件不存在 (no such uploaded file)' }]);
    }
  }
  const today = todayInChina();
  const late = theCase.claim_period_ends_on !== null && today > theCase.claim_period_ends_on;
  const now = new Date().toISOString();
  const claimed = principal + interest + other;
  const row: ClaimTable = {
    id: newId('bkcl'),
    case_id: theCase.id,
    creditor_organization_id: p.organizationId,
    creditor_name: p.organizationName,
    filed_by_user_id: p.id,
    source: 'filed',
    nature: input.nature,
    principal_fen: Number(principal),
    interest_fen: Number(interest),
    other_fen: Number(other),
    claimed_fen: Number(claimed),
    secured: input.secured ? 1 : 0,
    collateral_description: input.secured ? input.collateralDescription!.trim() : null,
    collateral_value_fen: input.secured && collateralValue !== null ? Number(collateralValue) : null,
    security_waived: 0,
    claim_condition: input.condition ?? 'none',
    joint: input.joint ? 1 : 0,
    agent_name: input.agent?.name ?? null,
    agent_authorization_file_id: input.agent?.authorizationFileId ?? null,
    late: late ? 1 : 0,
    status: 'filed',
    confirmed_fen: null,
    provisional_fen: null,
    review_points: null,
    review_reason: null,
    reviewed_by: null,
    reviewed_at: null,
    court_confirmed_on: null,
    disputed: 0,
    filed_at: now,
    ledger_index: null,
    review_ledger_index: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const officers = caseOfficerOrgs(theCase);
  return db.transaction().execute(async (trx) => {
    await insertClaim(trx, row);
    for (const f of files) {
      await insertEvidence(trx, { id: newId('bkev'), claim_id: row.id, file_id: f.id, filename: f.filename, sha256: f.sha256, created_at: now });
      await grantFileAccess(trx, f.id, officers);
    }
    if (input.agent) await grantFileAccess(trx, input.agent.authorizationFileId, officers);
    const { leafIndex } = await appendLedgerEntry(trx, {
      type: 'bankruptcy.claim.filed',
      subject: row.id,
      data: {
        caseNumber: theCase.case_number,
        nature: row.nature,
        principalFen: String(principal),
        interestFen: String(interest),
        otherFen: String(other),
        secured: input.secured,
        late,
        evidenceSha256: files.map((f) => f.sha256),
      },
      visibleTo: { organizationIds: [p.organizationId, ...officers] },
    });
    await trx.updateTable('bk_claims').set({ ledger_index: leafIndex }).where('id', '=', row.id).execute();
    return { ...row, ledger_index: leafIndex };
  });
}

/** Adds an evidence file (already stored and type-checked by platform/files) to the caller's own claim. */
export async function attachEvidence(db: Db, p: Principal, claimId: string, file: { id: string; filename: string; sha256: string }): Promise<void> {
  const claim = await findClaimById(db, claimId);
  if (!claim || claim.creditor_organization_id !== p.organizationId) throw notFound('债权不存在 (no such claim)');
  const { row: theCase } = await loadCase(db, p, claim.case_id);
  await db.transaction().execute(async (trx) => {
    await insertEvidence(trx, { id: newId('bkev'), claim_id: claim.id, file_id: file.id, filename: file.filename, sha256: file.sha256, created_at: new Date().toISOString() });
    await grantFileAccess(trx, file.id, caseOfficerOrgs(theCase));
    await appendLedgerEntry(trx, {
      type: 'bankruptcy.claim.evidence-added',
      subject: claim.id,
      data: { caseNumber: theCase.case_number, filename: file.filename },
      documentSha256: file.sha256,
      visibleTo: { organizationIds: [p.organizationId, ...caseOfficerOrgs(theCase)] },
    });
  });
}

export interface ListedEmployeeClaim {
  employeeName: string;
  organizationId?: string;
  amountFen: unknown;
}

/**
 * Art. 48 ¶2: employee claims are not filed; the administrator investigates, lists and publishes them, and an
 * employee may object (then the administrator corrects or the employee sues). The listed amount is the
 * administrator's determination, so the claim is recorded as confirmed.
 */
export async function listEmployeeClaims(db: Db, p: Principal, caseId: string, items: ListedEmployeeClaim[]): Promise<ClaimRow[]> {
  const theCase = await loadCaseAsAdministrator(db, p, caseId);
  requireInProgress(theCase);
  const amounts = items.map((it, i) => fenField(`body.items.${i}.amountFen`, it.amountFen));
  const now = new Date().toISOString();
  const rows: ClaimTable[] = items.map((it, i) => ({
    id: newId('bkcl'),
    case_id: theCase.id,
    creditor_organization_id: it.organizationId ?? null,
    creditor_name: it.employeeName.trim(),
    filed_by_user_id: p.id,
    source: 'listed',
    nature: 'employee',
    principal_fen: Number(amounts[i]),
    interest_fen: 0,
    other_fen: 0,
    claimed_fen: Number(amounts[i]),
    secured: 0,
    collateral_description: null,
    collateral_value_fen: null,
    security_waived: 0,
    claim_condition: 'none',
    joint: 0,
    agent_name: null,
    agent_authorization_file_id: null,
    late: 0,
    status: 'confirmed',
    confirmed_fen: Number(amounts[i]),
    provisional_fen: null,
    review_points: null,
    review_reason: '《企业破产法》第四十八条第二款：管理人调查后列出清单',
    reviewed_by: p.id,
    reviewed_at: now,
    court_confirmed_on: null,
    disputed: 0,
    filed_at: now,
    ledger_index: null,
    review_ledger_index: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
  return db.transaction().execute(async (trx) => {
    for (const r of rows) await insertClaim(trx, r);
    const { leafIndex } = await appendLedgerEntry(trx, {
      type: 'bankruptcy.employee-claims.listed',
      subject: theCase.id,
      data: { caseNumber: theCase.case_number, count: rows.length, totalFen: String(amounts.reduce((s, a) => s + a, 0n)), claimIds: rows.map((r) => r.id) },
      visibleTo: { organizationIds: caseOfficerOrgs(theCase) },
    });
    await trx.updateTable('bk_claims').set({ ledger_index: leafIndex }).where('id', 'in', rows.map((r) => r.id)).execute();
    return rows.map((r) => ({ ...r, ledger_index: leafIndex }));
  });
}

/** Art. 57 review points (SPC III Art. 6): nature, amount, collateral, limitation period, enforcement period. */
export const REVIEW_POINTS = ['nature', 'amount', 'collateral', 'limitation', 'enforcementPeriod'] as const;
export type ReviewPoint = (typeof REVIEW_POINTS)[number];

export interface ReviewInput {
  decision: 'confirmed' | 'partlyConfirmed' | 'rejected';
  confirmedFen?: unknown;
  points: Partial<Record<ReviewPoint, { ok: boolean; note?: string }>>;
  reason?: string;
  securityWaived?: boolean;
  collateralValueFen?: unknown;
  version: number;
}

/** The administrator reviews a claim (Art. 57): confirmed, partly confirmed or rejected, with reasons. */
export async function reviewClaim(db: Db, p: Principal, claimId: string, input: ReviewInput): Promise<ClaimRow> {
  const claim = await findClaimById(db, claimId);
  if (!claim) throw notFound('债权不存在 (no such claim)');
  const theCase = await loadCaseAsAdministrator(db, p, claim.case_id);
  requireInProgress(theCase);
  if (claim.court_confirmed_on) throw invalidState('债权已经法院裁定确认 (already confirmed by the court)');
  const claimed = BigInt(claim.claimed_fen);
  let confirmed: bigint;
  if (input.decision === 'confirmed') confirmed = claimed;
  else if (input.decision === 'rejected') confirmed = 0n;
  else {
    confirmed = fenField('body.confirmedFen', input.confirmedFen);
    if (confirmed >= claimed) {
      throw unprocessable('amount-invalid', [{ path: 'body.confirmedFen', code: 'not-partial', message: '部分确认金额须小于申报金额 (less than the amount claimed)' }]);
    }
  }
  if (input.decision !== 'confirmed' && !input.reason?.trim()) {
    throw unprocessable('validation-failed', [{ path: 'body.reason', code: 'required', message: '不予确认或部分确认须说明理由 (give reasons)' }]);
  }
  const collateralValue = input.collateralValueFen === undefined ? undefined : fenField('body.collateralValueFen', input.collateralValueFen, { allowZero: true });
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const { leafIndex } = await appendLedgerEntry(trx, {
      type: 'bankruptcy.claim.reviewed',
      subject: claim.id,
      data: { caseNumber: theCase.case_number, decision: input.decision, claimedFen: String(claimed), confirmedFen: String(confirmed), points: input.points },
      visibleTo: { organizationIds: [...(claim.creditor_organization_id ? [claim.creditor_organization_id] : []), ...caseOfficerOrgs(theCase)] },
    });
    const ok = await updateClaimAtVersion(trx, claim.id, input.version, {
      status: input.decision,
      confirmed_fen: Number(confirmed),
      review_points: JSON.stringify(input.points),
      review_reason: input.reason?.trim() ?? null,
      reviewed_by: p.id,
      reviewed_at: now,
      review_ledger_index: leafIndex,
      ...(input.securityWaived !== undefined ? { security_waived: input.securityWaived ? 1 : 0 } : {}),
      ...(collateralValue !== undefined ? { collateral_value_fen: Number(collateralValue) } : {}),
    });
    if (!ok) throw staleVersion();
    return (await findClaimById(trx, claim.id))!;
  });
}

/** Art. 59 ¶2: the court sets a provisional amount so an undetermined claim can vote. */
export async function setProvisionalAmount(db: Db, p: Principal, claimId: string, input: { provisionalFen: unknown; version: number }): Promise<ClaimRow> {
  const claim = await findClaimById(db, claimId);
  if (!claim) throw notFound('债权不存在 (no such claim)');
  await loadCaseAsCourt(db, p, claim.case_id);
  const amount = fenField('body.provisionalFen', input.provisionalFen, { allowZero: true });
  if (!(await updateClaimAtVersion(db, claim.id, input.version, { provisional_fen: Number(amount) }))) throw staleVersion();
  return (await findClaimById(db, claim.id))!;
}

/**
 * An objection to a claim on the register (Art. 58 ¶3) — by a creditor of the case, the debtor, or an
 * employee about their listed claim (Art. 48 ¶2).
 */
export async function raiseObjection(db: Db, p: Principal, claimId: string, input: { reason: string }) {
  const claim = await findClaimById(db, claimId);
  if (!claim) throw notFound('债权不存在 (no such claim)');
  const { row: theCase, relations } = await loadCase(db, p, claim.case_id);
  const isCreditor = await isCreditorOfCase(db, theCase.id, p.organizationId);
  if (!isCreditor && !relations.has('debtor')) throw forbidden('仅本案债权人或债务人可提出异议 (creditors and the debtor of the case only)');
  const row = {
    id: newId('bkob'),
    claim_id: claim.id,
    case_id: theCase.id,
    objector_organization_id: p.organizationId,
    objector_name: p.organizationName,
    reason: input.reason.trim(),
    status: 'open' as const,
    created_at: new Date().toISOString(),
  };
  await insertObjection(db, row);
  return row;
}

/** The administrator settles an objection; one that goes to court makes the claim disputed (SPC III Art. 8). */
export async function settleObjection(db: Db, p: Principal, objectionId: string, input: { status: 'withdrawn' | 'inLitigation' | 'resolved' }) {
  const o = await db.selectFrom('bk_claim_objections').selectAll().where('id', '=', objectionId).executeTakeFirst();
  if (!o) throw notFound('异议不存在 (no such objection)');
  await loadCaseAsAdministrator(db, p, o.case_id);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('bk_claim_objections').set({ status: input.status }).where('id', '=', o.id).execute();
    if (input.status === 'inLitigation') await trx.updateTable('bk_claims').set({ disputed: 1 }).where('id', '=', o.claim_id).execute();
  });
  return { ...o, status: input.status };
}

/**
 * Art. 58 ¶2: after the first meeting has checked the register, the court confirms by ruling the reviewed
 * claims nobody objects to. Claims still filed (not reviewed) or with an open objection or a suit stay out.
 */
export async function courtConfirmClaims(db: Db, p: Principal, caseId: string, input: { on: string }): Promise<{ confirmed: number }> {
  const theCase = await loadCaseAsCourt(db, p, caseId);
  const claims = await findClaimsByCase(db, theCase.id);
  const objections = await findObjectionsByCase(db, theCase.id);
  const blocked = new Set(objections.filter((o) => o.status === 'open' || o.status === 'inLitigation').map((o) => o.claim_id));
  const eligible = claims.filter((c) => c.status !== 'filed' && !c.court_confirmed_on && !c.disputed && !blocked.has(c.id));
  if (eligible.length === 0) return { confirmed: 0 };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('bk_claims').set({ court_confirmed_on: input.on, updated_at: new Date().toISOString() }).where('id', 'in', eligible.map((c) => c.id)).execute();
    await appendLedgerEntry(trx, {
      type: 'bankruptcy.claims.court-confirmed',
      subject: theCase.id,
      data: { caseNumber: theCase.case_number, on: input.on, claimIds: eligible.map((c) => c.id), totalConfirmedFen: String(eligible.reduce((s, c) => s + BigInt(c.confirmed_fen ?? 0), 0n)) },
      visibleTo: { organizationIds: caseOfficerOrgs(theCase) },
    });
  });
  return { confirmed: eligible.length };
}

export async function findClaimForReader(db: DbOrTx, p: Principal, claimId: string): Promise<{ claim: ClaimRow; officer: boolean }> {
  const claim = await findClaimById(db, claimId);
  if (!claim) throw notFound('债权不存在 (no such claim)');
  const { relations } = await loadCase(db, p, claim.case_id);
  const officer = relations.has('court') || relations.has('administrator');
  if (!officer && claim.creditor_organization_id !== p.organizationId) throw notFound('债权不存在 (no such claim)');
  return { claim, officer };
}

