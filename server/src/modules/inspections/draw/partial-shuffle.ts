/**
 * A lazy partial Fisher–Yates shuffle over positions 0…n−1. Step i swaps position i with position
 * i + uniformIndex(stream, i, n − i) and yields what lands at i. Only touched positions are stored, so
 * drawing k of n costs O(k) time and memory — a 5% sample of a million targets never materializes the
 * million-long permutation. Lazy, because a withdrawal is replaced by simply taking the next pick.
 */
import { DigestSource, uniformIndex } from './uniform-index.js';

export class PartialShuffle {
  private readonly moved = new Map<number, number>();
  private step = 0;
  private readonly source: DigestSource;

  constructor(
    private readonly n: number,
    stream: Buffer,
  ) {
    this.source = new DigestSource(stream);
  }

  /** Number of picks made so far. */
  get picked(): number {
    return this.step;
  }

  /** The next original position, or undefined when all n have been picked. */
  next(): number | undefined {
    const i = this.step;
    if (i >= this.n) return undefined;
    const j = i + uniformIndex(this.source, i, this.n - i);
    const atJ = this.moved.get(j) ?? j;
    if (j !== i) this.moved.set(j, this.moved.get(i) ?? i);
    // Position i is never read again (later steps only look at positions > i), so forget it.
    this.moved.delete(i);
    this.step = i + 1;
    return atJ;
  }
}
