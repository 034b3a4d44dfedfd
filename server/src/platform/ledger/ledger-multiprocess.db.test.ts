import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDb, describeEachDialect, type TestDb } from '../../test/db.js';
import { loadConfig } from '../config/index.js';
import { integrateLedger } from './ledger-sequencer.js';
import { verifyStoredLedger } from './ledger-verify.service.js';
import { allCheckpoints } from './ledger.repository.js';
import { getConsistencyProof } from './ledger-proof.service.js';
import { verifyConsistency } from './merkle-verify.js';

const here = dirname(fileURLToPath(import.meta.url));
const WORKERS = 3;
const PER_WORKER = 60;

type Appended = { subject: string; leafIndex: number; rolledBack: boolean }[];

interface Worker {
  ready: Promise<void>;
  go(): void;
  done: Promise<Appended>;
}

/** A child process running ledger-append.worker.ts; it appends once told to go, so all start together. */
function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'ledger-append.worker.ts')], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<Appended>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker exit ${code}: ${err}`));
      resolve(JSON.parse(out.slice('ready\n'.length)) as Appended);
    });
  });
  return { ready: Promise.race([ready, done.then(() => undefined)]), go: () => child.stdin.end('go\n'), done };
}

describeEachDialect('ledger appends from several processes at once', (dialect) => {
  let t: TestDb;
  const dataDir = mkdtempSync(join(tmpdir(), 'ys-ledger-mp-'));
  const config = loadConfig({ dataDir });
  beforeAll(async () => {
    t = await createTestDb(dialect, dialect === 'sqlite' ? { sqliteFile: join(dataDir, 'ledger.db') } : {});
    // Keys first; the workers use the same data folder, hence the same YS_PII_KEY, to unseal them.
    await integrateLedger(t.db, config);
  });
  afterAll(() => t.close());

  it(`${WORKERS} processes × ${PER_WORKER} appends (some rolled back) give one gap-free order and one consistent tree`, { timeout: 120_000 }, async () => {
    const workers = Array.from({ length: WORKERS }, (_, i) =>
      startWorker({
        YS_WORKER_DB_URL: t.url,
        YS_WORKER_DB_SCHEMA: t.schema ?? '',
        YS_WORKER_ID: String(i),
        YS_WORKER_COUNT: String(PER_WORKER),
        YS_WORKER_DATA_DIR: dataDir,
      }),
    );
    await Promise.all(workers.map((w) => w.ready));
    workers.forEach((w) => w.go());
    const results = await Promise.all(workers.map((w) => w.done));
    const all = results.flat();
    const committed = all.filter((r) => !r.rolledBack);
    const rolledBack = all.filter((r) => r.rolledBack);
    expect(rolledBack.length).toBeGreaterThan(0);

    // Holes left by rolled-back appends (PostgreSQL) become void leaves; then the log must verify.
    await integrateLedger(t.db, config, { voidAfterMs: 0 });
    const rows = await t.db.selectFrom('ledger_leaves').select(['leaf_index', 'subject', 'event_type']).orderBy('leaf_index').execute();
    const voids = rows.filter((r) => r.event_type === 'ledger.index.voided').map((r) => Number(r.leaf_index));
    // Every index from 0 to the end exactly once: the committed appends plus the voids, nothing else.
    expect(rows.map((r) => Number(r.leaf_index))).toEqual(Array.from({ length: rows.length }, (_, i) => i));
    expect(rows.length).toBe(committed.length + voids.length);
    // (A rolled-back index after the last committed one is no hole yet: the next append will make it one.)
    const lastCommitted = Math.max(...committed.map((r) => r.leafIndex));
    const holes = rolledBack.map((r) => r.leafIndex).filter((i) => i < lastCommitted);
    if (dialect === 'postgres') expect(voids.sort((a, b) => a - b)).toEqual(holes.sort((a, b) => a - b));
    else expect(voids).toEqual([]);
    // The index each committed transaction was told is where its leaf really is.
    const subjectAt = new Map(rows.map((r) => [Number(r.leaf_index), r.subject]));
    for (const r of committed) expect(subjectAt.get(r.leafIndex)).toBe(r.subject);
    // Each process saw its own appends in increasing order, and the processes really ran interleaved.
    for (const list of results) {
      const idx = list.filter((r) => !r.rolledBack).map((r) => r.leafIndex);
      expect(idx).toEqual([...idx].sort((a, b) => a - b));
    }
    const contiguous = results.filter((list) => list.at(-1)!.leafIndex - list[0].leafIndex === list.length - 1);
    expect(contiguous.length).toBeLessThan(WORKERS);

    const report = await verifyStoredLedger(t.db);
    expect(report.problems).toEqual([]);
    expect(report.treeSize).toBe(rows.length);

    // Checkpoints signed by the different processes' sequencers form one append-only history.
    const cps = (await allCheckpoints(t.db)).filter((c) => c.tree_size > 0);
    expect(cps.length).toBeGreaterThan(2);
    for (let i = 1; i < cps.length; i++) {
      const [a, b] = [cps[i - 1], cps[i]];
      const p = await getConsistencyProof(t.db, a.tree_size, b.tree_size);
      verifyConsistency(a.tree_size, b.tree_size, p.proof, Buffer.from(a.root_hash, 'base64'), Buffer.from(b.root_hash, 'base64'));
    }
  });
});
