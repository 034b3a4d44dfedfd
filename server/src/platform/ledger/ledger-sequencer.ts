import type { Config } from '../config/index.js';
import type { Db, DbOrTx } from '../db/index.js';
import { formatCheckpoint } from './checkpoint.js';
import { MerkleFrontier } from './merkle-frontier.js';
import { findNodeHashes, insertCheckpoint, insertNodes, latestCheckpoint, leafHashesFrom, lockTree, updateTree } from './ledger.repository.js';
import { loadSigners } from './ledger-keys.service.js';
import { signNote } from './signed-note.js';

/**
 * The batching sequencer: takes the leaves committed since the last run, hashes them into the tree (storing
 * every newly completed node, so proofs never recompute), and signs one checkpoint per batch. Any process may
 * run it at any time: the tree row is locked for the run (PostgreSQL: SKIP LOCKED, so a second process skips
 * its turn instead of waiting), and the new nodes, tree size and checkpoint commit together.
 */
export interface IntegrateOptions {
  /** Leaves per transaction (and per checkpoint). */
  batchSize?: number;
  /** Stop after this many batches (the background job uses it to bound one tick). */
  maxBatches?: number;
}

export interface IntegrateResult {
  treeSize: number;
  integrated: number;
  /** False when another process held the tree lock (PostgreSQL). */
  ran: boolean;
}

/** The frontier of the last run, per database handle, reused when the stored tree has not moved since. */
const frontierCache = new WeakMap<object, { size: number; root: string; frontier: MerkleFrontier }>();

async function loadFrontier(db: Db, trx: DbOrTx, size: number, root: string): Promise<MerkleFrontier> {
  const cached = frontierCache.get(db);
  if (cached && cached.size === size && cached.root === root) return cached.frontier.clone();
  const ids = MerkleFrontier.nodesFor(size);
  const hashes = await findNodeHashes(trx, ids);
  const frontier = MerkleFrontier.fromNodes(size, (id) => {
    const h = hashes.get(`${id.level}:${id.index}`);
    if (!h) throw new Error(`账本节点缺失 ledger node ${id.level}:${id.index} missing`);
    return Buffer.from(h, 'base64');
  });
  if (frontier.root().toString('base64') !== root) throw new Error('账本节点与树根不符 stored nodes do not give the stored root');
  return frontier;
}

async function integrateBatch(db: Db, config: Config, batchSize: number): Promise<IntegrateResult> {
  const { origin, signers } = await loadSigners(db, config);
  return db.transaction().execute(async (trx) => {
    const tree = await lockTree(trx);
    if (!tree) return { treeSize: -1, integrated: 0, ran: false };
    const pending = await leafHashesFrom(trx, tree.tree_size, batchSize);
    const hasCheckpoint = (await latestCheckpoint(trx))?.tree_size === tree.tree_size;
    if (pending.length === 0 && hasCheckpoint) return { treeSize: tree.tree_size, integrated: 0, ran: true };
    const frontier = await loadFrontier(db, trx, tree.tree_size, tree.root_hash);
    const nodes: { level: number; node_index: number; hash: string }[] = [];
    for (const leaf of pending) {
      // Leaves commit in index order (ledger-append.ts); a hole would mean a bug, so stop short of it.
      if (leaf.leaf_index !== frontier.size) break;
      for (const n of frontier.append(Buffer.from(leaf.leaf_hash, 'base64'))) {
        if (n.level > 0) nodes.push({ level: n.level, node_index: n.index, hash: n.hash.toString('base64') });
      }
    }
    if (frontier.size === tree.tree_size && hasCheckpoint) return { treeSize: tree.tree_size, integrated: 0, ran: true };
    const root = frontier.root();
    const now = new Date().toISOString();
    await insertNodes(trx, nodes);
    await updateTree(trx, frontier.size, root.toString('base64'), now);
    const text = formatCheckpoint({ origin, size: frontier.size, rootHash: root });
    await insertCheckpoint(trx, { tree_size: frontier.size, root_hash: root.toString('base64'), signed_note: signNote(text, signers), created_at: now });
    frontierCache.set(db, { size: frontier.size, root: root.toString('base64'), frontier: frontier.clone() });
    return { treeSize: frontier.size, integrated: frontier.size - tree.tree_size, ran: true };
  });
}

/**
 * Integrates everything pending (or up to `maxBatches` batches). Returns the tree size reached. Safe to call
 * from several processes at once.
 */
export async function integrateLedger(db: Db, config: Config, opts: IntegrateOptions = {}): Promise<IntegrateResult> {
  const batchSize = opts.batchSize ?? 5000;
  const maxBatches = opts.maxBatches ?? Number.POSITIVE_INFINITY;
  let total = 0;
  let last: IntegrateResult = { treeSize: -1, integrated: 0, ran: false };
  for (let i = 0; i < maxBatches; i++) {
    try {
      last = await integrateBatch(db, config, batchSize);
    } catch (e) {
      frontierCache.delete(db);
      throw e;
    }
    total += last.integrated;
    if (!last.ran || last.integrated < batchSize) break;
  }
  return { ...last, integrated: total };
}

/** One tick of the background job: a bounded run, so a huge backlog does not hold the timer for long. */
export function runLedgerSequencer(db: Db, config: Config): Promise<IntegrateResult> {
  return integrateLedger(db, config, { maxBatches: 20 });
}
