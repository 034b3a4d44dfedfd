/**
 * Cap on the administrator's fee: SPC Provisions on Determining Administrators' Remuneration (法释〔2007〕9号)
 * Art. 2. The fee is at most a marginal percentage of the value of the property finally distributed to
 * creditors, collateral paid to secured creditors excluded:
 *   ≤ 1,000,000 yuan 12%; to 5,000,000 10%; to 10,000,000 8%; to 50,000,000 6%; to 100,000,000 3%;
 *   to 500,000,000 1%; above 0.5%.
 * ¶2: a high court may move the rates within ±30% for its province (`adjustmentBp`, −3000 … +3000).
 */
const YUAN = 100n;
const BRACKETS: readonly [bigint | null, bigint][] = [
  [1_000_000n * YUAN, 1200n],
  [5_000_000n * YUAN, 1000n],
  [10_000_000n * YUAN, 800n],
  [50_000_000n * YUAN, 600n],
  [100_000_000n * YUAN, 300n],
  [500_000_000n * YUAN, 100n],
  [null, 50n],
];

/** The largest fee allowed, in fen, rounded down (a cap is never exceeded by rounding). */
export function administratorFeeCapFen(distributedFen: bigint, adjustmentBp = 0): bigint {
  if (distributedFen < 0n) throw new RangeError('distributed value must not be negative');
  if (!Number.isInteger(adjustmentBp) || adjustmentBp < -3000 || adjustmentBp > 3000) {
    throw new RangeError('a province may adjust the rates by at most 30% (SPC 2007 Art. 2 ¶2)');
  }
  let numerator = 0n; // Σ slice × rate (bp), before the province factor
  let lower = 0n;
  for (const [upper, rateBp] of BRACKETS) {
    if (distributedFen <= lower) break;
    const top = upper === null || distributedFen < upper ? distributedFen : upper;
    numerator += (top - lower) * rateBp;
    if (upper === null) break;
    lower = upper;
  }
  return (numerator * BigInt(10_000 + adjustmentBp)) / (10_000n * 10_000n);
}
