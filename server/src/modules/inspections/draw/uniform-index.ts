/**
 * Unbiased index in [0, m) from SHA-256 (DOMAIN.md: index = SHA-256(seed ‖ i) mod (n − i), with rejection
 * sampling to avoid modulo bias).
 *
 * The digest is read as a 256-bit big-endian unsigned integer h. With L = 2^256 − (2^256 mod m), values
 * h ≥ L would make the low residues more likely, so they are rejected and the next candidate
 * SHA-256(stream ‖ u64be(i) ‖ u32be(r)) for r = 1, 2, … is tried. For any m below 2^32 a rejection has
 * probability under 2^−224, yet the rule is part of the format so re-implementations agree in every case.
 */
import { hash } from 'node:crypto';

const TWO_256 = 1n << 256n;
const TWO_32 = 2 ** 32;

/** Exact rule with BigInt: the reference, used for large moduli and for rejection-zone digests. */
export function residueOrRejectBig(digest: Buffer, m: number): number | undefined {
  const mm = BigInt(m);
  const h = BigInt('0x' + digest.toString('hex'));
  return h < TWO_256 - (TWO_256 % mm) ? Number(h % mm) : undefined;
}

/**
 * Same result as residueOrRejectBig, without BigInt for m ≤ 2^32. The rejection zone is the top
 * (2^256 mod m) < 2^32 values, all of which begin with 0xffffffff; any other digest is accepted and
 * reduced 16 bits at a time (r < 2^32, so r · 65536 + chunk stays far below 2^53 and is exact).
 */
export function residueOrReject(digest: Buffer, m: number): number | undefined {
  if (m > TWO_32 || digest.readUInt32BE(0) === 0xffffffff) return residueOrRejectBig(digest, m);
  let r = 0;
  for (let k = 0; k < 32; k += 2) r = (r * 65536 + digest.readUInt16BE(k)) % m;
  return r;
}

/** Candidate digest source for one stream; reuses one input buffer (a draw computes ~10^5 of these). */
export class DigestSource {
  private readonly input: Buffer;

  constructor(stream: Buffer) {
    this.input = Buffer.alloc(stream.length + 12);
    stream.copy(this.input, 0);
  }

  /** Candidate r for step i: SHA-256(stream ‖ u64be(i)), and for r ≥ 1 SHA-256(stream ‖ u64be(i) ‖ u32be(r)). */
  candidate(i: number, r: number): Buffer {
    const s = this.input.length - 12;
    // u64be(i) as two u32 halves: no BigInt per pick (i is a safe integer, below 2^53).
    this.input.writeUInt32BE(Math.floor(i / 0x1_0000_0000), s);
    this.input.writeUInt32BE(i >>> 0, s + 4);
    if (r === 0) return hash('sha256', this.input.subarray(0, s + 8), 'buffer');
    this.input.writeUInt32BE(r, s + 8);
    return hash('sha256', this.input, 'buffer');
  }
}

export function candidateDigest(stream: Buffer, i: number, r: number): Buffer {
  return new DigestSource(stream).candidate(i, r);
}

/** The rejection rule on its own, over any digest source, so it can be tested with crafted digests. */
export function uniformFromDigests(m: number, digestAt: (r: number) => Buffer): number {
  if (!Number.isSafeInteger(m) || m <= 0) throw new RangeError(`modulus must be a positive integer, got ${m}`);
  if (m === 1) return 0;
  for (let r = 0; ; r++) {
    const idx = residueOrReject(digestAt(r), m);
    if (idx !== undefined) return idx;
  }
}

/** Index in [0, m) for step i of a stream. */
export function uniformIndex(stream: Buffer | DigestSource, i: number, m: number): number {
  const source = stream instanceof DigestSource ? stream : new DigestSource(stream);
  return uniformFromDigests(m, (r) => source.candidate(i, r));
}
