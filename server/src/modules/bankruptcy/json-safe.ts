/**
 * Rules compute in BigInt; JSON has no BigInt. Amounts go out as numbers (integer fen, safe up to 2^53 fen,
 * about 90 trillion yuan) and, beyond that, as decimal strings rather than rounded numbers.
 */
export type JsonSafe<T> = T extends bigint
  ? number | string
  : T extends readonly (infer U)[]
    ? JsonSafe<U>[]
    : T extends object
      ? { [K in keyof T]: JsonSafe<T[K]> }
      : T;

export function jsonSafe<T>(value: T): JsonSafe<T> {
  if (typeof value === 'bigint') {
    const n = Number(value);
    return (Number.isSafeInteger(n) ? n : value.toString()) as JsonSafe<T>;
  }
  if (Array.isArray(value)) return value.map((v) => jsonSafe(v)) as JsonSafe<T>;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = jsonSafe(v);
    return out as JsonSafe<T>;
  }
  return value as JsonSafe<T>;
}
