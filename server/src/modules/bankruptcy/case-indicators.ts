import { naturalDaysBetween, toCalendarDate, type CalendarDate } from '../../platform/calendar/index.js';
import { divRoundHalfAwayFromZero, toBasisPoints } from './exact-ratio.js';
import type { DistributionPlan, LineSource } from './distribution.types.js';

/**
 * Business-environment indicators of a case (World Bank "Resolving Insolvency" method, as DOMAIN.md
 * describes it). Rates are basis points (1 bp = 0.01%), rounded half away from zero; null where the
 * denominator is zero.
 */

/** National average case time the platform compares against (DOMAIN.md: above 500 days). */
export const NATIONAL_AVERAGE_CASE_DAYS = 500;

export interface DurationIndicator {
  days: number;
  nationalAverageDays: number;
  /** days / national average. Xiamen reports about 2,500 bp (a quarter). */
  ofNationalAverageBp: bigint;
  withinQuarterOfNationalAverage: boolean;
}

/** Time: from acceptance to the final distribution (or to today for an open case), in natural days. */
export function caseDuration(acceptedOn: CalendarDate, endedOn: CalendarDate, nationalAverageDays = NATIONAL_AVERAGE_CASE_DAYS): DurationIndicator {
  const days = naturalDaysBetween(toCalendarDate(acceptedOn), toCalendarDate(endedOn));
  if (days < 0) throw new RangeError('a case cannot end before it was accepted');
  if (!Number.isInteger(nationalAverageDays) || nationalAverageDays <= 0) throw new RangeError('national average must be positive days');
  return {
    days,
    nationalAverageDays,
    ofNationalAverageBp: toBasisPoints(BigInt(days), BigInt(nationalAverageDays))!,
    withinQuarterOfNationalAverage: days * 4 <= nationalAverageDays,
  };
}

/** Cost: bankruptcy expenses and common-benefit debts as a share of the realized estate. */
export function costRatioBp(plan: Pick<DistributionPlan, 'expenses' | 'commonBenefitDebts' | 'estateFen'>): bigint | null {
  let cost = 0n;
  for (const d of [...plan.expenses, ...plan.commonBenefitDebts]) cost += d.payFen;
  return toBasisPoints(cost, plan.estateFen);
}

export interface RecoveryRate {
  source: LineSource;
  allowedFen: bigint;
  recoveredFen: bigint;
  rateBp: bigint | null;
}

/**
 * Recovery per rank (collateral, employee, social insurance and taxes, ordinary) and overall, nominal.
 * Reserved shares count as recovered: they are paid when the claim is upheld. The overall rate divides by
 * the claims' amounts (a secured claim's collateral and shortfall lines are the same money, not twice).
 */
export function recoveryRates(plan: Pick<DistributionPlan, 'claims'>): { bySource: RecoveryRate[]; overall: Omit<RecoveryRate, 'source'> } {
  const order: LineSource[] = ['collateral', 'employee', 'socialInsuranceAndTax', 'ordinary'];
  const sums = new Map<LineSource, { allowed: bigint; recovered: bigint }>(order.map((s) => [s, { allowed: 0n, recovered: 0n }]));
  let claimsTotal = 0n;
  let recoveredTotal = 0n;
  for (const c of plan.claims) {
    // A claim's allowed amount: its collateral line's when secured (shortfall lines repeat part of it).
    const collateral = c.lines.find((l) => l.source === 'collateral');
    claimsTotal += collateral ? collateral.allowedFen : c.lines.reduce((s, l) => s + l.allowedFen, 0n);
    recoveredTotal += c.payFen + c.reserveFen;
    for (const l of c.lines) {
      const s = sums.get(l.source)!;
      s.allowed += l.allowedFen;
      s.recovered += l.payFen + l.reserveFen;
    }
  }
  const bySource = order.map((source) => {
    const s = sums.get(source)!;
    return { source, allowedFen: s.allowed, recoveredFen: s.recovered, rateBp: toBasisPoints(s.recovered, s.allowed) };
  });
  return { bySource, overall: { allowedFen: claimsTotal, recoveredFen: recoveredTotal, rateBp: toBasisPoints(recoveredTotal, claimsTotal) } };
}

/**
 * Present value at acceptance of an amount paid `days` later, discounted at an annual rate (the loan prime
 * rate, in bp) compounded yearly, with simple interest for the part-year (World Bank uses the lending rate;
 * the part-year convention keeps the computation in exact integers). Rounded half away from zero to the fen.
 * PV = amount × 10000^y × 3,650,000 / ((10000 + r)^y × (3,650,000 + r × d)), y whole years, d leftover days.
 */
export function presentValueFen(amountFen: bigint, days: number, annualRateBp: number): bigint {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  if (!Number.isInteger(annualRateBp) || annualRateBp < 0) throw new RangeError('rate must be non-negative basis points');
  const r = BigInt(annualRateBp);
  const y = BigInt(Math.floor(days / 365));
  const d = BigInt(days % 365);
  const num = amountFen * 10_000n ** y * 3_650_000n;
  const den = (10_000n + r) ** y * (3_650_000n + r * d);
  return divRoundHalfAwayFromZero(num, den);
}

export interface Payment {
  amountFen: bigint;
  paidOn: CalendarDate;
}

/** Recovery in present value: Σ PV(payments) / allowed claims, in bp. */
export function presentValueRecoveryBp(payments: readonly Payment[], allowedFen: bigint, acceptedOn: CalendarDate, annualRateBp: number): bigint | null {
  let pv = 0n;
  for (const p of payments) {
    const days = naturalDaysBetween(toCalendarDate(acceptedOn), toCalendarDate(p.paidOn));
    if (days < 0) throw new RangeError('a payment before acceptance is not a distribution');
    pv += presentValueFen(p.amountFen, days, annualRateBp);
  }
  return toBasisPoints(pv, allowedFen);
}

export interface AuctionResult {
  startPriceFen: bigint;
  salePriceFen: bigint;
}

/** Premium rate of one auction: (sale − start) / start. */
export function auctionPremiumRateBp(a: AuctionResult): bigint {
  if (a.startPriceFen <= 0n || a.salePriceFen < 0n) throw new RangeError('start price must be positive');
  return toBasisPoints(a.salePriceFen - a.startPriceFen, a.startPriceFen)!;
}

/**
 * Average premium over a set of auctions, two ways: the plain mean of each auction's rate (how reports like
 * "平均溢价率 30%" are usually meant) and the value-weighted Σ(sale − start) / Σ start.
 */
export function averagePremiumRateBp(auctions: readonly AuctionResult[]): { meanBp: bigint | null; weightedBp: bigint | null } {
  if (auctions.length === 0) return { meanBp: null, weightedBp: null };
  // Each rate is kept to 10^-12 bp before the mean is rounded once, so the mean is off by far less than
  // the final half-bp rounding (an exact common denominator would be the product of all start prices).
  const SCALE = 10n ** 12n;
  let sumScaled = 0n;
  let start = 0n;
  let premium = 0n;
  for (const a of auctions) {
    auctionPremiumRateBp(a); // validates
    sumScaled += divRoundHalfAwayFromZero((a.salePriceFen - a.startPriceFen) * 10_000n * SCALE, a.startPriceFen);
    start += a.startPriceFen;
    premium += a.salePriceFen - a.startPriceFen;
  }
  return { meanBp: divRoundHalfAwayFromZero(sumScaled, BigInt(auctions.length) * SCALE), weightedBp: toBasisPoints(premium, start) };
}
