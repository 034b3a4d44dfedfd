import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { hashLeaf, hashLeafText, rootOfLeafHashes, splitPoint, isPowerOfTwo, EMPTY_ROOT } from './merkle-hash.js';
import {
  consistencyProofRanges,
  hashRange,
  inclusionProofRanges,
  nodesForRanges,
  perfectSubtrees,
  type NodeId,
} from './merkle-proof.js';
import { MerkleFrontier, type CompletedNode } from './merkle-frontier.js';
import { isValidConsistency, isValidInclusion, verifyConsistency, verifyInclusion } from './merkle-verify.js';

const testdata = process.env.YS_TESTDATA ?? '/work/shared/testdata';
const leafHashes = (n: number) => Array.from({ length: n }, (_, i) => hashLeaf(Buffer.from(`leaf-${i}`)));

/** Node store built the way the sequencer builds it: every node the frontier completes. */
function buildStore(hashes: Buffer[]) {
  const nodes = new Map<string, Buffer>();
  const frontier = MerkleFrontier.empty();
  for (const h of hashes) for (const n of frontier.append(h)) nodes.set(`${n.level}:${n.index}`, n.hash);
  const lookup = (id: NodeId) => {
    const h = nodes.get(`${id.level}:${id.index}`);
    if (!h) throw new Error(`missing node ${id.level}:${id.index}`);
    return h;
  };
  return { nodes, frontier, lookup };
}

describe('hash helpers', () => {
  it('splitPoint is the largest power of two below n', () => {
    expect([2, 3, 4, 5, 8, 9, 2 ** 40 + 1].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8, 2 ** 40]);
    expect(() => splitPoint(1)).toThrow(RangeError);
  });
  it('isPowerOfTwo works beyond 32 bits', () => {
    expect([1, 2, 1024, 2 ** 40].every(isPowerOfTwo)).toBe(true);
    expect([0, 3, 6, 2 ** 40 + 2, -4, 1.5].some(isPowerOfTwo)).toBe(false);
  });
  it('the empty root is SHA-256 of nothing', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('perfectSubtrees', () => {
  it('splits [0, 13) into 8 + 4 + 1', () => {
    expect(perfectSubtrees({ start: 0, end: 13 })).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
  });
  it('respects alignment inside a range', () => {
    expect(perfectSubtrees({ start: 6, end: 11 })).toEqual([
      { level: 1, index: 3 },
      { level: 1, index: 4 },
      { level: 0, index: 10 },
    ]);
  });
});

describe('frontier', () => {
  it('gives the RFC root after every append and completes each node once', () => {
    const hashes = leafHashes(70);
    const { nodes, frontier } = buildStore(hashes);
    expect(frontier.size).toBe(70);
    expect(frontier.root().equals(rootOfLeafHashes(hashes))).toBe(true);
    // A tree of n leaves has n leaf nodes and one interior node per completed pair at each level.
    let expected = 0;
    for (let level = 0; 2 ** level <= 70; level++) expected += Math.floor(70 / 2 ** level);
    expect(nodes.size).toBe(expected);
    const f = MerkleFrontier.empty();
    hashes.forEach((h, i) => {
      f.append(h);
      expect(f.root().equals(rootOfLeafHashes(hashes.slice(0, i + 1)))).toBe(true);
    });
  });

  it('every stored node is the root of its leaf range', () => {
    const hashes = leafHashes(37);
    const { nodes } = buildStore(hashes);
    for (const [key, hash] of nodes) {
      const [level, index] = key.split(':').map(Number);
      const slice = hashes.slice(index * 2 ** level, (index + 1) * 2 ** level);
      expect(hash.equals(rootOfLeafHashes(slice))).toBe(true);
    }
  });

  it('rebuilds from stored nodes and continues identically', () => {
    const hashes = leafHashes(45);
    const { lookup } = buildStore(hashes.slice(0, 29));
    const f = MerkleFrontier.fromNodes(29, lookup);
    expect(MerkleFrontier.nodesFor(29)).toHaveLength(4); // 16 + 8 + 4 + 1
    for (const h of hashes.slice(29)) f.append(h);
    expect(f.root().equals(rootOfLeafHashes(hashes))).toBe(true);
  });

  it('the completed nodes of one append are the leaf and its carries', () => {
    const f = MerkleFrontier.empty();
    let last: CompletedNode[] = [];
    for (const h of leafHashes(8)) last = f.append(h);
    expect(last.map((n) => [n.level, n.index])).toEqual([
      [0, 7],
      [1, 3],
      [2, 1],
      [3, 0],
    ]);
  });
});

describe('generated proofs', () => {
  const hashes = leafHashes(66);
  const { lookup } = buildStore(hashes);
  const roots = Array.from({ length: hashes.length + 1 }, (_, n) => rootOfLeafHashes(hashes.slice(0, n)));

  it('every inclusion proof up to 66 leaves verifies, and fails for a neighbour leaf', () => {
    for (let size = 1; size <= hashes.length; size++) {
      for (let index = 0; index < size; index++) {
        const proof = inclusionProofRanges(index, size).map((r) => hashRange(r, lookup));
        verifyInclusion(index, size, hashes[index], proof, roots[size]);
        if (size > 1) {
          const other = (index + 1) % size;
          expect(isValidInclusion(other, size, hashes[index], proof, roots[size])).toBe(false);
        }
      }
    }
  });

  it('every consistency proof up to 66 leaves verifies, and fails against a different old root', () => {
    for (let to = 1; to <= hashes.length; to++) {
      for (let from = 1; from <= to; from++) {
        const proof = consistencyProofRanges(from, to).map((r) => hashRange(r, lookup));
        verifyConsistency(from, to, proof, roots[from], roots[to]);
        if (from < to) {
          expect(isValidConsistency(from, to, proof, roots[from - 1], roots[to])).toBe(false);
        }
      }
    }
  });

  it('proof ranges only need nodes the store has (no node beyond the tree size)', () => {
    const ranges = [...inclusionProofRanges(40, 61), ...consistencyProofRanges(13, 61)];
    for (const n of nodesForRanges(ranges)) expect((n.index + 1) * 2 ** n.level).toBeLessThanOrEqual(61);
  });

  it('refuses proofs outside the tree', () => {
    expect(() => inclusionProofRanges(5, 5)).toThrow(RangeError);
    expect(() => inclusionProofRanges(-1, 5)).toThrow(RangeError);
    expect(() => consistencyProofRanges(0, 5)).toThrow(RangeError);
    expect(() => consistencyProofRanges(6, 5)).toThrow(RangeError);
  });

  it('property: random sizes up to 2^40 give proofs of the expected length (no hashing needed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 0, max: 2 ** 40 }), (size, raw) => {
        const index = raw % size;
        const path = inclusionProofRanges(index, size);
        // The path has one sibling per level on the way down; never more than ceil(log2(size)).
        expect(path.length).toBeLessThanOrEqual(Math.ceil(Math.log2(size)));
        for (const r of path) expect(r.end).toBeLessThanOrEqual(size);
        // Siblings are disjoint from the leaf and from each other, and together with the leaf cover [0, size).
        const covered = path.reduce((acc, r) => acc + (r.end - r.start), 1);
        expect(covered).toBe(size);
      }),
    );
  });
});

describe('generated proofs match the published vectors', () => {
  it('CCTV inclusion paths are exactly what we generate', () => {
    const tree = JSON.parse(readFileSync(join(testdata, 'merkle/cctv/merkle_tree.json'), 'utf8')) as { leaf_data: string }[];
    const { lookup } = buildStore(tree.map((t) => hashLeaf(Buffer.from(t.leaf_data, 'utf8'))));
    const valid = JSON.parse(readFileSync(join(testdata, 'merkle/cctv/inclusion-valid.json'), 'utf8')) as {
      leaf_index: number;
      tree_size: number;
      inclusion_path: string[];
    }[];
    for (const v of valid) {
      const ours = inclusionProofRanges(v.leaf_index, v.tree_size).map((r) => hashRange(r, lookup).toString('base64'));
      expect(ours).toEqual(v.inclusion_path);
    }
    const cons = JSON.parse(readFileSync(join(testdata, 'merkle/cctv/consistency-valid.json'), 'utf8')) as {
      old_size: number;
      new_size: number;
      consistency_path: string[];
    }[];
    for (const v of cons.filter((c) => c.old_size > 0)) {
      const ours = consistencyProofRanges(v.old_size, v.new_size).map((r) => hashRange(r, lookup).toString('base64'));
      expect(ours).toEqual(v.consistency_path);
    }
  });

  it('transparency-dev happy paths are exactly what we generate from the reference tree', () => {
    const dir = join(testdata, 'merkle/transparency-dev');
    const ref = JSON.parse(readFileSync(join(dir, 'reference-tree.json'), 'utf8')) as { leaves: string[] };
    const { lookup } = buildStore(ref.leaves.map((hex) => hashLeaf(Buffer.from(hex, 'hex'))));
    for (const n of [0, 1, 2, 3, 4]) {
      const incl = JSON.parse(readFileSync(join(dir, `inclusion/${n}/happy-path.json`), 'utf8')) as {
        leafIdx: number;
        treeSize: number;
        proof: string[] | null;
      };
      const ours = inclusionProofRanges(incl.leafIdx, incl.treeSize).map((r) => hashRange(r, lookup).toString('base64'));
      expect(ours).toEqual(incl.proof ?? []);
      const cons = JSON.parse(readFileSync(join(dir, `consistency/${n}/happy-path.json`), 'utf8')) as {
        size1: number;
        size2: number;
        proof: string[] | null;
      };
      const oursC = consistencyProofRanges(cons.size1, cons.size2).map((r) => hashRange(r, lookup).toString('base64'));
      expect(oursC).toEqual(cons.proof ?? []);
    }
  });
});

describe('hashLeafText', () => {
  it('equals hashLeaf of the UTF-8 bytes, and the RFC 6962 hash of the empty leaf', () => {
    // SHA-256(0x00): the leaf hash of the empty entry in the RFC 6962 test vectors.
    expect(hashLeafText('').toString('hex')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => hashLeafText(s).equals(hashLeaf(Buffer.from(s, 'utf8')))));
    expect(hashLeafText('福建示例科技有限公司').equals(hashLeaf(Buffer.from('福建示例科技有限公司', 'utf8')))).toBe(true);
  });
});
