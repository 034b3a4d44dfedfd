/**
 * Which targets are eligible and how many are drawn from each stratum.
 *
 * Effective ratio: the credit class ratio (国发〔2019〕5号: differentiate by credit risk class), raised to the
 * highest ratio of the target's flags (国办发〔2015〕58号: raise the sampling of entities with complaints,
 * abnormal-operation listing or serious violations). Targets with the same class and effective ratio form one
 * stratum, keyed `<class>:<ratio bp>`, strata ordered by class then ratio.
 *
 * Sample size rounding rule: k = ⌈n × bp / 10000⌉, computed in integers as ⌊(n × bp + 9999) / 10000⌋.
 * Regulations state the ratio as a floor (抽查比例不低于…), so the count is rounded up: the achieved ratio is
 * never below the plan's, and exceeds it by less than one target per stratum. 0 bp draws nobody.
 */
import type { CreditClass, DrawParameters, StratumSummary, TargetEntry } from './draw.types.js';

export function sampleSize(population: number, ratioBp: number): number {
  return Math.floor((population * ratioBp + 9999) / 10_000);
}

export function matchesFilter(t: TargetEntry, filter: DrawParameters['targetFilter']): boolean {
  if (filter.districts.length > 0 && !filter.districts.includes(t.district)) return false;
  if (filter.industries.length > 0 && !filter.industries.some((code) => t.industry.startsWith(code))) return false;
  return true;
}

export function effectiveRatioBp(t: TargetEntry, p: DrawParameters): number {
  let bp = p.ratioBp[t.creditClass];
  for (const f of t.flags) bp = Math.max(bp, p.flagRatioBp[f]);
  return bp;
}

export interface Stratum extends StratumSummary {
  /** Positions in the canonical (id-sorted) target roster, ascending. */
  members: number[];
}

const CLASS_ORDER: Record<CreditClass, number> = { A: 0, B: 1, C: 2, D: 3 };

/** Strata of the eligible targets of a canonical roster. */
export function buildStrata(sortedTargets: readonly TargetEntry[], p: DrawParameters): Stratum[] {
  // Numeric map keys: building a string key for each of a million targets is measurable.
  const byKey = new Map<number, Stratum>();
  const filtered = p.targetFilter.districts.length > 0 || p.targetFilter.industries.length > 0;
  for (let pos = 0; pos < sortedTargets.length; pos++) {
    const t = sortedTargets[pos];
    if (filtered && !matchesFilter(t, p.targetFilter)) continue;
    const bp = t.flags.length === 0 ? p.ratioBp[t.creditClass] : effectiveRatioBp(t, p);
    const numericKey = CLASS_ORDER[t.creditClass] * 100_000 + bp;
    let s = byKey.get(numericKey);
    if (!s) {
      s = { key: `${t.creditClass}:${bp}`, creditClass: t.creditClass, ratioBp: bp, population: 0, sampleSize: 0, members: [] };
      byKey.set(numericKey, s);
    }
    s.members.push(pos);
  }
  const strata = [...byKey.values()].sort(
    (a, b) => CLASS_ORDER[a.creditClass] - CLASS_ORDER[b.creditClass] || a.ratioBp - b.ratioBp,
  );
  for (const s of strata) {
    s.population = s.members.length;
    s.sampleSize = sampleSize(s.population, s.ratioBp);
  }
  return strata;
}
