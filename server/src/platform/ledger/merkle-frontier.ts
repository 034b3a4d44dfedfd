import { EMPTY_ROOT, hashChildren } from './merkle-hash.js';
import { perfectSubtrees, type NodeId, type NodeLookup } from './merkle-proof.js';

/** A node that became complete when a leaf was appended; the store keeps these for proofs. */
export interface CompletedNode extends NodeId {
  hash: Buffer;
}

/**
 * The right edge of a growing log: the perfect subtrees that make up [0, size), largest first. Appending a
 * leaf merges equal-sized subtrees (like binary carry), yielding the nodes that just became complete, so the
 * sequencer hashes each node exactly once and never re-reads old leaves.
 */
export class MerkleFrontier {
  private constructor(
    private treeSize: number,
    private readonly stack: CompletedNode[],
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, []);
  }

  /** Rebuilds the frontier of a tree of `size` leaves from at most log2(size) stored nodes. */
  static fromNodes(size: number, lookup: NodeLookup): MerkleFrontier {
    const ids = size === 0 ? [] : perfectSubtrees({ start: 0, end: size });
    return new MerkleFrontier(
      size,
      ids.map((id) => ({ ...id, hash: Buffer.from(lookup(id)) })),
    );
  }

  /** The node ids `fromNodes` will ask for. */
  static nodesFor(size: number): NodeId[] {
    return size === 0 ? [] : perfectSubtrees({ start: 0, end: size });
  }

  get size(): number {
    return this.treeSize;
  }

  /** Appends one leaf hash; returns every node completed by it, the leaf itself (level 0) first. */
  append(leafHash: Uint8Array): CompletedNode[] {
    let node: CompletedNode = { level: 0, index: this.treeSize, hash: Buffer.from(leafHash) };
    const completed = [node];
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].level === node.level) {
      const left = this.stack.pop()!;
      node = { level: node.level + 1, index: left.index / 2, hash: hashChildren(left.hash, node.hash) };
      completed.push(node);
    }
    this.stack.push(node);
    this.treeSize++;
    return completed;
  }

  root(): Buffer {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let acc = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) acc = hashChildren(this.stack[i].hash, acc);
    return acc;
  }

  clone(): MerkleFrontier {
    return new MerkleFrontier(this.treeSize, this.stack.map((n) => ({ ...n })));
  }
}
