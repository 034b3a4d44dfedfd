import { hashChildren, splitPoint } from './merkle-hash.js';

/**
 * Proof generation (RFC 9162 §2.1.3.1 PATH and §2.1.4.1 SUBPROOF) expressed as leaf ranges: every proof
 * element is MTH(D[start:end]) for some range. A range is then split into perfect subtrees ("nodes"), which
 * the store keeps, so a proof costs O(log n) node look-ups however large the log is.
 */
export interface LeafRange {
  start: number;
  end: number;
}

/** The perfect subtree covering leaves [index·2^level, (index+1)·2^level). Level 0 is a leaf hash. */
export interface NodeId {
  level: number;
  index: number;
}

export type NodeLookup = (node: NodeId) => Uint8Array;

/** Ranges of the audit path for leaf `index` in a tree of `size` leaves, bottom-up as the RFC orders them. */
export function inclusionProofRanges(index: number, size: number): LeafRange[] {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`leaf index ${index} is outside a tree of size ${size}`);
  }
  const out: LeafRange[] = [];
  // Walk down from the root, collecting the sibling of each step; reversing gives the bottom-up order.
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      out.push({ start: start + k, end });
      end = start + k;
    } else {
      out.push({ start, end: start + k });
      start += k;
    }
  }
  return out.reverse();
}

/**
 * Ranges of the consistency proof from size `from` to size `to` (0 < from ≤ to). For from = to the proof is
 * empty. Size 0 is refused here: a proof from the empty tree proves nothing (see merkle-verify.ts).
 */
export function consistencyProofRanges(from: number, to: number): LeafRange[] {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1 || from > to) {
    throw new RangeError(`no consistency proof from size ${from} to size ${to}`);
  }
  const out: LeafRange[] = [];
  // SUBPROOF(m, D[start:end], b), unrolled: each step appends one sibling range, deepest last, then reversed.
  let m = from;
  let start = 0;
  let end = to;
  let startsAtOldRoot = true;
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      out.push({ start: start + k, end });
      end = start + k;
    } else {
      out.push({ start, end: start + k });
      start += k;
      m -= k;
      startsAtOldRoot = false;
    }
  }
  // m = size of the current range: the old tree's subtree itself, unless it is the whole old tree.
  if (!startsAtOldRoot) out.push({ start, end });
  return out.reverse();
}

/** Splits [start, end) into aligned perfect subtrees, largest first (the RFC's right-leaning shape). */
export function perfectSubtrees(range: LeafRange): NodeId[] {
  const out: NodeId[] = [];
  let start = range.start;
  while (start < range.end) {
    let level = 0;
    // Grow while the next larger subtree is aligned at `start` and still fits.
    while (start % 2 ** (level + 1) === 0 && start + 2 ** (level + 1) <= range.end) level++;
    out.push({ level, index: start / 2 ** level });
    start += 2 ** level;
  }
  return out;
}

/** MTH of a proof range from its perfect subtrees: the right edge folds up as H(a, H(b, H(c, …))). */
export function hashRange(range: LeafRange, lookup: NodeLookup): Buffer {
  const nodes = perfectSubtrees(range);
  let acc: Buffer = Buffer.from(lookup(nodes[nodes.length - 1]));
  for (let i = nodes.length - 2; i >= 0; i--) acc = hashChildren(lookup(nodes[i]), acc);
  return acc;
}

/** Every node the given ranges need, without repeats, so a store can fetch them in one query. */
export function nodesForRanges(ranges: readonly LeafRange[]): NodeId[] {
  const seen = new Map<string, NodeId>();
  for (const r of ranges) for (const n of perfectSubtrees(r)) seen.set(`${n.level}:${n.index}`, n);
  return [...seen.values()];
}
