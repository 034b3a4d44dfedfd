import { createHash, hash } from 'node:crypto';

/**
 * RFC 6962 §2.1 / RFC 9162 §2.1.1 Merkle tree hashing with SHA-256:
 *   leaf hash = SHA-256(0x00 || leaf bytes), interior node = SHA-256(0x01 || left || right).
 * The prefixes keep a leaf from being passed off as an interior node (second-preimage resistance).
 */
export const HASH_SIZE = 32;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** MTH({}) = SHA-256 of the empty string (RFC 9162 §2.1.1). */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

export function hashLeaf(data: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

/**
 * hashLeaf of a leaf's UTF-8 text, without first copying the text into a Buffer: one-shot SHA-256 of
 * "\u0000" + text, whose UTF-8 encoding is exactly 0x00 || bytes. Used where a million leaves are re-hashed.
 */
export function hashLeafText(text: string): Buffer {
  return hash('sha256', `\u0000${text}`, 'buffer');
}

export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** Largest power of two strictly smaller than n (n ≥ 2): the split point k of RFC 9162 §2.1.1. */
export function splitPoint(n: number): number {
  if (n < 2) throw new RangeError(`splitPoint needs n ≥ 2, got ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Works past 2^31, where JavaScript's bitwise operators would truncate. */
export function isPowerOfTwo(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}

/** Root of the tree over the given leaf hashes, computed directly from the RFC's recursive definition. */
export function rootOfLeafHashes(leafHashes: readonly Uint8Array[]): Buffer {
  if (leafHashes.length === 0) return EMPTY_ROOT;
  return rootOfRange(leafHashes, 0, leafHashes.length);
}

function rootOfRange(leafHashes: readonly Uint8Array[], start: number, end: number): Buffer {
  if (end - start === 1) return Buffer.from(leafHashes[start]);
  const k = splitPoint(end - start);
  return hashChildren(rootOfRange(leafHashes, start, start + k), rootOfRange(leafHashes, start + k, end));
}
