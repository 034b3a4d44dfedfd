import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProRata } from './pro-rata.js';

describe('largest-remainder pro rata', () => {
  it('gives the odd fen to the largest remainders, ties to the larger amount, then the smaller key', () => {
    // 100 fen over three equal claims: 33 each, one fen left, tie on remainder and amount → key "a".
    expect(allocateProRata(100n, [{ key: 'c', amountFen: 50n }, { key: 'a', amountFen: 50n }, { key: 'b', amountFen: 50n }])).toEqual([33n, 34n, 33n]);
    // 6 fen over 1:2:4 (total 7): quotas 0.86, 1.71, 3.43 → floors 0, 1, 3; two fen left for the remainders
    // 6/7 and 5/7, not 3/7.
    expect(allocateProRata(6n, [{ key: 'x', amountFen: 1n }, { key: 'y', amountFen: 2n }, { key: 'z', amountFen: 4n }])).toEqual([1n, 2n, 3n]);
  });

  it('pays in full when the pool covers everything, and nothing from an empty pool', () => {
    expect(allocateProRata(1_000n, [{ key: 'a', amountFen: 3n }, { key: 'b', amountFen: 4n }])).toEqual([3n, 4n]);
    expect(allocateProRata(0n, [{ key: 'a', amountFen: 3n }])).toEqual([0n]);
    expect(allocateProRata(5n, [])).toEqual([]);
  });

  const items = fc.uniqueArray(
    fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), amountFen: fc.bigInt({ min: 1n, max: 10n ** 13n }) }),
    { minLength: 1, maxLength: 60, selector: (i) => i.key },
  );

  it('adds up to the smaller of pool and total, stays within one fen of the exact quota, never above the amount', () => {
    fc.assert(
      fc.property(items, fc.bigInt({ min: 0n, max: 10n ** 15n }), (list, pool) => {
        const shares = allocateProRata(pool, list);
        const total = list.reduce((s, i) => s + i.amountFen, 0n);
        const sum = shares.reduce((s, x) => s + x, 0n);
        expect(sum).toBe(pool < total ? pool : total);
        list.forEach((item, k) => {
          const share = shares[k]!;
          expect(share <= item.amountFen).toBe(true);
          if (pool < total) {
            // |share − pool·a/total| < 1  ⇔  |share·total − pool·a| < total
            const diff = share * total - pool * item.amountFen;
            expect(diff < total && -diff < total).toBe(true);
          }
        });
      }),
    );
  });

  it('does not depend on the order of the items', () => {
    fc.assert(
      fc.property(items, fc.bigInt({ min: 0n, max: 10n ** 14n }), (list, pool) => {
        const forward = allocateProRata(pool, list);
        const reversed = allocateProRata(pool, [...list].reverse()).reverse();
        expect(reversed).toEqual(forward);
      }),
    );
  });
});
