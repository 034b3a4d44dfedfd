import { sql } from 'kysely';
import { dialectOf, type DbOrTx } from '../db/index.js';
import type { NodeId } from './merkle-proof.js';
import type { LedgerCheckpointTable, LedgerKeyTable, LedgerLeafTable, LedgerTreeTable } from './ledger.table.js';
import './ledger.table.js';

/** Queries only; the rules live in the ledger-*.ts services. */

/** Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const INSERT_CHUNK = 1000;

/**
 * Takes the next leaf index. The UPDATE holds the counter row's lock until the caller's transaction ends,
 * so indices are handed out, and committed, in one order across every process (ledger-append.ts).
 */
export async function takeNextLeafIndex(trx: DbOrTx): Promise<number> {
  const row = await trx
    .updateTable('ledger_sequence')
    .set({ next_index: sql`next_index + 1` })
    .where('id', '=', 1)
    .returning(sql<number>`next_index - 1`.as('leaf_index'))
    .executeTakeFirstOrThrow();
  return Number(row.leaf_index);
}

export async function insertLeaf(trx: DbOrTx, row: LedgerLeafTable): Promise<void> {
  await trx.insertInto('ledger_leaves').values(row).execute();
}

export async function findLeaf(db: DbOrTx, leafIndex: number): Promise<LedgerLeafTable | undefined> {
  return db.selectFrom('ledger_leaves').selectAll().where('leaf_index', '=', leafIndex).executeTakeFirst();
}

export async function findLeafHash(db: DbOrTx, leafIndex: number): Promise<string | undefined> {
  const row = await db.selectFrom('ledger_leaves').select('leaf_hash').where('leaf_index', '=', leafIndex).executeTakeFirst();
  return row?.leaf_hash;
}

/** Leaf hashes from `start` on, in index order (the sequencer's input). */
export async function leafHashesFrom(db: DbOrTx, start: number, limit: number): Promise<{ leaf_index: number; leaf_hash: string }[]> {
  const rows = await db
    .selectFrom('ledger_leaves')
    .select(['leaf_index', 'leaf_hash'])
    .where('leaf_index', '>=', start)
    .orderBy('leaf_index')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ leaf_index: Number(r.leaf_index), leaf_hash: r.leaf_hash }));
}

/** Leaves with their bytes, in index order, for the full verification. */
export async function leavesPage(
  db: DbOrTx,
  start: number,
  limit: number,
): Promise<{ leaf_index: number; canonical_json: string; leaf_hash: string }[]> {
  const rows = await db
    .selectFrom('ledger_leaves')
    .select(['leaf_index', 'canonical_json', 'leaf_hash'])
    .where('leaf_index', '>=', start)
    .orderBy('leaf_index')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ leaf_index: Number(r.leaf_index), canonical_json: r.canonical_json, leaf_hash: r.leaf_hash }));
}

export async function nodesPage(
  db: DbOrTx,
  after: { level: number; nodeIndex: number } | null,
  limit: number,
): Promise<{ level: number; node_index: number; hash: string }[]> {
  let q = db.selectFrom('ledger_nodes').select(['level', 'node_index', 'hash']);
  if (after) {
    q = q.where((eb) =>
      eb.or([eb('level', '>', after.level), eb.and([eb('level', '=', after.level), eb('node_index', '>', after.nodeIndex)])]),
    );
  }
  const rows = await q.orderBy('level').orderBy('node_index').limit(limit).execute();
  return rows.map((r) => ({ level: Number(r.level), node_index: Number(r.node_index), hash: r.hash }));
}

/**
 * The hashes of the given perfect subtrees: level 0 from the leaves, higher levels from the nodes table.
 * Two indexed queries whatever the tree size.
 */
export async function findNodeHashes(db: DbOrTx, ids: readonly NodeId[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const leafIds = ids.filter((n) => n.level === 0).map((n) => n.index);
  const inner = ids.filter((n) => n.level > 0);
  if (leafIds.length > 0) {
    const rows = await db.selectFrom('ledger_leaves').select(['leaf_index', 'leaf_hash']).where('leaf_index', 'in', leafIds).execute();
    for (const r of rows) out.set(`0:${Number(r.leaf_index)}`, r.leaf_hash);
  }
  if (inner.length > 0) {
    const rows = await db
      .selectFrom('ledger_nodes')
      .select(['level', 'node_index', 'hash'])
      .where((eb) => eb.or(inner.map((n) => eb.and([eb('level', '=', n.level), eb('node_index', '=', n.index)]))))
      .execute();
    for (const r of rows) out.set(`${Number(r.level)}:${Number(r.node_index)}`, r.hash);
  }
  return out;
}

export async function insertNodes(trx: DbOrTx, nodes: readonly { level: number; node_index: number; hash: string }[]): Promise<void> {
  for (let i = 0; i < nodes.length; i += INSERT_CHUNK) {
    await trx.insertInto('ledger_nodes').values(nodes.slice(i, i + INSERT_CHUNK)).execute();
  }
}

export async function readTree(db: DbOrTx): Promise<LedgerTreeTable> {
  const row = await db.selectFrom('ledger_tree').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return { ...row, tree_size: Number(row.tree_size) };
}

/**
 * Locks the tree row for one sequencer run. PostgreSQL: FOR UPDATE SKIP LOCKED, so when another process is
 * integrating this one skips its turn instead of queueing (undefined). SQLite has one writer anyway; a no-op
 * write takes the write lock first, so the run never has to upgrade a read lock (SQLITE_BUSY).
 */
export async function lockTree(trx: DbOrTx): Promise<LedgerTreeTable | undefined> {
  if (dialectOf(trx) === 'postgres') {
    const row = await trx.selectFrom('ledger_tree').selectAll().where('id', '=', 1).forUpdate().skipLocked().executeTakeFirst();
    return row && { ...row, tree_size: Number(row.tree_size) };
  }
  await trx.updateTable('ledger_tree').set({ id: 1 }).where('id', '=', 1).execute();
  return readTree(trx);
}

export async function updateTree(trx: DbOrTx, treeSize: number, rootHash: string, at: string): Promise<void> {
  await trx.updateTable('ledger_tree').set({ tree_size: treeSize, root_hash: rootHash, updated_at: at }).where('id', '=', 1).execute();
}

export async function insertCheckpoint(trx: DbOrTx, row: LedgerCheckpointTable): Promise<void> {
  await trx.insertInto('ledger_checkpoints').values(row).execute();
}

export async function latestCheckpoint(db: DbOrTx): Promise<LedgerCheckpointTable | undefined> {
  const row = await db.selectFrom('ledger_checkpoints').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
  return row && { ...row, tree_size: Number(row.tree_size) };
}

export async function allCheckpoints(db: DbOrTx): Promise<LedgerCheckpointTable[]> {
  const rows = await db.selectFrom('ledger_checkpoints').selectAll().orderBy('tree_size').execute();
  return rows.map((r) => ({ ...r, tree_size: Number(r.tree_size) }));
}

export async function insertKeyIfAbsent(db: DbOrTx, row: LedgerKeyTable): Promise<void> {
  await db.insertInto('ledger_keys').values(row).onConflict((oc) => oc.column('algorithm').doNothing()).execute();
}

export async function findKeys(db: DbOrTx): Promise<LedgerKeyTable[]> {
  return db.selectFrom('ledger_keys').selectAll().orderBy('algorithm').execute();
}
