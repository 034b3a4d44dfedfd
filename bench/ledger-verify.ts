/**
 * Full verification of a 1,000,000-leaf log (target ≤ 30 s): what `yingshang ledger verify` runs —
 * every leaf hash recomputed from its bytes, the tree rebuilt, every checkpoint's root and signature checked,
 * every stored node compared.
 *
 *   npx tsx bench/ledger-verify.ts [--size 1000000] [--dialect sqlite|postgres]
 */
import { verifyStoredLedger } from '../server/src/platform/ledger/ledger-verify.service.js';
import { arg, largeLedger, postgresReachable } from './ledger-fixture.js';

const SIZE = Number(arg('size', '1000000'));
const dialect = arg('dialect', 'sqlite') as 'sqlite' | 'postgres';
if (dialect === 'postgres' && !(await postgresReachable())) throw new Error('PostgreSQL not reachable');

const b = await largeLedger(dialect, SIZE);
try {
  const t = process.hrtime.bigint();
  const report = await verifyStoredLedger(b.db);
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (!report.ok) throw new Error(`verification failed: ${report.problems.join('; ')}`);
  console.log(`\nverify on ${b.label}\n`);
  console.log('| leaves | nodes | checkpoints | seconds | leaves/s |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  console.log(`| ${report.leavesChecked.toLocaleString()} | ${report.nodesChecked.toLocaleString()} | ${report.checkpointsChecked} | ${seconds.toFixed(1)} | ${(report.leavesChecked / seconds).toFixed(0)} |`);
} finally {
  await b.close();
}
