/**
 * Unbiased index in [0, m) from SHA-256 (DOMAIN.md: index = SHA-256(seed ‖ i) mod (n − i), with rejection
 * sampling to avoid modulo bias).
 *
 * The digest is read as a 256-bit big-endian unsigned integer h. With L = 2^256 − (2^256 mod m), values
 * h ≥ L would make the low residues more likely, so they are rejected and the next candidate
 * SHA-256(stream ‖ u64be(i) ‖ u32be(r)) for r = 1, 2, … is tried. For any m below 2^32 a rejection has
 * probability under 2^−224, yet the rule is part of the format so re-implementations agree in every case.
 */
import { createHash } from 'node:crypto';
import { u32be, u64be } from './canonical-bytes.js';

const TWO_256 = 1n << 256n;

/** Candidate digest number r (r = 0 is the plain SHA-256(stream ‖ u64be(i))). */
export function candidateDigest(stream: Buffer, i: number, r: number): Buffer {
  const h = createHash('sha256').update(stream).update(u64be(i));
  if (r > 0) h.update(u32be(r));
  return h.digest();
}

/** The rejection rule on its own, over any digest source, so it can be tested with crafted digests. */
export function uniformFromDigests(m: number, digestAt: (r: number) => Buffer): number {
  if (!Number.isSafeInteger(m) || m <= 0) throw new RangeError(`modulus must be a positive integer, got ${m}`);
  if (m === 1) return 0;
  const mm = BigInt(m);
  const limit = TWO_256 - (TWO_256 % mm);
  for (let r = 0; ; r++) {
    const h = BigInt('0x' + digestAt(r).toString('hex'));
    if (h < limit) return Number(h % mm);
  }
}

/** Index in [0, m) for step i of the stream. */
export function uniformIndex(stream: Buffer, i: number, m: number): number {
  return uniformFromDigests(m, (r) => candidateDigest(stream, i, r));
}
