/**
 * Test worker for ledger-multiprocess.db.test.ts: a separate server process that appends ledger entries in its
 * own transactions, now and then running the sequencer too, and prints what each transaction was told.
 * Input through the environment: YS_WORKER_DB_URL, YS_WORKER_DB_SCHEMA, YS_WORKER_ID, YS_WORKER_COUNT.
 */
import { openDb } from '../db/index.js';
import { loadConfig } from '../config/index.js';
import { appendLedgerEntry } from './ledger-append.js';
import { integrateLedger } from './ledger-sequencer.js';
import { loadSigners } from './ledger-keys.service.js';

const url = process.env.YS_WORKER_DB_URL!;
const schema = process.env.YS_WORKER_DB_SCHEMA || undefined;
const id = process.env.YS_WORKER_ID!;
const count = Number(process.env.YS_WORKER_COUNT);

const db = openDb({ url, schema, poolSize: 2 });
const config = loadConfig({ dataDir: process.env.YS_WORKER_DATA_DIR! });
const results: { subject: string; leafIndex: number; rolledBack: boolean }[] = [];

/** Connect first, say "ready", then wait for the parent's "go" so all workers really append at the same time. */
async function startTogether(): Promise<void> {
  await loadSigners(db, config); // opens the pool and unseals the keys
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  process.stdin.pause();
}

try {
  await startTogether();
  for (let n = 0; n < count; n++) {
    const subject = `worker-${id}-${n}`;
    // Every seventh caller fails after appending, so its transaction (and its leaf) rolls back.
    const rolledBack = n % 7 === 3;
    let leafIndex = -1;
    try {
      await db.transaction().execute(async (trx) => {
        leafIndex = (await appendLedgerEntry(trx, { type: 'test.concurrent.append', subject, data: { worker: id, n }, visibleTo: { organizationIds: ['org_test'] } })).leafIndex;
        if (rolledBack) throw new Error('rollback');
      });
    } catch (e) {
      if (!rolledBack) throw e;
    }
    results.push({ subject, leafIndex, rolledBack });
    if (n % 10 === 9) await integrateLedger(db, config, { batchSize: 16 });
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
} finally {
  await db.destroy();
}
