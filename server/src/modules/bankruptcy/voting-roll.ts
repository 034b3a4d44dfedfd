import type { ClaimRow } from './claim.table.js';
import type { RollEntry } from './voting.types.js';

/** The claim fields the roll needs (the repository selects only these: a 10,000-claim roll stays fast). */
export type VotingClaim = Pick<
  ClaimRow,
  'id' | 'creditor_organization_id' | 'source' | 'nature' | 'status' | 'confirmed_fen' | 'provisional_fen' | 'secured' | 'security_waived' | 'collateral_value_fen'
>;

/** The voter a claim belongs to: its creditor organization, or the claim itself for a listed employee without an account. */
export function voterIdOf(claim: Pick<ClaimRow, 'id' | 'creditor_organization_id'>): string {
  return claim.creditor_organization_id ?? `claim:${claim.id}`;
}

/**
 * The voting roll (表决权名册) from the claim register, one entry per voter:
 * - the amount that votes is the court's provisional amount if set (Art. 59 ¶2), else the administrator's
 *   confirmed amount once reviewed; a claim still unreviewed, or rejected without a provisional amount, has no
 *   vote (Art. 59 ¶2);
 * - a secured claim votes in the secured part up to the collateral's estimated value; the rest is its expected
 *   shortfall, an ordinary claim (Art. 110); a waived security is ordinary throughout;
 * - employee claims (Art. 82 ¶1 (2)), social insurance and taxes (3), ordinary (4);
 * - a voter is a member of the meeting if any of its claims was filed (Art. 59 ¶1), not only listed (Art. 48).
 */
export function buildVotingRoll(claims: readonly VotingClaim[]): RollEntry[] {
  const byVoter = new Map<string, RollEntry>();
  // Per voter: did any claim carry a vote, and was any of them a provisional amount?
  const counted = new Set<string>();
  const provisional = new Set<string>();
  for (const c of claims) {
    const id = voterIdOf(c);
    let e = byVoter.get(id);
    if (!e) {
      e = { creditorId: id, member: false, determination: 'undetermined', securedFen: 0n, employeeFen: 0n, taxFen: 0n, ordinaryFen: 0n, securityWaived: false };
      byVoter.set(id, e);
    }
    if (c.source === 'filed') e.member = true;
    let amount: bigint | null = null;
    if (c.provisional_fen !== null) {
      amount = BigInt(c.provisional_fen);
      provisional.add(id);
    } else if ((c.status === 'confirmed' || c.status === 'partlyConfirmed') && c.confirmed_fen !== null) {
      amount = BigInt(c.confirmed_fen);
    }
    if (amount === null) continue;
    counted.add(id);
    if (c.nature === 'employee') e.employeeFen += amount;
    else if (c.nature === 'tax' || c.nature === 'socialInsurance') e.taxFen += amount;
    else if (c.secured === 1 && c.security_waived === 0) {
      const cover = c.collateral_value_fen === null ? amount : BigInt(c.collateral_value_fen);
      const secured = amount < cover ? amount : cover;
      e.securedFen += secured;
      e.ordinaryFen += amount - secured;
    } else e.ordinaryFen += amount;
  }
  for (const [id, e] of byVoter) e.determination = !counted.has(id) ? 'undetermined' : provisional.has(id) ? 'provisional' : 'determined';
  return [...byVoter.values()];
}
