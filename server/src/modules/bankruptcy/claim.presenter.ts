import type { ClaimEvidenceTable, ClaimObjectionTable, ClaimRow } from './claim.table.js';

/** Full view: the creditor's own claim, or any claim for the court and the administrator. */
export function presentClaim(c: ClaimRow, evidence: ClaimEvidenceTable[] = [], objections: ClaimObjectionTable[] = []) {
  return {
    id: c.id,
    caseId: c.case_id,
    creditorOrganizationId: c.creditor_organization_id,
    creditorName: c.creditor_name,
    source: c.source,
    nature: c.nature,
    principalFen: c.principal_fen,
    interestFen: c.interest_fen,
    otherFen: c.other_fen,
    claimedFen: c.claimed_fen,
    secured: c.secured === 1,
    collateralDescription: c.collateral_description,
    collateralValueFen: c.collateral_value_fen,
    securityWaived: c.security_waived === 1,
    condition: c.claim_condition,
    joint: c.joint === 1,
    agentName: c.agent_name,
    late: c.late === 1,
    status: c.status,
    confirmedFen: c.confirmed_fen,
    provisionalFen: c.provisional_fen,
    reviewPoints: c.review_points ? (JSON.parse(c.review_points) as unknown) : null,
    reviewReason: c.review_reason,
    reviewedAt: c.reviewed_at,
    courtConfirmedOn: c.court_confirmed_on,
    disputed: c.disputed === 1,
    filedAt: c.filed_at,
    ledgerIndex: c.ledger_index,
    reviewLedgerIndex: c.review_ledger_index,
    evidence: evidence.filter((e) => e.claim_id === c.id).map((e) => ({ fileId: e.file_id, filename: e.filename, sha256: e.sha256 })),
    objections: objections
      .filter((o) => o.claim_id === c.id)
      .map((o) => ({ id: o.id, objectorName: o.objector_name, reason: o.reason, status: o.status, createdAt: o.created_at })),
    version: c.version,
  };
}

/** An employee's name on the public register: surname kept, the rest masked (PIPL Art. 6, minimum disclosure). */
export function maskPersonName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(chars.length - 1);
}

/**
 * What the claim register shows to the creditors and the debtor (EBL Art. 57 ¶2: kept for interested parties
 * to inspect): who, what kind, how much claimed and confirmed, secured or not, status — no evidence, agents or
 * review notes.
 */
export function presentRegisterLine(c: ClaimRow) {
  return {
    id: c.id,
    creditorName: c.source === 'listed' ? maskPersonName(c.creditor_name) : c.creditor_name,
    source: c.source,
    nature: c.nature,
    claimedFen: c.claimed_fen,
    confirmedFen: c.confirmed_fen,
    secured: c.secured === 1,
    status: c.status,
    late: c.late === 1,
    courtConfirmedOn: c.court_confirmed_on,
    disputed: c.disputed === 1,
  };
}
