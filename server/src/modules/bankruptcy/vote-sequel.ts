import { LEGAL_BASIS } from './legal-basis.js';
import { summarize } from './reorganization-tally.js';
import type { LegalBasis, ReorganizationOutcome, VoteOutcome, VotingGroup } from './voting.types.js';

/** What the law says happens after a vote, for the meeting's result notice and the case's next deadline. */
export type NextStep =
  | { step: 'resolutionStands'; basis: LegalBasis }
  | { step: 'mayBeProposedAgain' }
  | { step: 'courtRules'; basis: LegalBasis }
  | { step: 'secondVote'; basis: LegalBasis }
  | { step: 'courtConfirmsSettlement'; basis: LegalBasis }
  | { step: 'settlementEndsDebtorDeclaredBankrupt'; basis: LegalBasis }
  | { step: 'applyForCourtApproval'; withinDays: 10; basis: LegalBasis }
  | { step: 'negotiateAndRevote'; groups: VotingGroup[]; basis: LegalBasis }
  | { step: 'courtMayApproveOrEndReorganization'; basis: LegalBasis };

/**
 * @param attempt 1 for the first vote on this item, 2 for the second (Art. 65 ¶2 distribution plan,
 *   Art. 87 ¶1 re-vote of the failing reorganization groups). Neither allows a third.
 */
export function nextStepAfter(outcome: VoteOutcome, attempt: 1 | 2): NextStep {
  switch (outcome.kind) {
    case 'ordinary':
      // Art. 64 ¶3 binds every creditor with a vote; ¶2 lets one ask the court to revoke within 15 days.
      return outcome.passed ? { step: 'resolutionStands', basis: LEGAL_BASIS.art64p1 } : { step: 'mayBeProposedAgain' };
    case 'assetManagementPlan':
    case 'realizationPlan':
      // Art. 65 ¶1: one failure and the court rules.
      return outcome.passed
        ? { step: 'resolutionStands', basis: LEGAL_BASIS.art64p1 }
        : { step: 'courtRules', basis: LEGAL_BASIS.art65p1 };
    case 'distributionPlan':
      // Art. 65 ¶2: the court rules only after a second failed vote.
      if (outcome.passed) return { step: 'resolutionStands', basis: LEGAL_BASIS.art64p1 };
      return attempt === 1
        ? { step: 'secondVote', basis: LEGAL_BASIS.art65p2 }
        : { step: 'courtRules', basis: LEGAL_BASIS.art65p2 };
    case 'settlementAgreement':
      return outcome.passed
        ? { step: 'courtConfirmsSettlement', basis: LEGAL_BASIS.art98 }
        : { step: 'settlementEndsDebtorDeclaredBankrupt', basis: LEGAL_BASIS.art99 };
    case 'reorganizationPlan':
      if (outcome.passed) return { step: 'applyForCourtApproval', withinDays: 10, basis: LEGAL_BASIS.art86p2 };
      return attempt === 1
        ? { step: 'negotiateAndRevote', groups: outcome.failedGroups, basis: LEGAL_BASIS.art87 }
        : { step: 'courtMayApproveOrEndReorganization', basis: LEGAL_BASIS.art87p2 };
  }
}

/**
 * Art. 87 ¶1: only the groups that failed vote again, once; the groups that passed keep their result
 * (re-negotiation "不得损害其他表决组的利益", so their consent is not reopened).
 * @param revote a tally of exactly the failed groups (`tallyReorganizationPlan({ …, onlyGroups })`).
 */
export function applyReorganizationRevote(first: ReorganizationOutcome, revote: ReorganizationOutcome): ReorganizationOutcome {
  if (first.passed) throw new RangeError('the plan already passed; Art. 87 re-votes only failed groups');
  if (first.groups.some((g) => g.revoted)) throw new RangeError('Art. 87 ¶1 allows one re-vote only');
  const failed = new Set(first.failedGroups);
  const revoted = new Map(revote.groups.map((g) => [g.group, g]));
  for (const group of revoted.keys()) {
    if (!failed.has(group)) throw new RangeError(`group ${group} passed the first vote and may not vote again`);
  }
  const groups = first.groups.map((g) => {
    const again = revoted.get(g.group);
    // A failed group that refuses to vote again keeps its failure (Art. 87 ¶2 "拒绝再次表决").
    return again ? { ...again, revoted: true } : g;
  });
  return summarize(groups);
}
