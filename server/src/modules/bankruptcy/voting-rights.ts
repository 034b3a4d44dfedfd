import type { CreditorGroup, ResolutionKind, RollEntry } from './voting.types.js';

/** A creditor's vote on one item: counted once by head, weighted by `weightFen` in the amount test. */
export interface VotingRight {
  creditorId: string;
  weightFen: bigint;
}

/** Everyone who may vote on a resolution, and the statutory denominator of its amount test. */
export interface ResolutionElectorate {
  voters: Map<string, VotingRight>;
  /** "无财产担保债权总额" over the claims that carry a vote (Arts. 64, 97). */
  totalUnsecuredFen: bigint;
}

function assertAmounts(entry: RollEntry): void {
  for (const v of [entry.securedFen, entry.employeeFen, entry.taxFen, entry.ordinaryFen]) {
    if (v < 0n) throw new RangeError(`negative claim component for creditor ${entry.creditorId}`);
  }
  // Art. 48: only the employee part is listed without filing; anything else needs a filing (Art. 44, 49).
  if (!entry.member && (entry.securedFen > 0n || entry.taxFen > 0n || entry.ordinaryFen > 0n)) {
    throw new RangeError(`creditor ${entry.creditorId} holds filed-type claims but is not a member of the meeting`);
  }
}

/** The part of a creditor's claims that is unsecured: a waived security counts as unsecured (Art. 110). */
export function unsecuredFenOf(entry: RollEntry): bigint {
  return entry.employeeFen + entry.taxFen + entry.ordinaryFen + (entry.securityWaived ? entry.securedFen : 0n);
}

function excludesNonWaivingSecured(kind: ResolutionKind): boolean {
  return kind === 'settlementAgreement' || kind === 'distributionPlan';
}

/**
 * Who votes on a non-reorganization item, and with which weight.
 *
 * - Art. 59 ¶1: members (creditors who filed) vote; Art. 48 employees do not (Art. 59 ¶5).
 * - Art. 59 ¶2: an undetermined claim without a court-set provisional amount has no vote and does not
 *   enter the denominator either (the denominator is the total of the claims that carry a vote).
 * - Amount tests measure against "无财产担保债权总额", so each voter weighs with the unsecured part of their
 *   claims only; a secured creditor counts by head on ordinary items but adds only its unsecured part.
 * - Art. 59 ¶3: on a settlement agreement (Art. 61 ¶1 (7)) and a distribution plan (item 10) a secured
 *   creditor who has not waived priority does not vote for the secured part. We read the provision together
 *   with Art. 110: the expected shortfall of the collateral is an ordinary claim, so such a creditor votes
 *   with that unsecured part only, and has no vote at all when it has none.
 */
export function resolutionElectorate(
  roll: readonly RollEntry[],
  kind: Exclude<ResolutionKind, 'reorganizationPlan'>,
): ResolutionElectorate {
  const voters = new Map<string, VotingRight>();
  let totalUnsecuredFen = 0n;
  for (const entry of roll) {
    assertAmounts(entry);
    if (voters.has(entry.creditorId)) throw new RangeError(`creditor ${entry.creditorId} is on the roll twice`);
    if (!entry.member || entry.determination === 'undetermined') continue;
    const weightFen = unsecuredFenOf(entry);
    const holdsPriority = entry.securedFen > 0n && !entry.securityWaived;
    if (excludesNonWaivingSecured(kind) && holdsPriority && weightFen === 0n) continue;
    voters.set(entry.creditorId, { creditorId: entry.creditorId, weightFen });
    totalUnsecuredFen += weightFen;
  }
  return { voters, totalUnsecuredFen };
}

export interface ReorganizationGroupsOptions {
  /**
   * Art. 82 ¶2: the court may set up a small-claims subgroup within the ordinary group. Creditors whose
   * ordinary claims are at most this amount vote there instead of in the ordinary group.
   */
  smallClaimsThresholdFen?: bigint;
}

/** For each Art. 82 group that has at least one creditor: its voters and the group's total claims. */
export type ReorganizationElectorate = Map<CreditorGroup, { voters: Map<string, VotingRight>; totalFen: bigint }>;

/**
 * Art. 82 ¶1: secured, employee, tax and ordinary groups; a creditor sits in every group in which it holds
 * a claim (a secured creditor votes its expected shortfall in the ordinary group, Art. 110). A waived
 * security is an ordinary claim. Employees listed under Art. 48 vote in the employee group without filing.
 * Art. 59 ¶2 applies as for other items. A group with no creditors is not formed.
 */
export function reorganizationElectorate(
  roll: readonly RollEntry[],
  options: ReorganizationGroupsOptions = {},
): ReorganizationElectorate {
  const groups: ReorganizationElectorate = new Map();
  const seen = new Set<string>();
  const add = (group: CreditorGroup, creditorId: string, weightFen: bigint): void => {
    if (weightFen <= 0n) return;
    let g = groups.get(group);
    if (!g) {
      g = { voters: new Map(), totalFen: 0n };
      groups.set(group, g);
    }
    g.voters.set(creditorId, { creditorId, weightFen });
    g.totalFen += weightFen;
  };
  const threshold = options.smallClaimsThresholdFen;
  if (threshold !== undefined && threshold <= 0n) throw new RangeError('small-claims threshold must be positive');
  for (const entry of roll) {
    assertAmounts(entry);
    if (seen.has(entry.creditorId)) throw new RangeError(`creditor ${entry.creditorId} is on the roll twice`);
    seen.add(entry.creditorId);
    if (entry.determination === 'undetermined') continue;
    add('employee', entry.creditorId, entry.employeeFen);
    if (!entry.member) continue;
    if (!entry.securityWaived) add('secured', entry.creditorId, entry.securedFen);
    add('tax', entry.creditorId, entry.taxFen);
    const ordinary = entry.ordinaryFen + (entry.securityWaived ? entry.securedFen : 0n);
    add(threshold !== undefined && ordinary <= threshold ? 'smallClaims' : 'ordinary', entry.creditorId, ordinary);
  }
  return groups;
}

/**
 * A predicate for the ballot box: does this voter have a vote on this item (and, for a reorganization plan,
 * in this group)? Shareholders vote only in the shareholder group (Art. 85 ¶2).
 */
export function votingRightCheck(
  roll: readonly RollEntry[],
  kind: ResolutionKind,
  options: ReorganizationGroupsOptions & { shareholderIds?: Iterable<string> } = {},
): (voterId: string, group: string | undefined) => boolean {
  if (kind !== 'reorganizationPlan') {
    const { voters } = resolutionElectorate(roll, kind);
    return (voterId, group) => group === undefined && voters.has(voterId);
  }
  const groups = reorganizationElectorate(roll, options);
  const shareholders = new Set(options.shareholderIds ?? []);
  return (voterId, group) => {
    if (group === 'shareholder') return shareholders.has(voterId);
    return group !== undefined && (groups.get(group as CreditorGroup)?.voters.has(voterId) ?? false);
  };
}
