import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyResolution } from './resolution-tally.js';
import { ordinaryCreditor, rollEntry } from './testing/roll-factory.js';
import type { Ballot, VoteChoice } from './voting.types.js';

const forAll = (...ids: string[]): Ballot[] => ids.map((creditorId) => ({ creditorId, choice: 'for' }));

describe('Art. 64 ordinary resolution', () => {
  it('passes with claims of exactly one half of the total unsecured claims ("以上" includes the boundary)', () => {
    const roll = [ordinaryCreditor('a', 50n), ordinaryCreditor('b', 25n), ordinaryCreditor('c', 25n)];
    const r = tallyResolution('ordinary', { roll, ballots: forAll('b', 'c'), attendance: ['a', 'b', 'c'] });
    expect(r.heads).toEqual({ for: 2, present: 3, met: true });
    expect(r.amount.forFen).toBe(50n);
    expect(r.amount.totalFen).toBe(100n);
    expect(r.passed).toBe(true);
    expect(r.decidedBy.code).toBe('EBL-64-1');
  });

  it('fails one fen short of one half', () => {
    const roll = [ordinaryCreditor('a', 51n), ordinaryCreditor('b', 25n), ordinaryCreditor('c', 25n)];
    const r = tallyResolution('ordinary', { roll, ballots: forAll('b', 'c'), attendance: ['a', 'b', 'c'] });
    expect(r.heads.met).toBe(true);
    expect(r.amount.met).toBe(false);
    expect(r.passed).toBe(false);
    expect(r.failedTests).toEqual(['amount']);
  });

  it('fails with exactly half of the creditors present ("过半数" is strictly more than half)', () => {
    const roll = [ordinaryCreditor('a', 97n), ordinaryCreditor('b', 1n), ordinaryCreditor('c', 1n), ordinaryCreditor('d', 1n)];
    const r = tallyResolution('ordinary', {
      roll,
      ballots: [...forAll('a', 'b'), { creditorId: 'c', choice: 'against' }, { creditorId: 'd', choice: 'against' }],
      attendance: [],
    });
    expect(r.heads).toEqual({ for: 2, present: 4, met: false });
    expect(r.amount.met).toBe(true);
    expect(r.passed).toBe(false);
    expect(r.failedTests).toEqual(['headcount']);
  });

  it('fails with a majority of heads but not of the amount', () => {
    const roll = [ordinaryCreditor('big', 70n), ordinaryCreditor('b', 10n), ordinaryCreditor('c', 10n), ordinaryCreditor('d', 10n)];
    const r = tallyResolution('ordinary', {
      roll,
      ballots: [...forAll('b', 'c', 'd'), { creditorId: 'big', choice: 'against' }],
      attendance: [],
    });
    expect(r.heads).toEqual({ for: 3, present: 4, met: true });
    expect(r.amount).toMatchObject({ forFen: 30n, totalFen: 100n, met: false });
    expect(r.passed).toBe(false);
  });

  it('takes the amount denominator from the total of all unsecured claims, not from those present', () => {
    // Two creditors attend and both vote for: unanimous among those present, yet 40% of the total.
    const roll = [ordinaryCreditor('a', 20n), ordinaryCreditor('b', 20n), ordinaryCreditor('absent', 60n)];
    const r = tallyResolution('ordinary', { roll, ballots: forAll('a', 'b'), attendance: ['a', 'b'] });
    expect(r.heads).toEqual({ for: 2, present: 2, met: true });
    expect(r.amount.totalFen).toBe(100n);
    expect(r.passed).toBe(false);
  });

  it('counts a creditor who signed in but did not vote, and one who abstained, as present', () => {
    const roll = [ordinaryCreditor('a', 40n), ordinaryCreditor('b', 30n), ordinaryCreditor('c', 30n)];
    const r = tallyResolution('ordinary', {
      roll,
      ballots: [{ creditorId: 'a', choice: 'for' }, { creditorId: 'b', choice: 'abstain' }],
      attendance: ['c'],
    });
    expect(r.heads).toEqual({ for: 1, present: 3, met: false });
  });

  it('decides exactly where floating point cannot: a total above 2^53 fen', () => {
    const total = 2n ** 53n + 1n; // Number(total) rounds to 2^53, which would make 2^52 look like one half
    const roll = [ordinaryCreditor('a', 2n ** 52n), ordinaryCreditor('b', total - 2n ** 52n)];
    const r = tallyResolution('ordinary', { roll, ballots: forAll('a'), attendance: ['a'] });
    expect(r.heads.met).toBe(true);
    expect(r.amount.met).toBe(false);
    expect(Number(2n ** 52n) * 2 >= Number(total)).toBe(true); // the float comparison would have passed it
  });

  it('weighs a secured creditor by its unsecured part only, but counts it by head', () => {
    const roll = [
      rollEntry('bank', { securedFen: 1_000n, ordinaryFen: 0n }),
      ordinaryCreditor('x', 50n),
      ordinaryCreditor('y', 50n),
    ];
    const r = tallyResolution('ordinary', { roll, ballots: forAll('bank', 'x'), attendance: ['y'] });
    expect(r.heads).toEqual({ for: 2, present: 3, met: true });
    expect(r.amount).toMatchObject({ forFen: 50n, totalFen: 100n, met: true });
  });

  it('gives no vote to an undetermined claim without a provisional amount (Art. 59 ¶2), and a vote with one', () => {
    const base = [ordinaryCreditor('a', 60n), ordinaryCreditor('b', 40n)];
    const without = tallyResolution('ordinary', {
      roll: [...base, rollEntry('u', { ordinaryFen: 500n, determination: 'undetermined' })],
      ballots: forAll('b'),
      attendance: ['a', 'u'],
    });
    expect(without.heads.present).toBe(2);
    expect(without.amount.totalFen).toBe(100n);
    expect(() =>
      tallyResolution('ordinary', {
        roll: [...base, rollEntry('u', { ordinaryFen: 500n, determination: 'undetermined' })],
        ballots: forAll('u'),
        attendance: [],
      }),
    ).toThrow(/no vote/);
    const withProvisional = tallyResolution('ordinary', {
      roll: [...base, rollEntry('u', { ordinaryFen: 500n, determination: 'provisional' })],
      ballots: forAll('u', 'b'),
      attendance: ['a'],
    });
    expect(withProvisional.amount).toMatchObject({ forFen: 540n, totalFen: 600n });
    expect(withProvisional.passed).toBe(true);
  });

  it('leaves listed employees (Art. 48, not filed) out of ordinary votes (Art. 59 ¶1, ¶5)', () => {
    const roll = [ordinaryCreditor('a', 10n), rollEntry('worker', { member: false, employeeFen: 1_000n })];
    const r = tallyResolution('ordinary', { roll, ballots: forAll('a'), attendance: ['worker'] });
    expect(r.amount.totalFen).toBe(10n);
    expect(r.heads).toEqual({ for: 1, present: 1, met: true });
    expect(r.passed).toBe(true);
  });

  it('refuses a non-member holding filed-type claims (inconsistent roll)', () => {
    expect(() =>
      tallyResolution('ordinary', { roll: [rollEntry('z', { member: false, ordinaryFen: 5n })], ballots: [], attendance: [] }),
    ).toThrow(/not a member/);
  });
});

describe('Art. 59 ¶3 distribution plan and Art. 97 settlement agreement', () => {
  const roll = [
    rollEntry('bank', { securedFen: 900n }),
    rollEntry('bank2', { securedFen: 500n, ordinaryFen: 100n }),
    rollEntry('waiver', { securedFen: 300n, securityWaived: true }),
    ordinaryCreditor('a', 100n),
    ordinaryCreditor('b', 100n),
  ];

  it('excludes a non-waiving secured creditor without an unsecured part from the distribution-plan vote', () => {
    expect(() => tallyResolution('distributionPlan', { roll, ballots: forAll('bank'), attendance: [] })).toThrow(/no vote/);
    const r = tallyResolution('distributionPlan', { roll, ballots: forAll('a', 'bank2', 'waiver'), attendance: ['bank', 'b'] });
    // Present voters: bank2, waiver, a, b (bank has no vote, so is not counted present).
    expect(r.heads).toEqual({ for: 3, present: 4, met: true });
    // Total unsecured: bank2's shortfall 100 + waived 300 + 100 + 100.
    expect(r.amount).toMatchObject({ forFen: 500n, totalFen: 600n, met: true });
    expect(r.decidedBy.code).toBe('EBL-64-1');
  });

  it('counts the same secured creditor on an ordinary resolution', () => {
    const r = tallyResolution('ordinary', { roll, ballots: forAll('a'), attendance: ['bank'] });
    expect(r.heads.present).toBe(2);
  });

  it('needs two thirds of the total unsecured claims for a settlement agreement, boundary included', () => {
    const three = [ordinaryCreditor('a', 100n), ordinaryCreditor('b', 100n), ordinaryCreditor('c', 100n)];
    const exact = tallyResolution('settlementAgreement', { roll: three, ballots: forAll('a', 'b'), attendance: ['c'] });
    expect(exact.amount).toMatchObject({ forFen: 200n, totalFen: 300n, met: true });
    expect(exact.passed).toBe(true);
    expect(exact.decidedBy.code).toBe('EBL-97');
    const short = tallyResolution('settlementAgreement', {
      roll: [ordinaryCreditor('a', 100n), ordinaryCreditor('b', 99n), ordinaryCreditor('c', 100n)],
      ballots: forAll('a', 'b'),
      attendance: ['c'],
    });
    expect(short.amount).toMatchObject({ forFen: 199n, totalFen: 299n, met: false }); // 199 × 3 = 597 < 598
    expect(short.passed).toBe(false);
  });
});

describe('properties', () => {
  const creditors = fc.array(
    fc.record({
      fen: fc.bigInt({ min: 1n, max: 10n ** 12n }),
      choice: fc.constantFrom<VoteChoice | 'absent' | 'silent'>('for', 'against', 'abstain', 'absent', 'silent'),
    }),
    { minLength: 1, maxLength: 40 },
  );

  function run(list: { fen: bigint; choice: VoteChoice | 'absent' | 'silent' }[], kind: 'ordinary' | 'settlementAgreement') {
    const roll = list.map((c, i) => ordinaryCreditor(`c${i}`, c.fen));
    const ballots: Ballot[] = [];
    const attendance: string[] = [];
    list.forEach((c, i) => {
      if (c.choice === 'silent') attendance.push(`c${i}`);
      else if (c.choice !== 'absent') ballots.push({ creditorId: `c${i}`, choice: c.choice });
    });
    return tallyResolution(kind, { roll, ballots, attendance });
  }

  it('agrees with a reference written with ceiling division instead of cross-multiplication', () => {
    fc.assert(
      fc.property(creditors, fc.constantFrom('ordinary' as const, 'settlementAgreement' as const), (list, kind) => {
        const r = run(list, kind);
        const present = list.filter((c) => c.choice !== 'absent').length;
        const forCount = list.filter((c) => c.choice === 'for').length;
        const forFen = list.filter((c) => c.choice === 'for').reduce((s, c) => s + c.fen, 0n);
        const total = list.reduce((s, c) => s + c.fen, 0n);
        const [p, q] = kind === 'ordinary' ? [1n, 2n] : [2n, 3n];
        const needed = (total * p + q - 1n) / q; // smallest amount that is ≥ p/q of the total
        expect(r.passed).toBe(forCount > Math.floor(present / 2) && forFen >= needed);
      }),
    );
  });

  it('never turns a pass into a failure when one more creditor votes for', () => {
    fc.assert(
      fc.property(creditors, fc.nat(), (list, pick) => {
        const before = run(list, 'ordinary');
        const i = pick % list.length;
        const after = run(
          list.map((c, j) => (j === i ? { ...c, choice: 'for' as const } : c)),
          'ordinary',
        );
        if (before.passed) expect(after.passed).toBe(true);
      }),
    );
  });

  it('never turns a failure into a pass when an absent creditor is added', () => {
    fc.assert(
      fc.property(creditors, fc.bigInt({ min: 1n, max: 10n ** 12n }), (list, fen) => {
        const before = run(list, 'ordinary');
        const after = run([...list, { fen, choice: 'absent' }], 'ordinary');
        if (!before.passed) expect(after.passed).toBe(false);
      }),
    );
  });
});
