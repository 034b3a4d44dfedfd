import type { DbOrTx } from '../db/index.js';
import { consistencyProofRanges, hashRange, inclusionProofRanges, nodesForRanges, type LeafRange } from './merkle-proof.js';
import { findLeafHash, findNodeHashes, readTree } from './ledger.repository.js';

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

async function hashesOf(db: DbOrTx, ranges: LeafRange[]): Promise<Buffer[]> {
  const stored = await findNodeHashes(db, nodesForRanges(ranges));
  return ranges.map((r) =>
    hashRange(r, (id) => {
      const h = stored.get(`${id.level}:${id.index}`);
      if (!h) throw new Error(`账本节点缺失 ledger node ${id.level}:${id.index} missing`);
      return Buffer.from(h, 'base64');
    }),
  );
}

/** Inclusion proof of leaf `leafIndex` in the tree of `treeSize` leaves (default: the integrated tree). */
export async function getInclusionProof(db: DbOrTx, leafIndex: number, treeSize?: number): Promise<InclusionProof> {
  const tree = await readTree(db);
  const size = treeSize ?? tree.tree_size;
  if (size > tree.tree_size || size < 1) {
    throw new LedgerRangeError('ledger-size-out-of-range', 'query.size', `树大小须在 1..${tree.tree_size} 之间 size must be 1..${tree.tree_size}`);
  }
  if (leafIndex >= size) {
    throw new LedgerRangeError('ledger-index-out-of-range', 'query.index', `叶子序号须小于 ${size} index must be below ${size}`);
  }
  const leafHash = await findLeafHash(db, leafIndex);
  if (!leafHash) throw new Error(`账本叶子缺失 ledger leaf ${leafIndex} missing`);
  return { leafIndex, treeSize: size, leafHash: Buffer.from(leafHash, 'base64'), proof: await hashesOf(db, inclusionProofRanges(leafIndex, size)) };
}

/**
 * Consistency proof between two tree sizes. `from` must be at least 1: a proof from the empty tree proves
 * nothing and our verifiers refuse it (strict mode, merkle-verify.ts).
 */
export async function getConsistencyProof(db: DbOrTx, from: number, to?: number): Promise<ConsistencyProof> {
  const tree = await readTree(db);
  const end = to ?? tree.tree_size;
  if (end > tree.tree_size) {
    throw new LedgerRangeError('ledger-size-out-of-range', 'query.to', `to 不能超过树大小 ${tree.tree_size} to must be ≤ ${tree.tree_size}`);
  }
  if (from < 1 || from > end) {
    throw new LedgerRangeError('ledger-size-out-of-range', 'query.from', `from 须在 1..${end} 之间 from must be 1..${end}`);
  }
  return { from, to: end, proof: await hashesOf(db, consistencyProofRanges(from, end)) };
}
