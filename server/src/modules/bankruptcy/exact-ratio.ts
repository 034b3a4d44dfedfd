/**
 * Exact threshold tests for votes and rates. Every comparison is a cross-multiplication on BigInt, so no
 * floating point ever decides a vote (a float compares 2/3 of 300 fen as 199.99999999999997).
 *
 * Civil Code Art. 1259: "以上" includes the boundary (≥); "过半数" is strictly more than half (>).
 */

/** "过半数": count × 2 > of. Zero of zero is not a majority. */
export function isMoreThanHalf(count: bigint, of: bigint): boolean {
  return count * 2n > of;
}

/** "占 … 的 p/q 以上": part / whole ≥ p / q, i.e. part × q ≥ whole × p. */
export function isAtLeastFraction(part: bigint, whole: bigint, p: bigint, q: bigint): boolean {
  if (q <= 0n || p < 0n) throw new RangeError('fraction must be p/q with q > 0 and p ≥ 0');
  return part * q >= whole * p;
}

/**
 * n / d rounded half away from zero (for basis points and present values shown to people). Integer
 * division in BigInt truncates toward zero, so the sign is handled on the magnitude.
 */
export function divRoundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  return negative ? -q : q;
}

/** part / whole in basis points (1 bp = 0.01%), rounded half away from zero; null when whole is 0. */
export function toBasisPoints(part: bigint, whole: bigint): bigint | null {
  if (whole === 0n) return null;
  return divRoundHalfAwayFromZero(part * 10_000n, whole);
}
