/**
 * Amounts typed in yuan ("1,280.5", "¥3 000") become integer fen for the API by string arithmetic, so no float
 * rounding creeps in (0.29 yuan is 29 fen). More than two decimals is refused, not rounded: a claim amount is
 * what the creditor states, and the server refuses fractions of a fen anyway (422).
 */
export function yuanToFen(input: string): number | null {
  const s = input.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '');
  const m = /^(\d{1,13})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** A vote test for display: part / whole as a percentage with two decimals, by integer arithmetic. */
export function percentText(part: number, whole: number): string {
  if (whole <= 0) return '—';
  const bp = Math.floor((part * 10_000) / whole);
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/**
 * Auction premium (sale − start) / start in basis points, rounded half away from zero like the server's
 * indicator, on BigInt so large prices stay exact. Shown as a preview while the result is typed.
 */
export function premiumRateBp(startFen: number, saleFen: number): number | null {
  if (startFen <= 0) return null;
  const n = (BigInt(saleFen) - BigInt(startFen)) * 10_000n;
  const d = BigInt(startFen);
  const abs = n < 0n ? -n : n;
  const q = (2n * abs + d) / (2n * d);
  return Number(n < 0n ? -q : q);
}
