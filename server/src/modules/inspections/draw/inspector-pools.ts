/**
 * Who may be drawn to inspect a target. An inspector qualifies for a department's share of a visit when they
 * belong to that department, hold every required qualification and, if the plan says so, work in the target's
 * district. Recusal (APL Art. 43, DOMAIN.md) is applied BEFORE the draw: inspectors who declared a conflict with
 * the target are removed from the pool, so the shuffle never sees them.
 */
import type { DrawFieldError } from './draw-errors.js';
import type { DrawParameters, InspectorEntry, TargetEntry } from './draw.types.js';
import { effectiveRatioBp, matchesFilter } from './sampling.js';

export interface TargetPool {
  /** Positions in the canonical inspector roster, ascending (roster order). */
  pool: readonly number[];
  /** Ids removed for a declared conflict, in roster order. */
  recused: string[];
}

export class InspectorPools {
  private readonly groups = new Map<string, number[]>();
  private readonly conflictsByTarget = new Map<string, Set<number>>();

  constructor(
    private readonly inspectors: readonly InspectorEntry[],
    private readonly p: DrawParameters,
  ) {
    const departments = new Set([p.department, ...p.jointDepartments]);
    for (let pos = 0; pos < inspectors.length; pos++) {
      const ins = inspectors[pos];
      if (!departments.has(ins.department)) continue;
      if (!p.requiredQualifications.every((q) => ins.qualifications.includes(q))) continue;
      const key = this.groupKey(ins.department, ins.district);
      let g = this.groups.get(key);
      if (!g) this.groups.set(key, (g = []));
      g.push(pos);
      for (const targetId of ins.conflicts) {
        let c = this.conflictsByTarget.get(targetId);
        if (!c) this.conflictsByTarget.set(targetId, (c = new Set()));
        c.add(pos);
      }
    }
  }

  private groupKey(department: string, district: string): string {
    return this.p.matchInspectorDistrict ? `${department}\u0000${district}` : department;
  }

  /** The departments sending inspectors to each visit: the lead first, then joint departments in code order. */
  get departments(): string[] {
    return [this.p.department, ...this.p.jointDepartments];
  }

  poolFor(target: TargetEntry, department: string): TargetPool {
    const base = this.groups.get(this.groupKey(department, target.district)) ?? [];
    const conflicted = this.conflictsByTarget.get(target.id);
    if (!conflicted) return { pool: base, recused: [] };
    const pool: number[] = [];
    const recused: string[] = [];
    for (const pos of base) {
      if (conflicted.has(pos)) recused.push(this.inspectors[pos].id);
      else pool.push(pos);
    }
    return { pool, recused };
  }

  /**
   * Eligible targets that could not be staffed with enough inspectors. Checked when the plan is committed:
   * after the random value is known nothing may change, so a plan that cannot be carried out is refused up front.
   */
  coverageGaps(sortedTargets: readonly TargetEntry[], limit = 100): DrawFieldError[] {
    const gaps: DrawFieldError[] = [];
    for (let pos = 0; pos < sortedTargets.length && gaps.length < limit; pos++) {
      const t = sortedTargets[pos];
      // A target in a 0 bp stratum is never drawn, so it needs no inspectors.
      if (!matchesFilter(t, this.p.targetFilter) || effectiveRatioBp(t, this.p) === 0) continue;
      for (const d of this.departments) {
        const size = this.poolFor(t, d).pool.length;
        if (size < this.p.inspectorsPerTarget) {
          gaps.push({
            path: `targets[${pos}]`,
            code: 'insufficient-inspectors',
            message: `${t.id} 在部门 ${d} 仅有 ${size} 名可抽取的检查人员，少于 ${this.p.inspectorsPerTarget} 名 / only ${size} eligible inspectors of ${d}`,
          });
          if (gaps.length >= limit) break;
        }
      }
    }
    return gaps;
  }
}
