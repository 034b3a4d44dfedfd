import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../db/index.js';

/** SHA-256 of the empty string, base64: the root of the empty tree (RFC 9162 §2.1.1). */
const EMPTY_ROOT_B64 = '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ledger_leaves')
    .addColumn('leaf_index', 'bigint', (c) => c.primaryKey())
    .addColumn('canonical_json', 'text', (c) => c.notNull())
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('visible_organization_ids', 'text', (c) => c.notNull())
    .addColumn('visible_user_ids', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_leaves_subject').on('ledger_leaves').column('subject').execute();
  await db.schema
    .createTable('ledger_nodes')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('node_index', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_nodes_pk', ['level', 'node_index'])
    .execute();
  // PostgreSQL hands out leaf indices from a sequence (see ledger-append.ts); SQLite takes MAX + 1.
  if (dialectOf(db) === 'postgres') await sql`create sequence ledger_leaf_index as bigint minvalue 0 start 0`.execute(db);
  await db.schema
    .createTable('ledger_tree')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('tree_size', 'bigint', (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ledger_checkpoints')
    .addColumn('tree_size', 'bigint', (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('signed_note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ledger_keys')
    .addColumn('algorithm', 'text', (c) => c.primaryKey())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('verifier_key', 'text', (c) => c.notNull())
    .addColumn('signer_key_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  const seeded = db as Kysely<{ ledger_tree: { id: number; tree_size: number; root_hash: string; updated_at: string } }>;
  await seeded.insertInto('ledger_tree').values({ id: 1, tree_size: 0, root_hash: EMPTY_ROOT_B64, updated_at: now }).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['ledger_keys', 'ledger_checkpoints', 'ledger_tree', 'ledger_nodes', 'ledger_leaves']) {
    await db.schema.dropTable(t).execute();
  }
  if (dialectOf(db) === 'postgres') await sql`drop sequence ledger_leaf_index`.execute(db);
}
