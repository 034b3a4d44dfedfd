/**
 * Money is integer fen (分). Values arriving from JSON, CSV or a form are checked here before any rule
 * sees them: a fraction of a fen, a negative amount or (where the caller asks for it) zero is refused.
 */
export type FenProblem = 'not-an-integer' | 'negative' | 'zero' | 'too-large';

export type FenParse = { ok: true; fen: bigint } | { ok: false; problem: FenProblem };

/** 10^15 fen = 10 trillion yuan: far above any estate, and below 2^53 so it survives a JSON number. */
export const MAX_FEN = 1_000_000_000_000_000n;

/**
 * Accepts a safe integer number, a bigint, or a string of decimal digits (as JSON, query strings and CSV
 * deliver them). `1.5` and `"1.50"` are fractions of a fen and refused, not rounded: a claim amount is
 * what the creditor states, and silently changing it would change their vote weight.
 */
export function parseFen(value: unknown, options: { allowZero?: boolean } = {}): FenParse {
  let fen: bigint;
  if (typeof value === 'bigint') fen = value;
  else if (typeof value === 'number') {
    if (!Number.isInteger(value)) return { ok: false, problem: 'not-an-integer' };
    if (!Number.isSafeInteger(value)) return { ok: false, problem: 'too-large' };
    fen = BigInt(value);
  } else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) fen = BigInt(value.trim());
  else return { ok: false, problem: 'not-an-integer' };
  if (fen < 0n) return { ok: false, problem: 'negative' };
  if (fen === 0n && !options.allowZero) return { ok: false, problem: 'zero' };
  if (fen > MAX_FEN) return { ok: false, problem: 'too-large' };
  return { ok: true, fen };
}

export function sumFen(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/** 123456 → "1,234.56" (yuan, for documents and UI labels). */
export function formatYuan(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}
