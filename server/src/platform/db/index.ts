export { openDb, dialectOf, pingDb, isPostgresUrl, type Db, type Tx, type DbOrTx, type DialectName } from './connection.js';
export { migrateToLatest } from './migrator.js';
export { nowIso, withTimestamps } from './columns.js';
export type { Database } from './schema.js';
