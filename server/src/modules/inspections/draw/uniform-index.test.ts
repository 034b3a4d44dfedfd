import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PartialShuffle } from './partial-shuffle.js';
import { candidateDigest, uniformFromDigests, uniformIndex } from './uniform-index.js';

const stream = createHash('sha256').update('test stream').digest();

describe('uniformIndex', () => {
  it('is SHA-256(stream ‖ u64be(i)) read big-endian, mod m, when not rejected', () => {
    const i = 5;
    const m = 1_000_003;
    const digest = createHash('sha256').update(Buffer.concat([stream, Buffer.from([0, 0, 0, 0, 0, 0, 0, 5])])).digest();
    expect(candidateDigest(stream, i, 0)).toEqual(digest);
    expect(uniformIndex(stream, i, m)).toBe(Number(BigInt('0x' + digest.toString('hex')) % BigInt(m)));
  });

  it('rejects values in the biased tail and tries the next candidate', () => {
    // m = 3: 2^256 mod 3 = 1, so the single value 2^256 − 1 (all ones) lies in the tail and must be rejected.
    const tail = Buffer.alloc(32, 0xff);
    const seven = Buffer.alloc(32, 0);
    seven[31] = 7;
    const seen: number[] = [];
    const idx = uniformFromDigests(3, (r) => {
      seen.push(r);
      return r === 0 ? tail : seven;
    });
    expect(seen).toEqual([0, 1]);
    expect(idx).toBe(7 % 3);
    // Just below the tail is accepted: 2^256 − 2 ≡ 2 (mod 3).
    const below = Buffer.alloc(32, 0xff);
    below[31] = 0xfe;
    expect(uniformFromDigests(3, () => below)).toBe(Number(((1n << 256n) - 2n) % 3n));
  });

  it('uses u32be(r) after the index for retries', () => {
    const expected = createHash('sha256').update(Buffer.concat([stream, Buffer.alloc(8), Buffer.from([0, 0, 0, 2])])).digest();
    expect(candidateDigest(stream, 0, 2)).toEqual(expected);
  });

  it('covers [0, m) uniformly (chi-square, 6 degrees of freedom)', () => {
    const m = 7;
    const n = 14_000;
    const counts = new Array<number>(m).fill(0);
    for (let i = 0; i < n; i++) counts[uniformIndex(stream, i, m)]++;
    const e = n / m;
    const chi2 = counts.reduce((acc, c) => acc + (c - e) ** 2 / e, 0);
    expect(chi2).toBeLessThan(22.46); // p = 0.001 critical value for 6 df
  });

  it('rejects a non-positive modulus', () => {
    expect(() => uniformIndex(stream, 0, 0)).toThrow(RangeError);
  });
});

describe('PartialShuffle', () => {
  it('yields a permutation of 0…n−1 and then stops', () => {
    const s = new PartialShuffle(50, stream);
    const out: number[] = [];
    for (let k = s.next(); k !== undefined; k = s.next()) out.push(k);
    expect(out).toHaveLength(50);
    expect([...out].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(s.picked).toBe(50);
  });

  it('matches a plain array Fisher–Yates using the same indices', () => {
    const n = 30;
    const arr = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < n; i++) {
      const j = i + uniformIndex(stream, i, n - i);
      [arr[i], arr[j]] = [arr[j], arr[i]];
    }
    const s = new PartialShuffle(n, stream);
    expect(Array.from({ length: n }, () => s.next())).toEqual(arr);
  });
});

describe('residueOrReject fast path', () => {
  it('agrees with the BigInt reference on random digests, near-rejection digests and moduli up to 2^32', async () => {
    const fc = (await import('fast-check')).default;
    const { residueOrReject, residueOrRejectBig } = await import('./uniform-index.js');
    const digest = fc.oneof(
      fc.uint8Array({ minLength: 32, maxLength: 32 }),
      // Digests in or next to the rejection zone: a long run of 0xff bytes, then anything.
      fc.tuple(fc.integer({ min: 4, max: 32 }), fc.uint8Array({ minLength: 32, maxLength: 32 })).map(([k, tail]) => {
        const b = Buffer.from(tail);
        b.fill(0xff, 0, k);
        return b;
      }),
    );
    const modulus = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 2 ** 32 }), fc.constantFrom(3, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 40 + 7));
    fc.assert(
      fc.property(digest, modulus, (d, m) => {
        expect(residueOrReject(Buffer.from(d), m)).toBe(residueOrRejectBig(Buffer.from(d), m));
      }),
      { numRuns: 3000 },
    );
    expect(residueOrReject(Buffer.alloc(32, 0xff), 3)).toBeUndefined();
  });
});
