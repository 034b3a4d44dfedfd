import type { DbOrTx } from '../db/index.js';
import { parseCheckpoint } from './checkpoint.js';
import { ed25519Verifier } from './note-ed25519.js';
import { MerkleFrontier } from './merkle-frontier.js';
import { EMPTY_ROOT, HASH_SIZE, hashLeafText } from './merkle-hash.js';
import { openNote } from './signed-note.js';
import { allCheckpoints, highestStoredLeafIndex, leavesInRange, nodeLevels, nodesInRange, readTree } from './ledger.repository.js';
import { loadPublicKeys, verifiersOf } from './ledger-keys.service.js';

/**
 * `yingshang ledger verify`: recomputes the whole stored log and checks it against what was signed.
 *  - every leaf hash is recomputed from the stored canonical bytes;
 *  - the tree is rebuilt from those hashes, and its root at EVERY stored checkpoint size must equal that
 *    checkpoint's root, the latest one included;
 *  - every checkpoint's signature verifies (the latest with Ed25519 and SM2, older ones with Ed25519);
 *  - every stored node (what proofs are served from) equals the recomputed one, and none is missing.
 * Any edited, inserted or removed leaf, node or checkpoint makes it fail.
 */
export interface LedgerVerifyReport {
  ok: boolean;
  treeSize: number;
  checkpointSize: number;
  rootHash: string;
  leavesChecked: number;
  /** Leaves committed after the latest checkpoint (hash-checked, not yet in a signed tree). */
  pendingLeaves: number;
  nodesChecked: number;
  checkpointsChecked: number;
  problems: string[];
  durationMs: number;
}

const PAGE = 10_000;
/**
 * Pages requested ahead. The database (another process, on PostgreSQL) reads and sends pages while this
 * process hashes; with one page ahead the verifier sat idle over half the time at 1,000,000 leaves, so several
 * ranges are asked for at once (on PostgreSQL each on its own pooled connection).
 */
const IN_FLIGHT = 4;
const MAX_PROBLEMS = 50;

/**
 * Runs `fetch` over `tasks` in order with up to IN_FLIGHT requests outstanding, handing each result to `use`
 * in order. `use` returning false stops early; requests already sent are awaited (and their errors dropped)
 * so none is left unobserved.
 */
async function pipelined<T, R>(tasks: readonly T[], fetch: (t: T) => Promise<R>, use: (r: R, t: T) => boolean | void): Promise<void> {
  const queue: Promise<R>[] = [];
  let next = 0;
  const request = () => {
    if (next >= tasks.length) return;
    const p = fetch(tasks[next++]);
    // Marked handled at once: a later page may fail while an earlier one is still awaited.
    p.catch(() => undefined);
    queue.push(p);
  };
  for (let i = 0; i < IN_FLIGHT; i++) request();
  try {
    for (let i = 0; queue.length > 0; i++) {
      const result = await queue.shift()!;
      request();
      if (use(result, tasks[i]) === false) return;
    }
  } finally {
    await Promise.allSettled(queue);
  }
}

export async function verifyStoredLedger(db: DbOrTx): Promise<LedgerVerifyReport> {
  const started = Date.now();
  const problems: string[] = [];
  const problem = (p: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const report = (extra: Partial<LedgerVerifyReport>): LedgerVerifyReport => ({
    ok: problems.length === 0,
    treeSize: 0,
    checkpointSize: 0,
    rootHash: EMPTY_ROOT.toString('base64'),
    leavesChecked: 0,
    pendingLeaves: 0,
    nodesChecked: 0,
    checkpointsChecked: 0,
    problems,
    durationMs: Date.now() - started,
    ...extra,
  });

  // 1. Checkpoints: signatures, and the size → root each one commits to.
  const keys = await loadPublicKeys(db);
  const checkpoints = await allCheckpoints(db);
  const tree = await readTree(db);
  if (!keys) {
    if (tree.tree_size > 0 || checkpoints.length > 0) problem('账本密钥缺失 ledger keys are missing');
    return report({});
  }
  const edOnly = [ed25519Verifier(keys.ed25519)];
  const allVerifiers = verifiersOf(keys);
  const signedRoots = new Map<number, Buffer>();
  checkpoints.forEach((cp, i) => {
    const latest = i === checkpoints.length - 1;
    try {
      const opened = openNote(cp.signed_note, latest ? allVerifiers : edOnly);
      if (latest && opened.verified.length !== allVerifiers.length) problem(`检查点 ${cp.tree_size} 缺少签名 missing a signature`);
      const body = parseCheckpoint(opened.text);
      if (body.origin !== keys.origin) problem(`检查点 ${cp.tree_size} 来源不符 origin ${body.origin} ≠ ${keys.origin}`);
      if (body.size !== cp.tree_size || body.rootHash.toString('base64') !== cp.root_hash) {
        problem(`检查点 ${cp.tree_size} 的签名内容与记录不符 signed text differs from the stored row`);
      }
      signedRoots.set(body.size, body.rootHash);
    } catch (e) {
      problem(`检查点 ${cp.tree_size} 签名无效 checkpoint signature invalid: ${(e as Error).message}`);
    }
  });
  const latest = checkpoints[checkpoints.length - 1];
  const checkpointSize = latest?.tree_size ?? 0;
  if (!latest && tree.tree_size > 0) problem('没有检查点 no checkpoint');
  if (latest && tree.tree_size !== checkpointSize) problem(`树大小 ${tree.tree_size} ≠ 最新检查点 ${checkpointSize} tree size differs from latest checkpoint`);

  // 2. Leaves: recompute each hash, rebuild the tree, compare roots at every checkpoint size.
  const expected: Buffer[] = [Buffer.alloc(0)]; // expected[level]: concatenated hashes of that level's nodes
  for (let level = 1; 2 ** level <= checkpointSize; level++) expected.push(Buffer.alloc(Math.floor(checkpointSize / 2 ** level) * HASH_SIZE));
  const frontier = MerkleFrontier.empty();
  const rootAt = (size: number) => {
    const signed = signedRoots.get(size);
    if (signed && !frontier.root().equals(signed)) problem(`树根与检查点 ${size} 不符 recomputed root differs from checkpoint ${size}`);
  };
  rootAt(0);
  let leavesChecked = 0;
  let pendingLeaves = 0;
  let broken = false;
  const lastLeaf = await highestStoredLeafIndex(db);
  const leafRanges: number[] = [];
  for (let start = 0; start <= lastLeaf; start += PAGE) leafRanges.push(start);
  await pipelined(
    leafRanges,
    (start) => leavesInRange(db, start, start + PAGE),
    (page) => {
      for (const leaf of page) {
        if (leaf.leaf_index !== frontier.size + pendingLeaves) {
          problem(`叶子序号不连续 leaf index ${leaf.leaf_index} where ${frontier.size + pendingLeaves} was expected`);
          broken = true;
          return false;
        }
        const hash = hashLeafText(leaf.canonical_json);
        if (hash.toString('base64') !== leaf.leaf_hash) problem(`叶子 ${leaf.leaf_index} 的哈希与内容不符 stored hash does not match its bytes`);
        leavesChecked++;
        if (frontier.size >= checkpointSize) {
          pendingLeaves++;
          continue;
        }
        for (const n of frontier.append(hash)) if (n.level > 0) n.hash.copy(expected[n.level], n.index * HASH_SIZE);
        rootAt(frontier.size);
      }
      // A range with fewer leaves than it spans has a hole: the next leaf seen is then out of sequence.
    },
  );
  if (broken) return report({ treeSize: tree.tree_size, checkpointSize, leavesChecked, checkpointsChecked: checkpoints.length });
  if (frontier.size < checkpointSize) problem(`缺少叶子 only ${frontier.size} leaves for checkpoint size ${checkpointSize}`);

  // 3. Stored nodes: each must be the recomputed one, and all must be there.
  let expectedNodes = 0;
  for (let level = 1; level < expected.length; level++) expectedNodes += expected[level].length / HASH_SIZE;
  let nodesChecked = 0;
  for (const level of await nodeLevels(db)) {
    if (level < 1 || level >= expected.length) problem(`多余的节点层 stored nodes at level ${level} lie outside the signed tree`);
  }
  // Ranges of each level up to its expected count, then one open range per level for nodes that should not exist.
  const nodeRanges: { level: number; start: number; end: number }[] = [];
  for (let level = 1; level < expected.length; level++) {
    const count = expected[level].length / HASH_SIZE;
    for (let start = 0; start < count; start += PAGE) nodeRanges.push({ level, start, end: Math.min(count, start + PAGE) });
    nodeRanges.push({ level, start: count, end: Number.MAX_SAFE_INTEGER });
  }
  await pipelined(
    nodeRanges,
    (r) => nodesInRange(db, r.level, r.start, r.end),
    (page, r) => {
      for (const n of page) {
        const want = expected[r.level].subarray(n.node_index * HASH_SIZE, (n.node_index + 1) * HASH_SIZE);
        if (want.length !== HASH_SIZE) problem(`多余的节点 node ${r.level}:${n.node_index} lies outside the signed tree`);
        else if (Buffer.from(n.hash, 'base64').equals(want)) nodesChecked++;
        else problem(`节点 ${r.level}:${n.node_index} 与重算值不符 stored node differs from the recomputed one`);
      }
    },
  );
  if (nodesChecked !== expectedNodes && problems.length === 0) problem(`缺少节点 ${expectedNodes - nodesChecked} stored nodes missing`);

  return report({
    treeSize: tree.tree_size,
    checkpointSize,
    rootHash: (signedRoots.get(checkpointSize) ?? EMPTY_ROOT).toString('base64'),
    leavesChecked,
    pendingLeaves,
    nodesChecked,
    checkpointsChecked: checkpoints.length,
  });
}
