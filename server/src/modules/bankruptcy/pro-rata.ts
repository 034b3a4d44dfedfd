/**
 * Pro rata sharing of a pool in whole fen by the largest-remainder (Hamilton) method, so the shares add
 * up to the pool exactly (EBL Art. 43 ¶3 "按照比例清偿", Art. 113 ¶2 "按照比例分配").
 *
 * Method: when the pool covers every amount, each is paid in full. Otherwise each share starts at
 * floor(pool × amount / total); the fen left over (fewer than the number of shares) go one each to the
 * shares with the largest remainders (pool × amount mod total). Equal remainders go first to the larger
 * amount, then to the smaller key in code-unit order, so the result does not depend on input order. No share
 * ever exceeds its amount: pool < total makes pool × amount / total < amount, so floor + 1 ≤ amount.
 */
export interface ProRataItem {
  key: string;
  amountFen: bigint;
}

/** Shares in the order of `items`. */
export function allocateProRata(poolFen: bigint, items: readonly ProRataItem[]): bigint[] {
  if (poolFen < 0n) throw new RangeError('pool must not be negative');
  let total = 0n;
  for (const item of items) {
    if (item.amountFen < 0n) throw new RangeError(`negative amount for ${item.key}`);
    total += item.amountFen;
  }
  if (poolFen >= total) return items.map((i) => i.amountFen);
  const shares = new Array<bigint>(items.length);
  const remainders = new Array<bigint>(items.length);
  let given = 0n;
  for (let i = 0; i < items.length; i++) {
    const product = poolFen * items[i]!.amountFen;
    shares[i] = product / total;
    remainders[i] = product % total;
    given += shares[i]!;
  }
  const leftover = Number(poolFen - given);
  if (leftover === 0) return shares;
  // The `leftover` largest remainders get one fen each. Doubles find them fast: Number() rounding is
  // monotone, so a strictly larger double means a strictly larger remainder. A native sort of the doubles
  // gives the threshold; everything above it gets a fen, and only the items exactly at it (rare) are
  // ordered exactly, by remainder, then amount, then key.
  const approx = new Float64Array(items.length);
  let positive = 0;
  for (let i = 0; i < items.length; i++) {
    approx[i] = Number(remainders[i]!);
    if (remainders[i]! > 0n) positive++;
  }
  const sorted = Float64Array.from(approx).sort();
  const threshold = sorted[sorted.length - leftover]!;
  const ties: number[] = [];
  let granted = 0;
  for (let i = 0; i < items.length; i++) {
    if (approx[i]! > threshold) {
      shares[i]! += 1n;
      granted++;
    } else if (approx[i] === threshold && remainders[i]! > 0n) ties.push(i);
  }
  if (granted + ties.length < leftover || positive < leftover) throw new Error('pro rata invariant broken');
  ties.sort((a, b) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const aa = items[a]!.amountFen;
    const ab = items[b]!.amountFen;
    if (aa !== ab) return aa > ab ? -1 : 1;
    const ka = items[a]!.key;
    const kb = items[b]!.key;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  for (let j = 0; j < leftover - granted; j++) shares[ties[j]!]! += 1n;
  return shares;
}
