import { Kysely, PostgresAdapter, type QueryExecutor, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repositories take either a database or a transaction. */
export type DbOrTx = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

/** The dialect behind a database or transaction, read from Kysely's adapter. */
export function dialectOf(db: { getExecutor(): QueryExecutor }): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export interface OpenDbOptions {
  /** `postgres://…` or a SQLite file path (`:memory:` for tests). */
  url: string;
  /** PostgreSQL: schema to use (tests create one per file). */
  schema?: string;
  poolSize?: number;
}

// pg returns BIGINT (int8) and NUMERIC as strings by default; our money is integer fen well inside 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function openDb(opts: OpenDbOptions): Db {
  if (isPostgresUrl(opts.url)) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (opts.url !== ':memory:') mkdirSync(dirname(opts.url), { recursive: true });
  const sqlite = new SqliteDatabase(opts.url);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes (SIGKILL) in WAL mode; only an OS crash may lose the last commit.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB page cache: ledger proofs at a million leaves read many tree nodes.
  sqlite.pragma('cache_size = -65536');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

export async function pingDb(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/**
 * Kysely prepares every query anew; on SQLite preparing costs more than running a small query. Queries are
 * parameterized, so their SQL text repeats: keep the prepared statements (bounded) and reuse them. Safe because
 * better-sqlite3 runs each statement to completion synchronously.
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        if (cache.size >= 2000) cache.clear();
        stmt = sqlite.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}
