import { createHash } from 'node:crypto';

/** Lowercase hex SHA-256. */
export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** 4-byte big-endian length prefix: makes concatenations unambiguous (no field can leak into the next). */
export function lengthPrefixed(data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  return Buffer.concat([len, data]);
}

export function u64be(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n), 0);
  return b;
}

export function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n, 0);
  return b;
}

/** Sorted, de-duplicated copy of a string set, ordered by UTF-16 code units (the order RFC 8785 uses for keys). */
export function sortedSet(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareCodeUnits);
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
