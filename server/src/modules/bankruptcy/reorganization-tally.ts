import { isAtLeastFraction } from './exact-ratio.js';
import { LEGAL_BASIS } from './legal-basis.js';
import { applyMajorityTests } from './resolution-tally.js';
import { reorganizationElectorate, type ReorganizationGroupsOptions } from './voting-rights.js';
import {
  CREDITOR_GROUPS,
  type Ballot,
  type CreditorGroup,
  type CreditorGroupOutcome,
  type GroupOutcome,
  type ReorganizationOutcome,
  type RollEntry,
  type ShareholderEntry,
  type ShareholderGroupOutcome,
  type VotingGroup,
} from './voting.types.js';

export interface ReorganizationTallyInput extends ReorganizationGroupsOptions {
  roll: readonly RollEntry[];
  /** One effective ballot per creditor per group it sits in; shareholders' ballots carry group `shareholder`. */
  ballots: readonly Ballot[];
  /** Creditors signed in: present in every group they sit in. */
  attendance: Iterable<string>;
  /**
   * Art. 85 ¶2: given (and non-empty) only when the plan adjusts the shareholders' rights; then a
   * shareholder group votes on that adjustment.
   */
  shareholders?: readonly ShareholderEntry[];
  /** Restrict the tally to these groups (an Art. 87 ¶1 re-vote of the groups that failed). */
  onlyGroups?: readonly VotingGroup[];
}

/** Art. 84 ¶2: "出席会议的同一表决组的债权人过半数同意 … 其所代表的债权额占该组债权总额的三分之二以上". */
const GROUP_FRACTION = [2n, 3n] as const;

/**
 * Shareholder group (Art. 85 ¶2, which sets no threshold). We apply the 2018 National Courts' Bankruptcy
 * Trial Work Conference Minutes, para. 19: passed by at least two thirds of the voting rights held by the
 * shareholders taking part in the vote. Nobody taking part is a failure, not a vacuous pass.
 */
function tallyShareholders(shareholders: readonly ShareholderEntry[], ballots: readonly Ballot[]): ShareholderGroupOutcome {
  const rights = new Map<string, bigint>();
  for (const s of shareholders) {
    if (s.votingRightsUnits <= 0n) throw new RangeError(`shareholder ${s.shareholderId} has no voting rights`);
    if (rights.has(s.shareholderId)) throw new RangeError(`shareholder ${s.shareholderId} listed twice`);
    rights.set(s.shareholderId, s.votingRightsUnits);
  }
  let forUnits = 0n;
  let participating = 0n;
  const voted = new Set<string>();
  for (const b of ballots) {
    const units = rights.get(b.creditorId);
    if (units === undefined) throw new RangeError(`ballot from ${b.creditorId}, who is not a shareholder`);
    if (voted.has(b.creditorId)) throw new RangeError(`two effective ballots from shareholder ${b.creditorId}`);
    voted.add(b.creditorId);
    participating += units;
    if (b.choice === 'for') forUnits += units;
  }
  const met = participating > 0n && isAtLeastFraction(forUnits, participating, GROUP_FRACTION[0], GROUP_FRACTION[1]);
  return {
    group: 'shareholder',
    passed: met,
    votingRights: { for: forUnits, participating, fraction: GROUP_FRACTION, met },
    decidedBy: LEGAL_BASIS.art85p2,
    failedTests: met ? [] : ['votingRights'],
    revoted: false,
  };
}

/** Tallies each group separately; the plan passes only when every formed group passes (Art. 86 ¶1). */
export function tallyReorganizationPlan(input: ReorganizationTallyInput): ReorganizationOutcome {
  const electorate = reorganizationElectorate(input.roll, input);
  const attendance = new Set(input.attendance);
  const byGroup = new Map<VotingGroup, Ballot[]>();
  for (const b of input.ballots) {
    if (b.group === undefined) throw new RangeError('a reorganization ballot must name its voting group');
    const list = byGroup.get(b.group) ?? [];
    list.push(b);
    byGroup.set(b.group, list);
  }
  const wanted = input.onlyGroups ? new Set(input.onlyGroups) : null;
  for (const group of byGroup.keys()) {
    const formed = group === 'shareholder' ? (input.shareholders?.length ?? 0) > 0 : electorate.has(group);
    if (!formed) throw new RangeError(`ballot for group ${group}, which is not formed`);
    if (wanted && !wanted.has(group)) throw new RangeError(`ballot for group ${group}, which is not being voted`);
  }

  const groups: GroupOutcome[] = [];
  for (const group of CREDITOR_GROUPS) {
    const g = electorate.get(group);
    if (!g || (wanted && !wanted.has(group))) continue;
    const { heads, amount } = applyMajorityTests(g.voters, g.totalFen, GROUP_FRACTION, byGroup.get(group) ?? [], attendance);
    const failedTests: ('headcount' | 'amount')[] = [];
    if (!heads.met) failedTests.push('headcount');
    if (!amount.met) failedTests.push('amount');
    const outcome: CreditorGroupOutcome = {
      group: group satisfies CreditorGroup,
      passed: failedTests.length === 0,
      heads,
      amount,
      decidedBy: LEGAL_BASIS.art84p2,
      failedTests,
      revoted: false,
    };
    groups.push(outcome);
  }
  if (input.shareholders && input.shareholders.length > 0 && (!wanted || wanted.has('shareholder'))) {
    groups.push(tallyShareholders(input.shareholders, byGroup.get('shareholder') ?? []));
  }
  if (groups.length === 0) throw new RangeError('no voting group is formed');
  return summarize(groups);
}

/** The plan's result from its groups' results: Art. 86 ¶1 when all pass, else the failing group's article. */
export function summarize(groups: GroupOutcome[]): ReorganizationOutcome {
  const failedGroups = groups.filter((g) => !g.passed).map((g) => g.group);
  const passed = failedGroups.length === 0;
  const creditorGroupFailed = failedGroups.some((g) => g !== 'shareholder');
  const decidedBy = passed ? LEGAL_BASIS.art86p1 : creditorGroupFailed ? LEGAL_BASIS.art84p2 : LEGAL_BASIS.art85p2;
  return { kind: 'reorganizationPlan', passed, groups, decidedBy, failedGroups };
}
