/**
 * Proof latency at 1,000,000 leaves (target ≤ 2 ms p99): inclusion proofs (random leaf, random tree size up to
 * the full tree) and consistency proofs (random pair of sizes), each read from the stored nodes exactly as the
 * API serves them, and verified (verification time not counted). Wall time and the process's own CPU time are
 * both reported: on a shared machine the wall-clock tail is mostly time spent waiting for a core.
 *
 *   npx tsx bench/ledger-proofs.ts [--size 1000000] [--samples 5000] [--dialect sqlite|postgres]
 */
import { getConsistencyProof, getInclusionProof } from '../server/src/platform/ledger/ledger-proof.service.js';
import { isValidConsistency, isValidInclusion } from '../server/src/platform/ledger/merkle-verify.js';
import { allCheckpoints } from '../server/src/platform/ledger/ledger.repository.js';
import { arg, largeLedger, percentile, postgresReachable } from './ledger-fixture.js';

const SIZE = Number(arg('size', '1000000'));
const SAMPLES = Number(arg('samples', '5000'));
const dialect = arg('dialect', 'sqlite') as 'sqlite' | 'postgres';
if (dialect === 'postgres' && !(await postgresReachable())) throw new Error('PostgreSQL not reachable');

const b = await largeLedger(dialect, SIZE);
try {
  // Roots to verify against: every signed checkpoint (the sequencer signs one per batch).
  const cps = (await allCheckpoints(b.db)).filter((c) => c.tree_size > 0);
  const roots = new Map(cps.map((c) => [c.tree_size, Buffer.from(c.root_hash, 'base64')]));
  const sizes = cps.map((c) => c.tree_size);
  if (sizes.at(-1) !== SIZE) throw new Error(`expected a tree of ${SIZE}, found ${sizes.at(-1)}`);
  const rand = (n: number) => Math.floor(Math.random() * n);

  for (let i = 0; i < 200; i++) await getInclusionProof(b.db, rand(SIZE), SIZE); // warm-up

  const incl: number[] = [];
  const inclCpu: number[] = [];
  const consCpu: number[] = [];
  const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
  let bad = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const size = sizes[rand(sizes.length)];
    const index = rand(size);
    const c0 = process.cpuUsage();
    const t = process.hrtime.bigint();
    const p = await getInclusionProof(b.db, index, size);
    incl.push(Number(process.hrtime.bigint() - t) / 1e6);
    inclCpu.push(cpuMs(process.cpuUsage(c0)));
    if (!isValidInclusion(index, size, p.leafHash, p.proof, roots.get(size)!)) bad++;
  }
  const cons: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const a = sizes[rand(sizes.length)];
    const c = sizes[rand(sizes.length)];
    const [from, to] = a <= c ? [a, c] : [c, a];
    const c0 = process.cpuUsage();
    const t = process.hrtime.bigint();
    const p = await getConsistencyProof(b.db, from, to);
    cons.push(Number(process.hrtime.bigint() - t) / 1e6);
    consCpu.push(cpuMs(process.cpuUsage(c0)));
    if (!isValidConsistency(from, to, p.proof, roots.get(from)!, roots.get(to)!)) bad++;
  }
  if (bad > 0) throw new Error(`${bad} proofs did not verify`);
  for (const xs of [incl, cons, inclCpu, consCpu]) xs.sort((x, y) => x - y);
  const fmt = (xs: number[], cpu: number[]) =>
    `${percentile(xs, 50).toFixed(3)} | ${percentile(xs, 99).toFixed(3)} | ${xs.at(-1)!.toFixed(3)} | ${percentile(cpu, 99).toFixed(3)}`;
  console.log(`\nproofs on ${b.label}, ${SIZE.toLocaleString()} leaves, ${SAMPLES} samples each (all verified)\n`);
  console.log('| proof | p50 ms | p99 ms | max ms | p99 CPU ms |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(`| inclusion | ${fmt(incl, inclCpu)} |`);
  console.log(`| consistency | ${fmt(cons, consCpu)} |`);
} finally {
  await b.close();
}
