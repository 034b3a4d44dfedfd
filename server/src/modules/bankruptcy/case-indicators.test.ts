import { describe, expect, it } from 'vitest';
import { administratorFeeCapFen } from './administrator-fee.js';
import {
  auctionPremiumRateBp,
  averagePremiumRateBp,
  caseDuration,
  costRatioBp,
  presentValueFen,
  presentValueRecoveryBp,
  recoveryRates,
} from './case-indicators.js';
import { computeDistributionPlan } from './distribution-plan.js';

describe('case indicators', () => {
  it('measures duration against the national average', () => {
    expect(caseDuration('2026-01-05', '2026-05-10')).toEqual({
      days: 125,
      nationalAverageDays: 500,
      ofNationalAverageBp: 2500n,
      withinQuarterOfNationalAverage: true,
    });
    expect(caseDuration('2026-01-05', '2026-05-11').withinQuarterOfNationalAverage).toBe(false);
    expect(() => caseDuration('2026-05-11', '2026-01-05')).toThrow();
  });

  const plan = computeDistributionPlan({
    freeEstateFen: 9_000n,
    collaterals: [{ collateralId: 'plant', realizedFen: 1_000n }],
    expenses: [{ id: 'e', amountFen: 1_500n }],
    commonBenefitDebts: [{ id: 'c', amountFen: 500n }],
    claims: [
      { claimId: 'bank', creditorId: 'bank', tier: 'ordinary', amountFen: 3_000n, status: 'confirmed', security: { collateralId: 'plant', rank: 1, waived: false } },
      { claimId: 'w', creditorId: 'w', tier: 'employee', amountFen: 2_000n, status: 'confirmed' },
      { claimId: 'o', creditorId: 'o', tier: 'ordinary', amountFen: 8_000n, status: 'disputed' },
    ],
  });

  it('computes the cost ratio over the realized estate', () => {
    expect(costRatioBp(plan)).toBe(2000n); // 2,000 of 10,000
  });

  it('computes recovery per rank and overall', () => {
    const r = recoveryRates(plan);
    // Pool 9,000 − 2,000 of debts = 7,000: employee 2,000 in full, then 5,000 over the bank's shortfall 2,000 and 8,000.
    expect(r.bySource).toEqual([
      { source: 'collateral', allowedFen: 3_000n, recoveredFen: 1_000n, rateBp: 3333n },
      { source: 'employee', allowedFen: 2_000n, recoveredFen: 2_000n, rateBp: 10_000n },
      { source: 'socialInsuranceAndTax', allowedFen: 0n, recoveredFen: 0n, rateBp: null },
      { source: 'ordinary', allowedFen: 10_000n, recoveredFen: 5_000n, rateBp: 5000n },
    ]);
    // Claims 3,000 + 2,000 + 8,000 = 13,000; recovered 1,000 + 1,000 + 2,000 + 4,000 = 8,000.
    expect(r.overall).toEqual({ allowedFen: 13_000n, recoveredFen: 8_000n, rateBp: 6154n });
  });

  it('discounts to present value in exact integers', () => {
    expect(presentValueFen(10_000n, 0, 345)).toBe(10_000n);
    expect(presentValueFen(10_345n, 365, 345)).toBe(10_000n); // one year at 3.45%
    // Half a year-ish: 182 days simple: 10,000 × 3,650,000 / (3,650,000 + 345 × 182) = 9,830.98… → 9,831.
    expect(presentValueFen(10_000n, 182, 345)).toBe(9_831n);
    // Two years compounded: 10,000 / 1.0345² = 9,343.9… → 9,344.
    expect(presentValueFen(10_000n, 730, 345)).toBe(9_344n);
    expect(presentValueRecoveryBp([{ amountFen: 10_345n, paidOn: '2027-01-05' }], 20_000n, '2026-01-05', 345)).toBe(5000n);
  });

  it('computes auction premium rates', () => {
    expect(auctionPremiumRateBp({ startPriceFen: 1_000_000n, salePriceFen: 1_350_000n })).toBe(3500n);
    expect(auctionPremiumRateBp({ startPriceFen: 3n, salePriceFen: 4n })).toBe(3333n);
    const avg = averagePremiumRateBp([
      { startPriceFen: 100n, salePriceFen: 150n },
      { startPriceFen: 1_000n, salePriceFen: 1_100n },
    ]);
    expect(avg).toEqual({ meanBp: 3000n, weightedBp: 1364n }); // mean of 50% and 10%; 150 / 1,100
    expect(averagePremiumRateBp([])).toEqual({ meanBp: null, weightedBp: null });
  });
});

describe('administrator fee cap (SPC 2007 Art. 2)', () => {
  const yuan = (y: bigint) => y * 100n;
  it('applies the marginal brackets', () => {
    expect(administratorFeeCapFen(yuan(1_000_000n))).toBe(yuan(120_000n));
    expect(administratorFeeCapFen(yuan(5_000_000n))).toBe(yuan(120_000n + 400_000n));
    expect(administratorFeeCapFen(yuan(10_000_000n))).toBe(yuan(520_000n + 400_000n));
    // 600 million: 920k + 2.4m + 1.5m + 4m + 0.5m
    expect(administratorFeeCapFen(yuan(600_000_000n))).toBe(yuan(920_000n + 2_400_000n + 1_500_000n + 4_000_000n + 500_000n));
    expect(administratorFeeCapFen(0n)).toBe(0n);
  });
  it('lets a province move the rates by at most 30%, rounding down', () => {
    expect(administratorFeeCapFen(yuan(1_000_000n), 3000)).toBe(yuan(156_000n));
    expect(administratorFeeCapFen(yuan(1_000_000n), -3000)).toBe(yuan(84_000n));
    expect(administratorFeeCapFen(7n)).toBe(0n); // 0.84 fen
    expect(() => administratorFeeCapFen(1n, 3001)).toThrow();
  });
});
