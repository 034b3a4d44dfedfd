import { sql } from 'kysely';
import { dialectOf, type Db, type DbOrTx } from '../db/index.js';
import type { NodeId } from './merkle-proof.js';
import type { LedgerCheckpointTable, LedgerKeyTable, LedgerLeafTable, LedgerTreeTable } from './ledger.table.js';
import './ledger.table.js';

/** Queries only; the rules live in the ledger-*.ts services. */

/** Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const INSERT_CHUNK = 1000;

/**
 * Inserts a leaf at the next index in ONE statement, so no moment exists where an index is taken but its row
 * is not yet written (the sequencer relies on that, see ledger-sequencer.ts):
 *  - PostgreSQL: nextval() of a sequence — no lock, appenders in any process run concurrently; a rolled-back
 *    transaction leaves a hole, which the sequencer later fills with a void leaf;
 *  - SQLite: MAX + 1 — SQLite has a single writer, which holds the database from this statement to commit,
 *    so indices are gap-free (a rollback gives its index back).
 */
export async function insertLeafAtNextIndex(trx: DbOrTx, row: Omit<LedgerLeafTable, 'leaf_index'>): Promise<number> {
  const values = sql.join([
    sql.val(row.canonical_json),
    sql.val(row.leaf_hash),
    sql.val(row.event_type),
    sql.val(row.subject),
    sql.val(row.recorded_at),
    sql.val(row.visible_organization_ids),
    sql.val(row.visible_user_ids),
  ]);
  const columns = sql`(leaf_index, canonical_json, leaf_hash, event_type, subject, recorded_at, visible_organization_ids, visible_user_ids)`;
  const result =
    dialectOf(trx) === 'postgres'
      ? await sql<{ leaf_index: number }>`insert into ledger_leaves ${columns} values (nextval('ledger_leaf_index'), ${values}) returning leaf_index`.execute(trx)
      : await sql<{ leaf_index: number }>`insert into ledger_leaves ${columns} select coalesce(max(leaf_index), -1) + 1, ${values} from ledger_leaves returning leaf_index`.execute(trx);
  return Number(result.rows[0].leaf_index);
}

/**
 * Fills a hole (an index whose transaction rolled back) with a void leaf. If the index's row exists but is not
 * yet committed, the insert waits on it; PostgreSQL's lock_timeout turns that wait into an error, meaning
 * "still in progress, try later". Returns false when the index turned out to be taken.
 */
export async function insertVoidLeaf(db: Db, row: LedgerLeafTable, waitMs: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (dialectOf(trx) === 'postgres') await sql`select set_config('lock_timeout', ${`${waitMs}ms`}, true)`.execute(trx);
    const res = await trx.insertInto('ledger_leaves').values(row).onConflict((oc) => oc.column('leaf_index').doNothing()).executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  });
}

/** The highest index handed out so far, committed or not (PostgreSQL: the sequence), or -1. */
export async function highestIssuedIndex(db: DbOrTx): Promise<number> {
  if (dialectOf(db) === 'postgres') {
    const r = await sql<{ last_value: number; is_called: boolean }>`select last_value, is_called from ledger_leaf_index`.execute(db);
    return r.rows[0].is_called ? Number(r.rows[0].last_value) : -1;
  }
  const r = await db.selectFrom('ledger_leaves').select((eb) => eb.fn.max('leaf_index').as('m')).executeTakeFirst();
  return r?.m === null || r?.m === undefined ? -1 : Number(r.m);
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

/**
 * Leaves [start, end) with their bytes, in index order, for the full verification. Ranges of the primary key
 * rather than "next N after": a verifier can then ask for several ranges at once on different connections.
 */
export async function leavesInRange(
  db: DbOrTx,
  start: number,
  end: number,
): Promise<{ leaf_index: number; canonical_json: string; leaf_hash: string }[]> {
  const rows = await db
    .selectFrom('ledger_leaves')
    .select(['leaf_index', 'canonical_json', 'leaf_hash'])
    .where('leaf_index', '>=', start)
    .where('leaf_index', '<', end)
    .orderBy('leaf_index')
    .execute();
  return rows.map((r) => ({ leaf_index: Number(r.leaf_index), canonical_json: r.canonical_json, leaf_hash: r.leaf_hash }));
}

/** The highest committed leaf index, or -1 (unlike highestIssuedIndex, never an index still in flight). */
export async function highestStoredLeafIndex(db: DbOrTx): Promise<number> {
  const r = await db.selectFrom('ledger_leaves').select((eb) => eb.fn.max('leaf_index').as('m')).executeTakeFirst();
  return r?.m === null || r?.m === undefined ? -1 : Number(r.m);
}

/** Stored nodes of one level with start ≤ node_index < end, in index order (a range of the primary key). */
export async function nodesInRange(db: DbOrTx, level: number, start: number, end: number): Promise<{ node_index: number; hash: string }[]> {
  const rows = await db
    .selectFrom('ledger_nodes')
    .select(['node_index', 'hash'])
    .where('level', '=', level)
    .where('node_index', '>=', start)
    .where('node_index', '<', end)
    .orderBy('node_index')
    .execute();
  return rows.map((r) => ({ node_index: Number(r.node_index), hash: r.hash }));
}

/** Levels that have stored nodes (to find nodes no recomputed level accounts for). */
export async function nodeLevels(db: DbOrTx): Promise<number[]> {
  const rows = await db.selectFrom('ledger_nodes').select('level').distinct().orderBy('level').execute();
  return rows.map((r) => Number(r.level));
}

/** Bucket sizes for the SQLite key lists: few distinct statement texts, so the prepared statements are reused. */
const padTo = (n: number) => (n <= 1 ? n : 2 ** Math.ceil(Math.log2(n)));

/**
 * The hashes of the given perfect subtrees, in ONE statement whatever the tree size: level 0 from the leaves,
 * higher levels from the nodes table (primary key look-ups). PostgreSQL: keys passed as arrays (a long OR list
 * costs more to plan than to run). SQLite: an OR list over the primary key, its length padded to a power of two
 * (repeating the last key) so the statement text — and with it the prepared statement — repeats.
 */
export async function findNodeHashes(db: DbOrTx, ids: readonly NodeId[]): Promise<{ level: number; node_index: number; hash: string }[]> {
  const leafIds: number[] = [];
  const inner: NodeId[] = [];
  for (const n of ids) {
    if (n.level === 0) leafIds.push(n.index);
    else inner.push(n);
  }
  if (dialectOf(db) === 'postgres') {
    const r = await sql<{ level: number; node_index: number; hash: string }>`
      select 0 as level, leaf_index as node_index, leaf_hash as hash from ledger_leaves where leaf_index = any(${leafIds}::bigint[])
      union all
      select n.level, n.node_index, n.hash
        from unnest(${inner.map((n) => n.level)}::int[], ${inner.map((n) => n.index)}::bigint[]) as k(level, node_index)
        join ledger_nodes n on n.level = k.level and n.node_index = k.node_index`.execute(db);
    return r.rows;
  }
  const parts = [];
  if (leafIds.length > 0) {
    const keys = [...leafIds];
    while (keys.length < padTo(leafIds.length)) keys.push(leafIds[leafIds.length - 1]);
    parts.push(sql`select 0 as level, leaf_index as node_index, leaf_hash as hash from ledger_leaves where leaf_index in (${sql.join(keys)})`);
  }
  if (inner.length > 0) {
    const keys = [...inner];
    while (keys.length < padTo(inner.length)) keys.push(inner[inner.length - 1]);
    const terms = keys.map((n) => sql`(level = ${n.level} and node_index = ${n.index})`);
    parts.push(sql`select level, node_index, hash from ledger_nodes where ${sql.join(terms, sql` or `)}`);
  }
  if (parts.length === 0) return [];
  // A padded key matches its row again: the caller keys rows by (level, index), so repeats are harmless.
  const r = await sql<{ level: number; node_index: number; hash: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return r.rows;
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
 * Moves the tree from `from` to the new size and root, only if it is still at `from` (compare-and-set).
 * On PostgreSQL a concurrent mover waits on the row lock, then sees the changed row and matches nothing.
 */
export async function advanceTree(trx: DbOrTx, from: LedgerTreeTable, treeSize: number, rootHash: string, at: string): Promise<boolean> {
  const res = await trx
    .updateTable('ledger_tree')
    .set({ tree_size: treeSize, root_hash: rootHash, updated_at: at })
    .where('id', '=', 1)
    .where('tree_size', '=', from.tree_size)
    .where('root_hash', '=', from.root_hash)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Idempotent: two processes may sign a checkpoint for the same unchanged tree; the first row stays. */
export async function insertCheckpoint(trx: DbOrTx, row: LedgerCheckpointTable): Promise<void> {
  await trx.insertInto('ledger_checkpoints').values(row).onConflict((oc) => oc.column('tree_size').doNothing()).execute();
}

export async function latestCheckpoint(db: DbOrTx): Promise<LedgerCheckpointTable | undefined> {
  const row = await db.selectFrom('ledger_checkpoints').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
  return row && { ...row, tree_size: Number(row.tree_size) };
}

export async function allCheckpoints(db: DbOrTx): Promise<LedgerCheckpointTable[]> {
  const rows = await db.selectFrom('ledger_checkpoints').selectAll().orderBy('tree_size').execute();
  return rows.map((r) => ({ ...r, tree_size: Number(r.tree_size) }));
}

/** One statement for all rows, so processes starting together end up with one consistent key set. */
export async function insertKeysIfAbsent(db: DbOrTx, rows: LedgerKeyTable[]): Promise<void> {
  await db.insertInto('ledger_keys').values(rows).onConflict((oc) => oc.column('algorithm').doNothing()).execute();
}

export async function findKeys(db: DbOrTx): Promise<LedgerKeyTable[]> {
  return db.selectFrom('ledger_keys').selectAll().orderBy('algorithm').execute();
}
