import { describe, expect, it } from 'vitest';
import { tallyReorganizationPlan } from './reorganization-tally.js';
import { ordinaryCreditor, rollEntry } from './testing/roll-factory.js';
import { applyReorganizationRevote, nextStepAfter } from './vote-sequel.js';
import type { Ballot, CreditorGroupOutcome, VoteChoice, VotingGroup } from './voting.types.js';

const b = (creditorId: string, group: VotingGroup, choice: VoteChoice = 'for'): Ballot => ({ creditorId, group, choice });

const roll = [
  rollEntry('bankA', { securedFen: 600n, ordinaryFen: 100n }), // secured, with an expected shortfall of 100
  rollEntry('bankB', { securedFen: 300n }),
  rollEntry('worker1', { member: false, employeeFen: 50n }),
  rollEntry('worker2', { member: false, employeeFen: 50n }),
  rollEntry('taxOffice', { taxFen: 90n }),
  ordinaryCreditor('s1', 100n),
  ordinaryCreditor('s2', 100n),
];

const allFor: Ballot[] = [
  b('bankA', 'secured'),
  b('bankB', 'secured'),
  b('bankA', 'ordinary'),
  b('worker1', 'employee'),
  b('worker2', 'employee'),
  b('taxOffice', 'tax'),
  b('s1', 'ordinary'),
  b('s2', 'ordinary'),
];

function group(outcome: ReturnType<typeof tallyReorganizationPlan>, g: VotingGroup): CreditorGroupOutcome {
  const found = outcome.groups.find((x) => x.group === g);
  if (!found || found.group === 'shareholder') throw new Error(`no creditor group ${g}`);
  return found;
}

describe('Arts. 82, 84, 86 reorganization plan by group', () => {
  it('forms the groups from the claim components and passes when every group passes (Art. 86 ¶1)', () => {
    const r = tallyReorganizationPlan({ roll, ballots: allFor, attendance: [] });
    expect(r.groups.map((g) => g.group)).toEqual(['secured', 'employee', 'tax', 'ordinary']);
    expect(group(r, 'secured').amount.totalFen).toBe(900n);
    expect(group(r, 'ordinary').amount.totalFen).toBe(300n); // bankA's shortfall sits in the ordinary group
    expect(group(r, 'employee').heads).toEqual({ for: 2, present: 2, met: true });
    expect(r.passed).toBe(true);
    expect(r.decidedBy.code).toBe('EBL-86-1');
  });

  it('fails the plan when one group fails, naming the group and Art. 84 ¶2', () => {
    const ballots = allFor.map((x) => (x.group === 'tax' ? { ...x, choice: 'against' as const } : x));
    const r = tallyReorganizationPlan({ roll, ballots, attendance: [] });
    expect(r.passed).toBe(false);
    expect(r.failedGroups).toEqual(['tax']);
    expect(r.decidedBy.code).toBe('EBL-84-2');
    expect(group(r, 'secured').passed).toBe(true);
  });

  it('passes a group at exactly two thirds of its total and fails it one fen below', () => {
    const three = [ordinaryCreditor('a', 100n), ordinaryCreditor('b', 100n), ordinaryCreditor('c', 100n)];
    const exact = tallyReorganizationPlan({ roll: three, ballots: [b('a', 'ordinary'), b('b', 'ordinary')], attendance: ['c'] });
    expect(group(exact, 'ordinary').amount).toMatchObject({ forFen: 200n, totalFen: 300n, met: true });
    expect(exact.passed).toBe(true);
    const short = tallyReorganizationPlan({
      roll: [ordinaryCreditor('a', 100n), ordinaryCreditor('b', 100n), ordinaryCreditor('c', 101n)],
      ballots: [b('a', 'ordinary'), b('b', 'ordinary')],
      attendance: ['c'],
    });
    expect(short.passed).toBe(false);
    expect(short.failedGroups).toEqual(['ordinary']);
  });

  it("measures a group's amount against the group's total, not the claims present", () => {
    const r = tallyReorganizationPlan({
      roll: [ordinaryCreditor('a', 50n), ordinaryCreditor('b', 50n), ordinaryCreditor('absent', 100n)],
      ballots: [b('a', 'ordinary'), b('b', 'ordinary')],
      attendance: [],
    });
    expect(group(r, 'ordinary').heads).toEqual({ for: 2, present: 2, met: true });
    expect(group(r, 'ordinary').amount).toMatchObject({ forFen: 100n, totalFen: 200n, met: false });
    expect(r.passed).toBe(false);
  });

  it('fails a group with exactly half of its present creditors for', () => {
    const r = tallyReorganizationPlan({
      roll: [ordinaryCreditor('a', 90n), ordinaryCreditor('b', 10n)],
      ballots: [b('a', 'ordinary'), b('b', 'ordinary', 'against')],
      attendance: [],
    });
    expect(group(r, 'ordinary').failedTests).toEqual(['headcount']);
  });

  it('moves small ordinary claims into the small-claims subgroup (Art. 82 ¶2)', () => {
    const r = tallyReorganizationPlan({
      roll: [ordinaryCreditor('small1', 1_000n), ordinaryCreditor('small2', 2_000n), ordinaryCreditor('big', 900_000n)],
      smallClaimsThresholdFen: 2_000n,
      ballots: [b('small1', 'smallClaims'), b('small2', 'smallClaims'), b('big', 'ordinary')],
      attendance: [],
    });
    expect(r.groups.map((g) => g.group)).toEqual(['ordinary', 'smallClaims']);
    expect(group(r, 'smallClaims').amount.totalFen).toBe(3_000n);
    expect(r.passed).toBe(true);
  });

  it('counts a waived security in the ordinary group, not the secured group', () => {
    const r = tallyReorganizationPlan({
      roll: [rollEntry('w', { securedFen: 500n, securityWaived: true }), ordinaryCreditor('o', 100n)],
      ballots: [b('w', 'ordinary')],
      attendance: ['o'],
    });
    expect(r.groups.map((g) => g.group)).toEqual(['ordinary']);
    expect(group(r, 'ordinary').amount).toMatchObject({ forFen: 500n, totalFen: 600n });
  });

  it('refuses a ballot for a group the creditor is not in, or that is not formed', () => {
    expect(() => tallyReorganizationPlan({ roll, ballots: [b('s1', 'secured')], attendance: [] })).toThrow(/no vote/);
    expect(() => tallyReorganizationPlan({ roll, ballots: [b('s1', 'smallClaims')], attendance: [] })).toThrow(/not formed/);
    expect(() => tallyReorganizationPlan({ roll, ballots: [{ creditorId: 's1', choice: 'for' }], attendance: [] })).toThrow(/group/);
  });
});

describe('Art. 85 shareholder group', () => {
  const shareholders = [
    { shareholderId: 'holdco', votingRightsUnits: 600n },
    { shareholderId: 'founder', votingRightsUnits: 300n },
    { shareholderId: 'angel', votingRightsUnits: 100n },
  ];

  it('passes with two thirds of the voting rights taking part, absent shareholders not counted', () => {
    const r = tallyReorganizationPlan({
      roll,
      shareholders,
      ballots: [...allFor, b('founder', 'shareholder'), b('angel', 'shareholder', 'against'), b('holdco', 'shareholder', 'abstain')],
      attendance: [],
    });
    const sh = r.groups.find((g) => g.group === 'shareholder');
    // 300 of 1000 participating: fails.
    expect(sh?.passed).toBe(false);
    expect(r.failedGroups).toEqual(['shareholder']);
    expect(r.decidedBy.code).toBe('EBL-85-2');

    const r2 = tallyReorganizationPlan({
      roll,
      shareholders,
      ballots: [...allFor, b('founder', 'shareholder'), b('angel', 'shareholder')],
      attendance: [],
    });
    const sh2 = r2.groups.find((g) => g.group === 'shareholder');
    expect(sh2?.group === 'shareholder' && sh2.votingRights).toMatchObject({ for: 400n, participating: 400n, met: true });
    expect(r2.passed).toBe(true);
  });

  it('fails when no shareholder takes part', () => {
    const r = tallyReorganizationPlan({ roll, shareholders, ballots: allFor, attendance: [] });
    expect(r.failedGroups).toEqual(['shareholder']);
  });

  it('forms no shareholder group when equity is not adjusted', () => {
    expect(() => tallyReorganizationPlan({ roll, ballots: [...allFor, b('holdco', 'shareholder')], attendance: [] })).toThrow(/not formed/);
  });
});

describe('Art. 87 re-vote and what follows each vote', () => {
  const failing = allFor.map((x) => (x.group === 'ordinary' && x.creditorId !== 'bankA' ? { ...x, choice: 'against' as const } : x));

  it('re-votes only the failed group, keeps the others, and passes when it passes', () => {
    const first = tallyReorganizationPlan({ roll, ballots: failing, attendance: [] });
    expect(first.failedGroups).toEqual(['ordinary']);
    expect(nextStepAfter(first, 1)).toMatchObject({ step: 'negotiateAndRevote', groups: ['ordinary'] });
    const revote = tallyReorganizationPlan({
      roll,
      ballots: [b('bankA', 'ordinary'), b('s1', 'ordinary'), b('s2', 'ordinary')],
      attendance: [],
      onlyGroups: first.failedGroups,
    });
    const final = applyReorganizationRevote(first, revote);
    expect(final.passed).toBe(true);
    expect(final.groups.find((g) => g.group === 'ordinary')?.revoted).toBe(true);
    expect(final.groups.find((g) => g.group === 'secured')?.revoted).toBe(false);
    expect(nextStepAfter(final, 2)).toMatchObject({ step: 'applyForCourtApproval', withinDays: 10 });
    expect(() => applyReorganizationRevote(final, revote)).toThrow(/already passed/);
  });

  it('refuses a re-vote of a group that passed, and a second re-vote', () => {
    const first = tallyReorganizationPlan({ roll, ballots: failing, attendance: [] });
    const secured = tallyReorganizationPlan({ roll, ballots: [b('bankA', 'secured')], attendance: [], onlyGroups: ['secured'] });
    expect(() => applyReorganizationRevote(first, secured)).toThrow(/passed the first vote/);
    const stillFailing = tallyReorganizationPlan({ roll, ballots: [b('s2', 'ordinary')], attendance: [], onlyGroups: ['ordinary'] });
    const after = applyReorganizationRevote(first, stillFailing);
    expect(after.passed).toBe(false);
    expect(nextStepAfter(after, 2).step).toBe('courtMayApproveOrEndReorganization');
    expect(() => applyReorganizationRevote(after, stillFailing)).toThrow(/one re-vote/);
  });
});
