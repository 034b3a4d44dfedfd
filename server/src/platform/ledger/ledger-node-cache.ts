import type { NodeId } from './merkle-proof.js';

/**
 * Upper tree nodes kept in memory for proofs. A stored node is the hash of a COMPLETE perfect subtree: it is
 * written once, when its last leaf is integrated, and never changes afterwards (the tree only grows), so a node
 * read once stays correct for every later tree size and needs no invalidation. Only levels ≥ CACHED_FROM_LEVEL
 * are kept: every proof touches about one node per level, so the top levels are shared by all proofs, while
 * the lower levels are many (n/2 at level 1) and each proof needs different ones. Memory is bounded by
 * MAX_ENTRIES (about 100 bytes each); beyond it, nodes are simply read from the database again.
 */
const CACHED_FROM_LEVEL = 7;
const MAX_ENTRIES = 200_000;

/** level < 64 and node_index < 2^47 (far beyond any log) give a unique, safe integer key. */
export const nodeKey = (level: number, index: number): number => index * 64 + level;

export class NodeCache {
  private readonly nodes = new Map<number, Buffer>();

  get(node: NodeId): Buffer | undefined {
    return node.level >= CACHED_FROM_LEVEL ? this.nodes.get(nodeKey(node.level, node.index)) : undefined;
  }

  /** Remembers a node read from the store (only complete subtrees are stored, see above). */
  remember(level: number, index: number, hash: Buffer): void {
    if (level >= CACHED_FROM_LEVEL && this.nodes.size < MAX_ENTRIES) this.nodes.set(nodeKey(level, index), hash);
  }

  get size(): number {
    return this.nodes.size;
  }
}

/** One cache per database handle: nodes of one database must never answer for another. */
const caches = new WeakMap<object, NodeCache>();

export function nodeCacheOf(db: object): NodeCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new NodeCache();
    caches.set(db, cache);
  }
  return cache;
}
