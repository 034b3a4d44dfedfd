/**
 * Database test support. Every `*.db.test.ts` / `*.api.test.ts` runs once per dialect in DIALECTS
 * (comma-separated, default `sqlite,postgres`). Each test file gets a fresh migrated database: an in-memory
 * SQLite database, or a fresh schema in PostgreSQL (DATABASE_URL, default postgres://127.0.0.1:5432/test).
 * When PostgreSQL cannot be reached its runs are reported as skipped, loudly.
 */
import { describe } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { openDb, migrateToLatest, type Db, type DialectName } from '../platform/db/index.js';

// node-postgres needs a user name; the machine's PostgreSQL trusts local users, so default to ours.
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? `postgres://${userInfo().username}@127.0.0.1:5432/test`;

export function dialectsUnderTest(): DialectName[] {
  const raw = process.env.DIALECTS ?? 'sqlite,postgres';
  return raw.split(',').map((s) => s.trim()).filter((s): s is DialectName => s === 'sqlite' || s === 'postgres');
}

let pgReachable: Promise<boolean> | undefined;
export function postgresReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return pgReachable;
}

export interface TestDb {
  db: Db;
  dialect: DialectName;
  /** PostgreSQL schema or SQLite path, for tests that open a second connection (e.g. a second server process). */
  url: string;
  schema?: string;
  close(): Promise<void>;
}

/** A fresh, migrated database of the given dialect. */
export async function createTestDb(dialect: DialectName, opts: { sqliteFile?: string } = {}): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const url = opts.sqliteFile ?? ':memory:';
    const db = openDb({ url });
    await migrateToLatest(db);
    return { db, dialect, url, close: () => db.destroy() };
  }
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openDb({ url: TEST_PG_URL, schema, poolSize: 5 });
  const dropSchema = async () => {
    const c = new pg.Client({ connectionString: TEST_PG_URL });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  };
  try {
    await migrateToLatest(db, { schema });
  } catch (err) {
    await db.destroy();
    await dropSchema();
    throw err;
  }
  return {
    db,
    dialect,
    url: TEST_PG_URL,
    schema,
    close: async () => {
      await db.destroy();
      await dropSchema();
    },
  };
}

const pgAvailable = dialectsUnderTest().includes('postgres') ? await postgresReachable() : false;
if (dialectsUnderTest().includes('postgres') && !pgAvailable) {
  console.warn(
    `\n⚠️  PostgreSQL at ${TEST_PG_URL} is NOT reachable: every PostgreSQL database/API test in this file is SKIPPED.\n`,
  );
}

/**
 * `describeEachDialect('claims', (dialect) => { ... })` — one describe block per dialect. PostgreSQL blocks are
 * skipped (and say so) when no server is reachable.
 */
export function describeEachDialect(name: string, body: (dialect: DialectName) => void): void {
  for (const dialect of dialectsUnderTest()) {
    const skip = dialect === 'postgres' && !pgAvailable;
    const title = `${name} [${dialect}]${skip ? ' — SKIPPED: PostgreSQL not reachable' : ''}`;
    (skip ? describe.skip : describe)(title, () => body(dialect));
  }
}
