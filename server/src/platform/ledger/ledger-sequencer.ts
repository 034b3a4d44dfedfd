import type { Config } from '../config/index.js';
import type { Db } from '../db/index.js';
import { formatCheckpoint } from './checkpoint.js';
import { MerkleFrontier } from './merkle-frontier.js';
import { advanceTree, findNodeHashes, insertCheckpoint, insertNodes, insertVoidLeaf, latestCheckpoint, leafHashesFrom, readTree } from './ledger.repository.js';
import { loadSigners } from './ledger-keys.service.js';
import { signNote } from './signed-note.js';
import { buildLeafEvent, encodeLeafEvent } from './ledger-event.js';
import { hashLeaf } from './merkle-hash.js';

/**
 * The batching sequencer: takes the leaves committed since the last run, hashes them into the tree (storing
 * every newly completed node, so proofs never recompute), and signs one checkpoint per batch. Any process may
 * run it at any time: the work is done optimistically and published with a compare-and-set on the tree row,
 * so when two processes race, exactly one batch is stored and the other is dropped; the new nodes, tree size
 * and checkpoint always commit together.
 */
export interface IntegrateOptions {
  /** Leaves per transaction (and per checkpoint). */
  batchSize?: number;
  /** Stop after this many batches (the background job uses it to bound one tick). */
  maxBatches?: number;
  /**
   * How long a hole must have been seen before it is filled with a void leaf. The insert that takes an
   * index also writes its row, so a hole older than a moment is a rollback or a transaction still open;
   * the fill waits on an open one (and gives up), so this only adds a margin.
   */
  voidAfterMs?: number;
}

export interface IntegrateResult {
  treeSize: number;
  integrated: number;
  /** False when another process published first (its batch stands, ours was dropped). */
  ran: boolean;
  /** The index the sequencer is waiting for: committed leaves exist beyond it (PostgreSQL only). */
  waitingAt?: number;
}

/** The frontier of the last run, per database handle, reused when the stored tree has not moved since. */
const frontierCache = new WeakMap<object, { size: number; root: string; frontier: MerkleFrontier }>();

async function loadFrontier(db: Db, size: number, root: string): Promise<MerkleFrontier> {
  const cached = frontierCache.get(db);
  if (cached && cached.size === size && cached.root === root) return cached.frontier.clone();
  const ids = MerkleFrontier.nodesFor(size);
  const hashes = new Map<string, string>();
  for (const r of await findNodeHashes(db, ids)) hashes.set(`${Number(r.level)}:${Number(r.node_index)}`, r.hash);
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
  // Read and compute outside any transaction: hashing and, above all, signing (SM2 in pure JavaScript takes
  // tens of milliseconds) must not hold the database, or appenders would queue behind the sequencer.
  const tree = await readTree(db);
  const pending = await leafHashesFrom(db, tree.tree_size, batchSize);
  const hasCheckpoint = (await latestCheckpoint(db))?.tree_size === tree.tree_size;
  if (pending.length === 0 && hasCheckpoint) return { treeSize: tree.tree_size, integrated: 0, ran: true };
  const frontier = await loadFrontier(db, tree.tree_size, tree.root_hash);
  const nodes: { level: number; node_index: number; hash: string }[] = [];
  for (const leaf of pending) {
    // Only the contiguous prefix: a hole (PostgreSQL: an index still in flight, or rolled back) stops here.
    if (leaf.leaf_index !== frontier.size) break;
    for (const n of frontier.append(Buffer.from(leaf.leaf_hash, 'base64'))) {
      if (n.level > 0) nodes.push({ level: n.level, node_index: n.index, hash: n.hash.toString('base64') });
    }
  }
  const waitingAt = pending.some((l) => l.leaf_index > frontier.size) ? frontier.size : undefined;
  if (frontier.size === tree.tree_size && hasCheckpoint) return { treeSize: tree.tree_size, integrated: 0, ran: true, waitingAt };
  const root = frontier.root().toString('base64');
  const now = new Date().toISOString();
  const signedNote = signNote(formatCheckpoint({ origin, size: frontier.size, rootHash: frontier.root() }), signers);
  // Publish only if nobody else moved the tree meanwhile (compare-and-set on the tree row).
  const won = await db.transaction().execute(async (trx) => {
    if (!(await advanceTree(trx, tree, frontier.size, root, now))) return false;
    await insertNodes(trx, nodes);
    await insertCheckpoint(trx, { tree_size: frontier.size, root_hash: root, signed_note: signedNote, created_at: now });
    return true;
  });
  if (!won) {
    frontierCache.delete(db);
    return { treeSize: tree.tree_size, integrated: 0, ran: false };
  }
  frontierCache.set(db, { size: frontier.size, root, frontier: frontier.clone() });
  return { treeSize: frontier.size, integrated: frontier.size - tree.tree_size, ran: true, waitingAt };
}

/** When each database handle first saw the hole it is waiting at. */
const holeSeen = new WeakMap<object, { index: number; since: number }>();

/**
 * Fills the hole at `index` with a void leaf once it has been seen for `voidAfterMs`. Returns true when the
 * index now has a committed row (ours, or the appender's that committed meanwhile).
 */
async function fillHole(db: Db, index: number, voidAfterMs: number): Promise<boolean> {
  const seen = holeSeen.get(db);
  if (!seen || seen.index !== index) holeSeen.set(db, { index, since: Date.now() });
  if (Date.now() - (holeSeen.get(db)?.since ?? 0) < voidAfterMs) return false;
  const leaf = buildLeafEvent({
    type: 'ledger.index.voided',
    subject: `ledger-index-${index}`,
    data: { leafIndex: index, reason: '事务已回滚 the transaction that took this index rolled back' },
  });
  const bytes = encodeLeafEvent(leaf);
  try {
    await insertVoidLeaf(
      db,
      {
        leaf_index: index,
        canonical_json: bytes.toString('utf8'),
        leaf_hash: hashLeaf(bytes).toString('base64'),
        event_type: leaf.type,
        subject: leaf.subject,
        recorded_at: leaf.recordedAt,
        visible_organization_ids: '[]',
        visible_user_ids: '[]',
      },
      200,
    );
  } catch (e) {
    // 55P03 lock_not_available: the appender's transaction is still open; its row will come.
    if ((e as { code?: string }).code === '55P03') return false;
    throw e;
  }
  holeSeen.delete(db);
  return true;
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
    if (last.waitingAt !== undefined && last.integrated < batchSize) {
      if (await fillHole(db, last.waitingAt, opts.voidAfterMs ?? 2000)) continue;
      break;
    }
    if (!last.ran || last.integrated < batchSize) break;
  }
  return { ...last, integrated: total };
}

/** One tick of the background job: a bounded run, so a huge backlog does not hold the timer for long. */
export function runLedgerSequencer(db: Db, config: Config): Promise<IntegrateResult> {
  return integrateLedger(db, config, { maxBatches: 20 });
}
