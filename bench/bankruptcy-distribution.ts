/**
 * Benchmark: a distribution plan over 100,000 claims (target ≤ 1 s). Run: npx tsx bench/bankruptcy-distribution.ts
 */
import { performance } from 'node:perf_hooks';
import { computeDistributionPlan } from '../server/src/modules/bankruptcy/distribution-plan.js';
import type { DistributionClaim, DistributionInput } from '../server/src/modules/bankruptcy/distribution.types.js';

const N = 100_000;
let seed = 7;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

const collaterals = Array.from({ length: 200 }, (_, i) => ({ collateralId: `col${i}`, realizedFen: BigInt(Math.floor(rand() * 5e10)) }));
const claims: DistributionClaim[] = [];
for (let i = 0; i < N; i++) {
  const r = rand();
  const tier = r < 0.3 ? 'employee' : r < 0.32 ? 'socialInsuranceAndTax' : 'ordinary';
  const secured = tier === 'ordinary' && i % 250 === 0;
  claims.push({
    claimId: `k${i}`,
    creditorId: `cr${i % 80_000}`,
    tier,
    amountFen: BigInt(Math.floor(rand() * (tier === 'employee' ? 5e6 : 1e9)) + 1),
    status: rand() < 0.02 ? 'disputed' : rand() < 0.01 ? 'conditional' : 'confirmed',
    ...(secured ? { security: { collateralId: `col${i % 200}`, rank: 1 + (i % 3), waived: i % 1000 === 0 } } : {}),
    ...(tier === 'employee' && i % 5000 === 0 ? { seniorManagerWageMonths: 6 } : {}),
  });
}
const input: DistributionInput = {
  freeEstateFen: 2_000_000_000_000n,
  collaterals,
  expenses: Array.from({ length: 50 }, (_, i) => ({ id: `e${i}`, amountFen: 10_000_000n + BigInt(i) })),
  commonBenefitDebts: Array.from({ length: 50 }, (_, i) => ({ id: `cb${i}`, amountFen: 20_000_000n + BigInt(i) })),
  claims,
  averageMonthlyWageFen: 800_000n,
};

// Wall time, and CPU time of this process: on a shared machine the wall time includes waiting for a core.
const times: number[] = [];
const cpuTimes: number[] = [];
let plan = computeDistributionPlan(input);
for (let i = 0; i < 10; i++) {
  const c = process.cpuUsage();
  const t = performance.now();
  plan = computeDistributionPlan(input);
  times.push(performance.now() - t);
  const used = process.cpuUsage(c);
  cpuTimes.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const ordinary = plan.tiers.find((t) => t.tier === 'ordinary')!;
console.log(
  `distribution plan, ${N} claims: median ${times[5]!.toFixed(0)} ms wall (${cpuTimes[5]!.toFixed(0)} ms CPU), ` +
    `max ${times[9]!.toFixed(0)} ms (10 runs, target ≤ 1000 ms); ` +
    `ordinary tier ${((Number(ordinary.payFen + ordinary.reserveFen) / Number(ordinary.allowedFen)) * 100).toFixed(2)}% covered`,
);
