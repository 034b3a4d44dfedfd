import type { DbOrTx } from '../db/index.js';
import { consistencyProofRanges, hashRange, inclusionProofRanges, nodesForRanges, type LeafRange, type NodeId } from './merkle-proof.js';
import { findNodeHashes, readTree } from './ledger.repository.js';
import { nodeCacheOf, nodeKey } from './ledger-node-cache.js';

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

/**
 * The proof hashes of `ranges` (and optionally one leaf's own hash). Upper-level nodes come from the in-memory
 * cache (ledger-node-cache.ts); everything else from ONE database statement.
 */
async function hashesOf(db: DbOrTx, ranges: LeafRange[], leafIndex?: number): Promise<{ proof: Buffer[]; leafHash?: Buffer }> {
  const cache = nodeCacheOf(db);
  const needed = nodesForRanges(ranges);
  if (leafIndex !== undefined) needed.push({ level: 0, index: leafIndex });
  const found = new Map<number, Buffer>();
  const missing: NodeId[] = [];
  for (const n of needed) {
    const hit = cache.get(n);
    if (hit) found.set(nodeKey(n.level, n.index), hit);
    else missing.push(n);
  }
  if (missing.length > 0) {
    for (const row of await findNodeHashes(db, missing)) {
      const level = Number(row.level);
      const index = Number(row.node_index);
      const hash = Buffer.from(row.hash, 'base64');
      found.set(nodeKey(level, index), hash);
      cache.remember(level, index, hash);
    }
  }
  const lookup = (id: NodeId) => {
    const h = found.get(nodeKey(id.level, id.index));
    if (!h) throw new Error(`账本节点缺失 ledger node ${id.level}:${id.index} missing`);
    return h;
  };
  return { proof: ranges.map((r) => hashRange(r, lookup)), leafHash: leafIndex === undefined ? undefined : lookup({ level: 0, index: leafIndex }) };
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
  const { proof, leafHash } = await hashesOf(db, inclusionProofRanges(leafIndex, size), leafIndex);
  if (!leafHash) throw new Error(`账本叶子缺失 ledger leaf ${leafIndex} missing`);
  // A copy: the cached buffers are shared and callers may keep or change what they receive.
  return { leafIndex, treeSize: size, leafHash: Buffer.from(leafHash), proof };
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
