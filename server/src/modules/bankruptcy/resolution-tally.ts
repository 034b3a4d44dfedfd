import { isAtLeastFraction, isMoreThanHalf } from './exact-ratio.js';
import { LEGAL_BASIS } from './legal-basis.js';
import { resolutionElectorate, type VotingRight } from './voting-rights.js';
import type {
  AmountTest,
  Ballot,
  HeadcountTest,
  LegalBasis,
  ResolutionKind,
  ResolutionOutcome,
  RollEntry,
} from './voting.types.js';

export interface ResolutionTallyInput {
  roll: readonly RollEntry[];
  /** Effective ballots, one per creditor (see ballot-box.ts for which ballot is effective). */
  ballots: readonly Ballot[];
  /** Creditors signed in to the meeting (on site or online). */
  attendance: Iterable<string>;
}

type NonReorganizationKind = Exclude<ResolutionKind, 'reorganizationPlan'>;

/** The statutory test of each non-reorganization item: its article and the amount fraction. */
const RULES: Record<NonReorganizationKind, { basis: LegalBasis; fraction: readonly [bigint, bigint] }> = {
  // Art. 64 ¶1: "占无财产担保债权总额的二分之一以上".
  ordinary: { basis: LEGAL_BASIS.art64p1, fraction: [1n, 2n] },
  assetManagementPlan: { basis: LEGAL_BASIS.art64p1, fraction: [1n, 2n] },
  realizationPlan: { basis: LEGAL_BASIS.art64p1, fraction: [1n, 2n] },
  distributionPlan: { basis: LEGAL_BASIS.art64p1, fraction: [1n, 2n] },
  // Art. 97: "占无财产担保债权总额的三分之二以上".
  settlementAgreement: { basis: LEGAL_BASIS.art97, fraction: [2n, 3n] },
};

/**
 * Applies the two statutory tests to one body of voters:
 * heads — more than half ("过半数", strictly) of the voters PRESENT vote for;
 * amount — the claims of those voting for are at least p/q ("以上", inclusive) of `totalFen`, a total over
 * the whole roll, so absent creditors weigh against the resolution.
 * Present = signed in, or cast a ballot (SPC Provisions III Art. 11: online and correspondence votes count).
 */
export function applyMajorityTests(
  voters: ReadonlyMap<string, VotingRight>,
  totalFen: bigint,
  fraction: readonly [bigint, bigint],
  ballots: readonly Ballot[],
  attendance: ReadonlySet<string>,
): { heads: HeadcountTest; amount: AmountTest } {
  const present = new Set<string>();
  for (const id of attendance) if (voters.has(id)) present.add(id);
  let forCount = 0;
  let forFen = 0n;
  const voted = new Set<string>();
  for (const ballot of ballots) {
    const right = voters.get(ballot.creditorId);
    if (!right) throw new RangeError(`ballot from ${ballot.creditorId}, who has no vote on this item`);
    if (voted.has(ballot.creditorId)) throw new RangeError(`two effective ballots from ${ballot.creditorId}`);
    voted.add(ballot.creditorId);
    present.add(ballot.creditorId);
    if (ballot.choice === 'for') {
      forCount += 1;
      forFen += right.weightFen;
    }
  }
  const heads: HeadcountTest = {
    for: forCount,
    present: present.size,
    met: isMoreThanHalf(BigInt(forCount), BigInt(present.size)),
  };
  const amount: AmountTest = {
    forFen,
    totalFen,
    fraction,
    met: isAtLeastFraction(forFen, totalFen, fraction[0], fraction[1]),
  };
  return { heads, amount };
}

/**
 * Tallies an ordinary resolution (Art. 64 ¶1), an asset management or realization plan (Art. 64 ¶1; on
 * failure see Art. 65 ¶1), a distribution plan (Art. 64 ¶1 with Art. 59 ¶3) or a settlement agreement
 * (Art. 97 with Art. 59 ¶3). Both tests must hold.
 */
export function tallyResolution(kind: NonReorganizationKind, input: ResolutionTallyInput): ResolutionOutcome {
  const rule = RULES[kind];
  const { voters, totalUnsecuredFen } = resolutionElectorate(input.roll, kind);
  const attendance = new Set(input.attendance);
  for (const b of input.ballots) {
    if (b.group !== undefined) throw new RangeError('ballots carry a group only for a reorganization plan');
  }
  const { heads, amount } = applyMajorityTests(voters, totalUnsecuredFen, rule.fraction, input.ballots, attendance);
  const failedTests: ('headcount' | 'amount')[] = [];
  if (!heads.met) failedTests.push('headcount');
  if (!amount.met) failedTests.push('amount');
  return { kind, passed: failedTests.length === 0, heads, amount, decidedBy: rule.basis, failedTests };
}
