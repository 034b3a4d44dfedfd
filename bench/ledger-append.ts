/**
 * Ledger append throughput "through the sequencer" (target ≥ 5,000 leaves/s on SQLite, ≥ 2,000/s on PostgreSQL).
 *
 * For each dialect, N events are appended by C concurrent callers, each event in its OWN transaction through
 * appendLedgerEntry (the public contract), while the sequencer runs as the background job does (every 100 ms,
 * bounded ticks). The clock stops when the last leaf is hashed into the tree and covered by a signed checkpoint
 * (Ed25519 + SM2). Also reported: the sequencer alone on a backlog (hashing + node storage + signing).
 *
 *   npx tsx bench/ledger-append.ts [--n 20000] [--concurrency 8] [--per-tx 1] [--dialect sqlite|postgres|both]
 * (--per-tx k: each caller transaction appends k events, as a request that logs several events would.)
 */
import { appendLedgerEntry } from '../server/src/platform/ledger/ledger-append.js';
import { integrateLedger, runLedgerSequencer } from '../server/src/platform/ledger/ledger-sequencer.js';
import { readTree } from '../server/src/platform/ledger/ledger.repository.js';
import { verifyStoredLedger } from '../server/src/platform/ledger/ledger-verify.service.js';
import { arg, bulkLeaves, freshDb, postgresReachable } from './ledger-fixture.js';

const N = Number(arg('n', '20000'));
const C = Number(arg('concurrency', '8'));
const PER_TX = Number(arg('per-tx', '1'));
const which = arg('dialect', 'both');

async function bench(dialect: 'sqlite' | 'postgres') {
  const b = await freshDb(dialect);
  try {
    await integrateLedger(b.db, b.config); // keys + first checkpoint, as at server start
    let sequencing = true;
    const sequencer = (async () => {
      while (sequencing) {
        await runLedgerSequencer(b.db, b.config);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const started = process.hrtime.bigint();
    let next = 0;
    const caller = async () => {
      while (next < N) {
        const start = next;
        const end = Math.min(N, start + PER_TX);
        next = end;
        await b.db.transaction().execute(async (trx) => {
          for (let j = start; j < end; j++) {
            await appendLedgerEntry(trx, {
              type: 'bench.application.submitted',
              subject: `WS-${j}`,
              data: { applicant: '福建示例科技有限公司', amountFen: j * 100 },
              documentSha256: 'ab'.repeat(32),
              visibleTo: { organizationIds: ['org_bench'] },
            });
          }
        });
      }
    };
    await Promise.all(Array.from({ length: C }, caller));
    const appended = Number(process.hrtime.bigint() - started) / 1e9;
    while ((await readTree(b.db)).tree_size < N) await new Promise((r) => setTimeout(r, 5));
    const endToEnd = Number(process.hrtime.bigint() - started) / 1e9;
    sequencing = false;
    await sequencer;

    // The sequencer alone, on a backlog of N leaves.
    await bulkLeaves(b.db, N, false);
    const t = process.hrtime.bigint();
    await integrateLedger(b.db, b.config);
    const seqOnly = Number(process.hrtime.bigint() - t) / 1e9;

    const report = await verifyStoredLedger(b.db);
    if (!report.ok) throw new Error(`ledger does not verify: ${report.problems.join('; ')}`);
    return {
      label: b.label,
      appendPerS: N / appended,
      endToEndPerS: N / endToEnd,
      sequencerPerS: N / seqOnly,
    };
  } finally {
    await b.close();
  }
}

const dialects: ('sqlite' | 'postgres')[] = which === 'both' ? ['sqlite', 'postgres'] : [which as 'sqlite' | 'postgres'];
console.log(`ledger append: N = ${N.toLocaleString()} events, ${C} concurrent callers, ${PER_TX} event(s) per transaction\n`);
console.log('| database | appends committed /s | end-to-end (appended → hashed → signed) leaves/s | sequencer alone on a backlog, leaves/s |');
console.log('| --- | ---: | ---: | ---: |');
for (const d of dialects) {
  if (d === 'postgres' && !(await postgresReachable())) {
    console.log('| PostgreSQL | not reachable | | |');
    continue;
  }
  const r = await bench(d);
  console.log(`| ${r.label.split(' ')[0]} | ${r.appendPerS.toFixed(0)} | ${r.endToEndPerS.toFixed(0)} | ${r.sequencerPerS.toFixed(0)} |`);
}
