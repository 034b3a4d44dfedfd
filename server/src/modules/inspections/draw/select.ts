/**
 * The deterministic core shared by the draw and its verification: from the seed, the canonical rosters, the
 * parameters and the withdrawals, compute the strata and the selection. Nothing here reads a clock or a
 * random source.
 */
import { DrawError, type DrawFieldError } from './draw-errors.js';
import type { DepartmentAssignment, DrawParameters, InspectorEntry, SelectedTarget, StratumSummary, TargetEntry, Withdrawal } from './draw.types.js';
import { streamSeed } from './draw-seed.js';
import { InspectorPools } from './inspector-pools.js';
import { PartialShuffle } from './partial-shuffle.js';
import { buildStrata } from './sampling.js';

export interface SelectionResult {
  strata: StratumSummary[];
  selection: SelectedTarget[];
}

function withdrawalKey(targetId: string, inspectorId: string): string {
  return `${targetId}\u0000${inspectorId}`;
}

function assign(
  target: TargetEntry,
  department: string,
  seed: Buffer,
  pools: InspectorPools,
  inspectors: readonly InspectorEntry[],
  needed: number,
  withdrawals: Map<string, { reason: string; used: boolean }>,
): DepartmentAssignment {
  const { pool, recused } = pools.poolFor(target, department);
  const shuffle = new PartialShuffle(pool.length, streamSeed(seed, `inspector:${department}:${target.id}`));
  const chosen: string[] = [];
  const withdrawn: DepartmentAssignment['withdrawn'] = [];
  while (chosen.length < needed) {
    const k = shuffle.next();
    if (k === undefined) break;
    const id = inspectors[pool[k]].id;
    // Most draws have no withdrawals: skip building and hashing a key for each of ~10^5 picks.
    const w = withdrawals.size === 0 ? undefined : withdrawals.get(withdrawalKey(target.id, id));
    if (w) {
      // APL Art. 43 / DOMAIN.md: a withdrawal is replaced by the next drawn.
      w.used = true;
      withdrawn.push({ inspectorId: id, reason: w.reason });
      continue;
    }
    chosen.push(id);
  }
  return { department, inspectors: chosen, recused, withdrawn, shortfall: needed - chosen.length };
}

export function computeSelection(
  seed: Buffer,
  targets: readonly TargetEntry[],
  inspectors: readonly InspectorEntry[],
  p: DrawParameters,
  withdrawalList: readonly Withdrawal[],
): SelectionResult {
  const withdrawals = new Map<string, { reason: string; used: boolean }>();
  for (const w of withdrawalList) withdrawals.set(withdrawalKey(w.targetId, w.inspectorId), { reason: w.reason, used: false });

  const strata = buildStrata(targets, p);
  const pools = new InspectorPools(inspectors, p);
  const departments = pools.departments;
  const selection: SelectedTarget[] = [];
  for (const s of strata) {
    const shuffle = new PartialShuffle(s.members.length, streamSeed(seed, `target:${s.key}`));
    for (let pick = 0; pick < s.sampleSize; pick++) {
      const member = shuffle.next();
      if (member === undefined) break;
      const target = targets[s.members[member]];
      const assignments = departments.map((d) => assign(target, d, seed, pools, inspectors, p.inspectorsPerTarget, withdrawals));
      selection.push({ targetId: target.id, stratum: s.key, pick, assignments });
    }
  }

  const unmatched: DrawFieldError[] = [];
  withdrawalList.forEach((w, i) => {
    if (!withdrawals.get(withdrawalKey(w.targetId, w.inspectorId))?.used) {
      unmatched.push({ path: `withdrawals[${i}]`, code: 'withdrawal-not-assigned', message: `${w.inspectorId} 未被抽中检查 ${w.targetId} / not drawn for this target` });
    }
  });
  if (unmatched.length > 0) throw new DrawError(422, 'withdrawal-not-assigned', '回避/退出的检查人员未被抽中 / withdrawal does not match a pick', unmatched);

  return {
    strata: strata.map(({ key, creditClass, ratioBp, population, sampleSize }) => ({ key, creditClass, ratioBp, population, sampleSize })),
    selection,
  };
}
