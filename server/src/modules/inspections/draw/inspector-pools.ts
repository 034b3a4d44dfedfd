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
  // department → district (or '' when districts need not match) → pool. Nested maps with the roster's own
  // strings as keys: a concatenated key per lookup would be built and hashed again for every target.
  private readonly groups = new Map<string, Map<string, number[]>>();
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
      let byDistrict = this.groups.get(ins.department);
      if (!byDistrict) this.groups.set(ins.department, (byDistrict = new Map()));
      const key = this.districtKey(ins.district);
      let g = byDistrict.get(key);
      if (!g) byDistrict.set(key, (g = []));
      g.push(pos);
      for (const targetId of ins.conflicts) {
        let c = this.conflictsByTarget.get(targetId);
        if (!c) this.conflictsByTarget.set(targetId, (c = new Set()));
        c.add(pos);
      }
    }
  }

  private districtKey(district: string): string {
    return this.p.matchInspectorDistrict ? district : '';
  }

  private basePool(department: string, district: string): readonly number[] {
    return this.groups.get(department)?.get(this.districtKey(district)) ?? [];
  }

  /** The departments sending inspectors to each visit: the lead first, then joint departments in code order. */
  get departments(): string[] {
    return [this.p.department, ...this.p.jointDepartments];
  }

  poolFor(target: TargetEntry, department: string): TargetPool {
    const base = this.basePool(department, target.district);
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
    const departments = this.departments;
    const conflicted = this.conflictedPositions(sortedTargets);
    for (let pos = 0; pos < sortedTargets.length && gaps.length < limit; pos++) {
      const t = sortedTargets[pos];
      // A target in a 0 bp stratum is never drawn, so it needs no inspectors.
      if (!matchesFilter(t, this.p.targetFilter) || effectiveRatioBp(t, this.p) === 0) continue;
      for (const d of departments) {
        // Without a declared conflict the pool is the department's (and district's) whole group: no per-target work.
        const size = conflicted.has(pos) ? this.poolFor(t, d).pool.length : this.basePool(d, t.district).length;
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

  /**
   * Positions of the targets someone declared a conflict with, found by binary search in the id-sorted roster:
   * a handful of lookups instead of hashing each of a million ids.
   */
  private conflictedPositions(sortedTargets: readonly TargetEntry[]): Set<number> {
    const out = new Set<number>();
    for (const id of this.conflictsByTarget.keys()) {
      let lo = 0;
      let hi = sortedTargets.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sortedTargets[mid].id < id) lo = mid + 1;
        else hi = mid;
      }
      if (lo < sortedTargets.length && sortedTargets[lo].id === id) out.add(lo);
    }
    return out;
  }
}
