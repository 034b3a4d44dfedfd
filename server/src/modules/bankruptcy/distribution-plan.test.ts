import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDistributionPlan } from './distribution-plan.js';
import type { DistributionClaim, DistributionInput, DistributionPlan } from './distribution.types.js';

const claim = (claimId: string, tier: DistributionClaim['tier'], amountFen: bigint, extra: Partial<DistributionClaim> = {}): DistributionClaim => ({
  claimId,
  creditorId: extra.creditorId ?? claimId,
  tier,
  amountFen,
  status: 'confirmed',
  ...extra,
});

const base: DistributionInput = { freeEstateFen: 0n, collaterals: [], expenses: [], commonBenefitDebts: [], claims: [] };
const byId = (plan: DistributionPlan, id: string) => plan.claims.find((c) => c.claimId === id)!;

/** Everything the plan hands out plus what it leaves must be the estate: nothing lost, nothing created. */
function conserved(plan: DistributionPlan): bigint {
  let out = plan.remainderFen;
  for (const d of [...plan.expenses, ...plan.commonBenefitDebts]) out += d.payFen;
  for (const c of plan.claims) out += c.payFen + c.reserveFen;
  return out;
}

describe('distribution plan', () => {
  it('pays a secured claim from its collateral and ranks the shortfall as ordinary (Arts. 109, 110)', () => {
    const plan = computeDistributionPlan({
      ...base,
      freeEstateFen: 300n,
      collaterals: [{ collateralId: 'plant', realizedFen: 600n }],
      claims: [
        claim('bank', 'ordinary', 1_000n, { security: { collateralId: 'plant', rank: 1, waived: false } }),
        claim('supplier', 'ordinary', 400n),
      ],
    });
    const bank = byId(plan, 'bank');
    expect(bank.lines).toEqual([
      { source: 'collateral', allowedFen: 1_000n, payFen: 600n, reserveFen: 0n },
      { source: 'ordinary', allowedFen: 400n, payFen: 150n, reserveFen: 0n },
    ]);
    expect(byId(plan, 'supplier').payFen).toBe(150n); // 300 shared 400:400
    expect(plan.collaterals).toEqual([{ collateralId: 'plant', realizedFen: 600n, toSecuredFen: 600n, surplusFen: 0n }]);
    expect(conserved(plan)).toBe(plan.estateFen);
  });

  it('pays ranks in order on one collateral and lets the surplus join the free estate', () => {
    const plan = computeDistributionPlan({
      ...base,
      collaterals: [{ collateralId: 'land', realizedFen: 1_000n }, { collateralId: 'car', realizedFen: 500n }],
      claims: [
        claim('first', 'ordinary', 700n, { security: { collateralId: 'land', rank: 1, waived: false } }),
        claim('second', 'ordinary', 700n, { security: { collateralId: 'land', rank: 2, waived: false } }),
        claim('carLoan', 'ordinary', 200n, { security: { collateralId: 'car', rank: 1, waived: false } }),
        claim('trade', 'ordinary', 100n),
      ],
    });
    expect(byId(plan, 'first').lines).toEqual([{ source: 'collateral', allowedFen: 700n, payFen: 700n, reserveFen: 0n }]);
    expect(byId(plan, 'second').lines[0]).toMatchObject({ payFen: 300n });
    // Car surplus 300 is the whole unsecured pool: second's shortfall 400 and trade 100 share it 4:1.
    expect(plan.collaterals[1]).toMatchObject({ toSecuredFen: 200n, surplusFen: 300n });
    expect(byId(plan, 'second').lines[1]).toEqual({ source: 'ordinary', allowedFen: 400n, payFen: 240n, reserveFen: 0n });
    expect(byId(plan, 'trade').payFen).toBe(60n);
    expect(plan.remainderFen).toBe(0n);
  });

  it('pays the employee tier in full before taxes, and taxes before ordinary claims (Art. 113)', () => {
    const plan = computeDistributionPlan({
      ...base,
      freeEstateFen: 10_000n,
      expenses: [{ id: 'court', amountFen: 1_000n }],
      commonBenefitDebts: [{ id: 'utilities', amountFen: 500n }],
      claims: [
        claim('w1', 'employee', 3_000n),
        claim('w2', 'employee', 2_000n),
        claim('tax', 'socialInsuranceAndTax', 6_000n),
        claim('o1', 'ordinary', 9_000n),
      ],
    });
    expect(plan.expenses[0]!.payFen).toBe(1_000n);
    expect(plan.commonBenefitDebts[0]!.payFen).toBe(500n);
    expect(byId(plan, 'w1').payFen).toBe(3_000n);
    expect(byId(plan, 'w2').payFen).toBe(2_000n);
    expect(byId(plan, 'tax').payFen).toBe(3_500n);
    expect(byId(plan, 'o1').payFen).toBe(0n);
    expect(plan.tiers.map((t) => [t.tier, t.fullyPaid])).toEqual([
      ['employee', true],
      ['socialInsuranceAndTax', false],
      ['ordinary', false],
    ]);
    expect(plan.terminationRequired).toBe(false);
  });

  it('shares a short employee tier pro rata in whole fen that add up', () => {
    const plan = computeDistributionPlan({
      ...base,
      freeEstateFen: 100n,
      claims: [claim('a', 'employee', 300n), claim('b', 'employee', 300n), claim('c', 'employee', 300n)],
    });
    expect(plan.claims.map((c) => c.payFen)).toEqual([34n, 33n, 33n]);
  });

  it('pays only expenses, pro rata, and requires termination when they exceed the estate (Art. 43 ¶4)', () => {
    const plan = computeDistributionPlan({
      ...base,
      freeEstateFen: 900n,
      expenses: [{ id: 'courtFee', amountFen: 600n }, { id: 'adminFee', amountFen: 600n }],
      commonBenefitDebts: [{ id: 'wagesAfter', amountFen: 100n }],
      claims: [claim('w', 'employee', 100n)],
    });
    expect(plan.terminationRequired).toBe(true);
    expect(plan.expenses.map((e) => e.payFen)).toEqual([450n, 450n]);
    expect(plan.commonBenefitDebts[0]!.payFen).toBe(0n);
    expect(byId(plan, 'w').payFen).toBe(0n);
  });

  it('pays expenses first and shares the rest among common-benefit debts without ending the case', () => {
    const plan = computeDistributionPlan({
      ...base,
      freeEstateFen: 1_000n,
      expenses: [{ id: 'e', amountFen: 700n }],
      commonBenefitDebts: [{ id: 'x', amountFen: 400n }, { id: 'y', amountFen: 200n }],
    });
    expect(plan.terminationRequired).toBe(false);
    expect(plan.commonBenefitDebts.map((d) => d.payFen)).toEqual([200n, 100n]);
  });

  it('reserves the shares of conditional and disputed claims instead of paying them (Arts. 117, 119)', () => {
    const plan = computeDistributionPlan({
      ...base,
      freeEstateFen: 575n,
      collaterals: [{ collateralId: 'shop', realizedFen: 50n }],
      claims: [
        claim('ok', 'ordinary', 400n),
        claim('cond', 'ordinary', 400n, { status: 'conditional' }),
        claim('suit', 'ordinary', 400n, { status: 'disputed', security: { collateralId: 'shop', rank: 1, waived: false } }),
      ],
    });
    expect(byId(plan, 'ok')).toMatchObject({ payFen: 200n, reserveFen: 0n });
    expect(byId(plan, 'cond')).toMatchObject({ payFen: 0n, reserveFen: 200n });
    // 50 reserved from the collateral, and its shortfall's share: 575 shared 400:400:350 is exactly one half each.
    expect(byId(plan, 'suit')).toMatchObject({ payFen: 0n, reserveFen: 50n + 175n });
    expect(plan.tiers[2]).toMatchObject({ payFen: 200n, reserveFen: 375n });
    expect(conserved(plan)).toBe(625n);
  });

  it("caps a senior manager's pay at the average wage and ranks the excess as ordinary (Art. 113 ¶3)", () => {
    const plan = computeDistributionPlan({
      ...base,
      freeEstateFen: 1_000_000n,
      averageMonthlyWageFen: 600_000n,
      claims: [claim('ceo', 'employee', 3_000_000n, { seniorManagerWageMonths: 1 }), claim('worker', 'employee', 400_000n)],
    });
    expect(byId(plan, 'ceo').lines).toEqual([
      { source: 'employee', allowedFen: 600_000n, payFen: 600_000n, reserveFen: 0n },
      { source: 'ordinary', allowedFen: 2_400_000n, payFen: 0n, reserveFen: 0n },
    ]);
    expect(byId(plan, 'worker').payFen).toBe(400_000n);
  });

  it('ranks a claim whose security was waived as ordinary', () => {
    const plan = computeDistributionPlan({
      ...base,
      freeEstateFen: 100n,
      collaterals: [{ collateralId: 'van', realizedFen: 1_000n }],
      claims: [claim('waiver', 'ordinary', 500n, { security: { collateralId: 'van', rank: 1, waived: true } }), claim('o', 'ordinary', 600n)],
    });
    expect(byId(plan, 'waiver').lines).toEqual([{ source: 'ordinary', allowedFen: 500n, payFen: 500n, reserveFen: 0n }]);
    expect(byId(plan, 'o').payFen).toBe(600n);
    expect(plan.remainderFen).toBe(0n);
  });

  it('sums per creditor and returns the remainder when everything is paid', () => {
    const plan = computeDistributionPlan({
      ...base,
      freeEstateFen: 1_000n,
      claims: [claim('c1', 'ordinary', 100n, { creditorId: 'acme' }), claim('c2', 'employee', 50n, { creditorId: 'acme' }), claim('c3', 'ordinary', 10n, { creditorId: 'bee' })],
    });
    expect(plan.creditors).toEqual([
      { creditorId: 'acme', payFen: 150n, reserveFen: 0n },
      { creditorId: 'bee', payFen: 10n, reserveFen: 0n },
    ]);
    expect(plan.remainderFen).toBe(840n);
  });

  it('refuses bad input', () => {
    expect(() => computeDistributionPlan({ ...base, claims: [claim('z', 'ordinary', 0n)] })).toThrow(/positive/);
    expect(() => computeDistributionPlan({ ...base, claims: [claim('a', 'ordinary', 1n), claim('a', 'ordinary', 2n)] })).toThrow(/twice/);
    expect(() =>
      computeDistributionPlan({ ...base, claims: [claim('s', 'ordinary', 1n, { security: { collateralId: 'nope', rank: 1, waived: false } })] }),
    ).toThrow(/unknown collateral/);
    expect(() => computeDistributionPlan({ ...base, claims: [claim('m', 'employee', 1n, { seniorManagerWageMonths: 2 })] })).toThrow(/averageMonthlyWage/);
  });
});

describe('distribution plan properties', () => {
  const amount = fc.bigInt({ min: 1n, max: 10n ** 10n });
  const arbInput = fc
    .record({
      freeEstateFen: fc.bigInt({ min: 0n, max: 10n ** 11n }),
      collateralValues: fc.array(fc.bigInt({ min: 0n, max: 10n ** 10n }), { maxLength: 4 }),
      expenses: fc.array(amount, { maxLength: 3 }),
      common: fc.array(amount, { maxLength: 3 }),
      claims: fc.array(
        fc.record({
          tier: fc.constantFrom('employee' as const, 'socialInsuranceAndTax' as const, 'ordinary' as const),
          amountFen: amount,
          status: fc.constantFrom('confirmed' as const, 'conditional' as const, 'disputed' as const),
          securedOn: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
          rank: fc.integer({ min: 1, max: 2 }),
          waived: fc.boolean(),
        }),
        { maxLength: 30 },
      ),
    })
    .map((r): DistributionInput => {
      const collaterals = r.collateralValues.map((v, i) => ({ collateralId: `col${i}`, realizedFen: v }));
      return {
        freeEstateFen: r.freeEstateFen,
        collaterals,
        expenses: r.expenses.map((a, i) => ({ id: `e${i}`, amountFen: a })),
        commonBenefitDebts: r.common.map((a, i) => ({ id: `cb${i}`, amountFen: a })),
        claims: r.claims.map((c, i) => ({
          claimId: `k${i}`,
          creditorId: `cr${i % 7}`,
          tier: c.tier,
          amountFen: c.amountFen,
          status: c.status,
          ...(c.securedOn !== undefined && collaterals.length > 0
            ? { security: { collateralId: `col${c.securedOn % collaterals.length}`, rank: c.rank, waived: c.waived } }
            : {}),
        })),
      };
    });

  it('never pays out more than the estate, and all of it when the debts and claims exceed it', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const plan = computeDistributionPlan(input);
        const estate = input.freeEstateFen + input.collaterals.reduce((s, c) => s + c.realizedFen, 0n);
        expect(plan.estateFen).toBe(estate);
        const paidOut = conserved(plan) - plan.remainderFen;
        expect(paidOut <= estate).toBe(true);
        expect(plan.remainderFen >= 0n).toBe(true);
        expect(conserved(plan)).toBe(estate);
        const owed =
          input.claims.reduce((s, c) => s + c.amountFen, 0n) +
          [...input.expenses, ...input.commonBenefitDebts].reduce((s, d) => s + d.amountFen, 0n);
        if (owed >= estate) expect(paidOut).toBe(estate);
        else expect(paidOut).toBe(owed);
      }),
    );
  });

  it('pays no claim more than its amount, and a tier only after the tiers before it are paid in full', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const plan = computeDistributionPlan(input);
        for (const c of plan.claims) {
          const original = input.claims.find((x) => x.claimId === c.claimId)!;
          expect(c.payFen + c.reserveFen <= original.amountFen).toBe(true);
          if (original.status === 'confirmed') expect(c.reserveFen).toBe(0n);
          else expect(c.payFen).toBe(0n);
        }
        const [employee, tax, ordinary] = plan.tiers;
        const got = (t: (typeof plan.tiers)[number]) => t.payFen + t.reserveFen > 0n;
        if (got(tax!)) expect(employee!.fullyPaid).toBe(true);
        if (got(ordinary!)) expect(employee!.fullyPaid && tax!.fullyPaid).toBe(true);
        if (plan.terminationRequired) expect(plan.tiers.every((t) => !got(t) || t.allowedFen === 0n)).toBe(true);
        const debtsPaid = [...plan.expenses, ...plan.commonBenefitDebts].every((d) => d.payFen === d.amountFen);
        if (got(employee!) || got(tax!) || got(ordinary!)) expect(debtsPaid).toBe(true);
      }),
    );
  });
});
