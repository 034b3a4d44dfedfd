import { EMPTY_ROOT, HASH_SIZE, hashChildren, isPowerOfTwo } from './merkle-hash.js';

/**
 * Proof verification, RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), step for step.
 *
 * Strictness for the edge cases the RFC leaves open (its algorithms assume 0 < first < second and say
 * nothing about hash lengths), where the two public vector sets disagree:
 *
 * - `strict` (the DEFAULT, used by the ledger, its API and tools/verify-receipt.mjs) follows
 *   transparency-dev/merkle: the leaf hash and every proof hash must be exactly 32 bytes, and a consistency
 *   proof from size 0 is an error, even 0 → 0. A proof from the empty tree proves nothing, so the ledger
 *   never issues one (the API answers 400) and refuses one; a hash of the wrong length is malformed input,
 *   not a mismatch.
 * - `rfc9162` is the RFC read to the letter, as the CCTV vectors read it: no length checks (a wrong length
 *   simply cannot match) and the empty tree is consistent with any tree, given the empty-string root
 *   SHA-256("") and an empty proof.
 *
 * Roots are compared byte for byte in both modes and their length is not checked: transparency-dev's own
 * vectors accept equal sizes with equal (short) roots and an empty proof.
 */
export type ProofStrictness = 'strict' | 'rfc9162';

export interface VerifyOptions {
  strictness?: ProofStrictness;
}

export class MerkleProofError extends Error {
  override readonly name = 'MerkleProofError';
}

function fail(message: string): never {
  throw new MerkleProofError(message);
}

function checkSize(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) fail(`${name} must be a non-negative integer, got ${n}`);
}

function checkHashLengths(strictness: ProofStrictness, proof: readonly Uint8Array[], leafHash?: Uint8Array): void {
  if (strictness !== 'strict') return;
  if (leafHash && leafHash.length !== HASH_SIZE) fail(`leaf hash must be ${HASH_SIZE} bytes, got ${leafHash.length}`);
  proof.forEach((p, i) => {
    if (p.length !== HASH_SIZE) fail(`proof[${i}] must be ${HASH_SIZE} bytes, got ${p.length}`);
  });
}

const isOdd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/** Root implied by an inclusion proof (RFC 9162 §2.1.3.2 steps 1–5, without the final comparison). */
export function rootFromInclusionProof(
  leafIndex: number,
  treeSize: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  options: VerifyOptions = {},
): Buffer {
  checkSize('leaf index', leafIndex);
  checkSize('tree size', treeSize);
  if (leafIndex >= treeSize) fail(`leaf index ${leafIndex} is not below tree size ${treeSize}`);
  checkHashLengths(options.strictness ?? 'strict', proof, leafHash);
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (sn === 0) fail('inclusion proof is longer than the path to the root');
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) fail('inclusion proof is shorter than the path to the root');
  return r;
}

export function verifyInclusion(
  leafIndex: number,
  treeSize: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  options: VerifyOptions = {},
): void {
  const computed = rootFromInclusionProof(leafIndex, treeSize, leafHash, proof, options);
  if (!computed.equals(root)) fail('inclusion proof does not lead to the given root');
}

export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
  options: VerifyOptions = {},
): void {
  const strictness = options.strictness ?? 'strict';
  checkSize('size1', size1);
  checkSize('size2', size2);
  if (size1 > size2) fail(`size1 ${size1} is greater than size2 ${size2}`);
  if (size1 === 0) {
    if (strictness === 'strict') fail('a consistency proof from the empty tree proves nothing');
    if (proof.length > 0) fail('a consistency proof from the empty tree must be empty');
    if (!EMPTY_ROOT.equals(root1)) fail('root1 is not the root of the empty tree');
    if (size2 === 0 && !Buffer.from(root1).equals(root2)) fail('equal sizes but different roots');
    return;
  }
  if (size1 === size2) {
    if (proof.length > 0) fail('equal sizes need an empty proof');
    if (!Buffer.from(root1).equals(root2)) fail('equal sizes but different roots');
    return;
  }
  checkHashLengths(strictness, proof);
  // Step 1.
  if (proof.length === 0) fail('consistency proof is empty');
  // Step 2: when the old tree is a perfect subtree its root is the first element and is not sent.
  const path = isPowerOfTwo(size1) ? [Buffer.from(root1), ...proof] : proof;
  // Step 3.
  let fn = size1 - 1;
  let sn = size2 - 1;
  // Step 4.
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5.
  let fr: Buffer = Buffer.from(path[0]);
  let sr: Buffer = Buffer.from(path[0]);
  // Step 6.
  for (const c of path.slice(1)) {
    if (sn === 0) fail('consistency proof is longer than needed');
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 7.
  if (sn !== 0) fail('consistency proof is shorter than needed');
  if (!fr.equals(root1)) fail('consistency proof does not lead to root1');
  if (!sr.equals(root2)) fail('consistency proof does not lead to root2');
}

/** Boolean forms for callers that only need yes or no. */
export function isValidInclusion(...args: Parameters<typeof verifyInclusion>): boolean {
  return succeeds(() => verifyInclusion(...args));
}

export function isValidConsistency(...args: Parameters<typeof verifyConsistency>): boolean {
  return succeeds(() => verifyConsistency(...args));
}

function succeeds(fn: () => void): boolean {
  try {
    fn();
    return true;
  } catch (e) {
    if (e instanceof MerkleProofError) return false;
    throw e;
  }
}
