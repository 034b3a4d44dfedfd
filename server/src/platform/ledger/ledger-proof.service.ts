import type { DbOrTx } from '../db/index.js';
import { consistencyProofRanges, hashRange, inclusionProofRanges, nodesForRanges, type LeafRange, type NodeId } from './merkle-proof.js';
import { findNodeHashes, readTree } from './ledger.repository.js';

/** A proof request outside the integrated tree: the API answers 400. */
export class LedgerRangeError extends Error {
  override readonly name = 'LedgerRangeError';
  constructor(
    readonly code: 'ledger-index-out-of-range' | 'ledger-size-out-of-range',
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  leafHash: Buffer;
  proof: Buffer[];
}

export interface ConsistencyProof {
  from: number;
  to: number;
  proof: Buffer[];
}

/**
 * The largest tree size seen per database handle. The tree only grows, so a requested size at or below it
 * needs no query; a proof then costs just the node look-ups.
 */
const knownSize = new WeakMap<object, number>();

async function integratedSize(db: DbOrTx, atLeast?: number): Promise<number> {
  const known = knownSize.get(db) ?? -1;
  if (atLeast !== undefined && atLeast <= known) return known;
  const size = (await readTree(db)).tree_size;
  knownSize.set(db, Math.max(known, size));
  return size;
}

async function hashesOf(db: DbOrTx, ranges: LeafRange[], extra: NodeId[] = []): Promise<{ proof: Buffer[]; stored: Map<string, string> }> {
  const stored = await findNodeHashes(db, [...nodesForRanges(ranges), ...extra]);
  const proof = ranges.map((r) =>
    hashRange(r, (id) => {
      const h = stored.get(`${id.level}:${id.index}`);
      if (!h) throw new Error(`账本节点缺失 ledger node ${id.level}:${id.index} missing`);
      return Buffer.from(h, 'base64');
    }),
  );
  return { proof, stored };
}

/** Inclusion proof of leaf `leafIndex` in the tree of `treeSize` leaves (default: the integrated tree). */
export async function getInclusionProof(db: DbOrTx, leafIndex: number, treeSize?: number): Promise<InclusionProof> {
  const current = await integratedSize(db, treeSize);
  const size = treeSize ?? current;
  if (size > current || size < 1) {
    throw new LedgerRangeError('ledger-size-out-of-range', 'query.size', `树大小须在 1..${current} 之间 size must be 1..${current}`);
  }
  if (leafIndex >= size) {
    throw new LedgerRangeError('ledger-index-out-of-range', 'query.index', `叶子序号须小于 ${size} index must be below ${size}`);
  }
  // The leaf's own hash comes with the proof's nodes, in the same look-up.
  const { proof, stored } = await hashesOf(db, inclusionProofRanges(leafIndex, size), [{ level: 0, index: leafIndex }]);
  const leafHash = stored.get(`0:${leafIndex}`);
  if (!leafHash) throw new Error(`账本叶子缺失 ledger leaf ${leafIndex} missing`);
  return { leafIndex, treeSize: size, leafHash: Buffer.from(leafHash, 'base64'), proof };
}

/**
 * Consistency proof between two tree sizes. `from` must be at least 1: a proof from the empty tree proves
 * nothing and our verifiers refuse it (strict mode, merkle-verify.ts).
 */
export async function getConsistencyProof(db: DbOrTx, from: number, to?: number): Promise<ConsistencyProof> {
  const current = await integratedSize(db, to);
  const end = to ?? current;
  if (end > current) {
    throw new LedgerRangeError('ledger-size-out-of-range', 'query.to', `to 不能超过树大小 ${current} to must be ≤ ${current}`);
  }
  if (from < 1 || from > end) {
    throw new LedgerRangeError('ledger-size-out-of-range', 'query.from', `from 须在 1..${end} 之间 from must be 1..${end}`);
  }
  return { from, to: end, proof: (await hashesOf(db, consistencyProofRanges(from, end))).proof };
}
