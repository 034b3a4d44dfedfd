/**
 * Benchmark: tally a creditors' vote of 10,000 creditors (target ≤ 200 ms), for an Art. 64 resolution and a
 * reorganization plan by group. Run: npx tsx bench/bankruptcy-vote-tally.ts
 */
import { performance } from 'node:perf_hooks';
import { tallyReorganizationPlan } from '../server/src/modules/bankruptcy/reorganization-tally.js';
import { tallyResolution } from '../server/src/modules/bankruptcy/resolution-tally.js';
import type { Ballot, RollEntry, VoteChoice } from '../server/src/modules/bankruptcy/voting.types.js';

const N = 10_000;
/** Art. 82 ¶2 small-claims subgroup: ordinary claims up to 100,000 yuan. */
const SMALL_CLAIMS_FEN = 10_000_000n;
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

const roll: RollEntry[] = [];
for (let i = 0; i < N; i++) {
  const kind = i % 50 === 0 ? 'secured' : i % 10 === 0 ? 'employee' : i % 97 === 0 ? 'tax' : 'ordinary';
  const fen = BigInt(Math.floor(rand() * 1e9) + 1);
  roll.push({
    creditorId: `c${i}`,
    member: kind !== 'employee',
    determination: 'determined',
    securedFen: kind === 'secured' ? fen * 10n : 0n,
    employeeFen: kind === 'employee' ? fen / 100n + 1n : 0n,
    taxFen: kind === 'tax' ? fen : 0n,
    ordinaryFen: kind === 'ordinary' || kind === 'secured' ? fen : 0n,
    securityWaived: false,
  });
}
const choice = (): VoteChoice => (rand() < 0.7 ? 'for' : rand() < 0.7 ? 'against' : 'abstain');
const ordinaryBallots: Ballot[] = roll.filter((r) => r.member && rand() < 0.85).map((r) => ({ creditorId: r.creditorId, choice: choice() }));
const groupBallots: Ballot[] = [];
for (const r of roll) {
  if (rand() > 0.85) continue;
  if (r.securedFen > 0n) groupBallots.push({ creditorId: r.creditorId, group: 'secured', choice: choice() });
  if (r.employeeFen > 0n) groupBallots.push({ creditorId: r.creditorId, group: 'employee', choice: choice() });
  if (r.taxFen > 0n) groupBallots.push({ creditorId: r.creditorId, group: 'tax', choice: choice() });
  if (r.ordinaryFen > 0n) {
    groupBallots.push({ creditorId: r.creditorId, group: r.ordinaryFen <= SMALL_CLAIMS_FEN ? 'smallClaims' : 'ordinary', choice: choice() });
  }
}
const attendance = roll.filter(() => rand() < 0.1).map((r) => r.creditorId);

function measure(name: string, fn: () => unknown, runs = 30): void {
  for (let i = 0; i < 5; i++) fn(); // warm-up
  // Wall time, and CPU time of this process: on a shared machine the wall time includes waiting for a core.
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mid = Math.floor(runs / 2);
  console.log(
    `${name}: median ${times[mid]!.toFixed(1)} ms wall (${cpu[mid]!.toFixed(1)} ms CPU), max ${times[runs - 1]!.toFixed(1)} ms (${runs} runs, target ≤ 200 ms)`,
  );
}

const cold = performance.now();
const first = tallyResolution('ordinary', { roll, ballots: ordinaryBallots, attendance });
console.log(`first (cold) Art. 64 tally: ${(performance.now() - cold).toFixed(1)} ms, passed=${first.passed}`);
measure(`Art. 64 resolution, ${N} creditors, ${ordinaryBallots.length} ballots`, () => tallyResolution('ordinary', { roll, ballots: ordinaryBallots, attendance }));
measure(`Art. 97 settlement, ${N} creditors`, () => tallyResolution('settlementAgreement', { roll, ballots: ordinaryBallots, attendance }));
measure(`Arts. 82/84 reorganization plan, ${N} creditors, ${groupBallots.length} group ballots`, () =>
  tallyReorganizationPlan({ roll, ballots: groupBallots, attendance, smallClaimsThresholdFen: SMALL_CLAIMS_FEN }),
);
