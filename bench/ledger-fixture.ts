/**
 * Shared set-up of the ledger benchmarks: a fresh migrated database of either dialect, and a large log built
 * quickly (leaves inserted in bulk exactly as appendLedgerEntry stores them, then hashed by the real sequencer).
 * The 1,000,000-leaf SQLite file is kept in the temp folder and reused by later runs (delete it to rebuild).
 */
import pg from 'pg';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDb, migrateToLatest, dialectOf, type Db } from '../server/src/platform/db/index.js';
import { loadConfig, type Config } from '../server/src/platform/config/index.js';
import { buildLeafEvent, encodeLeafEvent } from '../server/src/platform/ledger/ledger-event.js';
import { hashLeaf } from '../server/src/platform/ledger/merkle-hash.js';
import { integrateLedger } from '../server/src/platform/ledger/ledger-sequencer.js';
import { highestIssuedIndex, readTree } from '../server/src/platform/ledger/ledger.repository.js';
import { sql } from 'kysely';

/**
 * Benchmarks use databases of their own, never the shared `test` one, and one database per benchmark log:
 * Kysely's migrator looks for its lock table in every schema of a database, so a kept schema would disturb
 * the migration of a fresh one (and the test suites' schemas).
 */
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const pgUrl = (database: string) => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
};

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

async function ensureDatabase(name: string): Promise<void> {
  await admin(async (c) => {
    const exists = await c.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await c.query(`create database ${name}`);
  });
}

export interface BenchDb {
  db: Db;
  config: Config;
  label: string;
  close(): Promise<void>;
}

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export async function postgresReachable(): Promise<boolean> {
  try {
    await admin(async (c) => c.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

/** A fresh database: a SQLite file (WAL, synchronous=NORMAL as in production) or a new PostgreSQL database. */
export async function freshDb(
  dialect: 'sqlite' | 'postgres',
  opts: { sqliteFile?: string; database?: string; keep?: boolean; dataDir?: string } = {},
): Promise<BenchDb> {
  // The data folder fixes the demo YS_PII_KEY that seals the ledger keys: a kept database needs the same one.
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'ys-ledger-bench-'));
  const config = loadConfig({ dataDir, publicUrl: 'https://bench.yingshang.example' });
  if (dialect === 'sqlite') {
    const file = opts.sqliteFile ?? join(dataDir, 'ledger.db');
    const db = openDb({ url: file });
    await migrateToLatest(db);
    return { db, config, label: `SQLite (${file})`, close: () => db.destroy() };
  }
  const database = opts.database ?? `ys_ledger_bench_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(database);
  const db = openDb({ url: pgUrl(database), poolSize: 10 });
  await migrateToLatest(db);
  return {
    db,
    config,
    label: `PostgreSQL (database ${database})`,
    close: async () => {
      await db.destroy();
      if (!opts.keep) await admin((c) => c.query(`drop database ${database}`));
    },
  };
}

/** Inserts `count` leaves in bulk (same rows appendLedgerEntry writes) and advances the index counter. */
export async function bulkLeaves(db: Db, count: number, log = true): Promise<void> {
  const start = (await highestIssuedIndex(db)) + 1;
  const CHUNK = 1000;
  const TX = 50_000;
  for (let txStart = 0; txStart < count; txStart += TX) {
    await db.transaction().execute(async (trx) => {
      for (let i = txStart; i < Math.min(count, txStart + TX); i += CHUNK) {
        const rows = [];
        for (let j = i; j < Math.min(count, i + CHUNK, txStart + TX); j++) {
          const leaf = buildLeafEvent({
            type: 'bench.application.submitted',
            subject: `WS-2026${String(start + j).padStart(8, '0')}`,
            data: { applicant: '福建示例科技有限公司', amountFen: (start + j) * 100, step: j % 7 },
            documentSha256: hashLeaf(Buffer.from(String(start + j))).toString('hex'),
          });
          const bytes = encodeLeafEvent(leaf);
          rows.push({
            leaf_index: start + j,
            canonical_json: bytes.toString('utf8'),
            leaf_hash: hashLeaf(bytes).toString('base64'),
            event_type: leaf.type,
            subject: leaf.subject,
            recorded_at: leaf.recordedAt,
            visible_organization_ids: '["org_bench"]',
            visible_user_ids: '[]',
          });
        }
        await trx.insertInto('ledger_leaves').values(rows).execute();
      }
      // PostgreSQL: move the index sequence past the rows written directly (SQLite takes MAX + 1 by itself).
      if (dialectOf(trx) === 'postgres') await sql`select setval('ledger_leaf_index', ${start + Math.min(count, txStart + TX) - 1})`.execute(trx);
    });
    if (log) process.stdout.write(`\r  leaves inserted: ${Math.min(count, txStart + TX).toLocaleString()} / ${count.toLocaleString()}`);
  }
  if (log) process.stdout.write('\n');
}

/** A database holding a log of `size` leaves, integrated and signed. SQLite: cached in the temp folder. */
export async function largeLedger(dialect: 'sqlite' | 'postgres', size: number): Promise<BenchDb & { buildSeconds: number | null }> {
  const cacheDir = join(tmpdir(), 'ys-ledger-bench-cache');
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `ledger-${size}.db`);
  const cached = dialect === 'postgres' || existsSync(file);
  const b = await freshDb(dialect, dialect === 'sqlite' ? { sqliteFile: file, dataDir: cacheDir } : { database: `ys_ledger_bench_${size}`, keep: true, dataDir: cacheDir });
  const have = (await readTree(b.db)).tree_size;
  if (cached && have === size) return { ...b, buildSeconds: null };
  const started = Date.now();
  const leaves = (await highestIssuedIndex(b.db)) + 1;
  if (leaves < size) {
    console.log(`  building a ${size.toLocaleString()}-leaf log on ${b.label} …`);
    await bulkLeaves(b.db, size - leaves);
  }
  const t = Date.now();
  await integrateLedger(b.db, b.config, { batchSize: 100_000 });
  console.log(`  sequencer integrated ${size.toLocaleString()} leaves in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return { ...b, buildSeconds: (Date.now() - started) / 1000 };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
