/**
 * Shapes shared by the voting rules (EBL Arts. 59, 61, 64, 65, 82–87, 97). Amounts are BigInt fen.
 */

/**
 * What is being voted on. The Art. 61 ¶1 item decides the rule:
 * - `ordinary`: any other item (Art. 61 ¶1 (1)–(5), (11)), decided under Art. 64 ¶1;
 * - `assetManagementPlan` (item 8) and `realizationPlan` (item 9): Art. 64 ¶1, and the court rules after one
 *   failure (Art. 65 ¶1);
 * - `distributionPlan` (item 10): Art. 64 ¶1 without non-waiving secured creditors (Art. 59 ¶3), and the
 *   court rules after two failures (Art. 65 ¶2);
 * - `settlementAgreement` (item 7): Art. 97, again without non-waiving secured creditors (Art. 59 ¶3);
 * - `reorganizationPlan` (item 6): by voting group, Arts. 82, 84, 85, 86.
 */
export type ResolutionKind =
  | 'ordinary'
  | 'assetManagementPlan'
  | 'realizationPlan'
  | 'distributionPlan'
  | 'settlementAgreement'
  | 'reorganizationPlan';

export const RESOLUTION_KINDS: readonly ResolutionKind[] = [
  'ordinary',
  'assetManagementPlan',
  'realizationPlan',
  'distributionPlan',
  'settlementAgreement',
  'reorganizationPlan',
];

/** Art. 82 ¶1 creditor groups, plus the court's optional small-claims subgroup (Art. 82 ¶2). */
export type CreditorGroup = 'secured' | 'employee' | 'tax' | 'ordinary' | 'smallClaims';
/** Art. 85 ¶2: the shareholder group, formed only when the plan adjusts equity. */
export type VotingGroup = CreditorGroup | 'shareholder';

export const CREDITOR_GROUPS: readonly CreditorGroup[] = ['secured', 'employee', 'tax', 'ordinary', 'smallClaims'];

export type VoteChoice = 'for' | 'against' | 'abstain';

/**
 * Art. 59 ¶2: a claim not yet determined votes only if the court has set a provisional amount.
 * `provisional` means the amounts given are the court's provisional amounts.
 */
export type ClaimDetermination = 'determined' | 'provisional' | 'undetermined';

/**
 * One creditor's position on the voting roll (表决权名册), aggregated over their claims as the claim register
 * shows them. The components follow the Art. 82 ¶1 groups.
 */
export interface RollEntry {
  creditorId: string;
  /**
   * Art. 59 ¶1: creditors who filed a claim are members of the meeting and vote. Employees whose claims the
   * administrator listed (Art. 48) did not file: they vote only in the employee group of a reorganization
   * plan (Art. 82 ¶1 (2)); at other votes their representatives speak but do not vote (Art. 59 ¶5).
   */
  member: boolean;
  determination: ClaimDetermination;
  /** Part covered by the collateral's value (Art. 82 ¶1 (1)). */
  securedFen: bigint;
  /** Art. 82 ¶1 (2) / Art. 113 ¶1 (1). */
  employeeFen: bigint;
  /** Art. 82 ¶1 (3): social insurance other than (2), and taxes. */
  taxFen: bigint;
  /** Art. 82 ¶1 (4): ordinary claims, including the expected shortfall of a secured claim (Art. 110). */
  ordinaryFen: bigint;
  /**
   * Art. 59 ¶3 / Art. 110: a secured creditor who waived priority holds an ordinary claim for the secured
   * part too; one who did not waive has no vote on a settlement agreement or a distribution plan.
   */
  securityWaived: boolean;
}

/** A creditor's effective ballot (after the ballot-box policy has been applied). */
export interface Ballot {
  creditorId: string;
  /** Required for a reorganization plan (one ballot per group the creditor sits in); absent otherwise. */
  group?: VotingGroup;
  choice: VoteChoice;
}

/** Art. 85: shareholders vote in their own group, weighted by their voting rights (shares or capital). */
export interface ShareholderEntry {
  shareholderId: string;
  votingRightsUnits: bigint;
}

/** The statutory source of a decision, in both languages, for the result notice and the UI. */
export interface LegalBasis {
  code: string;
  en: string;
  zh: string;
}

export interface HeadcountTest {
  /** Creditors voting for. */
  for: number;
  /** Creditors present with a vote on this item: the denominator of "过半数". */
  present: number;
  met: boolean;
}

export interface AmountTest {
  forFen: bigint;
  /** The statutory denominator: a total over the roll (all unsecured claims; the group's total), never only those present. */
  totalFen: bigint;
  /** The required fraction p/q, met when forFen × q ≥ totalFen × p. */
  fraction: readonly [bigint, bigint];
  met: boolean;
}

export interface ResolutionOutcome {
  kind: Exclude<ResolutionKind, 'reorganizationPlan'>;
  passed: boolean;
  heads: HeadcountTest;
  amount: AmountTest;
  /** The article whose test decided the result. */
  decidedBy: LegalBasis;
  /** Stable codes for what failed: `headcount`, `amount`. Empty when passed. */
  failedTests: ('headcount' | 'amount')[];
}

export interface CreditorGroupOutcome {
  group: CreditorGroup;
  passed: boolean;
  heads: HeadcountTest;
  amount: AmountTest;
  decidedBy: LegalBasis;
  failedTests: ('headcount' | 'amount')[];
  /** True when this group's result came from an Art. 87 ¶1 re-vote. */
  revoted: boolean;
}

/** Art. 85 ¶2 sets no threshold; the 2018 Minutes para. 19 test is on voting rights only, no head count. */
export interface ShareholderGroupOutcome {
  group: 'shareholder';
  passed: boolean;
  votingRights: {
    for: bigint;
    /** Voting rights of the shareholders who cast a ballot (for, against or abstain). */
    participating: bigint;
    fraction: readonly [bigint, bigint];
    met: boolean;
  };
  decidedBy: LegalBasis;
  failedTests: 'votingRights'[];
  revoted: boolean;
}

export type GroupOutcome = CreditorGroupOutcome | ShareholderGroupOutcome;

export interface ReorganizationOutcome {
  kind: 'reorganizationPlan';
  passed: boolean;
  groups: GroupOutcome[];
  decidedBy: LegalBasis;
  failedGroups: VotingGroup[];
}

export type VoteOutcome = ResolutionOutcome | ReorganizationOutcome;
